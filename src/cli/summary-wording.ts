import type { SourceStatus } from '../core/consolidate/consolidation';
import { SOURCE_STATUS_VI } from '../core/render/status-labels';
import type { Lang } from './command';

/**
 * The sentences the commands print after a run (consolidate, validate,
 * template, push), one table per language like the findings' wording:
 * the commands pass figures and names, the table chooses the words.
 */
export interface SummaryWording {
  readonly sourceStatus: Readonly<Record<SourceStatus, string>>;
  consolidated(p: { unit: string; period: string; label: string }): string;
  submitted(p: { submitted: number; expected: number; onTime: number; late: number; invalid: number; missing: number }): string;
  filesRead(p: { files: number; used: number; invalid: number; superseded: number; unexpected: number; ignored: number }): string;
  findingCounts(p: { errors: number; warnings: number }): string;
  leftOutHeading: string;
  moreFiles(p: { count: number; sheet: string }): string;
  invalidHeading: string;
  moreUnits(p: { count: number }): string;
  missing(p: { names: string; more: number }): string;
  written(p: { out: string }): string;
  moreErrors(p: { count: number }): string;
  compared(p: { label: string; compared: number; children: number }): string;
  validated(p: { files: number; valid: number; withErrors: number }): string;
  verdict(invalid: boolean): string;
  templateMade(p: { form: string; period: string; unit: string; what: string; map: string; out: string }): string;
  templateWhat(p: { kind: 'form_rows' | 'children' | 'villages'; count: number }): string;
  templatesMade(p: { count: number; form: string; period: string; parent: string; withTargets: string; map: string }): string;
  withTargets(p: { assigned: number; count: number }): string;
  withoutTargets(p: { units: string }): string;
  blankTargets(p: { parent: string; count: number; file: string; code: string; base: string }): string;
  /** The unit list a template follows: a dated map's Vietnamese label and its date and levels, or none for a hand-made list. */
  mapLabel(p: { label: string; date: string; levels: readonly string[] } | undefined): string;
  uploaded(p: { replaced: boolean; name: string; bytes: string; shown: string; eTag: string; location: string }): string;
}

const VI: SummaryWording = {
  sourceStatus: SOURCE_STATUS_VI,
  consolidated: (p) => `Tổng hợp ${p.unit}, kỳ ${p.period} (${p.label}):`,
  submitted: (p) => `Đã nộp ${p.submitted}/${p.expected} đơn vị: ${p.onTime} đúng hạn, ${p.late} trễ hạn, ${p.invalid} không hợp lệ; ${p.missing} chưa nộp.`,
  filesRead: (p) => `Đã đọc ${p.files} tệp: ${p.used} được tổng hợp; ${p.invalid} không hợp lệ, ${p.superseded} có tệp mới hơn, ${p.unexpected} không thuộc đơn vị, ${p.ignored} bỏ qua.`,
  findingCounts: (p) => `${p.errors} lỗi, ${p.warnings} cảnh báo (chi tiết trong trang KiemTra).`,
  leftOutHeading: 'Tệp không được tổng hợp:',
  moreFiles: (p) => `... và ${p.count} tệp khác (xem trang ${p.sheet}).`,
  invalidHeading: 'Không hợp lệ:',
  moreUnits: (p) => `... và ${p.count} đơn vị khác.`,
  missing: (p) => `Chưa nộp: ${p.names}${p.more > 0 ? ` và ${p.more} đơn vị khác` : ''}.`,
  written: (p) => `Đã ghi: ${p.out}`,
  moreErrors: (p) => ` (và ${p.count} lỗi khác)`,
  compared: (p) => `So sánh với ${p.label}: ${p.compared}/${p.children} đơn vị có số liệu cả hai kỳ (cột "Tăng so với ${p.label}" trong SoLieu, nhận xét trong NhanXet).`,
  validated: (p) => `Đã kiểm tra ${p.files} tệp: ${p.valid} hợp lệ, ${p.withErrors} có lỗi.`,
  verdict: (invalid) => (invalid ? 'KHÔNG HỢP LỆ' : 'hợp lệ'),
  templateMade: (p) => `Đã tạo biểu mẫu ${p.form} kỳ ${p.period} cho ${p.unit}, ${p.what}, ${p.map}:\n  ${p.out}`,
  templateWhat: (p) => (p.kind === 'form_rows' ? 'các dòng theo mẫu' : p.kind === 'children' ? `${p.count} đơn vị trực thuộc` : `${p.count} dòng thôn, ấp`),
  templatesMade: (p) => `Đã tạo ${p.count} biểu mẫu ${p.form} kỳ ${p.period} cho các đơn vị trực thuộc ${p.parent}${p.withTargets}, ${p.map}:`,
  withTargets: (p) => `, ${p.assigned}/${p.count} đơn vị có chỉ tiêu điền sẵn`,
  withoutTargets: (p) => `Chưa có chỉ tiêu (đơn vị tự ghi): ${p.units}.`,
  blankTargets: (p) =>
    `Đã tạo bảng chỉ tiêu trống (trang ChiTieu) của ${p.parent}, ${p.count} đơn vị:\n  ${p.file}\nĐiền chỉ tiêu vào các ô trống, lưu lại, rồi chạy: phu template --unit ${p.code} --period <kỳ> --targets "${p.base}" --out-dir <thư mục>`,
  mapLabel: (p) => (p === undefined ? 'theo danh mục đơn vị' : `theo ${p.label}`),
  uploaded: (p) => `${p.replaced ? 'Đã thay' : 'Đã tải lên'} "${p.name}" (${p.bytes} byte) vào "${p.shown}".\nPhiên bản (eTag): ${p.eTag}\n${p.location}`,
};

const LEVELS_EN: Readonly<Record<string, string>> = { tinh: 'province', huyen: 'district', xa: 'commune' };

const EN: SummaryWording = {
  sourceStatus: { used: 'On time', late: 'Late', superseded: 'Superseded', invalid: 'Invalid', unexpected: 'Not a child unit', ignored: 'Ignored' },
  consolidated: (p) => `Consolidated ${p.unit}, period ${p.period} (${p.label}):`,
  submitted: (p) => `Submitted ${p.submitted}/${p.expected} units: ${p.onTime} on time, ${p.late} late, ${p.invalid} invalid; ${p.missing} not submitted.`,
  filesRead: (p) => `Read ${p.files} files: ${p.used} consolidated; ${p.invalid} invalid, ${p.superseded} superseded by a newer file, ${p.unexpected} not of a child unit, ${p.ignored} ignored.`,
  findingCounts: (p) => `${p.errors} errors, ${p.warnings} warnings (details in the KiemTra sheet).`,
  leftOutHeading: 'Files not consolidated:',
  moreFiles: (p) => `... and ${p.count} more files (see the ${p.sheet} sheet).`,
  invalidHeading: 'Invalid:',
  moreUnits: (p) => `... and ${p.count} more units.`,
  missing: (p) => `Not submitted: ${p.names}${p.more > 0 ? ` and ${p.more} more units` : ''}.`,
  written: (p) => `Written: ${p.out}`,
  moreErrors: (p) => ` (and ${p.count} more errors)`,
  compared: (p) => `Compared with ${p.label}: ${p.compared}/${p.children} units have figures for both periods (column "Tăng so với ${p.label}" in SoLieu, remarks in NhanXet).`,
  validated: (p) => `Checked ${p.files} files: ${p.valid} valid, ${p.withErrors} with errors.`,
  verdict: (invalid) => (invalid ? 'INVALID' : 'valid'),
  templateMade: (p) => `Created the ${p.form} form for period ${p.period} for ${p.unit}, ${p.what}, ${p.map}:\n  ${p.out}`,
  templateWhat: (p) => (p.kind === 'form_rows' ? "the form's rows" : p.kind === 'children' ? `${p.count} child units` : `${p.count} village rows`),
  templatesMade: (p) => `Created ${p.count} ${p.form} forms for period ${p.period} for the child units of ${p.parent}${p.withTargets}, ${p.map}:`,
  withTargets: (p) => `, ${p.assigned}/${p.count} units with targets filled in`,
  withoutTargets: (p) => `No target yet (the unit fills it in): ${p.units}.`,
  blankTargets: (p) =>
    `Created a blank target table (ChiTieu sheet) for ${p.parent}, ${p.count} units:\n  ${p.file}\nFill in the targets, save, then run: phu template --unit ${p.code} --period <period> --targets "${p.base}" --out-dir <folder>`,
  mapLabel: (p) => (p === undefined ? 'by the unit list' : `by the unit list of ${p.date} (${p.levels.map((l) => LEVELS_EN[l] ?? l).join(', ')})`),
  uploaded: (p) => `${p.replaced ? 'Replaced' : 'Uploaded'} "${p.name}" (${p.bytes} bytes) to "${p.shown}".\nVersion (eTag): ${p.eTag}\n${p.location}`,
};

/**
 * The summary wording of a language.
 *
 * @example summaryWording('en').written({ out: 'a.xlsx' }) // 'Written: a.xlsx'
 */
export function summaryWording(lang: Lang): SummaryWording {
  return lang === 'en' ? EN : VI;
}

import { formatNumberVi } from '../core/format/format-number-vi';
import { mapInfo, type MapId } from '../core/units/unit-maps';
import type { Lang } from './command';

/**
 * The lines the commands print that are neither findings, failures nor a
 * run's summary (summary-wording.ts): warnings about the environment,
 * progress, the headings of an input's findings, `phu form`, `phu convert`,
 * `phu push` conflicts and the demo's narration. One table per language;
 * the commands pass figures and names (data, never translated).
 */
export interface CliWording {
  envInvalid(p: { name: string; value: string }): string;
  reading(p: { done: number; total: number }): string;
  uploading(p: { percent: number }): string;
  targetsHeading(p: { name: string }): string;
  previousFileHeading(p: { name: string }): string;
  previousCarryHeading: string;
  previousCarried(p: { from: string; to: string; count: number }): string;
  formFileHeading(p: { name: string }): string;
  formListed(p: { id: string; version: string; title: string; periods: string }): string;
  formExported(p: { id: string; file: string; out: string }): string;
  formValid(p: { file: string; id: string; version: string; tables: number; periods: string; hash: string }): string;
  formShadowsShipped(p: { id: string }): string;
  converted(p: { period: string; olds: number; from: string; to: MapId; reached: number; children: number; parent: string; counts: string; out: string }): string;
  /** A version of a file on a drive: `phiên bản <eTag>, sửa lúc ..., 1.234 byte`. */
  driveItem(p: { eTag: string; modified: string; bytes: number }): string;
  pushExists(p: { shown: string; name: string; there: string; ifMatch: string }): string;
  pushChanged(p: { name: string; shown: string; saw: string; now: string; file: string; ifMatch: string }): string;
  demoSample(p: { province: string; period: string; label: string; communes: number; districts: number }): string;
  demoWritten(p: { files: number; dir: string }): string;
  demoDistricts: string;
  demoDistrict(p: { stem: string; submitted: number; expected: number; late: number; invalid: number; missing: number; errors: number; warnings: number }): string;
  demoOpen: string;
  demoValidate(p: { file: string }): string;
  todaySample(p: { province: string; map: string; period: string; label: string; communes: number }): string;
  todayWritten(p: { files: number; abolished: string; dir: string }): string;
  todayTemplate(p: { period: string }): string;
}

/** `1.234` in Vietnamese, `1,234` in English. */
function digits(n: number, lang: Lang): string {
  return lang === 'en' ? n.toLocaleString('en-US') : formatNumberVi(n);
}

const VI: CliWording = {
  envInvalid: (p) => `Cảnh báo: biến môi trường ${p.name}="${p.value}" không phải số dương, dùng giới hạn mặc định.`,
  reading: (p) => `Đang đọc ${p.done}/${p.total} tệp...`,
  uploading: (p) => `Đang tải lên ${p.percent}%`,
  targetsHeading: (p) => `Bảng chỉ tiêu ${p.name}`,
  previousFileHeading: (p) => `Tệp kỳ trước ${p.name}`,
  previousCarryHeading: 'Chuyển đổi kỳ trước',
  previousCarried: (p) => `Kỳ trước theo danh mục ${p.from}: chuyển sang danh mục ${p.to} qua bảng chuyển đổi, ${p.count} đơn vị có số liệu kỳ trước.`,
  formFileHeading: (p) => `Tệp mẫu biểu ${p.name}`,
  formListed: (p) => `${p.id}  (phiên bản ${p.version})  ${p.title}\n    Kỳ báo cáo: ${p.periods}`,
  formExported: (p) => `Đã xuất mẫu biểu ${p.id} ra:\n  ${p.file}\nSửa tệp này (trước hết đổi "id"), rồi kiểm tra: phu form check "${p.out}"`,
  formValid: (p) => `${p.file}: hợp lệ. Mẫu biểu ${p.id} (phiên bản ${p.version}), ${p.tables} trang số liệu, kỳ báo cáo: ${p.periods}.\nMã kiểm tra: ${p.hash}`,
  formShadowsShipped: (p) => `Lưu ý: mã "${p.id}" trùng mẫu có sẵn của PHU nhưng nội dung khác: hãy đổi "id" để không lẫn với mẫu gốc.`,
  converted: (p) =>
    `Đã chuyển số liệu kỳ ${p.period} của ${p.olds} xã theo danh mục ${p.from} sang ${mapInfo(p.to).label}: ` +
    `${p.reached}/${p.children} xã, phường của ${p.parent} có số liệu; ${p.counts}.\n  ${p.out}\n` +
    'Trang ChuyenDoi: từng xã cũ và đơn vị mới của nó; KiemTra: các xã mới không chuyển được số liệu và lý do.',
  driveItem: (p) => `phiên bản ${p.eTag}${p.modified !== '' ? `, sửa lúc ${p.modified}` : ''}, ${digits(p.bytes, 'vi')} byte`,
  pushExists: (p) =>
    `Xung đột: "${p.shown}" đã có tệp "${p.name}"${p.there !== '' ? ` (${p.there})` : ''}. Không ghi đè.\n` +
    `Nếu muốn thay bằng tệp của bạn, chạy lại với --replace${p.ifMatch !== '' ? ` --if-match '${p.ifMatch}'` : ''}; hoặc đặt tên khác bằng --name.`,
  pushChanged: (p) =>
    `Xung đột: tệp "${p.name}" trong "${p.shown}" đã bị người khác thay đổi${p.saw !== '' ? ` sau phiên bản bạn đã thấy (${p.saw})` : ''}${p.now !== '' ? `; hiện là ${p.now}` : ', hoặc đã bị xóa'}.\n` +
    `Không ghi đè: giữ cả hai bản — bản trên thư mục chung giữ nguyên, bản của bạn vẫn ở "${p.file}".\n` +
    `Hãy mở bản trên thư mục chung xem thay đổi; nếu vẫn muốn thay, chạy lại với --replace${p.ifMatch !== '' ? ` --if-match '${p.ifMatch}'` : ''}.`,
  demoSample: (p) => `Dữ liệu mẫu: ${p.province}, kỳ ${p.period} (${p.label}), ${p.communes} xã trong ${p.districts} huyện.`,
  demoWritten: (p) => `Đã ghi ${p.files} tệp của các xã (có vài tệp lỗi để thử) vào ${p.dir}`,
  demoDistricts: 'Tổng hợp cấp huyện:',
  demoDistrict: (p) => {
    const issues = [p.late > 0 ? `${p.late} trễ hạn` : '', p.invalid > 0 ? `${p.invalid} không hợp lệ` : '', p.missing > 0 ? `${p.missing} chưa nộp` : ''].filter((s) => s !== '');
    return `${p.stem} nộp ${p.submitted}/${p.expected}${issues.length > 0 ? ` (${issues.join(', ')})` : ''}; ${p.errors} lỗi, ${p.warnings} cảnh báo`;
  },
  demoOpen:
    'Mở tệp tổng hợp bằng Excel: SoLieu (số liệu, tỷ lệ, xếp hạng, tình trạng), KiemTra (lỗi, cảnh báo),\n' +
    'NguonDuLieu (mọi tệp đã đọc và tình trạng), NhanXet (dự thảo nhận xét), TinhHinhNop (đã nộp, đúng hạn, trễ hạn, chưa nộp).',
  demoValidate: (p) => `Xem lỗi của một tệp: phu validate "${p.file}"`,
  todaySample: (p) => `Dữ liệu mẫu: ${p.province} ${p.map}, kỳ ${p.period} (${p.label}), ${p.communes} xã, phường nộp thẳng lên tỉnh.`,
  todayWritten: (p) => `Đã ghi ${p.files} tệp của các xã, phường (có vài tệp lỗi, một tệp trễ hạn, một xã chưa nộp, và tệp của ${p.abolished} đã nhập vào đơn vị mới) vào\n  ${p.dir}`,
  todayTemplate: (p) => `Làm biểu mẫu cho một phường mới: phu template --unit 25217 --period ${p.period} --map 2025-07-01 --out "25217 Phước Long.xlsx"`,
};

const EN: CliWording = {
  envInvalid: (p) => `Warning: the environment variable ${p.name}="${p.value}" is not a positive number; the default limit is used.`,
  reading: (p) => `Reading ${p.done}/${p.total} files...`,
  uploading: (p) => `Uploading ${p.percent}%`,
  targetsHeading: (p) => `Target table ${p.name}`,
  previousFileHeading: (p) => `Previous period's file ${p.name}`,
  previousCarryHeading: "Conversion of the previous period's figures",
  previousCarried: (p) => `The previous period is on the ${p.from} unit list: converted to the ${p.to} list through the conversion table, ${p.count} units have previous figures.`,
  formFileHeading: (p) => `Form file ${p.name}`,
  formListed: (p) => `${p.id}  (version ${p.version})  ${p.title}\n    Periods: ${p.periods}`,
  formExported: (p) => `Exported form ${p.id} to:\n  ${p.file}\nEdit this file (first change "id"), then check it: phu form check "${p.out}"`,
  formValid: (p) => `${p.file}: valid. Form ${p.id} (version ${p.version}), ${p.tables} data sheets, periods: ${p.periods}.\nCheck code: ${p.hash}`,
  formShadowsShipped: (p) => `Note: the id "${p.id}" is that of a form PHU ships, but the content differs: change "id" so it is not mistaken for the original.`,
  converted: (p) =>
    `Converted the figures of period ${p.period} of ${p.olds} communes on the ${p.from} unit list to the ${p.to} list: ` +
    `${p.reached}/${p.children} communes and wards of ${p.parent} have figures; ${p.counts}.\n  ${p.out}\n` +
    'ChuyenDoi sheet: each old commune and its new unit; KiemTra: the new communes whose figures could not be converted, and why.',
  driveItem: (p) => `version ${p.eTag}${p.modified !== '' ? `, modified ${p.modified}` : ''}, ${digits(p.bytes, 'en')} bytes`,
  pushExists: (p) =>
    `Conflict: "${p.shown}" already has a file "${p.name}"${p.there !== '' ? ` (${p.there})` : ''}. Nothing was overwritten.\n` +
    `To replace it with your file, run again with --replace${p.ifMatch !== '' ? ` --if-match '${p.ifMatch}'` : ''}; or choose another name with --name.`,
  pushChanged: (p) =>
    `Conflict: the file "${p.name}" in "${p.shown}" was changed by someone else${p.saw !== '' ? ` after the version you saw (${p.saw})` : ''}${p.now !== '' ? `; it is now ${p.now}` : ', or deleted'}.\n` +
    `Nothing was overwritten: both copies are kept — the shared folder's copy as it is, yours still at "${p.file}".\n` +
    `Open the shared folder's copy to see the changes; to replace it anyway, run again with --replace${p.ifMatch !== '' ? ` --if-match '${p.ifMatch}'` : ''}.`,
  demoSample: (p) => `Sample data: ${p.province}, period ${p.period} (${p.label}), ${p.communes} communes in ${p.districts} districts.`,
  demoWritten: (p) => `Wrote ${p.files} commune files (a few with faults to try) to ${p.dir}`,
  demoDistricts: 'District consolidations:',
  demoDistrict: (p) => {
    const issues = [p.late > 0 ? `${p.late} late` : '', p.invalid > 0 ? `${p.invalid} invalid` : '', p.missing > 0 ? `${p.missing} not submitted` : ''].filter((s) => s !== '');
    return `${p.stem} submitted ${p.submitted}/${p.expected}${issues.length > 0 ? ` (${issues.join(', ')})` : ''}; ${p.errors} errors, ${p.warnings} warnings`;
  },
  demoOpen:
    'Open the consolidated file in Excel: SoLieu (figures, rates, ranks, statuses), KiemTra (errors, warnings),\n' +
    'NguonDuLieu (every file read and its status), NhanXet (draft remarks), TinhHinhNop (submitted, on time, late, not submitted).',
  demoValidate: (p) => `See the errors of one file: phu validate "${p.file}"`,
  todaySample: (p) => `Sample data: ${p.province}, ${p.map}, period ${p.period} (${p.label}), ${p.communes} communes and wards reporting straight to the province.`,
  todayWritten: (p) => `Wrote ${p.files} commune and ward files (a few with faults, one late, one commune not submitted, and the file of ${p.abolished}, merged into a new unit) to\n  ${p.dir}`,
  todayTemplate: (p) => `Make a template for a new ward: phu template --unit 25217 --period ${p.period} --map 2025-07-01 --out "25217 Phước Long.xlsx"`,
};

/**
 * The command line's wording in a language.
 *
 * @example cliWording('en').reading({ done: 3, total: 16 }) // 'Reading 3/16 files...'
 */
export function cliWording(lang: Lang): CliWording {
  return lang === 'en' ? EN : VI;
}

import { createHash } from 'node:crypto';
import { FORM_4PHU_2024 } from '../core/forms/form-4phu-2024';
import { renderSubmission } from '../core/render/render-submission';
import { nationalRegistry } from '../core/units/national-registry';
import { balancedRow, infoFor, reasonRows } from '../../test/support/submission-fixtures';
import { readWorkbook } from '../xlsx/read-workbook';
import { writeWorkbook } from '../xlsx/write-workbook';
import { CHART_SHEET } from '../core/campaign/rate-charts';
import { MemoryDrive } from '../../test/support/addin/memory-drive';
import { communeReport } from '../../test/support/addin/campaign-fixtures';
import { readPreviousFile, readTargetsFile } from './campaign-inputs';
import { consolidateReports } from './consolidate-files';
import { ignoreReason } from './ignore-reason';
import { inputFromPicked, inputsFromDrive, type InputFile, type PickedFile } from './input-file';
import { readReports, type FileState, type ReportRequest } from './read-reports';
import { sha256Hex } from './sha256-hex';
import type { WorkbookReader } from './workbook-reader';
import { renderTargetTable } from '../core/campaign/render-target-table';

const registry = nationalRegistry();
const form = FORM_4PHU_2024;

function picked(name: string, bytes: Uint8Array, relativePath = ''): PickedFile {
  return { name, size: bytes.length, lastModified: Date.UTC(2024, 4, 9), relativePath, arrayBuffer: () => Promise.resolve(bytes.slice().buffer) };
}

/** Picked files (or drive inputs) read into reports, telling `onFile` as the pane does. */
function reportsFromFiles(files: readonly (PickedFile | InputFile)[], req: ReportRequest, reader: WorkbookReader, onFile?: (s: FileState) => void) {
  const inputs = files.map((f) => ('read' in f ? f : inputFromPicked(f)));
  return readReports(inputs, req, { reader, ...(onFile ? { onFile } : {}) });
}

/** A picked file's name and bytes, as the pane hands a target table or a previous period over. */
async function named(f: PickedFile): Promise<{ name: string; bytes: Uint8Array }> {
  return { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) };
}

async function communeFile(code: string, seed: number): Promise<Uint8Array> {
  const unit = registry.get(code);
  if (!unit) throw new Error(code);
  const villages = [1, 2, 3].map((i) => balancedRow(`KP${i}`, `Khu phố ${i}`, seed + i));
  const sum = (k: string): number => villages.reduce((s, r) => s + (r.values[k] ?? 0), 0);
  const book = renderSubmission(form, { info: infoFor('xa', unit.code, unit.name, '688'), tables: { SoLieu: villages, LyDo: reasonRows(sum('cccd_processed'), sum('ddt_processed')) } });
  return writeWorkbook(book);
}

describe('consolidating picked files (the pane and the web page)', () => {
  it('reads each file into a report, with progress, and consolidates the district', async () => {
    const communes = registry.children('688');
    const files: PickedFile[] = [];
    for (const [i, c] of communes.slice(1).entries()) files.push(picked(`${c.code}.xlsx`, await communeFile(c.code, i * 3)));
    files.push(picked('ghi-chu.txt', new TextEncoder().encode('không phải báo cáo')));
    files.push(picked('hong.xlsx', new Uint8Array([80, 75, 3, 4, 1, 2, 3])));
    const states: FileState[] = [];
    const req = { form, registry, parentCode: '688', period: 'D1', reportDate: '2024-05-10' };
    const reports = await reportsFromFiles(files, req, { readWorkbook }, (s) => states.push(s));
    expect(reports).toHaveLength(files.length);
    expect(states.filter((s) => s.status === 'reading')).toHaveLength(files.length);
    const final = new Map(states.filter((s) => s.status !== 'reading').map((s) => [s.name, s.status]));
    expect(final.get('ghi-chu.txt')).toBe('ignored');
    expect(final.get('hong.xlsx')).toBe('invalid');
    expect(final.get(`${communes[1]?.code ?? ''}.xlsx`)).toBe('valid');
    const { consolidation, book } = consolidateReports(reports, req);
    expect(consolidation.completeness).toEqual({ expected: communes.length, onTime: communes.length - 1, late: 0, missing: 1, invalid: 0 });
    expect(consolidation.sources).toHaveLength(files.length);
    expect(book.sheets.map((s) => s.name)).toEqual(['ThongTin', 'SoLieu', 'LyDo', 'KiemTra', 'NguonDuLieu', 'NhanXet', 'TinhHinhNop', 'PHU_MauBieu']);
    const src = reports.find((r) => r.source.file === 'ghi-chu.txt')?.source;
    expect(src?.sha256).toBe(createHash('sha256').update('không phải báo cáo').digest('hex'));
  });

  it('tells submissions from what is not one', () => {
    const f = (name: string, relativePath = ''): InputFile => inputFromPicked(picked(name, new Uint8Array(0), relativePath));
    expect(ignoreReason(f('25216.xlsx', 'BaoCao/25216.xlsx'))).toBeUndefined();
    expect(ignoreReason(f('~$25216.xlsx'))).toBe('lock_file');
    expect(ignoreReason(f('25216.xlsx', 'BaoCao/cu/25216.xlsx'))).toBe('in_subfolder');
    expect(ignoreReason(f('anh.png'))).toBe('not_workbook');
    expect(ignoreReason(f('._25216.xlsx'))).toBe('mac_resource');
  });

  it('hashes with Web Crypto as Node does', async () => {
    const bytes = new TextEncoder().encode('Phước Long');
    expect(await sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});

describe('consolidating a drive folder, with a previous period and targets', () => {
  const communes = registry.children('688');
  const folder = '4PHU-2024/D2/688 Thị xã Phước Long';

  it('reads a drive folder file by file, downloading only workbooks, and lists the subfolder without reading it', async () => {
    const drive = new MemoryDrive();
    for (const [i, c] of communes.slice(0, 3).entries()) drive.put(`${folder}/${c.code}.xlsx`, await writeWorkbook(communeReport(registry, c.code, { seed: i * 4, period: 'D2' })));
    drive.put(`${folder}/cu/${communes[0]?.code ?? ''}.xlsx`, new Uint8Array([1]));
    drive.put(`${folder}/~$${communes[0]?.code ?? ''}.xlsx`, new Uint8Array([2]));
    const downloads: string[] = [];
    const download = drive.download.bind(drive);
    drive.download = (item) => (downloads.push(item.name), download(item));
    const files = await inputsFromDrive(drive, folder);
    const states: FileState[] = [];
    const req = { form, registry, parentCode: '688', period: 'D2', reportDate: '2024-06-10' };
    const reports = await reportsFromFiles(files, req, { readWorkbook }, (s) => states.push(s));
    const final = Object.fromEntries(states.filter((s) => s.status !== 'reading').map((s) => [s.name, s.status]));
    expect(final).toEqual({ cu: 'ignored', [`~$${communes[0]?.code ?? ''}.xlsx`]: 'ignored', ...Object.fromEntries(communes.slice(0, 3).map((c) => [`${c.code}.xlsx`, 'valid'])) });
    expect(downloads).not.toContain('cu');
    expect(reports.find((r) => r.source.file === 'cu')?.findings[0]?.message_vi).toMatch(/thư mục/);
    const { consolidation, charts } = consolidateReports(reports, req);
    expect(consolidation.completeness.onTime).toBe(3);
    expect(charts.sheet.name).toBe(CHART_SHEET);
    expect(charts.charts.map((c) => c.indicator)).toEqual(['cccd', 'ddt', 'phone4g', 'simcks']);
  });

  it('compares with the previous consolidation: change columns, a warning on a falling unit, the NhanXet paragraph', async () => {
    const [a, b] = communes;
    if (!a || !b) throw new Error('fixture');
    const d1Files = [picked(`${a.code}.xlsx`, await writeWorkbook(communeReport(registry, a.code, { seed: 1 }))), picked(`${b.code}.xlsx`, await writeWorkbook(communeReport(registry, b.code, { seed: 5 })))];
    const d1Req = { form, registry, parentCode: '688', period: 'D1', reportDate: '2024-05-10' };
    const d1 = consolidateReports(await reportsFromFiles(d1Files, d1Req, { readWorkbook }), d1Req);
    const previous = await readPreviousFile(await named(picked('688 D1.xlsx', await writeWorkbook(d1.book))), form, registry, { readWorkbook });
    expect(previous.errors).toEqual([]);
    expect(previous.previous?.period).toBe('D1');
    expect(Object.keys(previous.previous?.byUnit ?? {}).sort()).toEqual(['688', a.code, b.code].sort());

    // Đợt 2: one commune gains, the other's cumulative figure falls.
    const d2Files = [picked(`${a.code}.xlsx`, await writeWorkbook(communeReport(registry, a.code, { seed: 1, period: 'D2', shift: 4 }))), picked(`${b.code}.xlsx`, await writeWorkbook(communeReport(registry, b.code, { seed: 5, period: 'D2', shift: -3 })))];
    const d2Req = { form, registry, parentCode: '688', period: 'D2', reportDate: '2024-06-10', ...(previous.previous ? { previous: previous.previous } : {}) };
    const reports = await reportsFromFiles(d2Files, d2Req, { readWorkbook });
    const fallen = reports.find((r) => r.source.file === `${b.code}.xlsx`)?.findings.filter((f) => f.code === 'decreased_since_previous') ?? [];
    expect(fallen).toHaveLength(1);
    const { consolidation, book } = consolidateReports(reports, d2Req);
    const solieu = book.sheets.find((s) => s.name === 'SoLieu');
    expect(solieu?.rows[2]).toContain('cccd_change');
    expect(consolidation.narrative.join(' ')).toMatch(/So với đợt 1 \(02\/\d+ đơn vị có số liệu cả hai kỳ\): Căn cước công dân tăng 3/);
  });

  it('checks files against a target table: a file whose target differs is invalid and out of the totals', async () => {
    const [a, b] = communes;
    if (!a || !b) throw new Error('fixture');
    const bookA = communeReport(registry, a.code, { seed: 1 });
    const sumTarget = (book: typeof bookA): number => {
      const rows = book.sheets.find((s) => s.name === 'SoLieu')?.rows ?? [];
      const col = rows[2]?.indexOf('cccd_target') ?? -1;
      return rows.slice(3, 6).reduce((t: number, r) => t + (typeof r[col] === 'number' ? r[col] : 0), 0);
    };
    const bookB = communeReport(registry, b.code, { seed: 5 });
    const table = renderTargetTable(form, [a, b], { [a.code]: { cccd_target: sumTarget(bookA) }, [b.code]: { cccd_target: sumTarget(bookB) + 1 } });
    const targets = await readTargetsFile(await named(picked('chi-tieu.xlsx', await writeWorkbook(table))), form, registry, { readWorkbook });
    expect(targets.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(targets.rows).toHaveLength(2);
    const req = { form, registry, parentCode: '688', period: 'D1', reportDate: '2024-05-10', targets: targets.targets };
    const states: FileState[] = [];
    await reportsFromFiles([picked(`${a.code}.xlsx`, await writeWorkbook(bookA)), picked(`${b.code}.xlsx`, await writeWorkbook(bookB))], req, { readWorkbook }, (s) => states.push(s));
    expect(states.filter((s) => s.status !== 'reading').map((s) => [s.name, s.status])).toEqual([
      [`${a.code}.xlsx`, 'valid'],
      [`${b.code}.xlsx`, 'invalid'],
    ]);
  });

  it('refuses a previous period or a target table that is not a workbook of the form, saying why', async () => {
    const junk = picked('cu.xlsx', new TextEncoder().encode('không phải sổ Excel'));
    const previous = await readPreviousFile(await named(junk), form, registry, { readWorkbook });
    expect(previous.previous).toBeUndefined();
    expect(previous.errors.length).toBeGreaterThan(0);
    expect(previous.errors.every((f) => f.file === 'cu.xlsx')).toBe(true);
    const table = await readTargetsFile(await named(picked('chi-tieu.xlsx', await writeWorkbook(communeReport(registry, '25216', { seed: 1 })))), form, registry, { readWorkbook });
    expect(table.findings.map((f) => f.code)).toContain('sheet_missing');
  });
});

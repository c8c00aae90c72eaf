import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Scalar } from '../../src/core/grid/scalar';
import type { WorkbookGrid } from '../../src/core/grid/sheet-grid';
import { nationalRegistry } from '../../src/core/units/national-registry';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { writeWorkbook } from '../../src/xlsx/write-workbook';
import { paragraphs, sheetOf } from '../acceptance/workbook-sheets';
import { runCli, tempDir } from '../cli/run-cli';
import { fillCommune, targetsOf } from './campaign-fixtures';

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => ({ dir, remove } = await tempDir('phu-campaign-')));
afterAll(() => remove());

const communes = nationalRegistry().children('688');
const folder = (period: string): string => path.join(dir, 'drive', '4PHU-2024', period, '688 Thị xã Phước Long');
const fileOf = (period: string, i: number): string => path.join(folder(period), `${communes[i]?.code ?? ''} ${communes[i]?.name ?? ''}.xlsx`);

async function gridOf(file: string): Promise<WorkbookGrid> {
  const read = await readWorkbook(new Uint8Array(await fs.readFile(file)));
  if (!read.book) throw new Error(`unreadable ${file}`);
  return read.book;
}

/** Saves a grid as a plain workbook, as Excel saves a filled file (values, totals recalculated). */
async function save(file: string, grid: WorkbookGrid): Promise<void> {
  await fs.writeFile(file, await writeWorkbook({ sheets: grid.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => r ?? []) })) }));
}

/** The level above types each commune's targets into the blank ChiTieu sheet. */
async function fillTargets(file: string): Promise<void> {
  const grid = await gridOf(file);
  const rows = grid.sheets[0]?.rows.map((r): Scalar[] => {
    const code = typeof r?.[0] === 'string' && /^\d+$/.test(r[0]) ? r[0] : undefined;
    if (!code) return [...(r ?? [])];
    const t = targetsOf(code);
    return [r?.[0] ?? null, r?.[1] ?? null, t.cccd_target, t.ddt_target, t.phone4g_target, t.simcks_target];
  });
  await save(file, { sheets: [{ name: 'ChiTieu', rows: rows ?? [] }] });
}

describe('phu: a campaign from the command line', () => {
  it('writes a blank target table, refuses a broken one, then one prefilled template per commune', async () => {
    const blank = await runCli(['template', '--unit', '688', '--new-targets', 'chi-tieu.xlsx'], dir);
    expect(blank.code).toBe(0);
    expect(blank.stdout).toContain('7 đơn vị');
    await fillTargets(path.join(dir, 'chi-tieu.xlsx'));

    const broken = path.join(dir, 'sai.xlsx');
    const grid = await gridOf(path.join(dir, 'chi-tieu.xlsx'));
    await save(broken, { sheets: grid.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r, i) => (i === 3 ? [r?.[0] ?? null, r?.[1] ?? null, '1.250'] : [...(r ?? [])])) })) });
    const refused = await runCli(['template', '--unit', '688', '--period', 'D1', '--targets', 'sai.xlsx', '--out-dir', 'drive'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('ChiTieu!C4');
    expect(refused.stderr).toContain('hãy nhập số 1.250');
    await expect(fs.stat(path.join(dir, 'drive'))).rejects.toThrow();

    const made = await runCli(['template', '--unit', '688', '--period', 'D1', '--targets', 'chi-tieu.xlsx', '--out-dir', 'drive'], dir);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('Đã tạo 7 biểu mẫu 4PHU-2024 kỳ D1 cho các đơn vị trực thuộc Thị xã Phước Long (688), 7/7 đơn vị có chỉ tiêu điền sẵn');
    expect((await fs.readdir(folder('D1'))).sort()).toEqual(communes.map((c) => `${c.code} ${c.name}.xlsx`).sort());
    const again = await runCli(['template', '--unit', '688', '--period', 'D1', '--targets', 'chi-tieu.xlsx', '--out-dir', 'drive'], dir);
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('--force');
  });

  it('validates a commune against its assigned targets', async () => {
    const filled = fillCommune(await gridOf(fileOf('D1', 0)), '2024-05-09', 0.3);
    await save(fileOf('D1', 0), filled);
    expect((await runCli(['validate', fileOf('D1', 0), '--targets', 'chi-tieu.xlsx', '--period', 'D1'], dir)).code).toBe(0);
    const so = filled.sheets.find((s) => s.name === 'SoLieu');
    const changed = { sheets: filled.sheets.map((s) => (s === so ? { name: s.name, rows: s.rows.map((r, i) => (i === 13 ? [r?.[0] ?? null, r?.[1] ?? null, r?.[2] ?? null, 5, ...(r ?? []).slice(4)] : [...(r ?? [])])) } : s)) };
    await save(path.join(dir, 'doi-chi-tieu.xlsx'), changed);
    const r = await runCli(['validate', 'doi-chi-tieu.xlsx', '--targets', 'chi-tieu.xlsx'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`Chỉ tiêu cột "cccd_target" là 5, khác chỉ tiêu được giao ${String(targetsOf(communes[0]?.code ?? '').cccd_target).replace(/\B(?=(\d{3})+$)/g, '.')}.`);
  });

  it('consolidates đợt 1 with the completeness sheet, then đợt 2 against it', async () => {
    // Đợt 1: the last commune never reports.
    for (let i = 1; i < communes.length - 1; i++) await save(fileOf('D1', i), fillCommune(await gridOf(fileOf('D1', i)), '2024-05-09', 0.3));
    await fs.rm(fileOf('D1', communes.length - 1));
    const out1 = path.join(dir, 'drive', '4PHU-2024', 'D1', '688 Thị xã Phước Long.xlsx');
    const c1 = await runCli(['consolidate', folder('D1'), '--unit', '688', '--period', 'D1', '--targets', 'chi-tieu.xlsx', '--report-date', '11/05/2024', '--out', out1], dir);
    expect(c1.code).toBe(0);
    expect(c1.stdout).toContain('Đã nộp 6/7 đơn vị');
    const book1 = await gridOf(out1);
    expect(book1.sheets.map((s) => s.name)).toEqual(['ThongTin', 'SoLieu', 'LyDo', 'KiemTra', 'NguonDuLieu', 'NhanXet', 'TinhHinhNop', 'PHU_MauBieu']);
    expect(sheetOf(book1, 'TinhHinhNop').rows.at(-1)?.slice(5, 11)).toEqual([7, 6, 6, 0, 1, 0]);

    // Đợt 2: everyone reports; Sơn Giang's figures go down.
    expect((await runCli(['template', '--unit', '688', '--period', 'D2', '--targets', 'chi-tieu.xlsx', '--out-dir', 'drive'], dir)).code).toBe(0);
    for (let i = 0; i < communes.length; i++) await save(fileOf('D2', i), fillCommune(await gridOf(fileOf('D2', i)), '2024-06-10', communes[i]?.code === '25237' ? 0.1 : 0.6));
    const out2 = path.join(dir, 'tong-hop-d2.xlsx');
    const c2 = await runCli(['consolidate', folder('D2'), '--unit', '688', '--period', 'D2', '--previous', 'auto', '--report-date', '11/06/2024', '--out', out2], dir);
    expect(c2.code).toBe(0);
    expect(c2.stdout).toContain('So sánh với đợt 1: 6/7 đơn vị có số liệu cả hai kỳ');
    const book2 = await gridOf(out2);
    const keys = sheetOf(book2, 'SoLieu').rows[2] ?? [];
    expect(keys.slice(-5)).toEqual(['status', 'cccd_change', 'ddt_change', 'phone4g_change', 'simcks_change']);
    const text = paragraphs(book2, 'NhanXet').join('\n');
    expect(text).toContain('So với đợt 1 (06/07 đơn vị có số liệu cả hai kỳ): Căn cước công dân tăng');
    expect(text).toContain('cần kiểm tra lại: Sơn Giang (');
    const findings = sheetOf(book2, 'KiemTra').rows.filter((r) => r?.[3] === 'decreased_since_previous');
    expect(findings.map((r) => [r?.[1], r?.[4], r?.[5]])).toEqual([
      ['25237', 'SoLieu', 'E14'],
      ['25237', 'SoLieu', 'I14'],
      ['25237', 'SoLieu', 'M14'],
      ['25237', 'SoLieu', 'O14'],
    ]);

    // The same from the đợt 1 consolidated file instead of the đợt 1 folder.
    const viaFile = await runCli(['consolidate', folder('D2'), '--unit', '688', '--period', 'D2', '--previous', out1, '--report-date', '11/06/2024', '--out', path.join(dir, 'b.xlsx')], dir);
    expect(viaFile.code).toBe(0);
    expect(paragraphs(await gridOf(path.join(dir, 'b.xlsx')), 'NhanXet')).toEqual(paragraphs(book2, 'NhanXet'));
  });

  it('says why there is nothing to compare with', async () => {
    const first = await runCli(['consolidate', folder('D1'), '--unit', '688', '--period', 'D1', '--previous', 'auto', '--out', path.join(dir, 'x.xlsx')], dir);
    expect(first.code).toBe(2);
    expect(first.stderr).toContain('kỳ đầu');
    const elsewhere = path.join(dir, 'khac');
    await fs.mkdir(elsewhere);
    const noConvention = await runCli(['consolidate', elsewhere, '--unit', '688', '--period', 'D2', '--previous', 'auto', '--out', path.join(dir, 'y.xlsx')], dir);
    expect(noConvention.code).toBe(2);
    expect(noConvention.stderr).toContain('<mẫu>/<kỳ>/<đơn vị>');
  });
});

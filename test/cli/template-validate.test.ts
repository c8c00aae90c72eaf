import ExcelJS from 'exceljs';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { nationalRegistry } from '../../src/core/units/national-registry';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { keyedTable } from '../acceptance/workbook-sheets';
import { runCli, tempDir } from './run-cli';

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => ({ dir, remove } = await tempDir('phu-cli-template-')));
afterAll(() => remove());

async function gridOf(file: string) {
  const read = await readWorkbook(new Uint8Array(await fs.readFile(file)));
  if (!read.book) throw new Error(`unreadable: ${read.findings.map((f) => f.message_en).join('; ')}`);
  return read.book;
}

/**
 * Fills a template the way a person does in Excel: figures in every input
 * cell, the report date, and the SUM totals' results (Excel recalculates
 * them on save; ExcelJS does not, so the cached result is set here).
 */
async function fillTemplate(file: string, out: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const info = wb.getWorksheet('ThongTin');
  info?.eachRow((row) => {
    if (row.getCell(1).value === 'report_date') row.getCell(3).value = new Date(Date.UTC(2024, 6, 5));
  });
  const perRow: Record<string, number> = {
    cccd_target: 100, cccd_done: 50, cccd_processed: 30, cccd_declined: 20,
    ddt_target: 200, ddt_done: 120, ddt_processed: 40, ddt_declined: 40,
    phone4g_target: 10, phone4g_done: 7, simcks_target: 20, simcks_done: 9,
  };
  const fill = (sheet: string, keyRow: number, values: (code: string) => Record<string, number>): void => {
    const ws = wb.getWorksheet(sheet);
    if (!ws) throw new Error(`no ${sheet}`);
    const keys = new Map<string, number>();
    ws.getRow(keyRow).eachCell((c, col) => keys.set(String(c.value), col));
    const codeCol = keys.get(sheet === 'SoLieu' ? 'unit_code' : 'reason_code') ?? 0;
    const sums: Record<string, number> = {};
    for (let r = keyRow + 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const code = String(row.getCell(codeCol).value ?? '');
      if (code === 'TONG') {
        for (const [k, v] of Object.entries(sums)) {
          const cell = row.getCell(keys.get(k) ?? 0);
          const formula = typeof cell.value === 'object' && cell.value !== null && 'formula' in cell.value ? cell.value.formula : undefined;
          cell.value = formula ? { formula, result: v } : v;
        }
        continue;
      }
      for (const [k, v] of Object.entries(values(code))) {
        row.getCell(keys.get(k) ?? 0).value = v;
        sums[k] = (sums[k] ?? 0) + v;
      }
    }
  };
  fill('SoLieu', 3, () => perRow);
  const communes = keyedTable(await gridOf(file), 'SoLieu', 3, 'unit_code').rows.length;
  // Every "xử lý dữ liệu" case given a reason, so LyDo's totals match SoLieu's.
  fill('LyDo', 2, (code) => (code === 'R01' ? { cccd: 30 * communes, ddt: 40 * communes } : {}));
  await wb.xlsx.writeFile(out);
}

describe('phu template', () => {
  it('writes a district template with one row per commune, then refuses to overwrite it without --force', async () => {
    const out = path.join(dir, '688 Phước Long.xlsx');
    const r = await runCli(['template', '--unit', '688', '--period', 'TK', '--out', '688 Phước Long.xlsx'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('7 đơn vị trực thuộc');
    const table = keyedTable(await gridOf(out), 'SoLieu', 3, 'unit_code');
    expect(table.rows.map((x) => table.get(x.cells, 'unit_code'))).toEqual(nationalRegistry().children('688').map((u) => u.code));
    expect(table.rows).toHaveLength(7);

    const again = await runCli(['template', '--unit', '688', '--period', 'TK', '--out', '688 Phước Long.xlsx'], dir);
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('--force');
    expect((await runCli(['template', '--unit', '688', '--period', 'TK', '--out', '688 Phước Long.xlsx', '--force'], dir)).code).toBe(0);
  });

  it('says what it wrote in English under --lang en', async () => {
    const r = await runCli(['template', '--unit', '688', '--period', 'TK', '--out', 'en-688.xlsx', '--lang', 'en'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Created the 4PHU-2024 form for period TK for Thị xã Phước Long (688), 7 child units, by the unit list of 2025-03-01 (province, district, commune):\n  ${path.join(dir, 'en-688.xlsx')}\n`);
  });

  it('writes a commune template with blank village rows', async () => {
    const r = await runCli(['template', '--unit', '25216', '--period', 'D1', '--rows', '4', '--out', 'xa.xlsx'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('4 dòng thôn, ấp');
    const grid = await gridOf(path.join(dir, 'xa.xlsx'));
    const table = keyedTable(grid, 'SoLieu', 3, 'unit_code');
    expect(table.total).toBeDefined();
    expect((await runCli(['template', '--unit', '25216', '--period', 'D1', '--rows', '0', '--out', 'y.xlsx'], dir)).code).toBe(2);
  });

  it('round trip: a blank district template filled with numbers validates clean (exit 0)', async () => {
    await runCli(['template', '--unit', '689', '--period', 'TK', '--out', 'dx.xlsx'], dir);
    await fillTemplate(path.join(dir, 'dx.xlsx'), path.join(dir, 'dx-filled.xlsx'));
    const r = await runCli(['validate', 'dx-filled.xlsx', '--period', 'TK'], dir);
    expect(r.stdout).toBe('dx-filled.xlsx: hợp lệ (không có lỗi, cảnh báo)\n');
    expect(r.code).toBe(0);
    // The blank template itself is not a report yet: it has no report date and no figures.
    const blank = await runCli(['validate', 'dx.xlsx'], dir);
    expect(blank.code).toBe(1);
    expect(blank.stdout).toMatch(/Lỗi\s+ThongTin!C\d+\s+Thiếu thông tin "report_date"/);
    // Its SUM totals are 0, and a cached 0 is a result, not an uncalculated formula.
    expect(blank.stdout).not.toContain('chưa được tính');
  });
});

describe('phu validate', () => {
  beforeAll(async () => {
    await runCli(['template', '--unit', '690', '--period', 'TK', '--out', 'bl.xlsx'], dir);
    await fillTemplate(path.join(dir, 'bl.xlsx'), path.join(dir, 'ok.xlsx'));
    await fs.writeFile(path.join(dir, 'notes.txt'), 'không phải Excel');
  });

  it('exits 1 when any file has an error, and names each finding with its sheet and cell', async () => {
    const r = await runCli(['validate', 'ok.xlsx', 'notes.txt', '--period', 'D1'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('ok.xlsx: KHÔNG HỢP LỆ');
    expect(r.stdout).toMatch(/Lỗi\s+ThongTin!C\d+\s+Sai kỳ báo cáo: đang tổng hợp kỳ "D1", tệp ghi "TK"/);
    expect(r.stdout).toContain('notes.txt: KHÔNG HỢP LỆ');
    expect(r.stdout).toContain('Đã kiểm tra 2 tệp: 0 hợp lệ, 2 có lỗi.');
  });

  it('words findings in English with --lang en', async () => {
    const r = await runCli(['validate', 'notes.txt', '--lang', 'en'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Error\s+The file is not a spreadsheet \(\.xlsx, \.xls, \.ods\) but a text file:/);
    expect(r.stdout).toContain('notes.txt: INVALID (1 error(s), 0 warning(s))');
    // Every word English: no Vietnamese letter anywhere.
    expect(r.stdout).not.toMatch(/[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i);
  });

  it('applies the reader limits set in the environment, and names a bad one', async () => {
    const small = await runCli(['validate', 'ok.xlsx', '--json'], dir, { PHU_MAX_FILE_MB: '0.001' });
    expect(small.code).toBe(1);
    expect((JSON.parse(small.stdout) as { files: Array<{ findings: Array<{ code: string }> }> }).files[0]?.findings.map((f) => f.code)).toEqual(['file_too_large']);
    const bad = await runCli(['validate', 'ok.xlsx'], dir, { PHU_MAX_FILE_MB: 'nhiều' });
    expect(bad.code).toBe(0);
    expect(bad.stderr).toContain('PHU_MAX_FILE_MB="nhiều" không phải số dương');
  });

  it('--json: one entry per file with counts and findings carrying their codes', async () => {
    const r = await runCli(['validate', 'ok.xlsx', 'notes.txt', '--json', '--period', 'TK'], dir);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as {
      ok: boolean;
      form: string;
      period: string;
      files: Array<{ file: string; ok: boolean; errors: number; warnings: number; findings: Array<Record<string, unknown>> }>;
    };
    expect(json).toMatchObject({ ok: false, form: '4PHU-2024', period: 'TK' });
    expect(json.files.map((f) => [f.file, f.ok, f.errors])).toEqual([
      ['ok.xlsx', true, 0],
      ['notes.txt', false, 1],
    ]);
    expect(json.files[1]?.findings[0]).toMatchObject({ code: 'file_not_workbook', severity: 'error', file: 'notes.txt', sheet: null, cell: null });
    expect(json.files[1]?.findings[0]?.['message_vi']).toContain('không phải bảng tính (.xlsx, .xls, .ods) mà là tệp văn bản');
    expect((await runCli(['validate', 'ok.xlsx', '--json'], dir)).code).toBe(0);
  });
});

describe('phu validate takes the form from the file', () => {
  it('checks a DVC25-2023 file as DVC25-2023 without --form, and as the named form with it', async () => {
    const file = path.join(dir, 'dvc25.xlsx');
    expect((await runCli(['template', '--form', 'DVC25-2023', '--unit', '690', '--period', '9T', '--out', file], dir)).code).toBe(0);
    const detected = await runCli(['validate', file, '--json'], dir);
    const codes = (JSON.parse(detected.stdout) as { files: Array<{ findings: Array<{ code: string }> }> }).files[0]?.findings.map((f) => f.code);
    expect(codes).not.toContain('form_mismatch');
    const forced = await runCli(['validate', file, '--json', '--form', '4PHU-2024'], dir);
    expect(forced.code).toBe(1);
    expect(forced.stdout).toContain('form_mismatch');
  });
});

/**
 * The map from the command line as a new user meets it: a template on
 * today's map, the period's map by default, a file of an abolished commune
 * refused with its successor, the demo on today's map, and old figures
 * converted onto the new communes.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { infoValues, sheetOf } from '../acceptance/workbook-sheets';
import { runCli, tempDir } from '../cli/run-cli';

describe('phu on both maps', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => ({ dir, remove } = await tempDir('phu-cli-maps-')));
  afterAll(() => remove());

  it('makes a province template on today\'s map listing its communes, and records the map', async () => {
    const run = await runCli(['template', '--unit', '75', '--period', 'TK', '--map', '2025-07-01', '--out', 'dong-nai.xlsx'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Tỉnh Đồng Nai (75), 95 đơn vị trực thuộc, theo danh mục 01/07/2025 (tỉnh, xã)');
    expect(run.stderr.match(/Đang dùng danh mục đơn vị 01\/07\/2025, nhưng kỳ báo cáo kết thúc ngày 08\/07\/2024/g)).toHaveLength(1);
    const book = (await readWorkbook(new Uint8Array(await fs.readFile(path.join(dir, 'dong-nai.xlsx'))))).book;
    if (!book) throw new Error('unreadable');
    expect(infoValues(book)['map']).toBe('2025-07-01');
    expect(infoValues(book)['level']).toBe('tinh');
    expect(sheetOf(book, 'SoLieu').rows.some((r) => r?.includes('Phường Đồng Xoài'))).toBe(true);
  });

  it('uses the period\'s map by default, and explains a code of the other map', async () => {
    const old = await runCli(['template', '--unit', '25216', '--period', 'TK', '--out', 'thac-mo.xlsx'], dir);
    expect(old.code).toBe(0);
    expect(old.stdout).toContain('Phường Thác Mơ (25216)');
    expect(old.stderr).toBe('');
    const refused = await runCli(['template', '--unit', '25216', '--period', 'TK', '--map', '2025-07-01', '--out', 'x.xlsx'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Phường Thác Mơ (25216) đã nhập vào Phường Phước Long (25217) từ 01/07/2025');
    const bad = await runCli(['template', '--unit', '75', '--period', 'TK', '--map', '2025-06-01', '--out', 'x.xlsx'], dir);
    expect(bad.code).toBe(2);
  });

  it('validates a new-map file on its own map, and refuses an abolished commune\'s file on today\'s', async () => {
    await runCli(['template', '--unit', '25217', '--period', 'TK', '--map', '2025-07-01', '--out', 'phuoc-long.xlsx'], dir);
    const own = await runCli(['validate', 'phuoc-long.xlsx', '--json'], dir);
    const parsed = JSON.parse(own.stdout) as { files: Array<{ findings: Array<{ code: string }> }> };
    expect(parsed.files[0]?.findings.map((f) => f.code)).not.toContain('unit_not_yet');
    expect(parsed.files[0]?.findings.map((f) => f.code)).not.toContain('unit_name_mismatch');
    const abolished = await runCli(['validate', 'thac-mo.xlsx', '--map', '2025-07-01'], dir);
    expect(abolished.code).toBe(1);
    expect(abolished.stdout).toContain('Phường Thác Mơ (25216) đã nhập vào Phường Phước Long (25217) từ 01/07/2025');
    const pushed = await runCli(['push', 'thac-mo.xlsx', '--to', 'chung', '--map', '2025-07-01'], dir);
    expect(pushed.code).toBe(1);
    expect(pushed.stderr).toContain('đã nhập vào Phường Phước Long (25217)');
  });

  it('runs the demo on today\'s map: Đồng Nai, 95 communes straight to the province', async () => {
    const run = await runCli(['demo', '--map', '2025-07-01', '--out', 'demo'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Tỉnh Đồng Nai (75) theo danh mục 01/07/2025 (tỉnh, xã)');
    expect(run.stdout).toContain('Đã nộp 94/95 đơn vị: 92 đúng hạn, 1 trễ hạn, 1 không hợp lệ; 1 chưa nộp.');
    expect(run.stdout).toMatch(/25216 Phường Thác Mơ\.xlsx +Không hợp lệ +Phường Thác Mơ \(25216\) đã nhập vào Phường Phước Long \(25217\)/);
    await fs.access(path.join(dir, 'demo', '4PHU-2024', 'TK', '75 Tỉnh Đồng Nai.xlsx'));
  }, 120_000);

  it('converts an old district\'s files onto today\'s communes, listing every old commune', async () => {
    const old = await runCli(['demo', '--out', 'cu'], dir);
    expect(old.code).toBe(0);
    const run = await runCli(['convert', path.join('cu', '4PHU-2024', 'TK', '689 Thành phố Đồng Xoài'), '--to-map', '2025-07-01', '--out', 'dong-xoai-moi.xlsx'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('8 xã theo danh mục 2025-03-01');
    const book = (await readWorkbook(new Uint8Array(await fs.readFile(path.join(dir, 'dong-xoai-moi.xlsx'))))).book;
    if (!book) throw new Error('unreadable');
    const rows = sheetOf(book, 'ChuyenDoi').rows;
    expect(rows).toHaveLength(9);
    expect(rows[1]).toEqual(['25195', 'Phường Tân Phú', 'Thành phố Đồng Xoài', 'Tỉnh Bình Phước', '25195', 'Phường Bình Phước', 'Nhập toàn bộ', 'Cộng vào đơn vị mới']);
    expect(infoValues(book)['map']).toBe('2025-07-01');
  }, 120_000);

  it('compares today\'s communes with an old consolidated workbook whose rows are communes', async () => {
    const old = path.join('cu', '4PHU-2024', 'TK', '70 Tỉnh Bình Phước', '689 Thành phố Đồng Xoài.xlsx');
    const now = path.join('demo', '4PHU-2024', 'TK', '75 Tỉnh Đồng Nai');
    const run = await runCli(['consolidate', now, '--unit', '75', '--period', 'TK', '--map', '2025-07-01', '--previous', old, '--out', 'dn.xlsx'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Kỳ trước theo danh mục 2025-03-01: chuyển sang danh mục 2025-07-01 qua bảng chuyển đổi, 2 đơn vị có số liệu kỳ trước.');
    expect(run.stdout).toContain('2/95 đơn vị có số liệu cả hai kỳ');
  }, 120_000);

  it('says the same in English with --lang en: the conversion of the previous period and of old figures', async () => {
    const old = path.join('cu', '4PHU-2024', 'TK', '70 Tỉnh Bình Phước', '689 Thành phố Đồng Xoài.xlsx');
    const now = path.join('demo', '4PHU-2024', 'TK', '75 Tỉnh Đồng Nai');
    const run = await runCli(['consolidate', now, '--unit', '75', '--period', 'TK', '--map', '2025-07-01', '--previous', old, '--out', 'dn-en.xlsx', '--lang', 'en'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('The previous period is on the 2025-03-01 unit list: converted to the 2025-07-01 list through the conversion table, 2 units have previous figures.');
    expect(run.stderr).not.toContain('Kỳ trước');
    const converted = await runCli(['convert', path.join('cu', '4PHU-2024', 'TK', '689 Thành phố Đồng Xoài'), '--to-map', '2025-07-01', '--out', 'dong-xoai-en.xlsx', '--lang', 'en'], dir);
    expect(converted.code).toBe(0);
    expect(converted.stdout).toMatch(/^Converted the figures of period TK of 8 communes on the 2025-03-01 unit list to the 2025-07-01 list: \d+\/\d+ communes and wards of Tỉnh Đồng Nai \(75\) have figures; /);
    expect(converted.stdout).toContain('\nChuyenDoi sheet: each old commune and its new unit;');
  }, 120_000);
});

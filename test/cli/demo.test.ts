import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { keyedTable } from '../acceptance/workbook-sheets';
import { runCli, tempDir } from './run-cli';

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => ({ dir, remove } = await tempDir('phu-cli-demo-')));
afterAll(() => remove());

describe('phu demo', () => {
  it('writes Bình Phước’s 111 communes in the folder convention, consolidates each district, then the province', async () => {
    const r = await runCli(['demo', '--out', 'demo'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const periodDir = path.join(dir, 'demo', '4PHU-2024', 'TK');
    const folders = (await fs.readdir(periodDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders).toHaveLength(12);
    expect(folders).toContain('688 Thị xã Phước Long');
    expect(folders).toContain('70 Tỉnh Bình Phước');

    let workbooks = 0;
    for (const f of folders.filter((x) => !x.startsWith('70 '))) {
      for (const name of await fs.readdir(path.join(periodDir, f))) {
        if (name.endsWith('.xlsx') && !name.startsWith('~$')) {
          workbooks++;
          expect(name).toMatch(/^\d{5} \S.*\.xlsx$/);
        }
      }
    }
    // 111 communes, one missing, one stale duplicate more.
    expect(workbooks).toBe(111);
    const faulty = await fs.readdir(path.join(periodDir, '688 Thị xã Phước Long'));
    expect(faulty).toEqual(expect.arrayContaining(['Ghi chú.txt', '~$25216 Phường Thác Mơ.xlsx']));
    expect(faulty.some((n) => n.endsWith('(bản cũ).xlsx'))).toBe(true);
    expect(await fs.readdir(path.join(periodDir, '70 Tỉnh Bình Phước'))).toHaveLength(11);

    const province = await readWorkbook(new Uint8Array(await fs.readFile(path.join(periodDir, '70 Tỉnh Bình Phước.xlsx'))));
    if (!province.book) throw new Error('province unreadable');
    const table = keyedTable(province.book, 'SoLieu', 3, 'unit_code');
    expect(table.rows.map((x) => table.get(x.cells, 'status'))).toEqual(new Array(11).fill('Đúng hạn'));

    expect(r.stdout).toContain('111 xã trong 11 huyện');
    expect(r.stdout).toMatch(/688 Thị xã Phước Long\s+nộp 6\/7 \(1 trễ hạn, 1 không hợp lệ, 1 chưa nộp\)/);
    expect(r.stdout).toContain('Tổng hợp Tỉnh Bình Phước (70), kỳ TK (Tổng kết):');
    expect(r.stdout).toContain(`Đã ghi: ${path.join(periodDir, '70 Tỉnh Bình Phước.xlsx')}`);
    expect(r.stdout).toContain('phu validate "');
  });
});

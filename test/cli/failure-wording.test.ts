import * as path from 'node:path';
import { runCli, tempDir } from './run-cli';

describe('failures worded by --lang', () => {
  it('a missing folder is reported in the language asked for, exit 3', async () => {
    const { dir, remove } = await tempDir('phu-failure-');
    try {
      const args = ['consolidate', 'khong-co', '--unit', '688', '--period', 'TK', '--out', path.join(dir, 'x.xlsx')];
      const vi = await runCli(args, dir);
      expect(vi.code).toBe(3);
      expect(vi.stderr).toContain('Lỗi: Không tìm thấy');
      const en = await runCli([...args, '--lang', 'en'], dir);
      expect(en.code).toBe(3);
      expect(en.stderr).toMatch(/^Error: ".*" was not found\.$/m);
      expect(en.stderr).not.toContain('Không tìm thấy');
    } finally {
      await remove();
    }
  });
});

/** The line that says why the command stopped (warnings may come before it). */
const errorLine = (stderr: string): string => stderr.split('\n').find((l) => /^(Lỗi|Error): /.test(l)) ?? '';

describe('command-line mistakes worded by --lang, by code', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => ({ dir, remove } = await tempDir('phu-usage-')));
  afterAll(() => remove());

  const cases: ReadonlyArray<{ what: string; args: string[]; code: number; vi: string; en: string }> = [
    { what: 'a missing --unit', args: ['template', '--period', 'TK', '--out', 'a.xlsx'], code: 2, vi: 'Lỗi: Thiếu --unit <mã đơn vị>.', en: 'Error: --unit is required.' },
    {
      what: 'an unknown unit',
      args: ['template', '--unit', '99999', '--period', 'TK', '--out', 'a.xlsx'],
      code: 2,
      vi: 'Lỗi: Mã đơn vị "99999" không có trong danh mục đơn vị hành chính 2025-03-01 (ví dụ: 70 là tỉnh Bình Phước, 688 là thị xã Phước Long trên danh mục 2025-03-01; 75 là tỉnh Đồng Nai trên danh mục 2025-07-01).',
      en: 'Error: Unit code "99999" is not in the list of administrative units 2025-03-01 (for example: 70 is Bình Phước province and 688 Phước Long town on the 2025-03-01 list; 75 is Đồng Nai province on the 2025-07-01 list).',
    },
    {
      what: 'a unit merged away on the map asked for',
      args: ['template', '--unit', '25216', '--period', 'TK', '--map', '2025-07-01', '--out', 'a.xlsx'],
      code: 2,
      vi: 'Lỗi: Phường Thác Mơ (25216) đã nhập vào ',
      en: 'Error: Phường Thác Mơ (25216) was merged into ',
    },
    { what: 'an unknown period', args: ['template', '--unit', '688', '--period', 'Q9', '--out', 'a.xlsx'], code: 2, vi: 'Lỗi: Kỳ báo cáo "Q9" không có trong mẫu 4PHU-2024. Các kỳ: ', en: 'Error: Period "Q9" is not in form 4PHU-2024. The periods: ' },
    { what: 'a missing --period', args: ['template', '--unit', '688', '--out', 'a.xlsx'], code: 2, vi: 'Lỗi: Thiếu --period <kỳ>. Các kỳ của mẫu 4PHU-2024: ', en: 'Error: --period is required. The periods of form 4PHU-2024: ' },
    { what: 'an unknown option', args: ['template', '--bogus'], code: 2, vi: 'Lỗi: Tùy chọn không hợp lệ: --bogus.', en: 'Error: Unknown option: --bogus.' },
    { what: 'an unknown command', args: ['bogus'], code: 2, vi: 'Lỗi: Không có lệnh "bogus". Các lệnh: ', en: 'Error: There is no command "bogus". The commands: ' },
    { what: 'a bad date', args: ['consolidate', '.', '--unit', '688', '--period', 'TK', '--out', 'a.xlsx', '--report-date', '31-31'], code: 2, vi: 'Lỗi: --report-date cần một ngày dạng dd/mm/yyyy, không nhận "31-31".', en: 'Error: --report-date needs a date written dd/mm/yyyy, not "31-31".' },
    { what: 'an unknown form', args: ['template', '--form', 'X', '--unit', '688', '--period', 'TK', '--out', 'a.xlsx'], code: 2, vi: 'Lỗi: Không có mẫu biểu "X". Các mẫu biểu: ', en: 'Error: There is no form "X". The forms: ' },
    { what: 'a missing form file', args: ['template', '--form', 'khong-co.json', '--unit', '688', '--period', 'TK', '--out', 'a.xlsx'], code: 3, vi: 'Lỗi: Không tìm thấy tệp mẫu biểu "', en: 'Error: The form file "' },
  ];
  it.each(cases)('$what', async ({ args, code, vi, en }) => {
    const inVi = await runCli(args, dir);
    expect(inVi.code).toBe(code);
    expect(errorLine(inVi.stderr).slice(0, vi.length)).toBe(vi);
    const inEn = await runCli([...args, '--lang', 'en'], dir);
    expect(inEn.code).toBe(code);
    expect(errorLine(inEn.stderr).slice(0, en.length)).toBe(en);
    expect(errorLine(inEn.stderr)).not.toMatch(/Lỗi|Thiếu|không có|Không có|cần một/);
    if (code === 2) expect(inEn.stderr).toMatch(/See "phu (\w+ )?--help --lang en"\.\n$/);
  });

  it('an output that exists is refused in both languages, exit 3', async () => {
    const args = ['template', '--unit', '688', '--period', 'TK', '--out', 'twice.xlsx'];
    expect((await runCli(args, dir)).code).toBe(0);
    const file = path.join(dir, 'twice.xlsx');
    const vi = await runCli(args, dir);
    expect(vi).toMatchObject({ code: 3, stderr: `Lỗi: Tệp "${file}" đã có: chọn tên khác, hoặc thêm --force để ghi đè.\n` });
    const en = await runCli([...args, '--lang', 'en'], dir);
    expect(en).toMatchObject({ code: 3, stderr: `Error: The file "${file}" already exists: choose another name, or add --force to overwrite it.\n` });
  });
});

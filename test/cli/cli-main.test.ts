import { VERSION } from '../../src/cli/main';
import { runCli, tempDir } from './run-cli';

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => ({ dir, remove } = await tempDir('phu-cli-main-')));
afterAll(() => remove());

describe('phu --help and --version', () => {
  it('lists every command and the exit codes', async () => {
    const r = await runCli(['--help'], dir);
    expect(r.code).toBe(0);
    for (const cmd of ['template', 'validate', 'consolidate', 'demo']) expect(r.stdout).toContain(`  ${cmd}`);
    expect(r.stdout).toContain('Mã thoát:');
    expect(r.stdout).toMatch(/2 {2}sai cú pháp lệnh/);
    expect(r.stderr).toBe('');
  });

  it('shows a command help with its options, an example and its exit codes', async () => {
    const r = await runCli(['consolidate', '--help'], dir);
    expect(r.code).toBe(0);
    for (const opt of ['--unit', '--period', '--out', '--json', '--strict', '--drive', '--lang']) expect(r.stdout).toContain(opt);
    expect(r.stdout).toContain('Ví dụ:');
    expect(r.stdout).toContain('1  --strict và có tệp bị loại');
    expect((await runCli(['help', 'validate'], dir)).stdout).toContain('phu validate <tệp.xlsx>...');
  });

  it('prints the package version', async () => {
    const r = await runCli(['--version'], dir);
    expect(r).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('command-line errors exit 2 with a Vietnamese sentence and the usage on stderr', () => {
  it.each([
    [[], 'Các lệnh:'],
    [['bogus'], 'Không có lệnh "bogus"'],
    [['--out', 'x'], 'Cần tên lệnh trước tùy chọn "--out"'],
    [['validate'], 'Thiếu tệp cần kiểm tra.'],
    [['validate', 'a.xlsx', '--bogus'], 'Tùy chọn không hợp lệ: --bogus.'],
    [['validate', 'khong-co.xlsx'], 'Không tìm thấy tệp "khong-co.xlsx".'],
    [['validate', 'a.xlsx', '--period'], 'Tùy chọn --period cần một giá trị'],
    [['validate', 'a.xlsx', '--lang', 'fr'], '--lang chỉ nhận "vi" hoặc "en"'],
    [['template', '--unit', '99999', '--period', 'TK', '--out', 'x.xlsx'], 'Mã đơn vị "99999" không có trong danh mục'],
    [['template', '--unit', '688', '--period', 'D9', '--out', 'x.xlsx'], 'Kỳ báo cáo "D9" không có trong mẫu 4PHU-2024. Các kỳ: D1 (Đợt 1)'],
    [['template', '--unit', '688', '--period', 'TK'], 'Thiếu --out <tệp>.'],
    [['consolidate', '--unit', '688', '--period', 'TK', '--out', 'x.xlsx'], 'Thiếu thư mục'],
    [['consolidate', '.', '--unit', '25216', '--period', 'TK', '--out', 'x.xlsx'], 'không có đơn vị trực thuộc'],
    [['consolidate', '.', '--unit', '688', '--period', 'TK', '--out', 'x.xlsx', '--drive', 'ftp:x'], '--drive "ftp:x" không hợp lệ: cần bắt đầu bằng một trong local:, graph:'],
    [['consolidate', '.', '--unit', '688', '--period', 'TK', '--out', 'x.xlsx', '--report-date', '31/02/2024'], '--report-date cần một ngày dạng dd/mm/yyyy'],
  ])('phu %j', async (argv, message) => {
    const r = await runCli(argv, dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('phu');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('failures to read or write exit 3 without a stack trace', () => {
  it('names a folder that does not exist', async () => {
    const r = await runCli(['consolidate', 'khong-co', '--unit', '688', '--period', 'TK', '--out', 'x.xlsx'], dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('Không tìm thấy');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

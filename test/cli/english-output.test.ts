import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { nationalRegistry } from '../../src/core/units/national-registry';
import { registryFor } from '../../src/core/units/unit-maps';
import { progressPrinter } from '../../src/cli/commands/consolidate';
import { runCli, tempDir, type CliRun } from './run-cli';

/** A letter only Vietnamese writes: English prose never has one. */
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

/** Every unit name of both maps, longest first: data the English output quotes as it is. */
const UNIT_NAMES: readonly string[] = [
  ...new Set([nationalRegistry(), registryFor('2025-07-01')].flatMap((r) => ['tinh', 'huyen', 'xa'].flatMap((level) => r.atLevel(level).map((u) => u.name)))),
].sort((a, b) => b.length - a.length);

/** The text without the data it quotes: unit names, the given strings (paths, period labels). */
function withoutData(text: string, data: readonly string[] = []): string {
  let out = text;
  for (const d of [...data, ...UNIT_NAMES]) if (d !== '') out = out.split(d).join('');
  return out;
}

/** The line that says why the command stopped (warnings may come before it). */
const errorLine = (stderr: string): string => stderr.split('\n').find((l) => /^(Lỗi|Error): /.test(l)) ?? '';

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => {
  ({ dir, remove } = await tempDir('phu-english-'));
  await fs.writeFile(path.join(dir, 'note.xlsx'), 'not a workbook\n');
});
afterAll(() => remove());

describe('every command-line failure in English with --lang en, in Vietnamese without', () => {
  interface Case {
    readonly what: string;
    readonly args: string[];
    readonly code: number;
    /** The whole error line, or its start when `prefix`. */
    readonly vi: string;
    readonly en: string;
    readonly prefix?: boolean;
    readonly env?: Record<string, string>;
  }
  // The cases are listed before the folder exists: `@DIR@` stands for it.
  const at = (name: string): string => `@DIR@${path.sep}${name}`;
  const cases: readonly Case[] = [
    { what: 'template given an argument', args: ['template', 'x', '--unit', '688', '--period', 'TK', '--out', 'a.xlsx'], code: 2, vi: 'Lỗi: Lệnh template không nhận đối số "x": nơi ghi kết quả chọn bằng --out.', en: 'Error: The template command takes no argument "x": name where to write with --out.' },
    { what: 'template --rows out of range', args: ['template', '--unit', '688', '--period', 'TK', '--rows', '0', '--out', 'a.xlsx'], code: 2, vi: 'Lỗi: --rows cần một số nguyên từ 1 đến 500, không nhận "0".', en: 'Error: --rows needs a whole number from 1 to 500, not "0".' },
    { what: 'template --out with --out-dir', args: ['template', '--unit', '688', '--period', 'TK', '--out', 'a.xlsx', '--out-dir', 'd'], code: 2, vi: 'Lỗi: Dùng --out (một tệp) hoặc --out-dir (mỗi đơn vị trực thuộc một tệp), không dùng cả hai.', en: 'Error: Use --out (one file) or --out-dir (one file per child unit), not both.' },
    { what: 'template --out-dir for a commune', args: ['template', '--unit', '25216', '--period', 'TK', '--out-dir', 'd'], code: 2, vi: 'Lỗi: Phường Thác Mơ (25216) không có đơn vị trực thuộc trong danh mục: --out-dir tạo biểu mẫu cho các đơn vị trực thuộc, hãy dùng --out.', en: 'Error: Phường Thác Mơ (25216) has no child units in the list: --out-dir makes templates for child units, use --out.' },
    { what: 'template --new-targets for a commune', args: ['template', '--unit', '25216', '--new-targets', 't.xlsx'], code: 2, vi: 'Lỗi: Phường Thác Mơ (25216) không có đơn vị trực thuộc trong danh mục để giao chỉ tiêu.', en: 'Error: Phường Thác Mơ (25216) has no child units in the list to assign targets to.' },
    { what: 'template --targets that cannot be read', args: ['template', '--unit', '688', '--period', 'TK', '--targets', 'khong-co.xlsx', '--out', 'a.xlsx'], code: 3, vi: `Lỗi: Không đọc được bảng chỉ tiêu "${at('khong-co.xlsx')}" (`, en: `Error: Could not read the target table "${at('khong-co.xlsx')}" (`, prefix: true },
    { what: 'consolidate without a folder', args: ['consolidate', '--unit', '688', '--period', 'TK', '--out', 'x.xlsx'], code: 2, vi: 'Lỗi: Thiếu thư mục chứa các tệp báo cáo cần tổng hợp.', en: 'Error: The folder of report files to consolidate is missing.' },
    { what: 'consolidate two folders', args: ['consolidate', 'a', 'b', '--unit', '688', '--period', 'TK', '--out', 'x.xlsx'], code: 2, vi: 'Lỗi: Chỉ tổng hợp một thư mục mỗi lần, thừa "b".', en: 'Error: Only one folder is consolidated at a time; "b" is extra.' },
    { what: 'consolidate into a commune', args: ['consolidate', '.', '--unit', '25216', '--period', 'TK', '--out', 'x.xlsx'], code: 2, vi: 'Lỗi: Phường Thác Mơ (25216) không có đơn vị trực thuộc trong danh mục: hãy tổng hợp ở cấp trên của đơn vị nộp báo cáo.', en: 'Error: Phường Thác Mơ (25216) has no child units in the list: consolidate at the level above the units that submit reports.' },
    { what: 'an unknown --drive', args: ['consolidate', '.', '--unit', '688', '--period', 'TK', '--out', 'x.xlsx', '--drive', 'ftp:x'], code: 2, vi: 'Lỗi: --drive "ftp:x" không hợp lệ: cần bắt đầu bằng một trong local:, graph: (ví dụ local:D:/BaoCao).', en: 'Error: --drive "ftp:x" is not valid: it must start with one of local:, graph: (for example local:D:/BaoCao).' },
    { what: '--drive local: without a folder', args: ['consolidate', '.', '--unit', '688', '--period', 'TK', '--out', 'x.xlsx', '--drive', 'local:'], code: 2, vi: 'Lỗi: --drive local: cần đường dẫn thư mục gốc, ví dụ local:./BaoCao.', en: 'Error: --drive local: needs the path of the root folder, for example local:./BaoCao.' },
    { what: '--drive graph: without a library', args: ['consolidate', '.', '--unit', '688', '--period', 'TK', '--out', 'x.xlsx', '--drive', 'graph:'], code: 2, vi: 'Lỗi: --drive graph: cần mã thư viện tài liệu, ví dụ graph:b!AbCd... (hoặc graph:me).', en: 'Error: --drive graph: needs the id of the document library, for example graph:b!AbCd... (or graph:me).' },
    {
      what: 'a Graph drive without sign-in',
      args: ['consolidate', 'TK', '--unit', '688', '--period', 'TK', '--out', 'x.xlsx', '--drive', 'graph:me'],
      code: 3,
      vi: 'Lỗi: Chưa đăng nhập Microsoft 365: đặt PHU_GRAPH_TOKEN (một access token), hoặc PHU_GRAPH_CLIENT_ID (mã ứng dụng đã đăng ký) để đăng nhập bằng mã thiết bị. Xem docs/graph.md.',
      en: 'Error: Not signed in to Microsoft 365: set PHU_GRAPH_TOKEN (an access token), or PHU_GRAPH_CLIENT_ID (the id of a registered app) to sign in with a device code. See docs/graph.md.',
    },
    { what: 'a bad PHU_GRAPH_SIMPLE_UPLOAD_MAX', args: ['consolidate', 'TK', '--unit', '688', '--period', 'TK', '--out', 'x.xlsx', '--drive', 'graph:me'], env: { PHU_GRAPH_SIMPLE_UPLOAD_MAX: 'lots' }, code: 3, vi: 'Lỗi: PHU_GRAPH_SIMPLE_UPLOAD_MAX "lots" phải là một số byte.', en: 'Error: PHU_GRAPH_SIMPLE_UPLOAD_MAX "lots" must be a number of bytes.' },
    { what: 'a previous period before the first', args: ['consolidate', '.', '--unit', '688', '--period', 'D1', '--out', 'x.xlsx', '--previous', 'p.xlsx'], code: 2, vi: 'Lỗi: Kỳ D1 là kỳ đầu của mẫu 4PHU-2024: không có kỳ trước để so sánh.', en: 'Error: Period D1 is the first of form 4PHU-2024: there is no previous period to compare with.' },
    { what: 'a previous file that cannot be read', args: ['consolidate', '.', '--unit', '688', '--period', 'D2', '--out', 'x.xlsx', '--previous', 'khong-co.xlsx'], code: 3, vi: `Lỗi: Không đọc được tệp tổng hợp kỳ trước "${at('khong-co.xlsx')}" (`, en: `Error: Could not read the previous period's consolidated file "${at('khong-co.xlsx')}" (`, prefix: true },
    { what: 'validate without a file', args: ['validate'], code: 2, vi: 'Lỗi: Thiếu tệp cần kiểm tra.', en: 'Error: The file to check is missing.' },
    { what: 'validate a file that does not exist', args: ['validate', 'khong-co.xlsx'], code: 2, vi: 'Lỗi: Không tìm thấy tệp "khong-co.xlsx".', en: 'Error: The file "khong-co.xlsx" was not found.' },
    { what: 'validate a folder', args: ['validate', '.'], code: 2, vi: 'Lỗi: "." là thư mục: hãy chỉ định các tệp, hoặc dùng "phu consolidate" cho cả thư mục.', en: 'Error: "." is a folder: name the files, or use "phu consolidate" for the whole folder.' },
    { what: 'demo given an argument', args: ['demo', 'x'], code: 2, vi: 'Lỗi: Lệnh demo không nhận đối số "x": nơi ghi kết quả chọn bằng --out.', en: 'Error: The demo command takes no argument "x": name where to write with --out.' },
    { what: 'form without an action', args: ['form'], code: 2, vi: 'Lỗi: Thiếu việc cần làm: list, export hoặc check.', en: 'Error: What to do is missing: list, export or check.' },
    { what: 'form with an unknown action', args: ['form', 'bogus'], code: 2, vi: 'Lỗi: "bogus" không phải việc của lệnh form: dùng list, export hoặc check.', en: 'Error: "bogus" is not something the form command does: use list, export or check.' },
    { what: 'form list given an argument', args: ['form', 'list', 'x'], code: 2, vi: 'Lỗi: Lệnh không nhận đối số "x".', en: 'Error: The command takes no argument "x".' },
    { what: 'form export without an id', args: ['form', 'export'], code: 2, vi: 'Lỗi: Thiếu mã mẫu cần xuất. Các mẫu biểu: 4PHU-2024, DVC25-2023.', en: 'Error: The id of the form to export is missing. The forms: 4PHU-2024, DVC25-2023.' },
    { what: 'form export of two ids', args: ['form', 'export', '4PHU-2024', 'X'], code: 2, vi: 'Lỗi: Mỗi lần xuất một mẫu biểu, thừa "X".', en: 'Error: One form is exported at a time; "X" is extra.' },
    { what: 'form export of an unknown id', args: ['form', 'export', 'X'], code: 2, vi: 'Lỗi: Không có mẫu biểu "X". Các mẫu biểu: 4PHU-2024, DVC25-2023.', en: 'Error: There is no form "X". The forms: 4PHU-2024, DVC25-2023.' },
    { what: 'form check without a file', args: ['form', 'check'], code: 2, vi: 'Lỗi: Thiếu tệp mẫu biểu (.json) cần kiểm tra.', en: 'Error: The form file (.json) to check is missing.' },
    { what: 'form check of two files', args: ['form', 'check', 'a.json', 'b.json'], code: 2, vi: 'Lỗi: Mỗi lần kiểm tra một tệp mẫu biểu, thừa "b.json".', en: 'Error: One form file is checked at a time; "b.json" is extra.' },
    { what: 'convert without an input', args: ['convert'], code: 2, vi: 'Lỗi: Thiếu tệp hoặc thư mục số liệu theo danh mục cũ.', en: 'Error: The file or folder of figures on the old unit list is missing.' },
    { what: 'convert two inputs', args: ['convert', 'a', 'b'], code: 2, vi: 'Lỗi: Chỉ chuyển một tệp hoặc thư mục mỗi lần, thừa "b".', en: 'Error: Only one file or folder is converted at a time; "b" is extra.' },
    { what: 'convert to the old map', args: ['convert', 'a', '--to-map', '2025-03-01', '--out', 'c.xlsx'], code: 2, vi: 'Lỗi: --to-map cần 2025-07-01 (chỉ chuyển từ danh mục 2025-03-01 sang 2025-07-01).', en: 'Error: --to-map needs 2025-07-01 (figures are converted only from the 2025-03-01 list to the 2025-07-01 list).' },
    { what: 'push without a file', args: ['push'], code: 2, vi: 'Lỗi: Thiếu tệp cần tải lên.', en: 'Error: The file to upload is missing.' },
    { what: 'push two files', args: ['push', 'a.xlsx', 'b.xlsx', '--to', 'd'], code: 2, vi: 'Lỗi: Mỗi lần tải lên một tệp, thừa "b.xlsx".', en: 'Error: One file is uploaded at a time; "b.xlsx" is extra.' },
    { what: 'push without --to', args: ['push', 'a.xlsx'], code: 2, vi: 'Lỗi: Thiếu --to <thư mục đích>.', en: 'Error: --to is required.' },
    { what: 'push --if-match without --replace', args: ['push', 'a.xlsx', '--to', 'd', '--if-match', 'x'], code: 2, vi: 'Lỗi: --if-match chỉ dùng cùng --replace.', en: 'Error: --if-match is used only with --replace.' },
    { what: 'push a file that cannot be read', args: ['push', 'khong-co.xlsx', '--to', 'd'], code: 1, vi: `Lỗi: Không đọc được tệp "${at('khong-co.xlsx')}".`, en: `Error: Could not read the file "${at('khong-co.xlsx')}".` },
    { what: 'push a text file', args: ['push', 'note.xlsx', '--to', 'd'], code: 1, vi: 'Lỗi: Không phải bảng tính đọc được: ', en: 'Error: Not a readable workbook: ', prefix: true },
  ];

  it.each(cases.map((c) => [c.what, c] as const))('%s', async (_what, c) => {
    const check = (run: CliRun, wording: string): void => {
      const expected = wording.replace('@DIR@', dir);
      expect(run.code).toBe(c.code);
      const line = errorLine(run.stderr);
      if (c.prefix) expect(line.slice(0, expected.length)).toBe(expected);
      else expect(line).toBe(expected);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    };
    check(await runCli(c.args, dir, c.env), c.vi);
    const en = await runCli([...c.args, '--lang', 'en'], dir, c.env);
    check(en, c.en);
    expect(withoutData(en.stdout + en.stderr, [dir])).not.toMatch(VIETNAMESE);
    // An error on the command line comes with the command's usage, in English too.
    if (c.code === 2) expect(en.stderr).toMatch(/\nUsage:?[\s\S]*See "phu (\w+ )?--help --lang en"\.\n$/);
  });

  it('files that exist under --out-dir are refused in both languages, exit 3', async () => {
    const args = ['template', '--unit', '688', '--period', 'TK', '--out-dir', 'twice'];
    expect((await runCli(args, dir)).code).toBe(0);
    const first = path.join(dir, 'twice', '4PHU-2024', 'TK', '688 Thị xã Phước Long', '25216 Phường Thác Mơ.xlsx');
    expect(errorLine((await runCli(args, dir)).stderr)).toBe(`Lỗi: 7 tệp đã có (ví dụ "${first}"): thêm --force để ghi đè, hoặc chọn thư mục khác.`);
    const en = await runCli([...args, '--lang', 'en'], dir);
    expect(en.code).toBe(3);
    expect(errorLine(en.stderr)).toBe(`Error: 7 files already exist (for example "${first}"): add --force to overwrite them, or choose another folder.`);
  });

  it('a bad limit in the environment is warned about in the language asked for', async () => {
    const env = { PHU_MAX_FILE_MB: 'abc' };
    // The limits are read once the files are found: give one that exists.
    await fs.writeFile(path.join(dir, 'empty.xlsx'), '');
    const vi = await runCli(['validate', 'empty.xlsx'], dir, env);
    expect(vi.stderr).toContain('Cảnh báo: biến môi trường PHU_MAX_FILE_MB="abc" không phải số dương, dùng giới hạn mặc định.\n');
    const en = await runCli(['validate', 'empty.xlsx', '--lang', 'en'], dir, env);
    expect(en.stderr).toContain('Warning: the environment variable PHU_MAX_FILE_MB="abc" is not a positive number; the default limit is used.\n');
    expect(withoutData(en.stdout + en.stderr)).not.toMatch(VIETNAMESE);
  });
});

describe('help in English with --lang en', () => {
  /** The help without its examples, which quote unit names and folders. */
  const prose = (help: string): string => help.replace(/\n(Examples|Ví dụ):\n( {2}.*\n)+/, '\n').replace('"4 phủ"', '');

  it.each([
    [['--help', '--lang', 'en']],
    [['--lang', 'en', '--help']],
    [['help', '--lang', 'en']],
    [['--lang=en']],
  ])('phu %j: the overview', async (argv) => {
    const r = await runCli(argv, dir);
    const text = r.stdout + r.stderr;
    expect(text).toContain('Commands:\n');
    expect(text).toContain('Exit codes:\n  0  done\n');
    expect(prose(text)).not.toMatch(VIETNAMESE);
  });

  it.each(['template', 'validate', 'consolidate', 'convert', 'push', 'form', 'demo'])('phu %s --help --lang en, and with --lang first', async (name) => {
    for (const argv of [[name, '--help', '--lang', 'en'], ['--lang', 'en', name, '--help'], ['help', name, '--lang', 'en']]) {
      const r = await runCli(argv, dir);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^phu ${name}: [A-Z]`));
      for (const heading of ['Usage:', 'Options:', 'Examples:', 'Exit codes:']) expect(r.stdout).toContain(`\n${heading}\n`);
      expect(r.stdout).toContain('--lang <vi|en>');
      expect(prose(r.stdout)).not.toMatch(VIETNAMESE);
    }
    // Without --lang the same help is Vietnamese.
    const vi = await runCli([name, '--help'], dir);
    expect(vi.stdout).toContain('\nCách dùng:\n');
    expect(vi.stdout).toContain('\nMã thoát:\n');
  });

  it('a command given after --lang runs in that language', async () => {
    const r = await runCli(['--lang', 'en', 'validate'], dir);
    expect(r.code).toBe(2);
    expect(errorLine(r.stderr)).toBe('Error: The file to check is missing.');
  });
});

describe('the progress line on a terminal', () => {
  it.each([
    ['en', 'Reading 3/16 files...'],
    ['vi', 'Đang đọc 3/16 tệp...'],
  ] as const)('--lang %s: %s', (lang, line) => {
    const lines: string[] = [];
    const io = { stdout: { write: () => undefined }, stderr: { write: () => undefined, isTTY: true, statusLine: (t: string) => lines.push(t) }, cwd: dir, env: {} };
    const print = progressPrinter(io, lang);
    print({ status: 'valid', done: 3, total: 16 } as Parameters<typeof print>[0]);
    print({ status: 'valid', done: 16, total: 16 } as Parameters<typeof print>[0]);
    expect(lines).toEqual([line, '']);
  });
});

describe('the demo in English', () => {
  it('narrates in English; only the sample units, files and period labels stay as they are', async () => {
    const r = await runCli(['demo', '--out', 'demo', '--lang', 'en'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\nDistrict consolidations:\n');
    expect(r.stdout).toContain('Open the consolidated file in Excel: SoLieu');
    const data = [path.join(dir, 'demo'), 'Tổng kết', '(bản cũ)', 'Ghi chú.txt'];
    const left = withoutData(r.stdout + r.stderr, data);
    expect(left).not.toMatch(VIETNAMESE);
  });
});

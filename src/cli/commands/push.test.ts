import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FORM_4PHU_2024 } from '../../core/forms/form-4phu-2024';
import { renderSubmission } from '../../core/render/render-submission';
import { generateProvince } from '../../sample/generate-province';
import { writeWorkbook } from '../../xlsx/write-workbook';
import { main } from '../main';

let dir: string;
let commune: { file: string; name: string; bytes: Buffer };
let other: { file: string; bytes: Buffer };

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd: dir, env: {} });
  return { code, stdout, stderr };
}

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'phu-push-'));
  const generated = generateProvince({ rootCode: '688', period: 'TK' });
  const [first, second] = generated.files;
  if (!first || !second) throw new Error('688 has communes');
  const write = async (data: typeof first.data, name: string) => {
    const bytes = Buffer.from(await writeWorkbook(renderSubmission(FORM_4PHU_2024, data)));
    await fs.writeFile(path.join(dir, name), bytes);
    return { file: name, bytes };
  };
  commune = { ...(await write(first.data, 'bao-cao-xa.xlsx')), name: `${first.unit.code} ${first.unit.name}.xlsx` };
  other = await write(second.data, 'xa-khac.xlsx');
  await fs.writeFile(path.join(dir, 'ghi-chu.txt'), 'không phải bảng tính');
});

afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe('phu push to a local folder', () => {
  it('a file that cannot be read is an error worded by --lang', async () => {
    const args = ['push', 'khong-co.xlsx', '--to', 'chung/688'];
    expect((await run(args)).stderr).toBe(`Lỗi: Không đọc được tệp "${path.join(dir, 'khong-co.xlsx')}".\n`);
    expect((await run([...args, '--lang', 'en'])).stderr).toBe(`Error: Could not read the file "${path.join(dir, 'khong-co.xlsx')}".\n`);
  });

  it('says where the file went in English under --lang en', async () => {
    const r = await run(['push', commune.file, '--to', 'chung-en/688', '--lang', 'en']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const target = path.join(dir, 'chung-en/688', commune.name);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(`Uploaded "${commune.name}" (${commune.bytes.length.toLocaleString('en-US')} bytes) to "${path.join(dir, 'chung-en/688')}".`);
    expect(lines[1]).toMatch(/^Version \(eTag\): ".+"$/);
    expect(lines[2]).toBe(target);
  });

  it('names the file "<unit code> <unit name>.xlsx" from ThongTin and prints where it went', async () => {
    const r = await run(['push', commune.file, '--to', 'chung/688']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const target = path.join(dir, 'chung/688', commune.name);
    expect(sha(await fs.readFile(target))).toBe(sha(commune.bytes));
    expect(r.stdout.trim().split('\n').pop()).toBe(target);
    expect(r.stdout).toMatch(/Phiên bản \(eTag\): ".+"/);
  });

  it('never overwrites: a second push is a conflict (exit 3) that leaves the file alone', async () => {
    const before = await fs.readFile(path.join(dir, 'chung/688', commune.name));
    const r = await run(['push', other.file, '--to', 'chung/688', '--name', commune.name]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/Xung đột: .* đã có tệp .* Không ghi đè/);
    expect(r.stderr).toContain('--replace');
    expect(sha(await fs.readFile(path.join(dir, 'chung/688', commune.name)))).toBe(sha(before));
  });

  it('replaces with --replace, guarded by the version it saw; a stale --if-match keeps both (exit 3)', async () => {
    const target = path.join(dir, 'chung/688', commune.name);
    const replaced = await run(['push', other.file, '--to', 'chung/688', '--name', commune.name, '--replace']);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toMatch(/^Đã thay/);
    expect(sha(await fs.readFile(target))).toBe(sha(other.bytes));
    const staleTag = /Phiên bản \(eTag\): (.+)\n/.exec(replaced.stdout)?.[1] ?? '';
    // Someone else saves a new version meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await fs.writeFile(target, commune.bytes);
    const stale = await run(['push', other.file, '--to', 'chung/688', '--name', commune.name, '--replace', '--if-match', staleTag]);
    expect(stale.code).toBe(3);
    expect(stale.stderr).toMatch(/đã bị người khác thay đổi/);
    expect(stale.stderr).toMatch(/giữ cả hai bản/);
    expect(sha(await fs.readFile(target))).toBe(sha(commune.bytes));
  });

  it('fails (exit 1) for a file that is not a workbook or does not exist, and explains', async () => {
    const notBook = await run(['push', 'ghi-chu.txt', '--to', 'chung/x']);
    expect(notBook.code).toBe(1);
    expect(notBook.stderr).toMatch(/^Lỗi: Không phải bảng tính/);
    const missing = await run(['push', 'khong-co.xlsx', '--to', 'chung/x']);
    expect(missing.code).toBe(1);
    await expect(fs.stat(path.join(dir, 'chung/x'))).rejects.toThrow();
  });

  it('refuses a wrong command line (exit 2)', async () => {
    expect((await run(['push', commune.file])).code).toBe(2);
    expect((await run(['push', commune.file, '--to', 'a', '--if-match', '"x"'])).code).toBe(2);
    expect((await run(['push', commune.file, 'b.xlsx', '--to', 'a'])).code).toBe(2);
    expect((await run(['push', commune.file, '--to', 'a', '--drive', 'graph:'])).code).toBe(2);
  });

  it('reports a Graph drive without sign-in as a failure (exit 1) naming the variables, before any request', async () => {
    const r = await run(['push', commune.file, '--to', 'a', '--drive', 'graph:b!x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/PHU_GRAPH_TOKEN/);
  });
});

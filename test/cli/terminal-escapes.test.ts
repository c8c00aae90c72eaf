import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { runCli, tempDir } from './run-cli';

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => ({ dir, remove } = await tempDir('phu-cli-escapes-')));
afterAll(() => remove());

// A name that would erase the line, write the clipboard (OSC 52), ring the bell and return the carriage.
const HOSTILE = 'x\u001b[2K\u001b]52;c;ZXZpbA==\u0007\r\u009b31mbad.xlsx';
// Anything a terminal acts on, but the line feeds the CLI writes itself.
// eslint-disable-next-line no-control-regex -- the test looks for control characters
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('nothing read from a file name reaches the terminal raw', () => {
  beforeAll(() => fs.writeFile(path.join(dir, HOSTILE), 'not a workbook'));

  it('validate prints the name and its findings escaped', async () => {
    const r = await runCli(['validate', HOSTILE], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toContain('x\\u001b[2K\\u001b]52;c;ZXZpbA==\\u0007\\u000d\\u009b31mbad.xlsx');
  });

  it('--json stays valid JSON carrying the name exactly', async () => {
    const r = await runCli(['validate', HOSTILE, '--json'], dir);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    const parsed = JSON.parse(r.stdout) as { files: Array<{ file: string }> };
    expect(parsed.files[0]?.file).toBe(HOSTILE);
  });

  it('consolidate lists the refused file escaped', async () => {
    const r = await runCli(['consolidate', '.', '--unit', '688', '--period', 'TK', '--out', path.join(dir, 'out', 'th.xlsx')], dir);
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toContain('\\u001b]52;c;ZXZpbA==\\u0007');
  });
});

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { FORM_4PHU_2024 } from '../../src/core/forms/form-4phu-2024';
import { renderSubmission } from '../../src/core/render/render-submission';
import { generateProvince } from '../../src/sample/generate-province';
import { writeWorkbook } from '../../src/xlsx/write-workbook';
import { numberGridWorkbook } from '../support/number-grid-workbook';
import { runCli, tempDir } from './run-cli';

/*
 * `--targets` is read as every other file: in a worker with a deadline
 * (PHU_MAX_READ_SECONDS) and a heap cap. A table that is not read in time
 * stops the command with that finding, before any file is checked or any
 * output is written.
 */

let dir: string;
let remove: () => Promise<void>;
const commune = generateProvince({ rootCode: '688', seed: 7 }).files[0];
const good = `${commune?.unit.code ?? ''} hop-le.xlsx`;
const SLOW = { PHU_MAX_READ_SECONDS: '0.5' };

beforeAll(async () => {
  ({ dir, remove } = await tempDir('phu-targets-budget-'));
  if (!commune) throw new Error('no commune generated');
  await fs.mkdir(path.join(dir, 'xa'));
  await fs.writeFile(path.join(dir, 'chi-tieu-cham.xlsx'), numberGridWorkbook(150_000, 4));
  await fs.writeFile(path.join(dir, 'xa', good), await writeWorkbook(renderSubmission(FORM_4PHU_2024, commune.data)));
});
afterAll(() => remove());

/** The target table's findings as printed: under its heading, read too long. */
function expectTooLong(stderr: string): void {
  expect(stderr).toContain('Bảng chỉ tiêu chi-tieu-cham.xlsx');
  expect(stderr).toContain('đọc quá lâu');
}

describe('--targets is read within the read budget', () => {
  it('phu validate: a target table past the deadline stops the check with that finding', async () => {
    const r = await runCli(['validate', path.join('xa', good), '--targets', 'chi-tieu-cham.xlsx'], dir, SLOW);
    expect(r.code).toBe(1);
    expectTooLong(r.stderr);
    expect(r.stdout).not.toContain(good);
  });

  it('phu consolidate: the same, and no output is written', async () => {
    const r = await runCli(['consolidate', 'xa', '--unit', '688', '--period', 'TK', '--targets', 'chi-tieu-cham.xlsx', '--out', 'tong-hop.xlsx'], dir, SLOW);
    expect(r.code).toBe(1);
    expectTooLong(r.stderr);
    await expect(fs.stat(path.join(dir, 'tong-hop.xlsx'))).rejects.toThrow();
  });

  it('phu template: the same, and no template is written', async () => {
    const r = await runCli(['template', '--unit', '688', '--period', 'TK', '--targets', 'chi-tieu-cham.xlsx', '--out', 'bieu-mau.xlsx'], dir, SLOW);
    expect(r.code).toBe(1);
    expectTooLong(r.stderr);
    await expect(fs.stat(path.join(dir, 'bieu-mau.xlsx'))).rejects.toThrow();
  });
});

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { FORM_4PHU_2024 } from '../../src/core/forms/form-4phu-2024';
import { renderSubmission } from '../../src/core/render/render-submission';
import { generateProvince } from '../../src/sample/generate-province';
import { writeWorkbook } from '../../src/xlsx/write-workbook';
import { numberGridWorkbook } from '../support/number-grid-workbook';
import { runCli, tempDir } from './run-cli';


let dir: string;
let remove: () => Promise<void>;
const commune = generateProvince({ rootCode: '688', seed: 5 }).files[0];
const good = `${commune?.unit.code ?? ''} hop-le.xlsx`;

beforeAll(async () => {
  ({ dir, remove } = await tempDir('phu-validate-budget-'));
  if (!commune) throw new Error('no commune generated');
  await fs.writeFile(path.join(dir, 'cham.xlsx'), numberGridWorkbook(150_000, 3));
  await fs.writeFile(path.join(dir, good), await writeWorkbook(renderSubmission(FORM_4PHU_2024, commune.data)));
});
afterAll(() => remove());

describe('phu validate reads each file within the read budget', () => {
  it('a file past the deadline is reported as read too long, and the next file is still checked', async () => {
    const r = await runCli(['validate', 'cham.xlsx', good, '--json'], dir, { PHU_MAX_READ_SECONDS: '0.5' });
    const out = JSON.parse(r.stdout) as { files: Array<{ file: string; ok: boolean; findings: Array<{ code: string }> }> };
    expect(r.code).toBe(1);
    expect(out.files.map((f) => [f.file, f.ok])).toEqual([
      ['cham.xlsx', false],
      [good, true],
    ]);
    expect(out.files[0]?.findings.map((f) => f.code)).toEqual(['file_read_too_long']);
  });

  it('says so in Vietnamese, with the deadline from PHU_MAX_READ_SECONDS', async () => {
    const r = await runCli(['validate', 'cham.xlsx'], dir, { PHU_MAX_READ_SECONDS: '0.5' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('KHÔNG HỢP LỆ');
    expect(r.stdout).toContain('đọc quá lâu');
  });
});

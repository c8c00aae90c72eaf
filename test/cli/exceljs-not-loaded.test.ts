/**
 * `phu consolidate` and `phu template` write PHU's workbooks directly and
 * read commune files with PHU's own reader: ExcelJS, 0.3 s of every cold
 * command when it was loaded, must not be required on these paths. The
 * module is replaced by a marker in a fresh module registry, so any
 * `require` or dynamic `import` of it, eager or lazy, is seen.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { FORM_4PHU_2024 } from '../../src/core/forms/form-4phu-2024';
import { renderSubmission } from '../../src/core/render/render-submission';
import { generateProvince } from '../../src/sample/generate-province';
import { writeWorkbook } from '../../src/xlsx/write-workbook';
import type { CliRun } from './run-cli';
import { tempDir } from './run-cli';

const DISTRICT = '688';

let dir: string;
let remove: () => Promise<void>;
let inbox: string;

beforeAll(async () => {
  ({ dir, remove } = await tempDir('phu-cli-no-exceljs-'));
  inbox = path.join(dir, 'inbox');
  await fs.mkdir(inbox);
  const generated = generateProvince({ rootCode: DISTRICT, seed: 3 });
  for (const f of generated.files.slice(0, 4)) {
    await fs.writeFile(path.join(inbox, `${f.unit.code}.xlsx`), await writeWorkbook(renderSubmission(FORM_4PHU_2024, f.data)));
  }
});

afterAll(async () => remove());

/** Runs `phu <argv>` in a fresh module registry; returns the run and whether ExcelJS was required. */
async function runWatched(argv: readonly string[]): Promise<{ run: CliRun; exceljs: boolean }> {
  let exceljs = false;
  let run: CliRun | undefined;
  await jest.isolateModulesAsync(async () => {
    jest.doMock('exceljs', () => {
      exceljs = true;
      return {};
    });
    const { runCli } = await import('./run-cli');
    run = await runCli(argv, dir);
  });
  if (run === undefined) throw new Error('the command did not run');
  return { run, exceljs };
}

describe('ExcelJS on the command line', () => {
  it('is not loaded by phu consolidate', async () => {
    const { run, exceljs } = await runWatched(['consolidate', 'inbox', '--unit', DISTRICT, '--period', 'TK', '--report-date', '08/07/2024', '--out', 'out.xlsx']);
    expect(run.stderr).not.toMatch(/Lỗi/);
    expect(run.code).toBe(0);
    await expect(fs.stat(path.join(dir, 'out.xlsx'))).resolves.toBeDefined();
    expect(exceljs).toBe(false);
  });

  it('is not loaded by phu template, one file or one per unit', async () => {
    const one = await runWatched(['template', '--unit', DISTRICT, '--period', 'TK', '--out', 'district.xlsx']);
    expect(one.run.code).toBe(0);
    const perUnit = await runWatched(['template', '--unit', DISTRICT, '--period', 'TK', '--out-dir', 'templates']);
    expect(perUnit.run.code).toBe(0);
    const written = (await fs.readdir(path.join(dir, 'templates'), { recursive: true })).filter((f) => f.endsWith('.xlsx'));
    expect(written.length).toBeGreaterThan(1);
    expect(one.exceljs || perUnit.exceljs).toBe(false);
  });

  it('is seen when a path does load it (the marker works)', async () => {
    let exceljs = false;
    await jest.isolateModulesAsync(async () => {
      jest.doMock('exceljs', () => {
        exceljs = true;
        return {};
      });
      await import('../../src/xlsx/read-with-exceljs');
    });
    expect(exceljs).toBe(true);
  });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FORM_4PHU_2024 } from '../src/core/forms/form-4phu-2024';
import { nationalRegistry } from '../src/core/units/national-registry';
import { LocalDrive } from '../src/drive/local/local-drive';
import type { WorkbookReader } from '../src/app/workbook-reader';
import { consolidateTree, type TreeRunResult } from './consolidate-tree';
import { unitFolder } from './dataset';
import type { Dataset } from './generate-data';
import { timed } from './measure';

/** The campaign's last period: the generated files are cumulative figures for it. */
export const BENCH_PERIOD = 'TK';
export const BENCH_REPORT_DATE = '2024-07-08';

/**
 * One consolidation of a dataset from its communes to its root (or to
 * `unitCode`, a unit inside it), written into a fresh folder that is
 * removed afterwards.
 */
export async function runTree(
  dataset: Dataset,
  reader: WorkbookReader,
  concurrency?: number,
  unitCode?: string,
  filesAtOnce?: number,
  /** Called after the timed run, before its output folder is removed (to measure the floor on the same files). */
  afterRun?: (inputDir: string, outputDir: string, rootCode: string) => Promise<void>,
): Promise<{ seconds: number; cpuSeconds: number; result: TreeRunResult }> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'phu-bench-run-'));
  const registry = nationalRegistry();
  const rootCode = unitCode ?? dataset.spec.rootCode;
  const input = path.join(dataset.dir, ...unitFolder(registry, dataset.spec.rootCode, rootCode).split('/').filter(Boolean));
  try {
    const run = await timed(() => consolidateTree({
      registry,
      form: FORM_4PHU_2024,
      period: BENCH_PERIOD,
      reportDate: BENCH_REPORT_DATE,
      rootCode,
      input: new LocalDrive(input),
      output: new LocalDrive(out),
      reader,
      ...(filesAtOnce !== undefined ? { filesAtOnce } : {}),
      ...(concurrency !== undefined ? { concurrency } : {}),
    }));
    if (afterRun) await afterRun(input, out, rootCode);
    return { seconds: run.seconds, cpuSeconds: run.cpuSeconds, result: run.value };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

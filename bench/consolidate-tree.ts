import type { ChildReport } from '../src/core/consolidate/child-report';
import { consolidate } from '../src/core/consolidate/consolidate';
import type { Completeness } from '../src/core/consolidate/consolidation';
import type { FormDef } from '../src/core/forms/form-schema';
import type { Drive } from '../src/core/ports/drive';
import { renderConsolidation } from '../src/core/render/render-consolidation';
import type { UnitRegistry } from '../src/core/units/unit-registry';
import { inputsFromDrive } from '../src/app/input-file';
import { readReports } from '../src/app/read-reports';
import type { WorkbookReader } from '../src/app/workbook-reader';
import { writeWorkbook } from '../src/xlsx/write-workbook';
import { unitFolder } from './dataset';
import { mapLimit } from './map-limit';

/** What to consolidate, level by level, from the communes up to the root. */
export interface TreeRunOptions {
  readonly registry: UnitRegistry;
  readonly form: FormDef;
  readonly period: string;
  readonly reportDate: string;
  readonly rootCode: string;
  /** Commune files, in one folder per commune parent (see `unitFolder`). */
  readonly input: Drive;
  /** Where each consolidated workbook is written, next to its siblings: `<parent code>/<code>_tong_hop.xlsx` (the root's at the top). */
  readonly output: Drive;
  /** Who reads each workbook: the xlsx reader in this thread, or a BudgetedReader's workers. */
  readonly reader: WorkbookReader;
  /** Files of one folder read at once (default 3: downloads overlap the reading). */
  readonly filesAtOnce?: number;
  /** Sibling units consolidated at once, per level (default 2). */
  readonly concurrency?: number;
}

/** Milliseconds summed over units (overlapping when units run concurrently). */
export interface StageTimes {
  read: number;
  consolidate: number;
  render: number;
  write: number;
}

/** What a run did: files per level, reports with errors, the root's completeness, stage times. */
export interface TreeRunResult {
  /** Files read at each level of the files (`xa` for the communes, `huyen` for district workbooks...). */
  readonly filesRead: Record<string, number>;
  /** Workbooks written at each level. */
  readonly filesWritten: Record<string, number>;
  readonly bytesWritten: number;
  /** Reports with an error finding, by level (0 everywhere on the generated data). */
  readonly invalid: Record<string, number>;
  readonly root: Completeness;
  readonly stages: StageTimes;
}

export const OUTPUT_SUFFIX = '_tong_hop.xlsx';

/**
 * The campaign as the CLI runs it, at any scale: every commune parent's
 * folder is read (through the reader) and consolidated, its workbook written;
 * each level above reads those workbooks back as submissions and does the
 * same, up to the root. Only one unit's reports per running consolidation
 * are held, so memory does not grow with the country.
 */
export async function consolidateTree(opts: TreeRunOptions): Promise<TreeRunResult> {
  const { registry, form } = opts;
  const leaf = registry.levels[registry.levels.length - 1] ?? '';
  const filesRead: Record<string, number> = {};
  const filesWritten: Record<string, number> = {};
  const invalid: Record<string, number> = {};
  const stages: StageTimes = { read: 0, consolidate: 0, render: 0, write: 0 };
  let bytesWritten = 0;
  const concurrency = opts.concurrency ?? 2;
  const req = { form, registry, period: opts.period };
  const readFolder = async (drive: Drive, folder: string): Promise<ChildReport[]> => readReports(await inputsFromDrive(drive, folder), req, { reader: opts.reader, concurrency: opts.filesAtOnce ?? 3 });

  const count = (reports: readonly ChildReport[], level: string): void => {
    filesRead[level] = (filesRead[level] ?? 0) + reports.length;
    invalid[level] = (invalid[level] ?? 0) + reports.filter((r) => r.findings.some((f) => f.severity === 'error')).length;
  };

  const run = async (code: string): Promise<Completeness> => {
    const unit = registry.get(code);
    if (!unit) throw new Error(`unit ${code} is not in the registry`);
    const kids = registry.children(code);
    let t = performance.now();
    let reports: ChildReport[];
    if (kids.some((k) => k.level === leaf)) {
      reports = await readFolder(opts.input, unitFolder(registry, opts.rootCode, code));
      count(reports, leaf);
    } else {
      await mapLimit(kids, concurrency, (k) => run(k.code));
      t = performance.now();
      reports = await readFolder(opts.output, code);
      count(reports, kids[0]?.level ?? '');
    }
    stages.read += performance.now() - t;
    t = performance.now();
    const c = consolidate(reports, { form, registry, parentCode: code, period: opts.period, reportDate: opts.reportDate });
    stages.consolidate += performance.now() - t;
    t = performance.now();
    const book = renderConsolidation(form, c);
    stages.render += performance.now() - t;
    t = performance.now();
    const bytes = await writeWorkbook(book);
    const up = await opts.output.upload(code === opts.rootCode ? '' : (unit.parentCode ?? ''), `${code}${OUTPUT_SUFFIX}`, bytes, { kind: 'fail' });
    if (!up.ok) throw new Error(`${code}${OUTPUT_SUFFIX} exists already in the output`);
    stages.write += performance.now() - t;
    filesWritten[unit.level] = (filesWritten[unit.level] ?? 0) + 1;
    bytesWritten += bytes.byteLength;
    return c.completeness;
  };

  const root = await run(opts.rootCode);
  return { filesRead, filesWritten, bytesWritten, invalid, root, stages };
}

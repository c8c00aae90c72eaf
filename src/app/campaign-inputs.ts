import { previousFromReports, previousFromWorkbook, type PreviousFigures } from '../core/consolidate/previous-figures';
import { readTargetTable, type TargetTable } from '../core/campaign/target-table';
import { locateFinding, type Finding } from '../core/findings/finding';
import type { FormDef } from '../core/forms/form-schema';
import type { UnitRegistry } from '../core/units/unit-registry';
import type { InputFile } from './input-file';
import { readReports, type ReadReportsOptions } from './read-reports';
import type { WorkbookReader } from './workbook-reader';

/** A file already in memory: its name and bytes. */
export interface NamedBytes {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** The read's own findings (not a workbook, encrypted, ...) carry the file's name. */
function withFile(findings: readonly Finding[], file: string): Finding[] {
  return findings.map((f) => (f.file === undefined ? locateFinding(f, { file }) : f));
}

/**
 * A target table (sheet `ChiTieu`): its targets and every finding, the
 * workbook's own included. Templates and checks should not use a table
 * with an error.
 *
 * @example const table = await readTargetsFile({ name: 'chi-tieu.xlsx', bytes }, form, registry, reader);
 */
export async function readTargetsFile(file: NamedBytes, form: FormDef, registry: UnitRegistry, reader: WorkbookReader): Promise<TargetTable> {
  const read = await reader.readWorkbook(file.bytes);
  const table = read.book ? readTargetTable(read.book, form, registry, { file: file.name }) : { columns: [], rows: [], targets: {}, findings: [] };
  return { ...table, findings: [...withFile(read.findings, file.name), ...table.findings] };
}

/**
 * The previous period from its consolidated workbook (itself a submission
 * of the parent): the figures by unit, or none when it cannot be read as a
 * submission of the form; its errors come back to be shown.
 *
 * @example const { previous, errors } = await readPreviousFile({ name: '688 TK.xlsx', bytes }, form, registry, reader);
 */
export async function readPreviousFile(file: NamedBytes, form: FormDef, registry: UnitRegistry, reader: WorkbookReader): Promise<{ readonly previous?: PreviousFigures; readonly errors: readonly Finding[] }> {
  const read = await reader.readWorkbook(file.bytes);
  const got = read.book ? previousFromWorkbook(read.book, form, registry, file.name) : { findings: withFile(read.findings, file.name) };
  const errors = got.findings.filter((f) => f.severity === 'error');
  return { ...(got.previous ? { previous: got.previous } : {}), errors };
}

/**
 * The previous period from the units' own submissions of that period (a
 * folder of them): undefined when none is valid.
 *
 * @example await readPreviousFiles(await inputsFromDrive(drive, 'D1/688'), { form, registry, period: 'D1' }, { reader })
 */
export async function readPreviousFiles(
  files: readonly InputFile[],
  req: { readonly form: FormDef; readonly registry: UnitRegistry; readonly period?: string },
  opts: ReadReportsOptions,
): Promise<PreviousFigures | undefined> {
  return previousFromReports(await readReports(files, req, opts), req.form);
}

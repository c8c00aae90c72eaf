import { previousFromWorkbook, type PreviousFigures } from '../../core/campaign/previous-figures';
import { readTargetTable, type TargetTable } from '../../core/campaign/target-table';
import type { Finding } from '../../core/findings/finding';
import type { FormDef } from '../../core/forms/form-schema';
import type { UnitRegistry } from '../../core/units/unit-registry';
import type { PickedFile, WorkbookReader } from './consolidate-files';

/** The read's own findings (not a workbook, encrypted, ...) carry the file's name. */
function withFile(findings: readonly Finding[], file: string): Finding[] {
  return findings.map((f) => (f.file === undefined ? { ...f, file } : f));
}

/**
 * A target table picked in the pane (sheet `ChiTieu`): its targets and
 * every finding, the workbook's own included. Templates and checks should
 * not use a table with an error.
 */
export async function readTargetFile(file: PickedFile, form: FormDef, registry: UnitRegistry, reader: WorkbookReader): Promise<TargetTable> {
  const read = await reader.readWorkbook(new Uint8Array(await file.arrayBuffer()));
  const table = read.book ? readTargetTable(read.book, form, registry, { file: file.name }) : { columns: [], rows: [], targets: {}, findings: [] };
  return { ...table, findings: [...withFile(read.findings, file.name), ...table.findings] };
}

/**
 * The previous period from its consolidated workbook picked in the pane
 * (itself a submission of the parent): the figures by unit, or nothing
 * when it cannot be read as a submission of the form; its errors come back
 * to be shown.
 */
export async function readPreviousFile(file: PickedFile, form: FormDef, registry: UnitRegistry, reader: WorkbookReader): Promise<{ previous?: PreviousFigures; errors: readonly Finding[] }> {
  const read = await reader.readWorkbook(new Uint8Array(await file.arrayBuffer()));
  const got = read.book ? previousFromWorkbook(read.book, form, registry, file.name) : { findings: withFile(read.findings, file.name) };
  const errors = got.findings.filter((f) => f.severity === 'error');
  return { ...(got.previous ? { previous: got.previous } : {}), errors };
}

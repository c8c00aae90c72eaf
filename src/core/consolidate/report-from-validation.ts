import { locateFinding, type Finding } from '../findings/finding';
import type { FormDef } from '../forms/form-schema';
import type { TableRow } from '../submission/submission';
import { checkFileName } from '../validate/check-file-name';
import type { ValidationResult } from '../validate/validation-context';
import type { ChildReport, SourceFile, TableTotals } from './child-report';

/**
 * The small summary consolidation keeps of one input file: its source, every
 * finding (reading the file, then validating it) placed in the file and,
 * when known, the unit, its ThongTin, the main table's total row and each
 * item table's rows and total. No grid is kept, so files can be dropped as
 * soon as they are read.
 *
 * @param readFindings what the adapter found reading the bytes (encrypted, not a workbook, ...)
 * @param result the validation, absent when the file could not be read as a workbook
 * @example reportFromValidation({ file: 'thac-mo.xlsx', bytes: 18231, sha256 }, [], validateSubmission(grid, ctx), FORM_4PHU_2024)
 */
export function reportFromValidation(source: SourceFile, readFindings: readonly Finding[], result: ValidationResult | undefined, form: FormDef): ChildReport {
  const info = result?.submission.info;
  const unitCode = info?.unit_code;
  const place = (f: Finding): Finding => locateFinding(f, { file: source.file, ...(unitCode !== undefined ? { unitCode } : {}) });
  const findings = [...readFindings, ...(result?.findings ?? []), ...(info ? checkFileName(source.file, info) : [])].map(place);
  if (!result || !info) return { source, findings };

  const main = result.submission.tables[form.mainTable]?.total;
  const items: Record<string, TableTotals> = {};
  for (const def of form.tables) {
    const table = result.submission.tables[def.sheet];
    if (def.rows !== 'items' || !table) continue;
    const byCode: Record<string, Readonly<Record<string, number | null>>> = {};
    for (const row of table.rows) if (row.code !== '' && byCode[row.code] === undefined) byCode[row.code] = countsOf(row);
    if (table.total) byCode[table.total.code] = countsOf(table.total);
    items[def.sheet] = byCode;
  }
  return {
    source,
    findings,
    info,
    ...(main ? { total: countsOf(main) } : {}),
    ...(Object.keys(items).length > 0 ? { items } : {}),
  };
}

function countsOf(row: TableRow): Readonly<Record<string, number | null>> {
  return { ...row.values };
}

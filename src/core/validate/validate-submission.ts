import { hasErrors, locateFinding, type Finding } from '../findings/finding';
import { checkCarriedForm } from './check-carried-form';
import type { WorkbookGrid } from '../grid/sheet-grid';
import type { ParsedTable, Submission } from '../submission/submission';
import { checkAgainstContext } from './check-against-context';
import { checkIndicators } from './check-indicators';
import { checkInfo } from './check-info';
import { checkRowUnits } from './check-row-units';
import { checkStatedRates } from './check-stated-rates';
import { checkRules, checkTotals } from './check-sums';
import { readInfo } from './read-info';
import { readTable, type TableRead } from './read-table';
import type { ValidationContext, ValidationResult } from './validation-context';

/**
 * Reads a workbook as a submission of `ctx.form` and checks every rule of
 * the form: structure, identity against the registry, numbers and dates,
 * sums and cross-table rules, balances and plausibility, and, when given,
 * the previous period and the assigned targets. Never throws for bad input
 * and never stops at the first problem: the submission is parsed as well as
 * it can be (so the add-in can point at cells) and every finding is
 * returned, located by sheet and A1 cell, in the order the checks ran.
 * Text in cells is kept as text, never evaluated.
 *
 * @example
 * const { ok, findings } = validateSubmission(grid, { form: FORM_4PHU_2024, registry: nationalRegistry(), file: 'thac-mo.xlsx' });
 */
export function validateSubmission(book: WorkbookGrid, ctx: ValidationContext): ValidationResult {
  const { form, registry } = ctx;
  const infoRead = readInfo(book, form);
  const infoCheck = checkInfo(infoRead, ctx);
  const { unit } = infoCheck;
  // Children's codes are written as the registry spells them only where the registry knows the children.
  const canonical = (code: string): string => {
    if (!unit || registry.children(unit.code).length === 0) return code;
    const child = registry.get(code);
    return child?.parentCode === unit.code ? child.code : code;
  };

  const reads = new Map<string, TableRead>();
  for (const def of form.tables) reads.set(def.sheet, readTable(book, def, canonical));

  const findings: Finding[] = [...infoRead.findings, ...infoCheck.findings, ...checkCarriedForm(book, form)];
  for (const read of reads.values()) {
    findings.push(...read.findings, ...checkRowUnits(read, unit, registry));
    if (read.found) findings.push(...checkTotals(read));
  }
  findings.push(...checkRules(form, reads), ...checkIndicators(form.indicators, reads), ...checkStatedRates(book, form.indicators, reads));
  findings.push(...checkAgainstContext(reads.get(form.mainTable), ctx, unit?.code));

  const tables: Record<string, ParsedTable> = {};
  for (const [sheet, read] of reads) tables[sheet] = read.table;
  const submission: Submission = { info: infoCheck.info, tables };
  const unitCode = infoCheck.info.unit_code;
  const location = { ...(ctx.file !== undefined ? { file: ctx.file } : {}), ...(unitCode !== undefined ? { unitCode } : {}) };
  const located = Object.keys(location).length > 0 ? findings.map((f) => locateFinding(f, location)) : findings;
  return { submission, findings: located, ok: !hasErrors(located) };
}

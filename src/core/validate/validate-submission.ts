import { createFinding, hasErrors, locateFinding, type Finding } from '../findings/finding';
import { computeFormulas } from '../formula/compute-formulas';
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
 * Text in cells is kept as text, never evaluated. Formulas a file holds
 * without their results (openpyxl) are computed where PHU can (SUM, + -);
 * the others are reported once, with their cells.
 *
 * @example
 * const { ok, findings } = validateSubmission(grid, { form: FORM_4PHU_2024, registry: nationalRegistry(), file: 'thac-mo.xlsx' });
 */
export function validateSubmission(file: WorkbookGrid, ctx: ValidationContext): ValidationResult {
  const { form, registry } = ctx;
  const book = computeFormulas(file);
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
  const gathered = gatherUncalculated(findings);
  const located = Object.keys(location).length > 0 ? gathered.map((f) => locateFinding(f, location)) : gathered;
  return { submission, findings: located, ok: !hasErrors(located) };
}

/** At most this many cells are named in the one finding about formulas PHU could not compute. */
const LISTED_CELLS = 20;

/**
 * The findings with every `formula_uncalculated` replaced by one, at the
 * first such cell, counting and listing them: a file saved without results
 * has the problem once, not once per cell.
 */
function gatherUncalculated(findings: readonly Finding[]): Finding[] {
  const cells = findings.filter((f) => f.code === 'formula_uncalculated');
  if (cells.length <= 1) return [...findings];
  const first = cells[0] as Extract<Finding, { code: 'formula_uncalculated' }>;
  const listed = cells.slice(0, LISTED_CELLS).map((f) => (f.cell === undefined ? (f.sheet ?? '') : `${f.sheet ?? ''}!${f.cell}`));
  const more = cells.length > LISTED_CELLS ? `, … (+${cells.length - LISTED_CELLS})` : '';
  const one = createFinding('formula_uncalculated', { formula: first.params.formula, count: cells.length, cells: listed.join(', ') + more }, { ...(first.sheet !== undefined ? { sheet: first.sheet } : {}), ...(first.cell !== undefined ? { cell: first.cell } : {}) });
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.code !== 'formula_uncalculated') out.push(f);
    else if (f === first) out.push(one);
  }
  return out;
}

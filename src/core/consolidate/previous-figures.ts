import type { ChildReport } from './child-report';
import { findPeriod, previousPeriod } from '../forms/form-periods';
import { hasErrors, type Finding } from '../findings/finding';
import type { FormDef, PeriodDef } from '../forms/form-schema';
import type { WorkbookGrid } from '../grid/sheet-grid';
import { normalizeCode } from '../text/normalize-text';
import type { UnitRegistry } from '../units/unit-registry';
import { validateSubmission } from '../validate/validate-submission';

/** A unit's figures of the main table by column key. */
export type Figures = Readonly<Record<string, number | null>>;

/** What a previous period said, unit by unit. */
export interface PreviousFigures {
  /** The period's id (`D1`) and its label (`Đợt 1`; the id when the form does not know it). */
  readonly period: string;
  readonly label: string;
  /**
   * Unit code -> its total row of that period. What `ValidationContext.previous`
   * takes for every file of a folder (a file's total row is looked up under
   * its unit's code), and what progress is measured from.
   */
  readonly byUnit: Readonly<Record<string, Figures>>;
}

/** The period before `periodId` in the form's order (`D2` -> `D1`), if any. */
export function previousPeriodOf(form: FormDef, periodId: string): PeriodDef | undefined {
  return previousPeriod(form, normalizeCode(periodId));
}

function labelOf(form: FormDef, period: string): string {
  return findPeriod(form, period)?.label ?? period;
}

/**
 * The previous period from its consolidated workbook (itself a submission
 * of the parent): each row's figures under the child's code and the total
 * row under the parent's. Rows left blank (a child that had not reported)
 * say nothing. The workbook's findings come back for the caller to show;
 * without a readable period there is nothing to compare with.
 *
 * @example previousFromWorkbook(grid, FORM_4PHU_2024, nationalRegistry(), 'tong-hop-d1.xlsx').previous?.byUnit['688']
 */
export function previousFromWorkbook(book: WorkbookGrid, form: FormDef, registry: UnitRegistry, file?: string): { previous?: PreviousFigures; findings: readonly Finding[] } {
  const result = validateSubmission(book, { form, registry, ...(file !== undefined ? { file } : {}) });
  const period = result.submission.info.period;
  const table = result.submission.tables[form.mainTable];
  if (period === undefined || !table) return { findings: result.findings };
  const byUnit: Record<string, Figures> = {};
  for (const row of table.rows) if (row.code !== '' && hasFigures(row.values)) byUnit[row.code] = { ...row.values };
  const own = result.submission.info.unit_code;
  if (own !== undefined && table.total && hasFigures(table.total.values)) byUnit[own] = { ...table.total.values };
  return { previous: { period, label: labelOf(form, period), byUnit }, findings: result.findings };
}

/**
 * The previous period from the units' own submissions (the files of the
 * previous period's folder, read into reports): for each unit its latest
 * report without errors. The period is the one most reports give.
 */
export function previousFromReports(reports: readonly ChildReport[], form: FormDef): PreviousFigures | undefined {
  const latest = new Map<string, ChildReport>();
  const periods = new Map<string, number>();
  for (const r of reports) {
    const code = r.info?.unit_code;
    if (code === undefined || !r.total || hasErrors(r.findings)) continue;
    const period = r.info?.period;
    if (period !== undefined) periods.set(period, (periods.get(period) ?? 0) + 1);
    const seen = latest.get(code);
    if (!seen || (r.info?.report_date ?? '') > (seen.info?.report_date ?? '')) latest.set(code, r);
  }
  const period = [...periods.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (period === undefined) return undefined;
  const byUnit: Record<string, Figures> = {};
  for (const [code, r] of latest) if (r.info?.period === period && r.total) byUnit[code] = { ...r.total };
  return { period, label: labelOf(form, period), byUnit };
}

function hasFigures(values: Figures): boolean {
  return Object.values(values).some((v) => v !== null);
}

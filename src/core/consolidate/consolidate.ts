import { createFinding, locateFinding, type Finding } from '../findings/finding';
import { findPeriod, periodsHint } from '../forms/form-periods';
import type { FormDef } from '../forms/form-schema';
import { cellAddress } from '../grid/cell-address';
import { competitionRank } from '../indicators/competition-rank';
import { rate } from '../indicators/rate';
import type { PreviousFigures } from './previous-figures';
import { progressSince } from './progress';
import { progressSentence } from './progress-sentence';
import { buildNarrative } from '../narrative/build-narrative';
import { normalizeCode } from '../text/normalize-text';
import type { UnitRegistry } from '../units/unit-registry';
import type { ChildReport } from './child-report';
import type { ChildRow, ChildStatus, Completeness, Consolidation, SourceRow } from './consolidation';
import { localIsoToday, parentInfo } from './parent-info';
import { placeReports } from './place-reports';
import { mainCountKeys, sumItems, sumTotals } from './sum-children';

/** What a consolidation is for. */
export interface ConsolidationContext {
  readonly form: FormDef;
  readonly registry: UnitRegistry;
  /** The unit whose children are consolidated (`70` for Bình Phước, `688` for a district). */
  readonly parentCode: string;
  /** The period id being consolidated (`D1`, `D2`, `TK`). */
  readonly period: string;
  /** The parent's `report_date`, `yyyy-mm-dd`. Callers pass today; when absent, today's local date is used. */
  readonly reportDate?: string;
  /** How many best and worst units the narrative names per indicator (default 2). */
  readonly topN?: number;
  /** The parent's ThongTin `preparer` and `phone`, when known. */
  readonly preparer?: string;
  readonly phone?: string;
  /** The previous period's figures by unit code: each child's progress (a change column and a NhanXet paragraph). */
  readonly previous?: PreviousFigures;
  /** Findings about the run itself (the map chosen against the period's dates, the previous period's conversion), listed first. */
  readonly notes?: readonly Finding[];
}

/**
 * Consolidates the children's reports into the parent's table.
 *
 * The expected children are `registry.children(parentCode)`, whatever the
 * depth of the registry (a two-level registry consolidates communes straight
 * into a province). Each appears exactly once, in catalogue order:
 * - no report: `missing` (Chưa nộp), with a `child_missing` finding;
 * - its report has an error finding: `invalid` (Không hợp lệ), figures left
 *   out of the totals and the ranking;
 * - several reports: the latest `report_date` stands (see `placeReports`),
 *   the others are `superseded` with a `duplicate_superseded` finding,
 *   never summed;
 * - reported after the period's due date: `late` (Trễ hạn), still summed,
 *   with a `late` finding.
 * A report for a unit that is not a child is `unexpected`; one for another
 * period, form or level is `invalid`; an unreadable or ignored file keeps
 * its findings. Every report is listed in `sources` with its status, and
 * every finding carries its file.
 *
 * Totals are the sums over the used (on time and late) children, with their
 * rates; item tables (reasons) are summed item by item; ranks are
 * competition ranks over the used children only. The parent's `info`
 * makes the result a valid submission of the parent's level.
 *
 * @example consolidate(reports, { form: FORM_4PHU_2024, registry: nationalRegistry(), parentCode: '70', period: 'TK', reportDate: '2024-07-08' })
 */
export function consolidate(reports: readonly ChildReport[], ctx: ConsolidationContext): Consolidation {
  const { form, registry } = ctx;
  const parent = registry.get(ctx.parentCode);
  const parentCode = parent?.code ?? normalizeCode(ctx.parentCode);
  const children = registry.children(parentCode);
  const periodDef = findPeriod(form, normalizeCode(ctx.period));
  const findings: Finding[] = [...(ctx.notes ?? [])];
  if (!parent) findings.push(createFinding('unit_unknown', { code: parentCode, level: registry.levels.join(', ') }, {}));
  if (!periodDef) findings.push(createFinding('period_unknown', { value: ctx.period, allowed: periodsHint(form) }, {}));

  const placement = placeReports(reports, { form, registry, children: new Map(children.map((u) => [u.code, u])), parentCode, period: periodDef?.id ?? ctx.period, periodDef });

  const sources: SourceRow[] = reports.map((r, i) => {
    const p = placement.reports[i];
    const reportDate = r.info?.report_date;
    return {
      ...r.source,
      status: p?.status ?? 'invalid',
      ...(p?.unitCode !== undefined ? { unitCode: p.unitCode } : {}),
      ...(reportDate !== undefined ? { reportDate } : {}),
    };
  });
  reports.forEach((r, i) => {
    const unitCode = placement.reports[i]?.unitCode;
    const where = { file: r.source.file, ...(unitCode !== undefined ? { unitCode } : {}) };
    for (const f of r.findings) findings.push(locateFinding(f, { ...where, ...pick(f) }));
    findings.push(...(placement.reports[i]?.findings ?? []));
  });

  const keys = mainCountKeys(form);
  const mainTable = form.tables.find((t) => t.sheet === form.mainTable);
  const codeCol = mainTable ? mainTable.columns.findIndex((c) => c.key === mainTable.keyColumn) : -1;
  const blank: Record<string, number | null> = Object.fromEntries(keys.map((k) => [k, null]));
  const used: ChildReport[] = [];
  const rows = children.map((unit, i): Omit<ChildRow, 'ranks'> => {
    const at = placement.chosen.get(unit.code);
    if (at === undefined) {
      findings.push(createFinding('child_missing', { code: unit.code, name: unit.name }, { unitCode: unit.code, sheet: form.mainTable, cell: cellAddress((mainTable?.firstDataRow ?? 1) - 1 + i, Math.max(0, codeCol)) }));
      return { unit, status: 'missing', values: blank, rates: rates(form, blank) };
    }
    const report = reports[at] as ChildReport;
    const s = placement.reports[at]?.status;
    const status: ChildStatus = s === 'late' ? 'late' : s === 'used' ? 'on_time' : 'invalid';
    if (status === 'invalid') {
      const own = [...report.findings, ...(placement.reports[at]?.findings ?? [])];
      const firstError = own.find((f) => f.severity === 'error') ?? own[0];
      return { unit, status, file: report.source.file, ...(firstError ? { firstError: locateFinding(firstError, { file: report.source.file, unitCode: unit.code }) } : {}), values: blank, rates: rates(form, blank) };
    }
    used.push(report);
    const values: Record<string, number | null> = Object.fromEntries(keys.map((k) => [k, report.total?.[k] ?? null]));
    return { unit, status, file: report.source.file, values, rates: rates(form, values) };
  });

  const ranked = rankChildren(form, rows);
  const totalValues = sumTotals(
    keys,
    ranked.filter((r) => r.status === 'on_time' || r.status === 'late').map((r) => r.values),
  );
  const completeness: Completeness = {
    expected: children.length,
    onTime: ranked.filter((r) => r.status === 'on_time').length,
    late: ranked.filter((r) => r.status === 'late').length,
    missing: ranked.filter((r) => r.status === 'missing').length,
    invalid: ranked.filter((r) => r.status === 'invalid').length,
  };
  const names = (s: ChildStatus): string[] => ranked.filter((r) => r.status === s).map((r) => r.unit.shortName);
  const narrative = buildNarrative(form, {
    total: totalValues,
    units: ranked.filter((r) => r.status === 'on_time' || r.status === 'late').map((r) => ({ shortName: r.unit.shortName, values: r.values })),
    ...(ctx.topN !== undefined ? { topN: ctx.topN } : {}),
    expected: children.length,
    missing: names('missing'),
    late: names('late'),
    invalid: names('invalid'),
  });

  const progress = ctx.previous ? progressSince(form, ranked, ctx.previous) : undefined;
  // Progress goes after the indicators' paragraphs, before the last one: who reported.
  const paragraphs = progress ? [...narrative.slice(0, -1), progressSentence(form, progress, ctx.topN), ...narrative.slice(-1)] : narrative;

  return {
    info: parentInfo({
      form,
      parent,
      parentCode,
      period: ctx.period,
      periodDef,
      reportDate: ctx.reportDate ?? localIsoToday(),
      ...(ctx.preparer !== undefined ? { preparer: ctx.preparer } : {}),
      ...(ctx.phone !== undefined ? { phone: ctx.phone } : {}),
      ...(registry.map !== undefined ? { map: registry.map } : {}),
    }),
    children: ranked,
    total: { values: totalValues, rates: rates(form, totalValues) },
    items: sumItems(form, used),
    findings,
    sources,
    completeness,
    narrative: paragraphs,
    ...(progress ? { progress } : {}),
  };
}

/** The rate of every indicator of the main table (null when there is none). */
function rates(form: FormDef, values: Readonly<Record<string, number | null>>): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const ind of form.indicators) if (ind.table === form.mainTable) out[ind.key] = rate(values[ind.done], values[ind.target]);
  return out;
}

/** Competition ranks per indicator among the used children; the others get null. */
function rankChildren(form: FormDef, rows: ReadonlyArray<Omit<ChildRow, 'ranks'>>): ChildRow[] {
  const ranks: Array<Record<string, number | null>> = rows.map(() => ({}));
  for (const ind of form.indicators) {
    if (ind.table !== form.mainTable) continue;
    const r = competitionRank(rows.map((row) => (row.status === 'on_time' || row.status === 'late' ? row.rates[ind.key] : null)));
    r.forEach((v, i) => {
      (ranks[i] as Record<string, number | null>)[ind.key] = v;
    });
  }
  return rows.map((row, i) => ({ ...row, ranks: ranks[i] ?? {} }));
}

/** A finding's own location wins over the file's: it may already name another unit. */
function pick(f: Finding): { unitCode?: string } {
  return f.unitCode !== undefined ? { unitCode: f.unitCode } : {};
}


import type { ChildRow } from './consolidation';
import type { ColumnDef, FormDef, IndicatorDef } from '../forms/form-schema';
import type { Scalar } from '../grid/scalar';
import { isFiniteNumber, rate } from '../indicators/rate';
import type { PreviousFigures } from './previous-figures';

/** One indicator of one unit, then and now. */
export interface IndicatorProgress {
  /** Done in the previous period and now; null when unknown. */
  readonly before: number | null;
  readonly now: number | null;
  /** now - before; null unless both are known. */
  readonly change: number | null;
  readonly rateBefore: number | null;
  readonly rateNow: number | null;
}

/** A unit's progress, indicator by indicator (by indicator key). */
export interface UnitProgress {
  readonly code: string;
  readonly shortName: string;
  readonly indicators: Readonly<Record<string, IndicatorProgress>>;
}

/** Progress since a previous period, per unit and, like for like, in total. */
export interface Progress {
  readonly period: string;
  readonly label: string;
  /** Every child, in the consolidation's order. */
  readonly units: readonly UnitProgress[];
  /**
   * Per indicator, over the units with figures in both periods only, so
   * that a unit reporting for the first time does not count as progress.
   */
  readonly total: Readonly<Record<string, IndicatorProgress & { readonly units: number }>>;
}

/**
 * Each child's progress since the previous period: done then and now, the
 * change and both rates, for every indicator of the main table. Figures are
 * cumulative, so a change below 0 is suspect (validation warns about it).
 * A child without valid figures now (missing, invalid) or then has no change.
 *
 * @example progressSince(FORM_4PHU_2024, consolidation.children, previousFromWorkbook(d1Grid, form, registry).previous)
 */
export function progressSince(form: FormDef, children: readonly ChildRow[], previous: PreviousFigures): Progress {
  const indicators = mainIndicators(form);
  const units = children.map((row): UnitProgress => {
    const then = previous.byUnit[row.unit.code];
    const out: Record<string, IndicatorProgress> = {};
    for (const ind of indicators) {
      const before = then?.[ind.done] ?? null;
      const now = row.status === 'on_time' || row.status === 'late' ? (row.values[ind.done] ?? null) : null;
      out[ind.key] = {
        before,
        now,
        change: isFiniteNumber(before) && isFiniteNumber(now) ? now - before : null,
        rateBefore: rate(before, then?.[ind.target]),
        rateNow: now === null ? null : rate(now, row.values[ind.target]),
      };
    }
    return { code: row.unit.code, shortName: row.unit.shortName, indicators: out };
  });
  const total: Record<string, IndicatorProgress & { units: number }> = {};
  for (const ind of indicators) {
    let before = 0;
    let now = 0;
    let targetBefore = 0;
    let targetNow = 0;
    let n = 0;
    units.forEach((u, i) => {
      const p = u.indicators[ind.key];
      if (p?.change === null || p?.change === undefined) return;
      n++;
      before += p.before ?? 0;
      now += p.now ?? 0;
      targetBefore += previous.byUnit[u.code]?.[ind.target] ?? 0;
      targetNow += children[i]?.values[ind.target] ?? 0;
    });
    total[ind.key] =
      n === 0
        ? { before: null, now: null, change: null, rateBefore: null, rateNow: null, units: 0 }
        : { before, now, change: now - before, rateBefore: rate(before, targetBefore), rateNow: rate(now, targetNow), units: n };
  }
  return { period: previous.period, label: previous.label, units, total };
}

/** The key of an indicator's change column: `cccd_change`. */
export function changeKey(ind: IndicatorDef): string {
  return `${ind.key}_change`;
}

/**
 * The change columns the consolidated main table gains after `status` when
 * a previous period is given: one per indicator, `Tăng so với đợt 1`.
 */
export function progressColumns(form: FormDef, progress: Pick<Progress, 'label'>): ColumnDef[] {
  return mainIndicators(form).map((ind) => ({ key: changeKey(ind), label: `Tăng so với ${lowerFirst(progress.label)}`, group: ind.label, kind: 'computed', width: 12, numFmt: '+#,##0;-#,##0;0' }));
}

/** A unit's (or, with `'total'`, the total row's) change cells by column key. */
export function progressValues(form: FormDef, progress: Progress, code: string | 'total'): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  const unit = code === 'total' ? undefined : progress.units.find((u) => u.code === code);
  for (const ind of mainIndicators(form)) out[changeKey(ind)] = (code === 'total' ? progress.total[ind.key]?.change : unit?.indicators[ind.key]?.change) ?? null;
  return out;
}

/** `Đợt 1` -> `đợt 1` inside a sentence. */
export function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

export function mainIndicators(form: FormDef): IndicatorDef[] {
  return form.indicators.filter((i) => i.table === form.mainTable);
}

import type { FormDef, IndicatorDef, TableDef } from '../core/forms/form-schema';
import { apportion } from './apportion';
import { between, type Rng } from './prng';
import type { UnitFigures } from './unit-figures';

/** How `splitFigures` spreads a parent over its children. */
export interface SplitOptions {
  /** How far a child's rate may stray from the parent's (0.2: ±20% of the weight). */
  readonly spread?: number;
  /** Split the item tables too (villages have none: only a commune reports reasons). */
  readonly items?: boolean;
}

/** The form's main (units) table. */
export function mainTableOf(form: FormDef): TableDef {
  const t = form.tables.find((x) => x.sheet === form.mainTable);
  if (!t) throw new Error(`form ${form.id}: no main table`);
  return t;
}

/**
 * Splits a parent's figures over children in proportion to `weights`, in
 * whole numbers that keep every sum exact: each column of the children sums
 * to the parent's, each child's done + accounted outcomes (processed,
 * declined) stay within its own target exactly as the parent's do (equal
 * when the parent balances), counts that may not exceed their target never
 * do, and each child's reasons sum to its own `processed` (the form's
 * cross-total rules). Rates vary from child to child by `spread`.
 *
 * Throws when the parent is inconsistent (done above a target that may not
 * be exceeded, reasons not summing to `processed`): sample figures are
 * programmer input.
 *
 * @example splitFigures(FORM_4PHU_2024, district, [3, 1, 2], createRng(7))
 */
export function splitFigures(form: FormDef, parent: UnitFigures, weights: readonly number[], rng: Rng, opts: SplitOptions = {}): UnitFigures[] {
  const n = weights.length;
  const spread = opts.spread ?? 0.2;
  const main = mainTableOf(form);
  const values: Record<string, number>[] = weights.map(() => ({}));
  const jitter = (base: readonly number[], most = spread): number[] => {
    const s = Math.min(spread, Math.max(0, most));
    return base.map((b) => b * between(rng, 1 - s, 1 + s));
  };
  const put = (key: string, parts: readonly number[]): void => parts.forEach((v, i) => ((values[i] as Record<string, number>)[key] = v));
  const get = (key: string): number => parent.values[key] ?? 0;

  const done = new Set<string>();
  for (const ind of form.indicators.filter((i) => i.table === main.sheet)) {
    const targets = splitTarget(get(ind.target), weights);
    put(ind.target, targets);
    done.add(ind.target);
    for (const [key, parts] of splitOutcomes(ind, get, targets, jitter)) {
      put(key, parts);
      done.add(key);
    }
  }
  // Count columns no indicator owns are split by weight alone.
  for (const col of main.columns) {
    if (col.kind !== 'count' || done.has(col.key) || parent.values[col.key] === undefined) continue;
    put(col.key, apportion(get(col.key), weights));
  }

  const items: Record<string, Record<string, Record<string, number>>>[] = weights.map(() => ({}));
  if (opts.items !== false) {
    for (const table of form.tables) {
      if (table.rows !== 'items' || !table.items) continue;
      const codes = table.items.map((i) => i.code);
      const rows = parent.items[table.sheet] ?? {};
      for (const col of table.columns) {
        if (col.kind !== 'count') continue;
        const counts = codes.map((c) => rows[c]?.[col.key] ?? 0);
        const rule = form.rules.find((r) => r.kind === 'crossTotal' && r.table === table.sheet && r.column === col.key && r.otherTable === main.sheet);
        const perChild = rule?.kind === 'crossTotal' ? contingency(counts, values.map((v) => v[rule.otherColumn] ?? 0), rng, spread) : codes.map((_, k) => apportion(counts[k] as number, weights));
        for (let i = 0; i < n; i++) {
          const sheet = ((items[i] as Record<string, Record<string, Record<string, number>>>)[table.sheet] ??= {});
          codes.forEach((code, k) => {
            const v = rule ? ((perChild[i] as number[])[k] as number) : ((perChild[k] as number[])[i] as number);
            (sheet[code] ??= {})[col.key] = v;
          });
        }
      }
    }
  }
  return values.map((v, i) => ({ values: v, items: items[i] ?? {} }));
}

/** Targets by weight, at least 1 each when there is enough to go round (a 0 target has no rate). */
function splitTarget(total: number, weights: readonly number[]): number[] {
  const live = weights.map((w) => (w > 0 ? 1 : 0));
  const count = live.reduce((s: number, x) => s + x, 0);
  const base = total >= count ? 1 : 0;
  const rest = apportion(total - base * count, weights);
  return rest.map((r, i) => r + base * (live[i] as number));
}

/** done and the outcomes that account for the target, child by child. */
function splitOutcomes(ind: IndicatorDef, get: (key: string) => number, targets: readonly number[], jitter: (b: readonly number[], spread?: number) => number[]): Array<[string, number[]]> {
  const out: Array<[string, number[]]> = [];
  if (ind.accountedBy.length > 0) {
    // Each outcome takes its share of what the target leaves after the
    // previous ones, so the last one (or the unreviewed rest) closes the
    // balance exactly.
    let room = [...targets];
    for (const key of [ind.done, ...ind.accountedBy]) {
      const parts = apportion(get(key), jitter(room), room);
      room = room.map((r, i) => r - (parts[i] as number));
      out.push([key, parts]);
    }
    return out;
  }
  const total = get(ind.done);
  if (!ind.mayExceed) return [[ind.done, apportion(total, jitter(targets), targets)]];
  // May exceed, but keep every child within the plausibility limit when the
  // parent's own rate allows it: caps at the limit (whole, since targets
  // are), and less spread the closer the parent is to it, so that children
  // do not pile up at exactly the limit.
  const max = ind.plausibleMaxRate;
  const sumTargets = targets.reduce((s, t) => s + t, 0);
  if (max !== undefined && sumTargets > 0 && total <= Math.floor(max * sumTargets)) {
    const caps = targets.map((t) => Math.floor(t * max));
    if (caps.reduce((s, c) => s + c, 0) >= total) {
      const headroom = (max - total / sumTargets) / max;
      return [[ind.done, apportion(total, jitter(targets, headroom / 2), caps)]];
    }
  }
  return [[ind.done, apportion(total, jitter(targets))]];
}

/**
 * A children x items table with both margins fixed: item k sums to
 * `itemTotals[k]`, child i to `childTotals[i]`. Children in turn take their
 * total from what each item has left; the last takes the rest, which fits
 * because both margins have the same sum.
 */
function contingency(itemTotals: readonly number[], childTotals: readonly number[], rng: Rng, spread: number): number[][] {
  const left = [...itemTotals];
  const sumItems = left.reduce((s, x) => s + x, 0);
  const sumChildren = childTotals.reduce((s, x) => s + x, 0);
  if (sumItems !== sumChildren) throw new RangeError(`reasons sum to ${sumItems}, processed to ${sumChildren}`);
  return childTotals.map((total, i) => {
    const last = i === childTotals.length - 1;
    const parts = last ? [...left] : apportion(total, left.map((x) => x * between(rng, 1 - spread, 1 + spread)), left);
    parts.forEach((p, k) => (left[k] = (left[k] as number) - p));
    return parts;
  });
}

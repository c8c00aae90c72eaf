import type { FormDef } from '../core/forms/form-schema';
import { apportion } from './apportion';
import { CCCD_REASONS_BY_CODE, DDT_REASONS_BY_CODE } from './binh-phuoc-notice';
import { between, type Rng } from './prng';
import { mainTableOf } from './split-figures';
import type { UnitFigures } from './unit-figures';

/** Per-commune size and plausible rates of an indicator. */
interface Profile {
  /** Average target per commune. */
  readonly perCommune: number;
  /** Range of done / target. */
  readonly rate: readonly [number, number];
  /** Range of the share of the non-done rest that each accounting outcome takes in turn. */
  readonly accounted: readonly [number, number];
}

/**
 * Orders of magnitude of the Bình Phước notice per commune (19.883 CCCD
 * cases over 111 communes is about 180), with rates around the notice's.
 */
const PROFILES: Readonly<Record<string, Profile>> = {
  cccd: { perCommune: 180, rate: [0.4, 0.72], accounted: [0.6, 0.8] },
  ddt: { perCommune: 3200, rate: [0.3, 0.65], accounted: [0.45, 0.6] },
  phone4g: { perCommune: 200, rate: [0.6, 1.3], accounted: [0.5, 0.5] },
  simcks: { perCommune: 3400, rate: [0.4, 1.1], accounted: [0.5, 0.5] },
};
const DEFAULT_PROFILE: Profile = { perCommune: 500, rate: [0.3, 0.9], accounted: [0.5, 0.7] };

/** The mix of reasons of the notice, used as weights for invented units. */
const REASON_MIX: Readonly<Record<string, Readonly<Record<string, number>>>> = { cccd: CCCD_REASONS_BY_CODE, ddt: DDT_REASONS_BY_CODE };

/**
 * Plausible figures for a unit with `communes` communes under it: targets in
 * proportion to its size, rates drawn around the notice's, outcomes that
 * balance each target exactly, and reasons that sum to `processed` in the
 * notice's mix. Driven by the form: an indicator or reason it does not know
 * gets neutral defaults.
 */
export function randomFigures(form: FormDef, communes: number, rng: Rng): UnitFigures {
  const main = mainTableOf(form);
  const values: Record<string, number> = {};
  const scale = Math.max(1, communes) * between(rng, 0.75, 1.25);
  for (const ind of form.indicators.filter((i) => i.table === main.sheet)) {
    const p = PROFILES[ind.key] ?? DEFAULT_PROFILE;
    const target = Math.max(1, Math.round(p.perCommune * scale));
    values[ind.target] = target;
    let done = Math.round(target * between(rng, p.rate[0], p.rate[1]));
    if (!ind.mayExceed) done = Math.min(done, target);
    values[ind.done] = done;
    let rest = Math.max(0, target - done);
    ind.accountedBy.forEach((key, k) => {
      const last = k === ind.accountedBy.length - 1;
      const v = last ? rest : Math.round(rest * between(rng, p.accounted[0], p.accounted[1]));
      values[key] = v;
      rest -= v;
    });
  }

  const items: Record<string, Record<string, Record<string, number>>> = {};
  for (const table of form.tables) {
    if (table.rows !== 'items' || !table.items) continue;
    const sheet: Record<string, Record<string, number>> = (items[table.sheet] = {});
    for (const item of table.items) sheet[item.code] = {};
    for (const col of table.columns) {
      if (col.kind !== 'count') continue;
      const rule = form.rules.find((r) => r.kind === 'crossTotal' && r.table === table.sheet && r.column === col.key && r.otherTable === main.sheet);
      const total = rule?.kind === 'crossTotal' ? (values[rule.otherColumn] ?? 0) : 0;
      const mix = REASON_MIX[col.key];
      const weights = table.items.map((item) => {
        if (item.only && !item.only.includes(col.key)) return 0;
        return (mix?.[item.code] ?? 1) * between(rng, 0.7, 1.3);
      });
      const parts = weights.some((w) => w > 0) ? apportion(total, weights, weights.map((w) => (w > 0 ? Infinity : 0))) : weights.map(() => 0);
      table.items.forEach((item, k) => ((sheet[item.code] as Record<string, number>)[col.key] = parts[k] as number));
    }
  }
  return { values, items };
}

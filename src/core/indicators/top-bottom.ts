import { isFiniteNumber } from './rate';

/** A unit picked by `topBottom`: where it was, its value and its competition rank. */
export interface RankedEntry {
  /** Index in the input arrays. */
  readonly index: number;
  readonly name: string;
  readonly value: number;
  /** Competition rank among all ranked values (1 = highest). */
  readonly rank: number;
}

/**
 * Every unit with a value, best first: value descending, equal values in
 * input order (the registry's catalogue order), so the result never depends
 * on the sort implementation. Ranks are competition ranks (1, 2, 2, 4).
 */
export function rankedEntries(names: readonly string[], values: readonly (number | null | undefined)[]): RankedEntry[] {
  const idx: number[] = [];
  for (let i = 0; i < values.length; i++) if (isFiniteNumber(values[i])) idx.push(i);
  const v = values as readonly number[];
  idx.sort((a, b) => (v[b] as number) - (v[a] as number) || a - b);
  const out: RankedEntry[] = [];
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k] as number;
    const prev = out[k - 1];
    const value = v[i] as number;
    out.push({ index: i, name: names[i] ?? '', value, rank: prev && prev.value === value ? prev.rank : k + 1 });
  }
  return out;
}

/**
 * The n best units (or with `low`, the n worst), always listed in rank
 * order, best first: the lowest comes last, as the province notice writes
 * "Phước Long (36,85%), Bù Đốp (24,98%)". Units without a value are
 * skipped. Exactly min(n, units with a value) entries: a tie across the cut
 * is settled by input order (the earlier unit counts as the better one).
 *
 * @example topBottom(['A', 'B', 'C'], [0.5, 0.9, 0.2], 2) // B (0.9), A (0.5)
 * @example topBottom(['A', 'B', 'C'], [0.5, 0.9, 0.2], 2, true) // A (0.5), C (0.2)
 */
export function topBottom(names: readonly string[], values: readonly (number | null | undefined)[], n: number, low = false): RankedEntry[] {
  const all = rankedEntries(names, values);
  const k = Math.max(0, Math.min(Math.floor(n), all.length));
  return low ? all.slice(all.length - k) : all.slice(0, k);
}

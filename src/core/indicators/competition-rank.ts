import { isFiniteNumber } from './rate';

/** Which end ranks first: `desc` (default) makes the highest value rank 1. */
export type RankOrder = 'desc' | 'asc';

/**
 * Standard competition ranking ("1224"): 1 is the best, equal values share
 * a rank and the next rank skips as many places (1, 2, 2, 4). Blank, NaN and
 * infinite values get no rank (null), and do not take a place.
 *
 * O(n log n): one sort of the ranked indices, so it serves a whole column
 * of 100,000 cells from a custom function.
 *
 * @example competitionRank([0.5, 0.8, 0.5, null, 0.2]) // [2, 1, 2, null, 4]
 * @example competitionRank([3, 1, 2], 'asc') // [3, 1, 2]
 */
export function competitionRank(values: readonly (number | null | undefined)[], order: RankOrder = 'desc'): (number | null)[] {
  const ranks: (number | null)[] = new Array<number | null>(values.length).fill(null);
  const idx: number[] = [];
  for (let i = 0; i < values.length; i++) if (isFiniteNumber(values[i])) idx.push(i);
  const v = values as readonly number[];
  const sign = order === 'asc' ? 1 : -1;
  idx.sort((a, b) => sign * ((v[a] as number) - (v[b] as number)) || a - b);
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k] as number;
    const prev = k > 0 ? (idx[k - 1] as number) : -1;
    // Equal values share the rank of the first of them.
    ranks[i] = k > 0 && v[prev] === v[i] ? (ranks[prev] as number) : k + 1;
  }
  return ranks;
}

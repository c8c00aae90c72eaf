/** A count as it comes out of a sheet: blank and unreadable cells are null. */
export type Count = number | null | undefined;

/**
 * done / target, or null when there is no rate to speak of: a blank done,
 * or a blank, zero or negative target. 0/0 is not 0% nor 100%: a unit with
 * nothing assigned has no rate, and ranking and narratives skip it.
 *
 * @example rate(579, 837) // 0.6917562724014337
 * @example rate(0, 0) === null
 */
export function rate(done: Count, target: Count): number | null {
  if (!isFiniteNumber(done) || !isFiniteNumber(target) || target <= 0) return null;
  return done / target;
}

/**
 * What is left to do: target - done, never negative (a unit above its
 * target has nothing left, not a negative remainder). Null when either
 * figure is blank, since then the remainder is unknown.
 *
 * @example remaining(579, 837) === 258
 * @example remaining(2258, 1182) === 0
 */
export function remaining(done: Count, target: Count): number | null {
  if (!isFiniteNumber(done) || !isFiniteNumber(target)) return null;
  return Math.max(0, target - done);
}

/** True for a number that can take part in arithmetic (not NaN, not ±Infinity). */
export function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

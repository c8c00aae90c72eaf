/** How a rate compares with the threshold (1 = the target). */
export type RateAssessment = 'Vượt chỉ tiêu' | 'Đạt' | 'Chưa đạt';

/**
 * Floating point noise allowed when comparing with the threshold, so that
 * 0.9 * 3 / 3 still counts as reaching 0.9. Far below any real difference
 * (one case in a target of a billion).
 */
const EPSILON = 1e-9;

/**
 * Words a rate the way reports do, against a threshold (the share of the
 * target that counts as reached; 1 = 100%):
 * - `Vượt chỉ tiêu` when rate > threshold (strictly above),
 * - `Đạt` when rate equals the threshold,
 * - `Chưa đạt` when rate < threshold,
 * - null when there is no rate (0/0, blanks): nothing to assess.
 *
 * @example assessRate(1.9103) === 'Vượt chỉ tiêu'
 * @example assessRate(1) === 'Đạt'
 * @example assessRate(0.95, 0.9) === 'Vượt chỉ tiêu'
 * @example assessRate(0.6918) === 'Chưa đạt'
 */
export function assessRate(rate: number | null | undefined, threshold = 1): RateAssessment | null {
  if (typeof rate !== 'number' || !Number.isFinite(rate)) return null;
  if (rate > threshold + EPSILON) return 'Vượt chỉ tiêu';
  if (rate >= threshold - EPSILON) return 'Đạt';
  return 'Chưa đạt';
}

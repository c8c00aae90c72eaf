import { formatNumberVi, formatPercentVi } from '../format/format-number-vi';
import { rate, type Count } from '../indicators/rate';

/** A count in a sentence: Vietnamese grouping; a blank shows as a dash, never as an invented 0. */
export function countVi(v: Count): string {
  return typeof v === 'number' && Number.isFinite(v) ? formatNumberVi(v) : '–';
}

/**
 * One unit's result the way the province notice writes it: short name,
 * done/target, and the rate with two decimals. Without a rate (0/0, blanks)
 * the "đạt" part is left out rather than showing 0% or 100%.
 *
 * @example unitFragment('Phước Long', 579, 837) === 'Phước Long (579/837 đạt 69,18%)'
 * @example unitFragment('Bù Đăng', 2258, 1182) === 'Bù Đăng (2.258/1.182 đạt 191,03%)'
 */
export function unitFragment(shortName: string, done: Count, target: Count): string {
  const r = rate(done, target);
  return `${shortName} (${countVi(done)}/${countVi(target)}${r === null ? '' : ` đạt ${formatPercentVi(r)}`})`;
}

import type { Count } from '../indicators/rate';
import { rate } from '../indicators/rate';
import { rankedEntries, type RankedEntry } from '../indicators/top-bottom';
import { shortUnitName } from './short-unit-name';
import { unitFragment } from './unit-fragment';

/**
 * The best `n` and the worst `n` units by rate: both in rank order (best
 * first, so the lowest comes last), the worst never repeating one of the
 * best when there are fewer than 2n units.
 */
export function highLow(entries: readonly RankedEntry[], n: number): { high: RankedEntry[]; low: RankedEntry[] } {
  const k = Math.max(0, Math.floor(n));
  const high = entries.slice(0, Math.min(k, entries.length));
  const low = entries.slice(Math.max(high.length, entries.length - k));
  return { high, low };
}

/**
 * One sentence naming the n best and n worst units by rate done/target, in
 * the notice's words, for the PHU.NHANXET custom function. Names are
 * shortened (`Huyện Bù Đăng` -> `Bù Đăng`); units without a rate (blank,
 * or no target) are left out. Both lists are in rank order, the lowest
 * last.
 *
 * @example nhanXetSentence(['Thị xã Phước Long', 'Huyện Bù Đăng'], [579, 2258], [837, 1182], 1)
 *   === 'Đơn vị thực hiện tốt: Bù Đăng (2.258/1.182 đạt 191,03%); đơn vị thực hiện chưa tốt: Phước Long (579/837 đạt 69,18%).'
 */
export function nhanXetSentence(names: readonly string[], done: readonly Count[], target: readonly Count[], n = 2): string {
  const rates = names.map((_, i) => rate(done[i], target[i]));
  const { high, low } = highLow(rankedEntries(names, rates), n);
  if (high.length === 0) return 'Chưa có đơn vị nào đủ số liệu để tính tỷ lệ.';
  const list = (es: readonly RankedEntry[]): string => es.map((e) => unitFragment(shortUnitName(e.name), done[e.index], target[e.index])).join(', ');
  return `Đơn vị thực hiện tốt: ${list(high)}${low.length > 0 ? `; đơn vị thực hiện chưa tốt: ${list(low)}` : ''}.`;
}

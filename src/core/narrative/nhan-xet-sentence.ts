import type { Count } from '../indicators/rate';
import { rate } from '../indicators/rate';
import { rankedEntries, type RankedEntry } from '../indicators/top-bottom';
import { shortUnitName } from './short-unit-name';
import { unitFragment } from './unit-fragment';

/** What the notice judges a unit's rate against: the target's rate and the whole's rate. */
export interface JudgementBar {
  /** The rate of reaching the target (1 = 100%). */
  readonly goal: number;
  /** The whole's rate (all units' done over all targets), when it has one. */
  readonly whole: number | null;
}

/**
 * The notice's judgement: the best `n` of the units that did well (at or
 * above the goal, or at or above the whole's rate) and the worst `n` of the
 * others, both in rank order. A unit above target is never "chưa tốt",
 * however low it ranks.
 */
export function judgedHighLow(entries: readonly RankedEntry[], n: number, bar: JudgementBar): { high: RankedEntry[]; low: RankedEntry[] } {
  const k = Math.max(0, Math.floor(n));
  const good = (e: RankedEntry): boolean => e.value >= bar.goal || (bar.whole !== null && e.value >= bar.whole);
  const goods = entries.filter(good);
  const poors = entries.filter((e) => !good(e));
  return { high: goods.slice(0, k), low: poors.slice(Math.max(0, poors.length - k)) };
}

/**
 * One sentence naming the n best and n worst units by rate done/target, in
 * the notice's words, for the PHU.NHANXET custom function. Names are
 * shortened (`Huyện Bù Đăng` -> `Bù Đăng`); units without a rate (blank,
 * or no target) are left out. Both lists are in rank order, the lowest
 * last. As in the notice, "tốt" is at or above the target (`goal`, 100%)
 * or the whole's rate, "chưa tốt" below both: when every unit reached its
 * target nobody is called "chưa tốt".
 *
 * @example nhanXetSentence(['Thị xã Phước Long', 'Huyện Bù Đăng'], [579, 2258], [837, 1182], 1)
 *   === 'Đơn vị thực hiện tốt: Bù Đăng (2.258/1.182 đạt 191,03%); đơn vị thực hiện chưa tốt: Phước Long (579/837 đạt 69,18%).'
 */
export function nhanXetSentence(names: readonly string[], done: readonly Count[], target: readonly Count[], n = 2, goal = 1): string {
  const rates = names.map((_, i) => rate(done[i], target[i]));
  const entries = rankedEntries(names, rates);
  if (entries.length === 0) return 'Chưa có đơn vị nào đủ số liệu để tính tỷ lệ.';
  const sum = (xs: readonly Count[]): number => entries.reduce((s, e) => s + (typeof xs[e.index] === 'number' ? (xs[e.index] as number) : 0), 0);
  const { high, low } = judgedHighLow(entries, n, { goal, whole: rate(sum(done), sum(target)) ?? null });
  if (high.length === 0 && low.length > 0) return `Đơn vị thực hiện chưa tốt: ${low.map((e) => unitFragment(shortUnitName(e.name), done[e.index], target[e.index])).join(', ')}.`;
  const list = (es: readonly RankedEntry[]): string => es.map((e) => unitFragment(shortUnitName(e.name), done[e.index], target[e.index])).join(', ');
  return `Đơn vị thực hiện tốt: ${list(high)}${low.length > 0 ? `; đơn vị thực hiện chưa tốt: ${list(low)}` : ''}.`;
}

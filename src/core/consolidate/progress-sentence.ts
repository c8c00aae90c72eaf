import { formatNumberVi, formatPercentVi } from '../format/format-number-vi';
import type { FormDef } from '../forms/form-schema';
import { countOf } from '../narrative/count-of';
import { countVi } from '../narrative/unit-fragment';
import { lowerFirst, mainIndicators, type Progress } from './progress';

/** "lên" going up, "xuống" going down (a rate may fall while the count grows: targets were raised). */
function toward(from: number, to: number): string {
  return to < from ? 'xuống' : 'lên';
}

/** A change with its sign, the Vietnamese way: `+523`, `-12`. */
function signed(n: number): string {
  return `${n > 0 ? '+' : n < 0 ? '-' : ''}${formatNumberVi(Math.abs(n))}`;
}

/**
 * The NhanXet paragraph on progress since the previous period, in the
 * notice's style: per indicator the like-for-like change of the total
 * (`Căn cước công dân tăng 1.234 (từ 9.729 lên 10.963; tỷ lệ từ 48,93% lên
 * 55,14%)`) and the `topN` units that gained most; then, since figures are
 * cumulative, every unit whose figure went down, to be checked, each named
 * once with all its indicators that fell.
 *
 * @example progressSentence(FORM_4PHU_2024, progress) // 'So với đợt 1 (11/11 đơn vị có số liệu cả hai kỳ): Căn cước công dân tăng ...'
 */
export function progressSentence(form: FormDef, p: Progress, topN = 2): string {
  const since = `so với ${lowerFirst(p.label)}`;
  const compared = Math.max(0, ...Object.values(p.total).map((t) => t.units));
  if (compared === 0) return `Chưa so sánh được ${since}: không có đơn vị nào có số liệu hợp lệ ở cả hai kỳ.`;
  const parts: string[] = [];
  const down = new Map<string, string[]>();
  for (const ind of mainIndicators(form)) {
    const t = p.total[ind.key];
    if (!t || t.change === null || t.before === null || t.now === null) continue;
    const verb = t.change > 0 ? `tăng ${formatNumberVi(t.change)}` : t.change < 0 ? `giảm ${formatNumberVi(-t.change)}` : 'không đổi';
    const rates = t.rateBefore !== null && t.rateNow !== null ? `; tỷ lệ từ ${formatPercentVi(t.rateBefore)} ${toward(t.rateBefore, t.rateNow)} ${formatPercentVi(t.rateNow)}` : '';
    const figures = t.change === 0 ? countVi(t.now) : `từ ${countVi(t.before)} ${toward(t.before, t.now)} ${countVi(t.now)}`;
    let part = `${ind.label} ${verb} (${figures}${rates})`;
    const gains = p.units
      .map((u, order) => ({ name: u.shortName, change: u.indicators[ind.key]?.change ?? null, order }))
      .filter((u): u is { name: string; change: number; order: number } => u.change !== null && u.change > 0)
      .sort((a, b) => b.change - a.change || a.order - b.order)
      .slice(0, topN);
    if (gains.length > 0) part += `, tăng nhiều nhất: ${gains.map((g) => `${g.name} (${signed(g.change)})`).join(', ')}`;
    parts.push(part);
    for (const u of p.units) {
      const x = u.indicators[ind.key];
      if (x?.change === null || x?.change === undefined || x.change >= 0) continue;
      const list = down.get(u.shortName) ?? [];
      list.push(`${ind.label} ${countVi(x.before)} → ${countVi(x.now)}`);
      down.set(u.shortName, list);
    }
  }
  const head = `${since.charAt(0).toLocaleUpperCase('vi')}${since.slice(1)} (${countOf(compared)}/${countOf(p.units.length)} đơn vị có số liệu cả hai kỳ): ${parts.join('; ')}.`;
  const fell = [...down].map(([name, list]) => `${name} (${list.join('; ')})`);
  return fell.length === 0 ? head : `${head} Số liệu lũy kế giảm ${since}, cần kiểm tra lại: ${fell.join(', ')}.`;
}

import { formatPercentVi } from '../format/format-number-vi';
import type { FormDef, IndicatorDef } from '../forms/form-schema';
import { isFiniteNumber, rate } from '../indicators/rate';
import { rankedEntries, type RankedEntry } from '../indicators/top-bottom';
import { countOf } from './count-of';
import { judgedHighLow } from './nhan-xet-sentence';
import { countVi, unitFragment } from './unit-fragment';

/** A unit whose figures count, as the narrative names it. */
export interface NarrativeUnit {
  /** Name without the type prefix: `Phước Long`. */
  readonly shortName: string;
  /** Its total-row figures by column key. */
  readonly values: Readonly<Record<string, number | null>>;
}

/** What the narrative is written from. */
export interface NarrativeParts {
  /** The parent's total row by column key. */
  readonly total: Readonly<Record<string, number | null>>;
  /** Units with valid figures, in catalogue order (ties are settled by it). */
  readonly units: readonly NarrativeUnit[];
  /** How many units the high and the low sentences name each (default 2). */
  readonly topN?: number;
  /** How many units were expected to report; the completeness paragraph is written only when given. */
  readonly expected?: number;
  /** Short names of units that did not report. */
  readonly missing?: readonly string[];
  /** Short names of units that reported after the due date. */
  readonly late?: readonly string[];
  /** Short names of units whose report has errors and was not summed. */
  readonly invalid?: readonly string[];
}

/**
 * Fills an indicator's sentence: `{col}` is the total row's count of that
 * column (`10.963`), `{col%}` its share of the indicator's target
 * (`55,14%`); `{done}`, `{target}` and `{rate}` stand for the indicator's
 * own columns. An unknown placeholder is left as written, so a typo in a
 * form shows instead of vanishing.
 */
export function fillTemplate(template: string, ind: IndicatorDef, total: Readonly<Record<string, number | null>>): string {
  const target = total[ind.target];
  const alias: Record<string, string> = { done: ind.done, target: ind.target };
  return template.replace(/\{([a-z][a-z0-9_]*)(%?)\}/g, (whole, name: string, pct: string) => {
    if (name === 'rate' && pct === '') {
      const r = rate(total[ind.done], target);
      return r === null ? '–' : formatPercentVi(r);
    }
    const key = alias[name] ?? name;
    if (!(key in total)) return whole;
    if (pct === '') return countVi(total[key]);
    const r = rate(total[key], target);
    return r === null ? '–' : formatPercentVi(r);
  });
}

/**
 * The draft "Nhận xét" of a consolidated report, in the style of the
 * province notice, one paragraph per entry. Per indicator of the form's
 * main table: its total sentence (the form's `narrative.total`, filled by
 * `fillTemplate`; a plain "no target" sentence when the target is 0 or
 * blank, since 0/0 has no rate), then one paragraph with the `topN` best
 * units by rate and the `topN` worst, both in rank order so the lowest comes
 * last (`Phước Long (7.263/19.711 đạt 36,85%), Bù Đốp (4.759/19.050 đạt
 * 24,98%)`). Last, when `expected` is given, who reported, late, not at
 * all, or invalid.
 */
export function buildNarrative(form: FormDef, parts: NarrativeParts): string[] {
  const n = parts.topN ?? 2;
  const out: string[] = [];
  for (const ind of form.indicators.filter((i) => i.table === form.mainTable)) {
    const target = parts.total[ind.target];
    out.push(!isFiniteNumber(target) || target <= 0 ? `${ind.label}: chưa có chỉ tiêu được giao nên chưa tính được tỷ lệ.` : fillTemplate(ind.narrative.total, ind, parts.total));
    const rates = parts.units.map((u) => rate(u.values[ind.done], u.values[ind.target]));
    const entries = rankedEntries(
      parts.units.map((u) => u.shortName),
      rates,
    );
    const { high, low } = judgedHighLow(entries, n, { goal: ind.goal, whole: rate(parts.total[ind.done], parts.total[ind.target]) ?? null });
    if (entries.length === 0) continue;
    const list = (es: readonly RankedEntry[]): string =>
      es
        .map((e) => {
          const u = parts.units[e.index];
          return unitFragment(e.name, u?.values[ind.done], u?.values[ind.target]);
        })
        .join(', ');
    const sentences = high.length > 0 ? [ind.narrative.high.replace('{units}', list(high))] : [];
    if (low.length > 0) sentences.push(ind.narrative.low.replace('{units}', list(low)));
    out.push(sentences.join(' '));
  }
  if (parts.expected !== undefined) out.push(completeness(parts.expected, parts.missing ?? [], parts.late ?? [], parts.invalid ?? []));
  return out;
}

function completeness(expected: number, missing: readonly string[], late: readonly string[], invalid: readonly string[]): string {
  const sent = expected - missing.length;
  if (missing.length === 0 && late.length === 0 && invalid.length === 0) return `Tình hình gửi báo cáo: ${countOf(sent)}/${countOf(expected)} đơn vị đã gửi báo cáo đúng hạn.`;
  let s = `Tình hình gửi báo cáo: ${countOf(sent)}/${countOf(expected)} đơn vị đã gửi báo cáo`;
  if (late.length > 0) s += `, trong đó ${countOf(late.length)} đơn vị gửi trễ hạn: ${late.join(', ')}`;
  s += '.';
  if (missing.length > 0) s += ` Còn ${countOf(missing.length)} đơn vị chưa gửi báo cáo: ${missing.join(', ')}.`;
  if (invalid.length > 0) s += ` Có ${countOf(invalid.length)} đơn vị gửi báo cáo không hợp lệ, chưa được tổng hợp: ${invalid.join(', ')}.`;
  return s;
}

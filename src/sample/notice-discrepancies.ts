import { competitionRank } from '../core/indicators/competition-rank';
import { nationalRegistry } from '../core/units/national-registry';
import type { SampleDistrict } from './binh-phuoc-districts';
import { BINH_PHUOC_CODE, CCCD_REASONS_BY_CODE, DDT_REASONS_BY_CODE, INDICATOR_KEYS, NOTICE_DISTRICT_QUOTES, NOTICE_LOWEST, NOTICE_SIMCKS_BELOW_TARGET, NOTICE_TOTALS, REASON_CODES } from './binh-phuoc-notice';

/**
 * Every way a set of district figures fails to reproduce the province
 * notice (empty when it does): quoted figures, province totals, reasons,
 * balances, and the high/low lists of each indicator by competition rank,
 * with no tie and no unquoted district crossing a quoted one.
 */
export function noticeDiscrepancies(districts: readonly SampleDistrict[]): string[] {
  const problems: string[] = [];
  const expected = nationalRegistry().children(BINH_PHUOC_CODE).map((u) => u.code);
  const codes = districts.map((d) => d.code);
  if (codes.join() !== expected.join()) problems.push(`districts ${codes.join()} are not ${expected.join()}`);
  const byCode = new Map(districts.map((d) => [d.code, d] as const));
  const v = (d: SampleDistrict, key: string): number => d.figures.values[key] ?? 0;
  const reason = (d: SampleDistrict, code: string, col: string): number => d.figures.items['LyDo']?.[code]?.[col] ?? 0;

  for (const q of NOTICE_DISTRICT_QUOTES) {
    const d = byCode.get(q.unitCode);
    if (!d) problems.push(`${q.indicator}: no district ${q.unitCode}`);
    else if (v(d, `${q.indicator}_done`) !== q.done || v(d, `${q.indicator}_target`) !== q.target) problems.push(`${q.indicator} ${q.shortName}: ${v(d, `${q.indicator}_done`)}/${v(d, `${q.indicator}_target`)} is not ${q.done}/${q.target}`);
  }

  const sum = (key: string): number => districts.reduce((s, d) => s + v(d, key), 0);
  for (const ind of INDICATOR_KEYS) {
    const t = NOTICE_TOTALS[ind];
    const want: Array<[string, number | undefined]> = [['done', t.done], ['target', t.target], ['processed', t.processed], ['declined', t.declined]];
    for (const [part, n] of want) if (n !== undefined && sum(`${ind}_${part}`) !== n) problems.push(`${ind}_${part} sums to ${sum(`${ind}_${part}`)}, not ${n}`);
  }
  for (const [col, totals] of [['cccd', CCCD_REASONS_BY_CODE], ['ddt', DDT_REASONS_BY_CODE]] as const) {
    for (const code of REASON_CODES) {
      const s = districts.reduce((acc, d) => acc + reason(d, code, col), 0);
      if (s !== totals[code]) problems.push(`${col} ${code} sums to ${s}, not ${totals[code] ?? 0}`);
    }
  }

  for (const d of districts) {
    for (const ind of ['cccd', 'ddt']) {
      const parts = v(d, `${ind}_done`) + v(d, `${ind}_processed`) + v(d, `${ind}_declined`);
      if (parts !== v(d, `${ind}_target`)) problems.push(`${ind} ${d.shortName}: done + processed + declined = ${parts}, target ${v(d, `${ind}_target`)}`);
      const reasons = REASON_CODES.reduce((s, c) => s + reason(d, c, ind), 0);
      if (reasons !== v(d, `${ind}_processed`)) problems.push(`${ind} ${d.shortName}: reasons sum to ${reasons}, processed ${v(d, `${ind}_processed`)}`);
    }
    if (reason(d, 'R15', 'cccd') !== 0) problems.push(`cccd ${d.shortName}: R15 applies to ddt only`);
  }

  for (const ind of INDICATOR_KEYS) {
    const rates = districts.map((d) => v(d, `${ind}_done`) / v(d, `${ind}_target`));
    const ranks = competitionRank(rates);
    if (new Set(ranks).size !== districts.length) problems.push(`${ind}: tied rates`);
    const byRank = districts.map((d, i) => ({ code: d.code, rank: ranks[i] ?? 0 })).sort((a, b) => a.rank - b.rank).map((x) => x.code);
    const high = NOTICE_DISTRICT_QUOTES.filter((q) => q.indicator === ind && q.list === 'high').map((q) => q.unitCode);
    const low = NOTICE_DISTRICT_QUOTES.filter((q) => q.indicator === ind && q.list === 'low').map((q) => q.unitCode);
    if (byRank.slice(0, high.length).join() !== high.join()) problems.push(`${ind}: the best are ${byRank.slice(0, high.length).join()}, the notice says ${high.join()}`);
    const bottom = byRank.slice(byRank.length - low.length);
    if ([...bottom].sort().join() !== [...low].sort().join()) problems.push(`${ind}: the worst are ${bottom.join()}, the notice says ${low.join()}`);
    if (byRank[byRank.length - 1] !== NOTICE_LOWEST[ind]) problems.push(`${ind}: the lowest is ${byRank[byRank.length - 1] ?? ''}, the notice says ${NOTICE_LOWEST[ind]}`);
  }
  const below = districts.filter((d) => v(d, 'simcks_done') < v(d, 'simcks_target')).length;
  if (below !== NOTICE_SIMCKS_BELOW_TARGET) problems.push(`simcks: ${below} districts below 100%, the notice says ${NOTICE_SIMCKS_BELOW_TARGET}`);
  return problems;
}

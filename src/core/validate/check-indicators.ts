import { createFinding, type Finding } from '../findings/finding';
import { formatPercentVi } from '../format/format-number-vi';
import type { IndicatorDef } from '../forms/form-schema';
import type { TableRow } from '../submission/submission';
import type { TableRead } from './read-table';
import { allRows, cellOf, readable } from './table-cells';

/**
 * Each indicator on every row, the total row included: cases accounted for
 * (done + processed + declined) against the target, done against the
 * target, and an implausibly high rate. Rows with an unreadable cell among
 * the indicator's columns are skipped: that cell has its own finding.
 */
export function checkIndicators(indicators: readonly IndicatorDef[], reads: ReadonlyMap<string, TableRead>): Finding[] {
  const findings: Finding[] = [];
  for (const ind of indicators) {
    const read = reads.get(ind.table);
    if (!read?.found) continue;
    const keys = [ind.done, ind.target, ...ind.accountedBy];
    for (const row of allRows(read)) {
      if (keys.some((k) => !readable(read, row, k))) continue;
      findings.push(...checkRow(ind, read, row));
    }
  }
  return findings;
}

function checkRow(ind: IndicatorDef, read: TableRead, row: TableRow): Finding[] {
  const findings: Finding[] = [];
  const target = row.values[ind.target] ?? null;
  const done = row.values[ind.done] ?? null;
  if (ind.accountedBy.length > 0) {
    const parts = [done, ...ind.accountedBy.map((k) => row.values[k] ?? null)];
    if (target !== null || parts.some((p) => p !== null)) {
      const sum = parts.reduce<number>((s, p) => s + (p ?? 0), 0);
      const t = target ?? 0;
      const at = cellOf(read, row, ind.target);
      if (sum > t) findings.push(createFinding('balance_exceeds', { indicator: ind.key, sum, target: t }, at));
      else if (sum < t) findings.push(createFinding('balance_short', { indicator: ind.key, sum, target: t }, at));
    }
  }
  if (done === null) return findings;
  if (!ind.mayExceed && done > (target ?? 0)) {
    findings.push(createFinding('done_exceeds_target', { indicator: ind.key, done, target: target ?? 0 }, cellOf(read, row, ind.done)));
  }
  if (ind.plausibleMaxRate !== undefined && target !== null && target > 0 && done / target > ind.plausibleMaxRate) {
    findings.push(
      createFinding('rate_implausible', { indicator: ind.key, rate: formatPercentVi(done / target), limit: formatPercentVi(ind.plausibleMaxRate) }, cellOf(read, row, ind.done)),
    );
  }
  return findings;
}

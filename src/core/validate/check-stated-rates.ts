import { createFinding, type Finding } from '../findings/finding';
import { formatPercentVi } from '../format/format-number-vi';
import type { IndicatorDef } from '../forms/form-schema';
import { cellAt, findSheet, type WorkbookGrid } from '../grid/sheet-grid';
import { rate } from '../indicators/rate';
import type { TableRead } from './read-table';
import { allRows, cellOf, readable } from './table-cells';

/** A rate shown rounded to whole percents (`65%` for 64,71%) is still right. */
const ROUNDING = 0.005 + 1e-9;

/**
 * Rates a person typed into an indicator's rate column (a report copied
 * from Word shows `100%`, `0%`). PHU computes rates itself, so a typed one
 * only earns a warning when it says something false: no rate where there
 * is none to speak of (0/0, blanks: never 0% nor 100%), 100% for an
 * unfinished job or 0% for a started one, or a value off by more than
 * rounding to whole percents. Text in a rate cell is left alone.
 */
export function checkStatedRates(book: WorkbookGrid, indicators: readonly IndicatorDef[], reads: ReadonlyMap<string, TableRead>): Finding[] {
  const findings: Finding[] = [];
  for (const ind of indicators) {
    const read = reads.get(ind.table);
    const col = read?.table.columns[ind.rateColumn];
    const grid = read?.found ? findSheet(book, read.sheet) : undefined;
    if (!read || col === undefined || !grid) continue;
    for (const row of allRows(read)) {
      const stated = cellAt(grid, row.row, col);
      if (typeof stated !== 'number' || !Number.isFinite(stated) || !readable(read, row, ind.done) || !readable(read, row, ind.target)) continue;
      const done = row.values[ind.done] ?? null;
      const target = row.values[ind.target] ?? null;
      const actual = rate(done, target);
      const at = cellOf(read, row, ind.rateColumn);
      if (actual === null) {
        findings.push(createFinding('rate_without_base', { indicator: ind.key, stated: formatPercentVi(stated), done: done ?? '–', target: target ?? '–' }, at));
        continue;
      }
      const wrong = Math.abs(stated - actual) > ROUNDING || (stated >= 1 && actual < 1) || (stated <= 0 && actual > 0);
      if (wrong) findings.push(createFinding('rate_stated_wrong', { indicator: ind.key, stated: formatPercentVi(stated), done: done ?? 0, target: target ?? 0, computed: formatPercentVi(actual) }, at));
    }
  }
  return findings;
}

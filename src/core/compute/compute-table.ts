import type { FormDef } from '../forms/form-schema';
import { competitionRank } from '../indicators/competition-rank';
import { rate } from '../indicators/rate';
import type { ParsedTable, TableRow } from '../submission/submission';

/** Computed columns of one row: column key (`cccd_rate`, `cccd_rank`) -> value. */
export type ComputedValues = Record<string, number | null>;

/**
 * The key `computeTable` files a row under: its code, or, for a row
 * without one (a village with no code) or a code already seen, `@` and its
 * Excel row number (`@7`), so no row is lost or merged with another.
 */
export function computedRowKey(row: TableRow, seen?: ReadonlySet<string>): string {
  return row.code !== '' && !(seen?.has(row.code) ?? false) ? row.code : `@${row.row + 1}`;
}

/**
 * The computed columns of a parsed table, for "compute in place": for each
 * indicator of the table, the rate (done / target, null when there is none,
 * see `rate`) of every row including the total row, and the competition
 * rank (1 = best rate, ties share) among the data rows only. The total row
 * gets rates and a null rank; rows for which `valid` says false (a unit
 * whose figures are in error) get their rate but a null rank, and do not
 * take a place in the ranking.
 *
 * @returns row key (see `computedRowKey`; the total row under its code, `TONG`) -> column key -> value
 * @example computeTable(FORM_4PHU_2024, submission.tables.SoLieu)['688'] // { cccd_rate: 0.6918, cccd_rank: 1, ... }
 */
export function computeTable(form: FormDef, table: ParsedTable, valid?: (row: TableRow) => boolean): Record<string, ComputedValues> {
  const indicators = form.indicators.filter((i) => i.table === table.sheet);
  const out: Record<string, ComputedValues> = {};
  const keys: string[] = [];
  const seen = new Set<string>();
  if (table.total) seen.add(table.total.code);
  for (const row of table.rows) {
    const key = computedRowKey(row, seen);
    seen.add(key);
    keys.push(key);
  }
  const rowValues: ComputedValues[] = table.rows.map(() => ({}));
  for (const ind of indicators) {
    const rates = table.rows.map((r) => rate(r.values[ind.done], r.values[ind.target]));
    const ranks = competitionRank(table.rows.map((r, i) => (valid === undefined || valid(r) ? rates[i] : null)));
    rowValues.forEach((v, i) => {
      v[ind.rateColumn] = rates[i] ?? null;
      if (ind.rankColumn) v[ind.rankColumn] = ranks[i] ?? null;
    });
  }
  keys.forEach((k, i) => {
    out[k] = rowValues[i] ?? {};
  });
  if (table.total) {
    const t = table.total;
    const v: ComputedValues = {};
    for (const ind of indicators) {
      v[ind.rateColumn] = rate(t.values[ind.done], t.values[ind.target]);
      if (ind.rankColumn) v[ind.rankColumn] = null;
    }
    out[t.code] = v;
  }
  return out;
}

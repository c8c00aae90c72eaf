import type { FormDef } from '../forms/form-schema';
import type { ChildReport, TableTotals } from './child-report';

/** The count columns of the form's main table, in form order. */
export function mainCountKeys(form: FormDef): string[] {
  const t = form.tables.find((x) => x.sheet === form.mainTable);
  return (t?.columns ?? []).filter((c) => c.kind === 'count').map((c) => c.key);
}

/**
 * Column sums of the used children's total rows. A blank cell counts as 0
 * and so does a sum over no child: the parent's total row is always a number,
 * and 0/0 then simply has no rate.
 */
export function sumTotals(keys: readonly string[], rows: ReadonlyArray<Readonly<Record<string, number | null>>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = rows.reduce((s, r) => s + (r[k] ?? 0), 0);
  return out;
}

/**
 * Each item table (reasons) summed over the used children, item by item in
 * form order, blank = 0. Columns an item does not apply to stay null (the
 * form wants them blank). The total row is the sum of the items, so the
 * parent's table always adds up.
 */
export function sumItems(form: FormDef, reports: readonly ChildReport[]): Record<string, TableTotals> {
  const out: Record<string, TableTotals> = {};
  for (const table of form.tables) {
    // The main table too when it lists items (a form of services): the parent shows their sums.
    if (table.rows !== 'items') continue;
    const cols = table.columns.filter((c) => c.kind === 'count').map((c) => c.key);
    const rows: Record<string, Record<string, number | null>> = {};
    const total: Record<string, number> = Object.fromEntries(cols.map((k) => [k, 0]));
    for (const item of table.items ?? []) {
      const row: Record<string, number | null> = {};
      for (const k of cols) {
        if (item.only && !item.only.includes(k)) {
          row[k] = null;
          continue;
        }
        const v = reports.reduce((s, r) => s + (r.items?.[table.sheet]?.[item.code]?.[k] ?? 0), 0);
        row[k] = v;
        total[k] = (total[k] ?? 0) + v;
      }
      rows[item.code] = row;
    }
    rows[table.total.code] = total;
    out[table.sheet] = rows;
  }
  return out;
}

import type { OutputBook } from '../../src/core/grid/output-book';
import type { WorkbookGrid } from '../../src/core/grid/sheet-grid';
import type { Unit } from '../../src/core/units/unit';
import type { UnitRegistry } from '../../src/core/units/unit-registry';

/** An OutputBook as a reader would see it (values only, formulas as their cached results). */
export function asGrid(book: OutputBook): WorkbookGrid {
  return { sheets: book.sheets.map((s) => ({ name: s.name, rows: s.rows })) };
}

/** The unit with this code; fails the test when the registry does not know it. */
export function unitOf(registry: UnitRegistry, code: string): Unit {
  const u = registry.get(code);
  if (!u) throw new Error(`no unit ${code}`);
  return u;
}

/** Targets that differ per unit and add up from communes to districts to the province. */
export function targetsOf(code: string): { cccd_target: number; ddt_target: number; phone4g_target: number; simcks_target: number } {
  const n = Number(code.replace(/\D/g, '')) || 1;
  return { cccd_target: 900 + (n % 97) * 7, ddt_target: 1200 + (n % 89) * 5, phone4g_target: 150 + (n % 31), simcks_target: 80 + (n % 17) };
}

/** A target table's values for `units` and, summed, for each parent listed in `parents`. */
export function targetsFor(registry: UnitRegistry, units: readonly Unit[], parents: readonly Unit[] = []): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const u of units) out[u.code] = { ...targetsOf(u.code) };
  for (const p of parents) {
    const sum: Record<string, number> = {};
    for (const c of registry.children(p.code)) for (const [k, v] of Object.entries(out[c.code] ?? {})) sum[k] = (sum[k] ?? 0) + v;
    out[p.code] = sum;
  }
  return out;
}

/**
 * A commune's template filled as its official would in Excel: three
 * villages splitting each assigned target (the total row's value), `done`
 * a share of it (`share` of cccd/ddt targets, the rest declined), 4G and SIM
 * `1.3 * share` of theirs, the report date; totals recalculated as Excel
 * would. `share` grows from period to period.
 */
export function fillCommune(book: WorkbookGrid, reportDate: string, share: number): WorkbookGrid {
  const sheets = book.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => [...(r ?? [])]) }));
  const info = sheets.find((s) => s.name === 'ThongTin');
  const so = sheets.find((s) => s.name === 'SoLieu');
  if (!info || !so) throw new Error('not a 4PHU-2024 workbook');
  for (const r of info.rows) if (r[0] === 'report_date') r[2] = new Date(`${reportDate}T00:00:00Z`);
  const keys = so.rows[2] ?? [];
  const col = (k: string): number => keys.indexOf(k);
  const totalRow = so.rows.findIndex((r) => r[col('unit_code')] === 'TONG');
  const total = so.rows[totalRow] ?? [];
  const thirds = (n: number): number[] => [Math.floor(n / 3), Math.floor(n / 3), n - 2 * Math.floor(n / 3)];
  const cells: Record<string, number[]> = {};
  for (const ind of ['cccd', 'ddt', 'phone4g', 'simcks']) {
    const target = thirds(Number(total[col(`${ind}_target`)] ?? 0));
    cells[`${ind}_target`] = target;
    const balanced = ind === 'cccd' || ind === 'ddt';
    cells[`${ind}_done`] = target.map((t) => Math.floor(t * share * (balanced ? 1 : 1.3)));
    if (balanced) cells[`${ind}_declined`] = target.map((t, i) => t - (cells[`${ind}_done`]?.[i] ?? 0));
  }
  ['Khu phố 1', 'Khu phố 2', 'Khu phố 3'].forEach((name, i) => {
    const row = so.rows[3 + i] ?? [];
    row[col('unit_code')] = `KP${i + 1}`;
    row[col('unit_name')] = name;
    for (const [k, v] of Object.entries(cells)) row[col(k)] = v[i] ?? null;
  });
  for (const [k, v] of Object.entries(cells)) total[col(k)] = v.reduce((x, y) => x + y, 0);
  return { sheets };
}

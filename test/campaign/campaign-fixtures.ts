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

import type { Scalar } from '../../src/core/grid/scalar';
import { findSheet, type SheetGrid, type WorkbookGrid } from '../../src/core/grid/sheet-grid';

/** A table read the way the spec lays it out: keys in one row, data below, one `TONG` row. */
export interface KeyedTable {
  /** Key -> 0-based column. */
  readonly columns: ReadonlyMap<string, number>;
  /** Data rows (0-based sheet row and cells), blank rows skipped, total excluded. */
  readonly rows: ReadonlyArray<{ readonly row: number; readonly cells: ReadonlyArray<Scalar> }>;
  readonly total: { readonly row: number; readonly cells: ReadonlyArray<Scalar> } | undefined;
  /** The value of `key` in a row's cells. */
  get(cells: ReadonlyArray<Scalar>, key: string): Scalar;
}

/** The sheet called `name`; fails the test when absent. */
export function sheetOf(book: WorkbookGrid, name: string): SheetGrid {
  const s = findSheet(book, name);
  if (!s) throw new Error(`no sheet ${name} in ${book.sheets.map((x) => x.name).join(', ')}`);
  return s;
}

/**
 * Reads a table by its key row (1-based, as the spec numbers rows), the
 * code column named `codeKey` and the total row whose code is `TONG`.
 */
export function keyedTable(book: WorkbookGrid, sheet: string, keyRow: number, codeKey: string): KeyedTable {
  const s = sheetOf(book, sheet);
  const keys = s.rows[keyRow - 1] ?? [];
  const columns = new Map<string, number>();
  keys.forEach((k, c) => {
    if (typeof k === 'string' && k !== '') columns.set(k, c);
  });
  const codeCol = columns.get(codeKey);
  if (codeCol === undefined) throw new Error(`${sheet}: no key ${codeKey} in row ${keyRow}`);
  const rows: Array<{ row: number; cells: ReadonlyArray<Scalar> }> = [];
  let total: { row: number; cells: ReadonlyArray<Scalar> } | undefined;
  for (let r = keyRow; r < s.rows.length; r++) {
    const cells = s.rows[r] ?? [];
    if (cells.every((v) => v === null || v === undefined || v === '')) continue;
    if (String(cells[codeCol] ?? '') === 'TONG') total = { row: r, cells };
    else rows.push({ row: r, cells });
  }
  return { columns, rows, total, get: (cells, key) => cells[columns.get(key) ?? -1] ?? null };
}

/** Column A of a sheet, one paragraph per row. */
export function paragraphs(book: WorkbookGrid, sheet: string): string[] {
  return sheetOf(book, sheet).rows.map((r) => r?.[0]).filter((v): v is string => typeof v === 'string');
}

/** The ThongTin values by key (column A key, column C value). */
export function infoValues(book: WorkbookGrid): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  for (const r of sheetOf(book, 'ThongTin').rows.slice(1)) {
    const k = r?.[0];
    if (typeof k === 'string') out[k] = r?.[2] ?? null;
  }
  return out;
}

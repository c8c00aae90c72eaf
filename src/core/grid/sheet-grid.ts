import type { Scalar } from './scalar';

/**
 * A worksheet as plain data: `rows[r][c]` is the cell at Excel row r+1,
 * column c+1. Rows may be ragged and sparse (missing = blank). Plain arrays
 * so that a grid crosses a worker boundary and maps onto Office.js
 * `Range.values` without conversion.
 */
export interface SheetGrid {
  readonly name: string;
  readonly rows: ReadonlyArray<ReadonlyArray<Scalar> | undefined>;
}

/** A workbook as the core sees it: its sheets in file order. */
export interface WorkbookGrid {
  readonly sheets: readonly SheetGrid[];
}

/** The cell at 0-based (row, col), `null` when blank or outside the grid. */
export function cellAt(sheet: SheetGrid, row: number, col: number): Scalar {
  return sheet.rows[row]?.[col] ?? null;
}

/**
 * The sheet called `name`. Officials retype sheet names, so case, spaces
 * and Unicode form are forgiven.
 */
export function findSheet(book: WorkbookGrid, name: string): SheetGrid | undefined {
  const want = sheetKey(name);
  return book.sheets.find((s) => s.name === name) ?? book.sheets.find((s) => sheetKey(s.name) === want);
}

function sheetKey(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, '').toLowerCase();
}

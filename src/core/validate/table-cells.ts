import { cellAddress } from '../grid/cell-address';
import type { TableRow } from '../submission/submission';
import type { TableRead } from './read-table';

/** Where a row's column is, for a finding: sheet and A1 cell (the row's first cell when the column is absent). */
export function cellOf(read: TableRead, row: TableRow, key: string): { sheet: string; cell: string } {
  return { sheet: read.sheet, cell: cellAddress(row.row, read.table.columns[key] ?? 0) };
}

/** True when the row's column holds a readable value (or is blank). */
export function readable(read: TableRead, row: TableRow, key: string): boolean {
  return read.table.columns[key] !== undefined && !read.unreadable.has(cellOf(read, row, key).cell);
}

/** The data rows and then the total row, for checks that hold on every row. */
export function allRows(read: TableRead): readonly TableRow[] {
  return read.table.total ? [...read.table.rows, read.table.total] : read.table.rows;
}

/** Values equal up to floating-point noise (sums of many rows). */
export function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

import { cellAddress } from '../grid/cell-address';
import type { TableRow } from '../submission/submission';
import type { TableRead } from './read-table';

/** Where a row's column is, for a finding: sheet and A1 cell (the row's first cell when the column is absent). */
export function cellOf(read: TableRead, row: TableRow, key: string): { sheet: string; cell: string } {
  return { sheet: read.sheet, cell: cellAddress(row.row, read.table.columns[key] ?? 0) };
}

/**
 * True when the row's column holds a readable value (or is blank). For the
 * total row, also that every row it sums is readable in that column: a
 * total over a figure typed as text would only repeat that cell's finding.
 */
export function readable(read: TableRead, row: TableRow, key: string): boolean {
  if (read.table.columns[key] === undefined || read.unreadable.has(cellOf(read, row, key).cell)) return false;
  return row !== read.table.total || read.table.rows.every((r) => !read.unreadable.has(cellOf(read, r, key).cell));
}

/** The data rows and then the total row, for checks that hold on every row. */
export function allRows(read: TableRead): readonly TableRow[] {
  return read.table.total ? [...read.table.rows, read.table.total] : read.table.rows;
}

/** Values equal up to floating-point noise (sums of many rows). */
export function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

import type { CellRange } from '../../../../src/core/grid/output-book';
import { intersects, MAX_COLUMNS, MAX_ROWS, type FakeSheet } from './fake-model';

/** A range as the model sees it: its sheet and its cells. */
export type Area = { readonly sheet: FakeSheet; readonly area: CellRange };

/** The cells of an area that hold (or may hold) something: unbounded rows/columns are clipped to the sheet's extent. */
function bounded(sheet: FakeSheet, a: CellRange): CellRange {
  const bottom = a.bottom === MAX_ROWS - 1 ? Math.max(a.top, sheet.rowExtent - 1) : a.bottom;
  const right = a.right === MAX_COLUMNS - 1 ? Math.max(a.left, 255) : a.right;
  return { top: a.top, left: a.left, bottom, right };
}

export function eachCell(sheet: FakeSheet, a: CellRange, f: (r: number, c: number) => void): void {
  const b = bounded(sheet, a);
  for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) f(r, c);
}

export function rows(a: CellRange): number {
  return a.bottom - a.top + 1;
}

export function cols(a: CellRange): number {
  return a.right - a.left + 1;
}

/** `a` minus `b`, as up to four rectangles. */
export function subtract(a: CellRange, b: CellRange): CellRange[] {
  if (!intersects(a, b)) return [a];
  const out: CellRange[] = [];
  if (a.top < b.top) out.push({ ...a, bottom: b.top - 1 });
  if (a.bottom > b.bottom) out.push({ ...a, top: b.bottom + 1 });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) out.push({ top, bottom, left: a.left, right: b.left - 1 });
  if (a.right > b.right) out.push({ top, bottom, left: b.right + 1, right: a.right });
  return out;
}

import ExcelJS from 'exceljs';
import type { Scalar } from '../core/grid/scalar';
import type { SheetGrid } from '../core/grid/sheet-grid';

/**
 * A worksheet loaded by ExcelJS as a plain grid. Merged ranges keep their
 * value in the top-left cell only (ExcelJS repeats it in every cell of the
 * range, which would count a merged figure several times). Hidden rows and
 * columns are read like any other. Rows are dense up to the last one used;
 * a row with no value is `undefined`.
 */
export function worksheetToGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows: (Scalar[] | undefined)[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Scalar[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const v = cell.type === ExcelJS.ValueType.Merge ? null : cellScalar(cell);
      if (v === null) return;
      while (cells.length < colNumber - 1) cells.push(null);
      cells[colNumber - 1] = v;
    });
    if (cells.length === 0) return;
    while (rows.length < rowNumber - 1) rows.push(undefined);
    rows[rowNumber - 1] = cells;
  });
  return { name: ws.name, rows };
}

/**
 * One cell as a Scalar. Formulas give their cached result (never
 * evaluated); a formula saved without one is `{ uncalculated }`. Rich text
 * and hyperlinks give their plain text.
 */
export function cellScalar(cell: ExcelJS.Cell): Scalar {
  const v: unknown = cell.value;
  if (cell.type === ExcelJS.ValueType.Formula && isObject(v)) {
    // ExcelJS's `value` drops a falsy cached result (a SUM of 0, FALSE): the cell's own `result` keeps it.
    const result: unknown = cell.result;
    if (result === undefined || result === null) {
      return { uncalculated: formulaText(cell, v) };
    }
    return toScalar(result);
  }
  return toScalar(v);
}

function formulaText(cell: ExcelJS.Cell, v: Record<string, unknown>): string {
  let f: unknown;
  try {
    f = cell.formula;
  } catch {
    f = undefined;
  }
  if (typeof f !== 'string' || f === '') f = typeof v.formula === 'string' ? v.formula : v.sharedFormula;
  return typeof f === 'string' ? f : '';
}

function toScalar(v: unknown): Scalar {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : { error: '#NUM!' };
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { error: '#NUM!' } : v;
  if (!isObject(v)) return null;
  if (typeof v.error === 'string') return { error: v.error };
  if (Array.isArray(v.richText)) return richText(v.richText);
  if ('text' in v) {
    const t = v.text;
    if (typeof t === 'string') return t;
    if (isObject(t) && Array.isArray(t.richText)) return richText(t.richText);
    return t === null || t === undefined ? '' : String(t);
  }
  if ('result' in v) return toScalar(v.result);
  return null;
}

function richText(runs: readonly unknown[]): string {
  return runs.map((r) => (isObject(r) && typeof r.text === 'string' ? r.text : '')).join('');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

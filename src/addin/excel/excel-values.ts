import type { Scalar } from '../../core/grid/scalar';
import { isCellError, isUncalculated } from '../../core/grid/scalar';

/**
 * Excel's error values as `Range.values` returns them. The task pane reads
 * `values` only (not `valueTypes`, which would double what crosses the
 * wire and push a 20,000-row sheet past Excel on the web's 5 MB): a cell
 * holding exactly one of these texts is taken as that error.
 */
export const EXCEL_ERROR_TEXTS: ReadonlySet<string> = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#BUSY!',
  '#CONNECT!',
  '#UNKNOWN!',
  '#PYTHON!',
  '#EXTERNAL!',
]);

/**
 * A cell of `Range.values` as the core's Scalar: `''` is blank, an error
 * text is a CellError. With `valueTypes` (when a caller has them) the type
 * decides instead of the text.
 */
export function scalarFromExcel(v: unknown, type?: string): Scalar {
  if (type === 'Error') return { error: String(v) };
  if (type === 'Empty') return null;
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : { error: '#NUM!' };
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return type === undefined && EXCEL_ERROR_TEXTS.has(v) ? { error: v } : v;
  return String(v);
}

const MONTH_FIRST = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-./,]*\d/i;

/**
 * Text as Excel must keep it: Excel turns typed text into a formula
 * (`=`, `+`, `-`, `@`), a number (`00123` loses its zeros), a date, a
 * percentage or a boolean. A leading apostrophe makes it literal text; it
 * is not part of the value. Text starting with a letter is left alone
 * unless Excel would still read it (TRUE, "Mar 5").
 */
export function literalText(s: string): string {
  const t = s.trim();
  const risky = !/^\p{L}/u.test(s) || /^(true|false)$/i.test(t) || MONTH_FIRST.test(t);
  return risky ? `'${s}` : s;
}

/** Excel's serial day of a date cell (Dates cross adapters at UTC midnight). */
export function excelSerial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/**
 * A Scalar as written through `Range.values`: blanks clear the cell (`''`;
 * null would leave it unchanged), text is literal, dates are serial
 * numbers, error values and uncalculated formulas are written as their
 * text, never as a formula.
 */
export function excelInput(v: Scalar | undefined): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v === '' ? '' : literalText(v);
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : excelSerial(v);
  if (isCellError(v)) return literalText(v.error);
  if (isUncalculated(v)) return literalText(v.uncalculated);
  return '';
}

/** An Excel error value such as `#REF!` or `#DIV/0!`, as found in a cell. */
export interface CellError {
  readonly error: string;
}

/**
 * A formula cell whose file carries no cached result (saved by a tool that
 * does not calculate). Its value is unknown, not zero.
 */
export interface Uncalculated {
  readonly uncalculated: string;
}

/**
 * One cell's value as every adapter (ExcelJS, Office.js) hands it to the
 * core. Formula cells arrive as their cached result.
 */
export type Scalar = null | number | string | boolean | Date | CellError | Uncalculated;

/** True for an Excel error value. */
export function isCellError(v: Scalar | undefined): v is CellError {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'error' in v;
}

/** True for a formula cell without a cached result. */
export function isUncalculated(v: Scalar | undefined): v is Uncalculated {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'uncalculated' in v;
}

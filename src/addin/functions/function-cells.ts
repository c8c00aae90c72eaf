import { formatNumberVi } from '../../core/format/format-number-vi';

/**
 * Reading the cells a custom function is given. Excel hands a range as a
 * matrix of numbers, strings (`''` for a blank), booleans and, for error
 * cells, error values; an omitted optional argument as null or undefined.
 */

/** An Excel error a function returns, with its Vietnamese explanation. */
export type FunctionError = CustomFunctions.Error;

/**
 * Builds an Excel error value carrying a message, shown when the person
 * hovers the cell's warning sign. Excel shows messages only for #VALUE! and
 * #N/A, so only those two take one.
 */
export function cellError(code: 'invalidValue' | 'notAvailable', message: string): FunctionError {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode[code], message);
}

/** #DIV/0! (a zero target): Excel shows no message for it, and its name says it all. */
export function divisionByZero(): FunctionError {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero);
}

const ERROR_TEXTS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#SPILL!', '#CALC!', '#GETTING_DATA']);

/** True for an error value from Excel (or one this module built). */
export function isErrorValue(v: unknown): v is FunctionError {
  return typeof v === 'object' && v !== null && 'code' in v;
}

/** A cell as a count: blank, a number, or the error to return for it. */
export type CountCell = { readonly kind: 'blank' } | { readonly kind: 'number'; readonly value: number } | { readonly kind: 'error'; readonly error: FunctionError };

/**
 * A cell that must hold a number >= 0: blanks stay blank, text and
 * negatives are #VALUE! with the reason, an error cell passes its error on.
 */
export function countCell(v: unknown, what: string): CountCell {
  if (v === null || v === undefined || v === '') return { kind: 'blank' };
  if (isErrorValue(v)) return { kind: 'error', error: v };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'error', error: cellError('invalidValue', `${what} không phải là số hữu hạn.`) };
    if (v < 0) return { kind: 'error', error: cellError('invalidValue', `${what} là số âm (${formatNumberVi(v, Number.isInteger(v) ? 0 : 2)}): số liệu phải lớn hơn hoặc bằng 0.`) };
    return { kind: 'number', value: v };
  }
  if (typeof v === 'string') {
    if (ERROR_TEXTS.has(v)) return { kind: 'error', error: cellError('invalidValue', `${what} đang báo lỗi ${v}.`) };
    if (v.trim() === '') return { kind: 'blank' };
    return { kind: 'error', error: cellError('invalidValue', `${what} là chữ ("${v.length > 40 ? `${v.slice(0, 40)}…` : v}"), không phải số: hãy nhập số, không dùng dấu chấm phân cách hàng nghìn.`) };
  }
  return { kind: 'error', error: cellError('invalidValue', `${what} là giá trị đúng/sai, không phải số.`) };
}

/** A matrix from what Excel passed: a lone value is a 1x1 matrix. */
export function asMatrix(v: unknown): unknown[][] {
  if (Array.isArray(v)) return v.map((row) => (Array.isArray(row) ? (row as unknown[]) : [row]));
  return [[v]];
}

/** Every cell of a matrix, row by row. */
export function flatten(m: readonly (readonly unknown[])[]): unknown[] {
  return m.flatMap((row) => [...row]);
}

function shape(m: readonly (readonly unknown[])[]): [number, number] {
  return [m.length, m[0]?.length ?? 0];
}

/**
 * Cell-by-cell over matrices of the same shape; a single cell stands for
 * every cell of the others (`=PHU.TYLE(E4:E20; 1000)`). Differing shapes
 * are one #VALUE! with the sizes in its message.
 */
export function zipCells(ms: ReadonlyArray<readonly (readonly unknown[])[]>, f: (cells: unknown[]) => unknown): unknown[][] {
  const big = ms.find((m) => shape(m)[0] * shape(m)[1] > 1) ?? ms[0] ?? [[]];
  const [rows, cols] = shape(big);
  for (const m of ms) {
    const [r, c] = shape(m);
    if (r * c !== 1 && (r !== rows || c !== cols)) {
      return [[cellError('invalidValue', `Các vùng phải cùng kích thước: ${ms.map((x) => shape(x).join('×')).join(' và ')}.`)]];
    }
  }
  const out: unknown[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: unknown[] = [];
    for (let j = 0; j < cols; j++) row.push(f(ms.map((m) => (shape(m)[0] * shape(m)[1] === 1 ? m[0]?.[0] : m[i]?.[j]))));
    out.push(row);
  }
  return out;
}

/** The value of an optional scalar argument (omitted: undefined), unwrapping a 1x1 range. */
export function optionalArg(v: unknown): unknown {
  const x = Array.isArray(v) ? (v as unknown[][])[0]?.[0] : v;
  return x === null || x === '' ? undefined : x;
}

/** An optional yes/no: TRUE or a non-zero number mean yes. */
export function yesNo(v: unknown): boolean {
  const x = optionalArg(v);
  if (typeof x === 'string') return /^(true|1|có|co|x)$/i.test(x.trim());
  return x === true || (typeof x === 'number' && x !== 0);
}

/** An optional whole number >= 1 (how many units to name), or the error to return. */
export function countArg(v: unknown, fallback: number, what: string): number | FunctionError {
  const x = optionalArg(v);
  if (x === undefined) return fallback;
  if (typeof x !== 'number' || !Number.isInteger(x) || x < 1) return cellError('invalidValue', `${what} phải là số nguyên từ 1 trở lên.`);
  return x;
}

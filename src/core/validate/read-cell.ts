import { createFinding, type Finding, type FindingLocation } from '../findings/finding';
import { formatNumberVi } from '../format/format-number-vi';
import { dateToIsoDate, excelSerialToIsoDate, formatDateVi, parseDateTextVi } from '../format/iso-date';
import { isCellError, isUncalculated, type Scalar } from '../grid/scalar';
import { normalizeCode, normalizeText } from '../text/normalize-text';
import { parseNumberText } from '../text/parse-number-text';

/**
 * A cell as read: its value (null when blank or unreadable) and, when it is
 * not what the form expects, the finding that says so.
 */
export interface CellRead<T> {
  readonly value: T | null;
  readonly finding?: Finding;
}

/** True for a cell a person would call empty: nothing, or only spaces. */
export function isBlank(v: Scalar): boolean {
  return v === null || (typeof v === 'string' && normalizeText(v) === '');
}

/** A cell's value shown in a message: numbers the Vietnamese way, dates dd/mm/yyyy. */
export function showScalar(v: Scalar): string {
  if (v === null) return '';
  if (typeof v === 'number') return showNumber(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return formatDateVi(dateToIsoDate(v) ?? '');
  if (isCellError(v)) return v.error;
  if (isUncalculated(v)) return v.uncalculated;
  return v;
}

/** `1234.5` -> `1.234,5`: as many decimals as the number has (up to 6). */
export function showNumber(n: number): string {
  const decimals = Number.isInteger(n) ? 0 : Math.min(6, (String(n).split('.')[1] ?? '').length);
  return formatNumberVi(n, decimals);
}

/** The finding for a cell that holds an Excel error or an uncalculated formula, if it does. */
function cellTrouble(v: Scalar, at: FindingLocation): Finding | undefined {
  if (isCellError(v)) return createFinding('cell_error', { value: v.error }, at);
  // One per cell here; validateSubmission gathers them into one finding per file.
  if (isUncalculated(v)) return createFinding('formula_uncalculated', { formula: v.uncalculated, count: 1, cells: at.cell === undefined ? (at.sheet ?? '') : `${at.sheet ?? ''}!${at.cell}` }, at);
  return undefined;
}

/**
 * A count cell: a whole number >= 0, blank = null. A number typed as text is
 * an error naming the number meant, and is null here, as Excel's SUM skips
 * it too; other values are null with their finding. Negative and fractional
 * numbers keep their value (Excel sums them) but are errors.
 */
export function readCount(v: Scalar, at: FindingLocation): CellRead<number> {
  if (isBlank(v)) return { value: null };
  const trouble = cellTrouble(v, at);
  if (trouble) return { value: null, finding: trouble };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { value: null, finding: createFinding('not_a_number', { value: String(v) }, at) };
    if (!Number.isInteger(v)) return { value: v, finding: createFinding('number_not_integer', { value: showNumber(v) }, at) };
    if (v < 0) return { value: v, finding: createFinding('number_negative', { value: v }, at) };
    return { value: v };
  }
  if (typeof v === 'string') {
    const parsed = parseNumberText(v);
    if (parsed?.kind === 'integer') return { value: null, finding: createFinding('number_as_text', { value: v, intended: parsed.value }, at) };
    if (parsed?.kind === 'decimal') return { value: null, finding: createFinding('number_not_integer', { value: normalizeText(v) }, at) };
  }
  return { value: null, finding: createFinding('not_a_number', { value: showScalar(v) }, at) };
}

/**
 * A date cell as `yyyy-mm-dd`: a Date, an Excel serial number (Office.js
 * hands dates so), or text `dd/mm/yyyy` accepted with a warning.
 */
export function readDate(v: Scalar, at: FindingLocation): CellRead<string> {
  if (isBlank(v)) return { value: null };
  const trouble = cellTrouble(v, at);
  if (trouble) return { value: null, finding: trouble };
  if (v instanceof Date) {
    const iso = dateToIsoDate(v);
    return iso ? { value: iso } : { value: null, finding: createFinding('date_invalid', { value: showScalar(v) }, at) };
  }
  if (typeof v === 'number') {
    const iso = excelSerialToIsoDate(v);
    return iso ? { value: iso } : { value: null, finding: createFinding('date_invalid', { value: showNumber(v) }, at) };
  }
  if (typeof v === 'string') {
    const iso = parseDateTextVi(v);
    if (iso) return { value: iso, finding: createFinding('date_as_text', { value: normalizeText(v), intended: formatDateVi(iso) }, at) };
  }
  return { value: null, finding: createFinding('date_invalid', { value: showScalar(v) }, at) };
}

/**
 * A code cell (unit, item, level, period): normalized text. Excel turns a
 * code typed as digits into a number (25216): it becomes text again.
 */
export function readCode(v: Scalar, at: FindingLocation): CellRead<string> {
  if (isBlank(v)) return { value: null };
  const trouble = cellTrouble(v, at);
  if (trouble) return { value: null, finding: trouble };
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return { value: String(v) };
  return { value: normalizeCode(showScalar(v)) };
}

/** A text cell, normalized; numbers and dates as a person reads them. Never evaluated. */
export function readText(v: Scalar, at: FindingLocation): CellRead<string> {
  if (isBlank(v)) return { value: null };
  const trouble = cellTrouble(v, at);
  if (trouble) return { value: null, finding: trouble };
  if (typeof v === 'number') return { value: String(v) };
  return { value: normalizeText(showScalar(v)) };
}

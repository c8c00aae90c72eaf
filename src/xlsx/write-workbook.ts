import ExcelJS from 'exceljs';
import { columnLetter } from '../core/grid/cell-address';
import type { CellRange, OutputBook, OutputSheet } from '../core/grid/output-book';
import { isCellError, isUncalculated, type Scalar } from '../core/grid/scalar';
import { deflateStoredZip, nativeDeflateRaw } from './deflate-zip';
import { uniqueSheetNames } from './unique-sheet-names';

/** Excel refuses a cell holding more text than this. */
const MAX_CELL_TEXT = 32_767;
const EXCEL_ERRORS = new Set(['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!']);
const DEFAULT_DATE_FORMAT = 'dd/mm/yyyy';

/**
 * Writes an OutputBook as .xlsx bytes: values, formats, layout, conditional
 * formats, validation and protection exactly as the sheets describe them.
 * Every string is written as literal text, whatever it starts with (`=`,
 * `+`, `-`, `@`): only the `formulas` PHU itself lists become formulas.
 * Sheet names Excel would refuse are made valid (forbidden characters
 * replaced, 31 characters, unique).
 */
export async function writeWorkbook(book: OutputBook): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PHU';
  wb.lastModifiedBy = 'PHU';
  const now = new Date();
  wb.created = now;
  wb.modified = now;
  const names = uniqueSheetNames(book.sheets.map((s) => s.name));
  for (const [i, sheet] of book.sheets.entries()) await writeSheet(wb, names[i] ?? `Sheet${i + 1}`, sheet);
  // ExcelJS deflates in JavaScript (pako), which costs more than building the workbook: it
  // stores, and native zlib compresses (docs/performance.md). Without native zlib, ExcelJS deflates.
  const deflateRaw = nativeDeflateRaw();
  const buf = await wb.xlsx.writeBuffer(deflateRaw ? { zip: { compression: 'STORE' } } : {});
  const bytes = new Uint8Array(buf as ArrayBuffer);
  return deflateRaw ? deflateStoredZip(bytes, deflateRaw) : bytes;
}

async function writeSheet(wb: ExcelJS.Workbook, name: string, s: OutputSheet): Promise<void> {
  const ws = wb.addWorksheet(name, s.frozen && (s.frozen.rows > 0 || s.frozen.columns > 0)
    ? { views: [{ state: 'frozen', xSplit: s.frozen.columns, ySplit: s.frozen.rows }] }
    : {});
  if (s.state && s.state !== 'visible') ws.state = s.state;
  // Column formats first: ExcelJS gives a new cell its column's style.
  s.columns?.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    if (c.width !== undefined) col.width = c.width;
    if (c.numFmt !== undefined) col.numFmt = c.numFmt;
    if (c.hidden) col.hidden = true;
  });
  s.rows.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = cellValue(v);
      if (v instanceof Date && !cell.numFmt) cell.numFmt = s.columns?.[c]?.numFmt ?? DEFAULT_DATE_FORMAT;
    });
  });
  for (const f of s.formulas ?? []) {
    ws.getCell(f.row + 1, f.col + 1).value = { formula: f.formula.replace(/^=/, ''), result: f.result };
  }
  for (const r of s.hiddenRows ?? []) ws.getRow(r + 1).hidden = true;

  const width = Math.max(s.columns?.length ?? 0, ...s.rows.map((row) => row.length));
  const bold = new Set([...(s.headerRows ?? []), ...(s.totalRow === undefined ? [] : [s.totalRow])]);
  for (const r of bold) {
    for (let c = 0; c < width; c++) {
      const cell = ws.getCell(r + 1, c + 1);
      cell.font = { ...(cell.font ?? {}), bold: true };
    }
  }
  for (const m of s.merges ?? []) {
    if (m.bottom === m.top && m.right === m.left) continue;
    ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  if (s.filter) {
    ws.autoFilter = { from: { row: s.filter.top + 1, column: s.filter.left + 1 }, to: { row: s.filter.bottom + 1, column: s.filter.right + 1 } };
  }
  addRateFormats(ws, s);
  for (const range of s.inputs ?? []) addInputs(ws, range);
  for (const t of s.textInputs ?? []) addTextInputs(ws, t.range, t.values);
  if (s.protect) {
    await ws.protect('', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      autoFilter: true,
      sort: true,
    });
  }
}

/** A Scalar as ExcelJS stores it; text is always a plain string value, never a formula. */
function cellValue(v: Exclude<Scalar, null>): ExcelJS.CellValue {
  if (typeof v === 'string') return literalText(v);
  if (typeof v === 'number') return Number.isFinite(v) ? v : { error: '#NUM!' as ExcelJS.CellErrorValue['error'] };
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { error: '#VALUE!' as ExcelJS.CellErrorValue['error'] } : v;
  if (isCellError(v)) return EXCEL_ERRORS.has(v.error) ? { error: v.error as ExcelJS.CellErrorValue['error'] } : literalText(v.error);
  if (isUncalculated(v)) return literalText(v.uncalculated);
  return null;
}

/**
 * Text exactly as given: Excel's `_xHHHH_` escapes are themselves escaped
 * (or Excel would show `_x0041_` as `A`) and text over Excel's cell limit
 * is cut, since Excel refuses to open such a file.
 */
function literalText(s: string): string {
  const escaped = s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
  return escaped.length > MAX_CELL_TEXT ? escaped.slice(0, MAX_CELL_TEXT - 1) + '…' : escaped;
}

/**
 * Data bars and a red-yellow-green colour scale on the data rows of each
 * rate column: the rows after the last header row, before the total row.
 */
function addRateFormats(ws: ExcelJS.Worksheet, s: OutputSheet): void {
  if (!s.rateColumns || s.rateColumns.length === 0) return;
  const first = s.headerRows && s.headerRows.length > 0 ? Math.max(...s.headerRows) + 1 : s.filter ? s.filter.top + 1 : 0;
  const last = s.totalRow !== undefined && s.totalRow > first ? s.totalRow - 1 : s.rows.length - 1;
  if (last < first) return;
  let priority = 1;
  for (const c of s.rateColumns) {
    const L = columnLetter(c);
    const dataBar = {
      type: 'dataBar',
      priority: priority++,
      cfvo: [{ type: 'min' }, { type: 'max' }],
      color: { argb: 'FF638EC6' },
    } as unknown as ExcelJS.DataBarRuleType;
    const colorScale: ExcelJS.ColorScaleRuleType = {
      type: 'colorScale',
      priority: priority++,
      cfvo: [{ type: 'min' }, { type: 'percentile', value: 50 }, { type: 'max' }],
      color: [{ argb: 'FFF8696B' }, { argb: 'FFFFEB84' }, { argb: 'FF63BE7B' }],
    };
    ws.addConditionalFormatting({ ref: `${L}${first + 1}:${L}${last + 1}`, rules: [colorScale, dataBar] });
  }
}

/** Cells a person types into: unlocked (the sheet may be protected) and whole numbers >= 0 only. */
function addInputs(ws: ExcelJS.Worksheet, range: CellRange): void {
  for (let r = range.top; r <= range.bottom; r++) {
    for (let c = range.left; c <= range.right; c++) ws.getCell(r + 1, c + 1).protection = { locked: false };
  }
  const ref = `${columnLetter(range.left)}${range.top + 1}:${columnLetter(range.right)}${range.bottom + 1}`;
  const dv = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  dv.add(ref, {
    type: 'whole',
    operator: 'greaterThanOrEqual',
    allowBlank: true,
    formulae: [0],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Số liệu không hợp lệ',
    error: 'Hãy nhập số nguyên lớn hơn hoặc bằng 0.',
  });
}

/** Cells a person types text into: unlocked; a drop-down list when only some words are allowed. */
function addTextInputs(ws: ExcelJS.Worksheet, range: CellRange, values: readonly string[] | undefined): void {
  for (let r = range.top; r <= range.bottom; r++) {
    for (let c = range.left; c <= range.right; c++) ws.getCell(r + 1, c + 1).protection = { locked: false };
  }
  // A list is written inline as "a,b": words holding a comma or quote cannot be listed so.
  if (!values || values.length === 0 || values.some((v) => /[,"]/.test(v))) return;
  const ref = `${columnLetter(range.left)}${range.top + 1}:${columnLetter(range.right)}${range.bottom + 1}`;
  const dv = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  dv.add(ref, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Giá trị không hợp lệ',
    error: `Hãy chọn một trong: ${values.join(', ')}.`,
  });
}

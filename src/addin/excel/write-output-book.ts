import type { CellRange, OutputBook, OutputSheet } from '../../core/grid/output-book';
import { excelInput } from './excel-values';
import { ALL_CAPABILITIES, type HostCapabilities } from './host-capabilities';
import { queueRateFormats } from './rate-formats';
import type { SheetInfo } from './sheet-list';
import { payloadBytes, WriteBudget, WRITE_CHUNK_BYTES } from './write-budget';

/** How an OutputBook is written into the open workbook. */
export interface WriteBookOptions {
  /** Replace sheets of the same name; otherwise a clash stops before anything is written. */
  readonly replace?: boolean;
  /** Request bytes per round trip (default: under Excel on the web's 5 MB). */
  readonly chunkBytes?: number;
  readonly capabilities?: HostCapabilities;
  /** Rows written so far, over all sheets. */
  readonly onProgress?: (rowsDone: number, rowsTotal: number) => void;
  /** The sheet to show when done. */
  readonly activate?: string;
}

/** What was written. */
export interface WriteBookResult {
  readonly sheets: readonly string[];
  /** Round trips the write took. */
  readonly syncs: number;
}

/** Sheets that already exist under an OutputBook's names (Excel compares names ignoring case). */
export function clashingSheets(book: OutputBook, existing: readonly SheetInfo[]): string[] {
  const have = new Set(existing.map((s) => s.name.toLocaleLowerCase()));
  return book.sheets.map((s) => s.name).filter((n) => have.has(n.toLocaleLowerCase()));
}

/** Rows per values block before it is cut, so one block never nears the request limit. */
const BLOCK_BYTES = 500_000;

/** Excel's column width in points from a width in characters (what ExcelJS and the file format use). */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** The first data row of a sheet: below its header and hidden key rows. */
function firstDataRow(s: OutputSheet): number {
  const above = [...(s.headerRows ?? []), ...(s.hiddenRows ?? [])];
  return above.length > 0 ? Math.max(...above) + 1 : 0;
}

/**
 * Writes an OutputBook into the open workbook: values (text always
 * literal), PHU's own formulas, number formats, widths, hidden rows and
 * columns, bold headers and totals, merges, frozen panes, filter, rate
 * colour scales, whole-number validation on input cells, open text cells
 * (a drop-down list where only some words are allowed) and protection,
 * as much as the host supports. Values go in blocks and the batch is sent
 * whenever the next block would pass the request limit, so a large sheet
 * takes several round trips and a small book one. A replaced sheet is
 * written under a temporary name first and swapped in at the end.
 */
export async function writeOutputBook(context: Excel.RequestContext, book: OutputBook, existing: readonly SheetInfo[], opts: WriteBookOptions = {}): Promise<WriteBookResult> {
  const clashes = clashingSheets(book, existing);
  if (clashes.length > 0 && !opts.replace) throw new Error(`sheets exist: ${clashes.join(', ')}`);
  const caps = opts.capabilities ?? ALL_CAPABILITIES;
  const budget = new WriteBudget(context, opts.chunkBytes ?? WRITE_CHUNK_BYTES);
  const total = book.sheets.reduce((n, s) => n + s.rows.length, 0);
  let done = 0;
  const swaps: Array<{ ws: Excel.Worksheet; old: string; name: string }> = [];
  for (const [i, sheet] of book.sheets.entries()) {
    const old = existing.find((e) => e.name.toLocaleLowerCase() === sheet.name.toLocaleLowerCase());
    const ws = context.workbook.worksheets.add(old ? `PHU~${String(i + 1)}` : sheet.name);
    await writeSheet(ws, sheet, budget, caps, (rows) => {
      done += rows;
      opts.onProgress?.(done, total);
    });
    if (old) swaps.push({ ws, old: old.name, name: sheet.name });
  }
  for (const s of swaps) {
    context.workbook.worksheets.getItem(s.old).delete();
    s.ws.name = s.name;
  }
  if (opts.activate !== undefined) context.workbook.worksheets.getItem(opts.activate).activate();
  await budget.flush();
  return { sheets: book.sheets.map((s) => s.name), syncs: budget.syncs };
}

async function writeSheet(ws: Excel.Worksheet, s: OutputSheet, budget: WriteBudget, caps: HostCapabilities, progress: (rows: number) => void): Promise<void> {
  const width = Math.max(1, s.columns?.length ?? 0, ...s.rows.map((r) => r.length));
  const height = s.rows.length;
  await budget.reserve(200);

  // Number formats before values, so a date shows as a date as soon as it lands.
  for (const [c, col] of (s.columns ?? []).entries()) {
    if (col.numFmt === undefined || height === 0) continue;
    const formats = Array.from({ length: height }, () => [col.numFmt]);
    await budget.reserve(payloadBytes(formats));
    ws.getRangeByIndexes(0, c, height, 1).numberFormat = formats;
  }

  let block: Array<Array<string | number | boolean>> = [];
  let blockBytes = 0;
  let blockTop = 0;
  const emit = async (): Promise<void> => {
    if (block.length === 0) return;
    await budget.reserve(blockBytes);
    ws.getRangeByIndexes(blockTop, 0, block.length, width).values = block;
    progress(block.length);
    blockTop += block.length;
    block = [];
    blockBytes = 0;
  };
  for (const row of s.rows) {
    const out: Array<string | number | boolean> = [];
    for (let c = 0; c < width; c++) out.push(excelInput(row[c]));
    const bytes = payloadBytes(out) + 1;
    if (blockBytes + bytes > BLOCK_BYTES) await emit();
    block.push(out);
    blockBytes += bytes;
  }
  await emit();

  for (const f of s.formulas ?? []) {
    const formula = f.formula.startsWith('=') ? f.formula : `=${f.formula}`;
    await budget.reserve(formula.length + 32);
    ws.getCell(f.row, f.col).formulas = [[formula]];
  }

  await budget.reserve(2_000);
  for (const [c, col] of (s.columns ?? []).entries()) {
    const column = ws.getRangeByIndexes(0, c, 1, 1).getEntireColumn();
    if (col.width !== undefined) column.format.columnWidth = columnWidthPoints(col.width);
    if (col.hidden) column.columnHidden = true;
  }
  for (const r of s.hiddenRows ?? []) ws.getRangeByIndexes(r, 0, 1, 1).getEntireRow().rowHidden = true;
  const bold = new Set([...(s.headerRows ?? []), ...(s.totalRow === undefined ? [] : [s.totalRow])]);
  for (const r of bold) if (r < height) ws.getRangeByIndexes(r, 0, 1, width).format.font.bold = true;
  for (const m of s.merges ?? []) if (m.bottom > m.top || m.right > m.left) rangeOf(ws, m).merge(false);

  if (s.frozen && (s.frozen.rows > 0 || s.frozen.columns > 0)) {
    if (s.frozen.rows > 0 && s.frozen.columns > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, s.frozen.rows, s.frozen.columns));
    else if (s.frozen.rows > 0) ws.freezePanes.freezeRows(s.frozen.rows);
    else ws.freezePanes.freezeColumns(s.frozen.columns);
  }
  if (s.filter && caps.autoFilter) ws.autoFilter.apply(rangeOf(ws, s.filter));

  const first = firstDataRow(s);
  const last = s.totalRow !== undefined && s.totalRow > first ? s.totalRow - 1 : height - 1;
  if (caps.conditionalFormats && last >= first) {
    for (const c of s.rateColumns ?? []) queueRateFormats(ws.getRangeByIndexes(first, c, last - first + 1, 1));
  }
  for (const input of s.inputs ?? []) {
    await budget.reserve(600);
    const range = rangeOf(ws, input);
    range.format.protection.locked = false;
    if (caps.dataValidation) queueWholeNumberRule(range);
  }
  for (const t of s.textInputs ?? []) {
    await budget.reserve(600 + payloadBytes(t.values ?? []));
    const range = rangeOf(ws, t.range);
    range.format.protection.locked = false;
    if (caps.dataValidation && t.values && listSource(t.values) !== undefined) queueListRule(range, t.values);
  }
  if (s.state === 'hidden') ws.visibility = 'Hidden';
  else if (s.state === 'veryHidden') ws.visibility = 'VeryHidden';
  if (s.protect) {
    ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true, allowSort: true, selectionMode: 'Normal' });
  }
}

function rangeOf(ws: Excel.Worksheet, r: CellRange): Excel.Range {
  return ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
}

/** Input cells take whole numbers >= 0 only, with a Vietnamese message when refused. */
export function queueWholeNumberRule(range: Excel.Range): void {
  range.dataValidation.clear();
  range.dataValidation.rule = { wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } };
  range.dataValidation.errorAlert = {
    showAlert: true,
    style: 'Stop',
    title: 'Số liệu không hợp lệ',
    message: 'Chỉ nhập số nguyên không âm (0, 1, 2, ...), không nhập chữ hay dấu chấm phân cách.',
  };
}

/** Excel refuses an inline list longer than this. */
const MAX_LIST_SOURCE = 255;

/**
 * The inline source of a drop-down list (`Đã kết nối,Chưa kết nối`), or
 * undefined when the words cannot be listed inline: one holds a comma or a
 * quote, or the list is too long. The cells then stay open text, as in the
 * files PHU writes.
 */
export function listSource(values: readonly string[]): string | undefined {
  if (values.length === 0 || values.some((v) => /[,"]/.test(v))) return undefined;
  const source = values.join(',');
  return source.length <= MAX_LIST_SOURCE ? source : undefined;
}

/** A text cell that takes only the listed words, picked from a drop-down. */
export function queueListRule(range: Excel.Range, values: readonly string[]): void {
  const source = listSource(values);
  if (source === undefined) return;
  range.dataValidation.clear();
  range.dataValidation.rule = { list: { inCellDropDown: true, source } };
  range.dataValidation.errorAlert = {
    showAlert: true,
    style: 'Stop',
    title: 'Giá trị không hợp lệ',
    message: `Hãy chọn một trong: ${values.join(', ')}.`,
  };
}

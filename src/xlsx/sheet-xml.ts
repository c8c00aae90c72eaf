import { columnLetter } from '../core/grid/cell-address';
import type { CellRange, OutputSheet } from '../core/grid/output-book';
import { isCellError, isUncalculated, type Scalar } from '../core/grid/scalar';
import type { SharedStrings } from './shared-strings';
import { BOLD, HEADER, MAIN_NS, UNLOCKED, WRAP, XML_DECLARATION, type StyleTable } from './style-table';
import { excelCellText, xmlAttr, xmlText } from './xml-text';

/** Excel refuses a cell holding more text than this. */
export const MAX_CELL_TEXT = 32_767;
const EXCEL_ERRORS = new Set(['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!']);
const DEFAULT_DATE_FORMAT = 'dd/mm/yyyy';
/** Excel's serial day of 1970-01-01 (the 1900 date system). */
const UNIX_EPOCH_SERIAL = 25_569;
const MS_PER_DAY = 86_400_000;
/** Points per line of 11-point text, and characters per line per unit of column width (text is narrower than the digit `0` widths count in). */
const LINE_POINTS = 15;
const CHARS_PER_WIDTH = 1.1;
const DEFAULT_WIDTH = 8.43;
/** Excel caps a data validation's title and message. */
const MAX_ERROR_TITLE = 32;
const MAX_ERROR_MESSAGE = 255;
const MAX_LIST_SOURCE = 255;
/** Excel 2010's extension that draws solid data bars starting at zero. */
const X14_NS = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
const X14_CF_EXT = '{78C0D931-6437-407d-A8EE-F0AAD7539E65}';
const X14_RULE_EXT = '{B025F937-C7B1-47D3-B67F-A62EFF666E3E}';
const BAR_COLOR = 'FF638EC6';

/** A worksheet part, and what the workbook part must declare about it. */
export interface SheetPart {
  readonly xml: string;
  /** The autofilter's range (`$A$3:$E$5`), for the hidden `_xlnm._FilterDatabase` name. */
  readonly filterRef?: string;
  /** Rows repeated on every printed page (`$1:$3`), for `_xlnm.Print_Titles`. */
  readonly printTitles?: string;
}

/** How the sheet sits in the workbook. */
export interface SheetContext {
  readonly styles: StyleTable;
  readonly strings: SharedStrings;
  /** The sheet shown when the workbook opens. */
  readonly selected: boolean;
  /** Its position, for unique extension ids. */
  readonly index: number;
}

const letters: string[] = [];
function col(c: number): string {
  return (letters[c] ??= columnLetter(c));
}
function ref(r: CellRange): string {
  return `${col(r.left)}${r.top + 1}:${col(r.right)}${r.bottom + 1}`;
}
function absRef(r: CellRange): string {
  return `$${col(r.left)}$${r.top + 1}:$${col(r.right)}$${r.bottom + 1}`;
}

/**
 * A worksheet part (SpreadsheetML) for one OutputSheet: values (text always
 * literal, through the shared strings), PHU's own formulas with their cached
 * results, styles, layout, merges, filter, data bars on rate columns,
 * validation of input cells, protection and page set-up, in the element
 * order the schema requires.
 *
 * @example sheetXml(sheet, { styles, strings, selected: true, index: 0 }).xml
 */
export function sheetXml(s: OutputSheet, ctx: SheetContext): SheetPart {
  const { styles, strings } = ctx;
  const columns = s.columns ?? [];
  const formulas = new Map<number, Map<number, { formula: string; result: number }>>();
  for (const f of s.formulas ?? []) {
    let row = formulas.get(f.row);
    if (!row) formulas.set(f.row, (row = new Map()));
    row.set(f.col, f);
  }
  const openRanges = [...(s.inputs ?? []), ...(s.textInputs ?? []).map((t) => t.range)];
  let width = columns.length;
  for (const row of s.rows) width = Math.max(width, row.length);
  for (const f of s.formulas ?? []) width = Math.max(width, f.col + 1);
  let height = s.rows.length;
  for (const f of s.formulas ?? []) height = Math.max(height, f.row + 1);
  for (const r of openRanges) height = Math.max(height, r.bottom + 1);
  for (const r of s.hiddenRows ?? []) height = Math.max(height, r + 1);

  const unlocked = new Map<number, boolean[]>();
  for (const r of openRanges) {
    for (let y = r.top; y <= r.bottom; y++) {
      let cols = unlocked.get(y);
      if (!cols) unlocked.set(y, (cols = []));
      for (let x = r.left; x <= r.right; x++) cols[x] = true;
    }
  }
  const headers = new Set(s.headerRows ?? []);
  const bold = new Set([...headers, ...(s.totalRow === undefined ? [] : [s.totalRow])]);
  for (const r of bold) height = Math.max(height, r + 1);
  const hidden = new Set(s.hiddenRows ?? []);

  // Plain data cells take their column's style (or a date format): looked up once per column.
  const plain: number[] = [];
  const plainDate: number[] = [];
  const columnStyle: number[] = [];
  const wrapFlag: number[] = [];
  for (let c = 0; c < width; c++) {
    const colDef = columns[c];
    wrapFlag[c] = colDef?.wrap ? WRAP : 0;
    columnStyle[c] = plain[c] = styles.indexOf(colDef?.numFmt, wrapFlag[c] ?? 0);
    plainDate[c] = styles.indexOf(colDef?.numFmt ?? DEFAULT_DATE_FORMAT, wrapFlag[c] ?? 0);
  }
  const styleOf = (r: number, c: number, v: Scalar): number => {
    const open = unlocked.get(r)?.[c] === true;
    const isDate = v instanceof Date;
    const isBold = bold.has(r);
    if (!open && !isBold) return (isDate ? plainDate[c] : plain[c]) ?? 0;
    const flags = (wrapFlag[c] ?? 0) | (isBold ? BOLD : 0) | (headers.has(r) ? HEADER : 0) | (open ? UNLOCKED : 0);
    return styles.indexOf(columns[c]?.numFmt ?? (isDate ? DEFAULT_DATE_FORMAT : undefined), flags);
  };

  const anyWrap = columns.some((x) => x.wrap === true);
  const widthOf = (c: number): number => columns[c]?.width ?? DEFAULT_WIDTH;
  const mergedWidth = new Map<string, number>();
  for (const m of s.merges ?? []) {
    let w = 0;
    for (let c = m.left; c <= m.right; c++) w += widthOf(c);
    mergedWidth.set(`${m.top},${m.left}`, w);
  }
  /**
   * The height a row of wrapped text needs: neither Excel nor LibreOffice
   * fits a row to merged cells (a group header), and LibreOffice does not
   * fit rows on opening a file. Paragraphs are counted at one character per
   * unit of width, so that a wider fallback font still fits.
   */
  const rowPoints = (r: number, cells: readonly Scalar[] | undefined): number | undefined => {
    const header = headers.has(r);
    if (!cells || (!header && !anyWrap)) return undefined;
    let lines = 1;
    cells.forEach((v, c) => {
      if (typeof v !== 'string' || !(header || columns[c]?.wrap)) return;
      const perLine = Math.max(1, Math.floor((mergedWidth.get(`${r},${c}`) ?? widthOf(c)) * (header ? CHARS_PER_WIDTH : 1)));
      const n = v.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / perLine)), 0);
      lines = Math.max(lines, n);
    });
    return lines > 1 ? lines * LINE_POINTS : undefined;
  };

  let data = '';
  for (let r = 0; r < height; r++) {
    const cells = s.rows[r];
    const rowFormulas = formulas.get(r);
    const special = bold.has(r) || unlocked.has(r);
    let body = '';
    const end = special ? width : Math.max(cells?.length ?? 0, rowFormulas ? width : 0);
    for (let c = 0; c < end; c++) {
      const v = cells?.[c] ?? null;
      const f = rowFormulas?.get(c);
      // An empty cell is written only to be bold or open: otherwise it takes its column's style.
      if (v === null && !f && !(bold.has(r) || unlocked.get(r)?.[c] === true)) continue;
      const st = special ? styleOf(r, c, v) : ((v instanceof Date ? plainDate[c] : plain[c]) ?? 0);
      const at = `${col(c)}${r + 1}`;
      const sAttr = st === 0 ? '' : ` s="${st}"`;
      if (f) {
        body += `<c r="${at}"${sAttr}><f>${xmlText(f.formula.replace(/^=/, ''))}</f><v>${Number.isFinite(f.result) ? f.result : 0}</v></c>`;
        continue;
      }
      body += cellXml(at, sAttr, v, strings);
    }
    const points = rowPoints(r, cells);
    if (body === '' && !hidden.has(r) && points === undefined) continue;
    data += `<row r="${r + 1}"${hidden.has(r) ? ' hidden="1"' : ''}${points !== undefined ? ` ht="${points}" customHeight="1"` : ''}>${body}</row>`;
  }

  let xml = `${XML_DECLARATION}<worksheet xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`;
  if (s.print?.fitToWidth) xml += '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
  xml += `<dimension ref="${width > 0 && height > 0 ? ref({ top: 0, left: 0, bottom: height - 1, right: width - 1 }) : 'A1'}"/>`;
  xml += sheetViews(s, ctx.selected);
  xml += '<sheetFormatPr defaultRowHeight="15"/>';
  if (columns.length > 0) {
    let cols = '';
    columns.forEach((c, i) => {
      const st = columnStyle[i] ?? 0;
      if (c.width === undefined && !c.hidden && st === 0) return;
      cols += `<col min="${i + 1}" max="${i + 1}" width="${c.width ?? DEFAULT_WIDTH}"${c.width !== undefined ? ' customWidth="1"' : ''}${st ? ` style="${st}"` : ''}${c.hidden ? ' hidden="1"' : ''}/>`;
    });
    if (cols) xml += `<cols>${cols}</cols>`;
  }
  xml += data === '' ? '<sheetData/>' : `<sheetData>${data}</sheetData>`;
  if (s.protect) {
    // "0" allows: people may resize columns and rows, filter and sort, never edit locked cells.
    xml += '<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0" autoFilter="0" sort="0"/>';
  }
  if (s.filter) xml += `<autoFilter ref="${ref(s.filter)}"/>`;
  const merges = (s.merges ?? []).filter((m) => m.bottom > m.top || m.right > m.left);
  if (merges.length > 0) xml += `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${ref(m)}"/>`).join('')}</mergeCells>`;
  const bars = rateBars(s, ctx.index);
  xml += bars.rules;
  xml += validations(s);
  xml += '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>';
  const p = s.print;
  xml += `<pageSetup paperSize="9"${p?.orientation ? ` orientation="${p.orientation}"` : ''}${p?.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`;
  if (p) xml += '<headerFooter><oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter></headerFooter>';
  xml += bars.ext;
  xml += '</worksheet>';
  return {
    xml,
    ...(s.filter ? { filterRef: absRef(s.filter) } : {}),
    ...(p?.repeatRows ? { printTitles: `$${p.repeatRows.top + 1}:$${p.repeatRows.bottom + 1}` } : {}),
  };
}

/** One cell with a value: text through the shared strings, never as a formula. */
function cellXml(at: string, sAttr: string, v: Scalar, strings: SharedStrings): string {
  if (v === null) return `<c r="${at}"${sAttr}/>`;
  if (typeof v === 'string') return `<c r="${at}"${sAttr} t="s"><v>${strings.index(excelCellText(v, MAX_CELL_TEXT))}</v></c>`;
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${at}"${sAttr}><v>${v}</v></c>` : `<c r="${at}"${sAttr} t="e"><v>#NUM!</v></c>`;
  if (typeof v === 'boolean') return `<c r="${at}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (v instanceof Date) {
    const t = v.getTime();
    return Number.isNaN(t) ? `<c r="${at}"${sAttr} t="e"><v>#VALUE!</v></c>` : `<c r="${at}"${sAttr}><v>${UNIX_EPOCH_SERIAL + t / MS_PER_DAY}</v></c>`;
  }
  if (isCellError(v)) {
    if (EXCEL_ERRORS.has(v.error)) return `<c r="${at}"${sAttr} t="e"><v>${xmlText(v.error)}</v></c>`;
    return `<c r="${at}"${sAttr} t="s"><v>${strings.index(excelCellText(v.error, MAX_CELL_TEXT))}</v></c>`;
  }
  if (isUncalculated(v)) return `<c r="${at}"${sAttr} t="s"><v>${strings.index(excelCellText(v.uncalculated, MAX_CELL_TEXT))}</v></c>`;
  return `<c r="${at}"${sAttr}/>`;
}

function sheetViews(s: OutputSheet, selected: boolean): string {
  const tab = selected ? ' tabSelected="1"' : '';
  const rows = s.frozen?.rows ?? 0;
  const cols = s.frozen?.columns ?? 0;
  if (rows <= 0 && cols <= 0) return `<sheetViews><sheetView${tab} workbookViewId="0"/></sheetViews>`;
  const pane = rows > 0 && cols > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  const split = `${cols > 0 ? ` xSplit="${cols}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''}`;
  const topLeft = `${col(Math.max(cols, 0))}${Math.max(rows, 0) + 1}`;
  return `<sheetViews><sheetView${tab} workbookViewId="0"><pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`;
}

/**
 * The first data row of a sheet: below its header rows, the hidden key row
 * under them and the filter's own header row, so that no format lands on a
 * key.
 */
export function firstDataRow(s: OutputSheet): number {
  let first = Math.max(s.headerRows && s.headerRows.length > 0 ? Math.max(...s.headerRows) + 1 : 0, s.filter ? s.filter.top + 1 : 0);
  const hidden = new Set(s.hiddenRows ?? []);
  while (hidden.has(first)) first++;
  return first;
}

/**
 * One visual on rate cells: a data bar from 0 to 100%, solid, on the data
 * rows only (below the key row, above the total). The 2007 rule is what
 * every reader draws; Excel 2010 and later replace it by the extension's
 * solid bar that starts at zero.
 */
function rateBars(s: OutputSheet, sheetIndex: number): { rules: string; ext: string } {
  if (!s.rateColumns || s.rateColumns.length === 0) return { rules: '', ext: '' };
  const first = firstDataRow(s);
  const last = s.totalRow !== undefined && s.totalRow > first ? s.totalRow - 1 : s.rows.length - 1;
  if (last < first) return { rules: '', ext: '' };
  let rules = '';
  let ext = '';
  s.rateColumns.forEach((c, i) => {
    const sqref = ref({ top: first, left: c, bottom: last, right: c });
    const id = `{7A3E${String(sheetIndex).padStart(4, '0')}-0000-4000-8000-${String(i).padStart(12, '0')}}`;
    rules +=
      `<conditionalFormatting sqref="${sqref}"><cfRule type="dataBar" priority="${i + 1}"><dataBar><cfvo type="num" val="0"/><cfvo type="num" val="1"/><color rgb="${BAR_COLOR}"/></dataBar>` +
      `<extLst><ext uri="${X14_RULE_EXT}" xmlns:x14="${X14_NS}"><x14:id>${id}</x14:id></ext></extLst></cfRule></conditionalFormatting>`;
    ext +=
      `<x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="dataBar" id="${id}"><x14:dataBar minLength="0" maxLength="100" gradient="0">` +
      '<x14:cfvo type="num"><xm:f>0</xm:f></x14:cfvo><x14:cfvo type="num"><xm:f>1</xm:f></x14:cfvo>' +
      `<x14:borderColor rgb="${BAR_COLOR}"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>${sqref}</xm:sqref></x14:conditionalFormatting>`;
  });
  return { rules, ext: `<extLst><ext uri="${X14_CF_EXT}" xmlns:x14="${X14_NS}"><x14:conditionalFormattings>${ext}</x14:conditionalFormattings></ext></extLst>` };
}

/** Whole numbers >= 0 in input cells; a drop-down list where only some words are allowed. */
function validations(s: OutputSheet): string {
  const rules: string[] = [];
  const message = (title: string, text: string): string =>
    ` showErrorMessage="1" errorTitle="${xmlAttr(title.slice(0, MAX_ERROR_TITLE))}" error="${xmlAttr(text.length > MAX_ERROR_MESSAGE ? `${text.slice(0, MAX_ERROR_MESSAGE - 1)}…` : text)}"`;
  for (const range of s.inputs ?? []) {
    rules.push(
      `<dataValidation type="whole" operator="greaterThanOrEqual" allowBlank="1"${message('Số liệu không hợp lệ', 'Hãy nhập số nguyên lớn hơn hoặc bằng 0.')} sqref="${ref(range)}"><formula1>0</formula1></dataValidation>`,
    );
  }
  for (const t of s.textInputs ?? []) {
    // A list is written inline as "a,b": words holding a comma or quote, or a list over Excel's limit, cannot be listed so.
    const values = t.values;
    if (!values || values.length === 0 || values.some((v) => /[,"]/.test(v)) || values.join(',').length > MAX_LIST_SOURCE) continue;
    rules.push(
      `<dataValidation type="list" allowBlank="1"${message('Giá trị không hợp lệ', `Hãy chọn một trong: ${values.join(', ')}.`)} sqref="${ref(t.range)}"><formula1>${xmlText(`"${values.join(',')}"`)}</formula1></dataValidation>`,
    );
  }
  return rules.length > 0 ? `<dataValidations count="${rules.length}">${rules.join('')}</dataValidations>` : '';
}

import type { Scalar } from '../core/grid/scalar';
import type { SheetGrid, WorkbookGrid } from '../core/grid/sheet-grid';
import type { CheckedWorkbook } from './checked-workbook';
import type { MergeRange } from './merge-overlap';
import { attributeSpan, attributeValue, decodeXmlText, decodeXmlTextStrict, scanXml, TagKind } from './scan-xml';

/**
 * Reads the values of the parts the preflight checked (values-only
 * sheets, shared strings, styles) straight from their XML, giving the grid
 * ExcelJS and `worksheetToGrid` would give, at a fraction of the cost: no
 * zip, no SAX events, no cell objects.
 * ExcelJS's readings are kept exactly, quirks included (a date format on a
 * formula turns its text result into an invalid date; `s="0"` is never a
 * date; shared strings decode `_xHHHH_`, inline ones do not).
 *
 * Returns undefined for anything outside the common shape it handles
 * (uncalculated formulas, CDATA, sheet names ExcelJS would refuse or
 * truncate, cells out of order...): the caller then lets ExcelJS read the
 * checked parts.
 *
 * @example const book = readValues(preflightWorkbook(bytes, limits).checked!, limits.maxXmlDepth);
 */
export function readValues(checked: CheckedWorkbook, maxDepth: number): WorkbookGrid | undefined {
  try {
    return readAll(checked, maxDepth);
  } catch {
    // A shape this reader did not foresee is never the file's fault: ExcelJS reads it.
    return undefined;
  }
}

function readAll(checked: CheckedWorkbook, maxDepth: number): WorkbookGrid | undefined {
  if (!sheetNamesAsExcelJS(checked.sheets.map((x) => x.name))) return undefined;
  const strings = checked.sharedStrings ? readSharedStrings(checked.sharedStrings, maxDepth) : [];
  if (!strings) return undefined;
  const dates = checked.styles ? readDateStyles(checked.styles, maxDepth) : [];
  if (!dates) return undefined;
  const sheets: SheetGrid[] = [];
  for (const sheet of checked.sheets) {
    const rows = readSheetValues(sheet.values, sheet.merges, maxDepth, strings, dates, checked.date1904);
    if (!rows) return undefined;
    sheets.push({ name: sheet.name, rows });
  }
  return { sheets };
}

/** The parts are read after the preflight removed their root's prefix: an element is known by its full name. */
function localNameIs(bytes: Uint8Array, nameStart: number, nameEnd: number, name: string): boolean {
  if (nameEnd - nameStart !== name.length) return false;
  for (let k = 0; k < name.length; k++) if (bytes[nameStart + k] !== name.charCodeAt(k)) return false;
  return true;
}

const utf8 = new TextDecoder('utf-8');

/** bytes[s, e) as text; short ASCII runs (numbers, references, attributes) without TextDecoder, whose call costs more than they do. */
function decodeUtf8(bytes: Uint8Array, s: number, e: number): string {
  if (e - s <= 64) {
    let out = '';
    for (let p = s; p < e; p++) {
      const b = bytes[p] as number;
      if (b >= 0x80) return utf8.decode(bytes.subarray(s, e));
      out += String.fromCharCode(b);
    }
    return out;
  }
  return utf8.decode(bytes.subarray(s, e));
}

/** The decoded text of bytes[s, e), or undefined when it holds markup or an entity the XML parser would refuse. */
function textOf(bytes: Uint8Array, s: number, e: number): string | undefined {
  let amp = false;
  for (let p = s; p < e; p++) {
    const b = bytes[p];
    // '<' inside text is CDATA or a comment; '\r' would be normalised by an XML parser.
    if (b === 0x3c || b === 0x0d) return undefined;
    if (b === 0x26) amp = true;
  }
  const raw = decodeUtf8(bytes, s, e);
  return amp ? decodeXmlTextStrict(raw) : raw;
}

/** ExcelJS's second decoding of `t="str"` text (its `xmlDecode`). */
function xmlDecodeAgain(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => ({ '&lt;': '<', '&gt;': '>', '&amp;': '&', '&apos;': "'", '&quot;': '"' })[c] ?? c);
}

/** ExcelJS's shared-string text: `_x000D_` and the like decoded (upper-case hex only). */
function decodeEscapes(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : text;
}

/** False for sheet names ExcelJS refuses or truncates: such files are left to it, so that the outcome stays its own. */
function sheetNamesAsExcelJS(names: readonly string[]): boolean {
  const seen = new Set<string>();
  for (const n of names) {
    const key = n.toLowerCase();
    if (n === '' || n === 'History' || n.length > 31 || /[*?:/\\[\]]/.test(n) || /(^')|('$)/.test(n) || seen.has(key)) return false;
    seen.add(key);
  }
  return true;
}

/**
 * The shared strings table: plain `<t>` text, or rich text runs joined;
 * phonetic runs ignored. Undefined for shapes ExcelJS reads differently.
 */
function readSharedStrings(bytes: Uint8Array, maxDepth: number): (string | null)[] | undefined {
  const out: (string | null)[] = [];
  let inSi = false;
  let plain: string | undefined;
  let runs: string[] | undefined;
  let inRun = false;
  let inPhonetic = false;
  let textStart = -1;
  let ok = true;
  const scan = scanXml(bytes, maxDepth, (kind, ns, ne, ts, te, depth) => {
    // ExcelJS reads nothing it expects from a part whose root it does not know: such files are left to it.
    if (depth === 1 && !localNameIs(bytes, ns, ne, 'sst')) ok = false;
    if (depth === 2 && localNameIs(bytes, ns, ne, 'si')) {
      if (kind === TagKind.Close) {
        inSi = false;
        out.push(runs ? runs.join('') : (plain ?? null));
      } else if (kind === TagKind.Empty) {
        out.push(null);
      } else {
        inSi = true;
        plain = undefined;
        runs = undefined;
      }
      return;
    }
    if (!inSi) return;
    if (depth === 3) {
      if (localNameIs(bytes, ns, ne, 'rPh')) inPhonetic = kind === TagKind.Open;
      else if (localNameIs(bytes, ns, ne, 'r')) {
        if (plain !== undefined) ok = false;
        inRun = kind === TagKind.Open;
        if (kind !== TagKind.Close) runs ??= [];
        if (kind === TagKind.Empty) ok = false;
      } else if (localNameIs(bytes, ns, ne, 't')) {
        if (runs) ok = false;
        if (kind === TagKind.Empty) plain = '';
        else if (kind === TagKind.Open) textStart = te;
        else {
          const t = textOf(bytes, textStart, ts);
          if (t === undefined) ok = false;
          else plain = decodeEscapes(t);
        }
      } else if (kind !== TagKind.Close && !localNameIs(bytes, ns, ne, 'phoneticPr')) ok = false;
      return;
    }
    if (inPhonetic) return;
    if (depth === 4 && inRun && localNameIs(bytes, ns, ne, 't')) {
      if (kind === TagKind.Empty) runs?.push('');
      else if (kind === TagKind.Open) textStart = te;
      else {
        const t = textOf(bytes, textStart, ts);
        if (t === undefined) ok = false;
        else runs?.push(decodeEscapes(t));
      }
    }
  });
  return scan.ok && ok ? out : undefined;
}

/** ExcelJS's built-in number formats that its date test can recognise (ids 14 to 22). */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/** ExcelJS's test for a date format: date letters left once quoted text and brackets are removed. */
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** For each cell style (`s` index), whether ExcelJS reads its numbers as dates. */
function readDateStyles(bytes: Uint8Array, maxDepth: number): boolean[] | undefined {
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  let inCellXfs = false;
  let inNumFmts = false;
  let hasCellXfs = false;
  let ok = true;
  const scan = scanXml(bytes, maxDepth, (kind, ns, ne, ts, te, depth) => {
    // ExcelJS reads nothing it expects from a part whose root it does not know: such files are left to it.
    if (depth === 1 && !localNameIs(bytes, ns, ne, 'styleSheet')) ok = false;
    if (depth !== 2 && depth !== 3) return;
    if (depth === 2) {
      if (localNameIs(bytes, ns, ne, 'cellXfs')) {
        inCellXfs = kind === TagKind.Open;
        hasCellXfs = true;
      }
      inNumFmts = kind === TagKind.Open && localNameIs(bytes, ns, ne, 'numFmts');
      return;
    }
    if (kind === TagKind.Close) return;
    // ExcelJS fails on an element it does not know in these lists: such files are left to it.
    if ((inNumFmts && !localNameIs(bytes, ns, ne, 'numFmt')) || (inCellXfs && !localNameIs(bytes, ns, ne, 'xf'))) ok = false;
    if (localNameIs(bytes, ns, ne, 'numFmt')) {
      // ExcelJS reads a number format wherever it is, fails without its code, and keeps it only inside numFmts.
      const id = parseInt(attributeValue(bytes, ts, te, 'numFmtId') ?? '', 10);
      const code = attributeValue(bytes, ts, te, 'formatCode');
      if (code === undefined) ok = false;
      else if (inNumFmts) custom.set(id, code.replace(/[\\](.)/g, '$1'));
    } else if (inCellXfs && localNameIs(bytes, ns, ne, 'xf')) {
      xfIds.push(parseInt(attributeValue(bytes, ts, te, 'numFmtId') ?? '', 10));
    }
  });
  // Without cell styles ExcelJS fails on the first styled cell: leave such files to it.
  if (!scan.ok || !ok || !hasCellXfs || xfIds.length === 0) return undefined;
  return xfIds.map((id) => (id ? isDateFormat(custom.get(id) || BUILT_IN_FORMATS[id]) : false));
}

/** The 0-based column of a reference such as `AB12` in bytes[s, e), and its row number, or undefined. */
function cellRef(bytes: Uint8Array, s: number, e: number): { col: number; row: number } | undefined {
  let p = s;
  let col = 0;
  while (p < e) {
    const b = bytes[p] as number;
    if (b < 0x41 || b > 0x5a) break;
    col = col * 26 + (b - 0x40);
    p++;
  }
  if (col === 0 || p === e) return undefined;
  let row = 0;
  for (; p < e; p++) {
    const b = bytes[p] as number;
    if (b < 0x30 || b > 0x39) return undefined;
    row = row * 10 + (b - 0x30);
  }
  return row > 0 ? { col: col - 1, row } : undefined;
}

function attr(bytes: Uint8Array, ts: number, te: number, name: string): string | undefined {
  const span = attributeSpan(bytes, ts, te, name);
  if (!span) return undefined;
  const raw = decodeUtf8(bytes, span[0], span[1]);
  // An XML parser decodes references and turns white space into spaces in attribute values.
  return /[&\t\n\r]/.test(raw) ? decodeXmlText(raw.replace(/\r\n?|[\t\n]/g, ' ')) : raw;
}

/** 9999-12-31, Excel's last day. */
const MAX_DATE_SERIAL = 2_958_465;

/**
 * ExcelJS's conversion of a serial day to a Date, applied to whatever the
 * cell held (as it does), except a number past Excel's last day, which
 * ExcelJS turns into an invalid Date and Excel keeps as the number.
 */
function excelToDate(v: unknown, date1904: boolean): Date | number {
  // Past 9999-12-31 Excel shows ##### and keeps the number: digits (a phone number) typed into a date-formatted cell.
  if (typeof v === 'number' && !(v >= 0 && v <= MAX_DATE_SERIAL)) return v;
  return new Date(Math.round(((v as number) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** A value as `worksheetToGrid` hands it on. */
function scalarOf(v: unknown): Scalar {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : { error: '#NUM!' };
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { error: '#NUM!' } : v;
  return v as Scalar;
}

interface CellState {
  col: number;
  t: string | undefined;
  style: number;
  value: string | undefined;
  formula: boolean;
  inline: boolean;
  /** The text of each run of inline rich text. */
  runs?: string[];
}

/**
 * A values-only worksheet part as grid rows. `strings` and `dates` come
 * from the shared strings and styles parts.
 */
function readSheetValues(
  bytes: Uint8Array,
  merges: readonly MergeRange[],
  maxDepth: number,
  strings: readonly (string | null)[],
  dates: readonly boolean[],
  date1904: boolean,
): (Scalar[] | undefined)[] | undefined {
  const rows: (Scalar[] | undefined)[] = [];
  let row = 0;
  let lastCol = -1;
  let cell: CellState | undefined;
  let textStart = -1;
  let textTag = '';
  let ok = true;

  const put = (r: number, c: number, v: Scalar): void => {
    if (v === null) return;
    let cells = rows[r - 1];
    if (!cells) cells = rows[r - 1] = [];
    while (cells.length < c) cells.push(null);
    cells[c] = v;
  };

  const finish = (c: CellState): void => {
    const v = c.value;
    const isDate = c.style > 0 && dates[c.style] === true;
    let out: unknown;
    if (c.formula) {
      // Without a cached result the formula text is needed, which ExcelJS rebuilds for shared formulas.
      if (!v) {
        ok = false;
        return;
      }
      out = c.t === 'str' ? xmlDecodeAgain(v) : c.t === 'b' ? parseInt(v, 10) !== 0 : c.t === 'e' ? { error: v } : parseFloat(v);
      if (isDate) out = excelToDate(out, date1904);
    } else if (c.runs) {
      if (c.t !== 'inlineStr') {
        ok = false;
        return;
      }
      out = c.runs.join('');
    } else if (v !== undefined) {
      switch (c.t) {
        case 's': {
          const i = parseInt(v, 10);
          if (!(i >= 0 && i < strings.length)) {
            ok = false;
            return;
          }
          out = strings[i];
          break;
        }
        case 'str':
          out = xmlDecodeAgain(v);
          break;
        case 'inlineStr':
          out = v;
          break;
        case 'b':
          out = parseInt(v, 10) !== 0;
          break;
        case 'e':
          out = { error: v };
          break;
        default:
          out = parseFloat(v);
          if (isDate) out = excelToDate(out, date1904);
      }
    }
    put(row, c.col, scalarOf(out));
  };

  const scan = scanXml(bytes, maxDepth, (kind, ns, ne, ts, te, depth) => {
    // ExcelJS reads nothing it expects from a part whose root it does not know: such files are left to it.
    if (depth === 1 && !localNameIs(bytes, ns, ne, 'worksheet')) ok = false;
    if (!ok) return false;
    if (depth === 3) {
      if (localNameIs(bytes, ns, ne, 'row')) {
        if (kind === TagKind.Close) return;
        const r = parseInt(attr(bytes, ts, te, 'r') ?? '', 10);
        // Rows and cells in ascending order, as Excel writes them: anything else is ExcelJS's to sort out.
        if (!(r > row)) ok = false;
        row = r;
        lastCol = -1;
      }
      return;
    }
    if (depth === 4) {
      if (!localNameIs(bytes, ns, ne, 'c')) {
        if (kind !== TagKind.Close) ok = false;
        return;
      }
      if (kind === TagKind.Close) {
        if (cell) finish(cell);
        cell = undefined;
        return;
      }
      const span = attributeSpan(bytes, ts, te, 'r');
      const ref = span ? cellRef(bytes, span[0], span[1]) : undefined;
      if (!ref || ref.row !== row || ref.col <= lastCol) {
        ok = false;
        return;
      }
      lastCol = ref.col;
      const s = attr(bytes, ts, te, 's');
      const style = s ? parseInt(s, 10) : 0;
      cell = { col: ref.col, t: attr(bytes, ts, te, 't'), style: Number.isNaN(style) ? 0 : style, value: undefined, formula: false, inline: false };
      if (kind === TagKind.Empty) cell = undefined;
      return;
    }
    if (!cell || depth < 5) return;
    if (depth === 5) {
      if (localNameIs(bytes, ns, ne, 'v')) {
        if (kind === TagKind.Open) {
          textStart = te;
          textTag = 'v';
        } else if (kind === TagKind.Close && textTag === 'v') {
          const t = textOf(bytes, textStart, ts);
          if (t === undefined || cell.value !== undefined) ok = false;
          // An XML parser reports no text for `<v></v>`: ExcelJS sees no value.
          else if (t !== '') cell.value = t;
          textTag = '';
        }
      } else if (localNameIs(bytes, ns, ne, 'f')) {
        if (kind === TagKind.Close) {
          if (textTag === 'f' && ts > textStart) cell.formula = true;
          textTag = '';
        } else {
          if (attr(bytes, ts, te, 't')) cell.formula = true;
          if (kind === TagKind.Open) {
            textStart = te;
            textTag = 'f';
          }
        }
      } else if (localNameIs(bytes, ns, ne, 'is')) {
        cell.inline = kind === TagKind.Open;
      } else if (kind !== TagKind.Close) {
        ok = false;
      }
      return;
    }
    if (depth === 6 && cell.inline && localNameIs(bytes, ns, ne, 't')) {
      if (kind === TagKind.Open) {
        textStart = te;
        textTag = 't';
      } else if (kind === TagKind.Close && textTag === 't') {
        const t = textOf(bytes, textStart, ts);
        if (t === undefined || cell.value !== undefined || cell.runs) ok = false;
        else if (t !== '') cell.value = t;
        textTag = '';
      } else if (kind === TagKind.Empty) {
        ok = false;
      }
      return;
    }
    // Inline rich text: the runs' text joined, as worksheetToGrid joins ExcelJS's richText.
    if (depth === 6 && cell.inline && localNameIs(bytes, ns, ne, 'r')) {
      if (cell.value !== undefined) ok = false;
      if (kind !== TagKind.Close) cell.runs ??= [];
      return;
    }
    if (depth === 7 && cell.inline && cell.runs && localNameIs(bytes, ns, ne, 't')) {
      if (kind === TagKind.Open) {
        textStart = te;
        textTag = 'rt';
      } else if (kind === TagKind.Close && textTag === 'rt') {
        const t = textOf(bytes, textStart, ts);
        if (t === undefined) ok = false;
        else cell.runs.push(decodeEscapes(t));
        textTag = '';
      } else if (kind === TagKind.Empty) {
        cell.runs.push('');
      }
      return;
    }
    if (depth >= 7 && cell.inline && cell.runs) return;
    // Phonetic runs, extensions: ExcelJS decides.
    ok = false;
    return false;
  });
  if (!scan.ok || !ok) return undefined;

  // ExcelJS keeps a merged range's value in its top-left cell only (the preflight refused overlapping ranges).
  for (const m of merges) {
    for (let y = m.top; y <= m.bottom && y <= rows.length; y++) {
      const cells = rows[y - 1];
      if (!cells) continue;
      for (let x = m.left - 1; x < m.right && x < cells.length; x++) if (y !== m.top || x !== m.left - 1) cells[x] = null;
    }
  }
  const out: (Scalar[] | undefined)[] = [];
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r];
    let end = cells ? cells.length : 0;
    while (end > 0 && cells?.[end - 1] === null) end--;
    if (!cells || end === 0) {
      out.push(undefined);
      continue;
    }
    if (end < cells.length) cells.length = end;
    out.push(cells);
  }
  while (out.length > 0 && out[out.length - 1] === undefined) out.pop();
  return out;
}

import { attributeSpan, attributeValue, decodeXmlText, localNameIs, namePrefixIs, prefixLength, scanXml, TagKind } from './scan-xml';
import { spliceBytes, type ByteEdit } from './splice-bytes';

/** What a worksheet part holds and claims, counted without parsing it. */
export interface WorksheetStats {
  /** `<c>` elements. */
  readonly cells: number;
  /** `<row>` elements. */
  readonly rows: number;
  /** Highest 1-based row and column any cell or row uses. */
  readonly maxRow: number;
  readonly maxCol: number;
  /** The used range the `<dimension ref>` claims, as 1-based bottom-right corner. */
  readonly claimedRows: number;
  readonly claimedCols: number;
  /** Cells covered by merged ranges (a parser materialises every one of them). */
  readonly mergedCells: number;
}

/** Excel's own sheet size: anything beyond is not a real workbook. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLS = 16_384;

/** A `t="d"` cell: its value is ISO 8601 text, which ExcelJS misreads as a number (`2024-04-08` -> 2024). */
export interface IsoDateCell {
  /** 0-based. */
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

/** Only these children of `<worksheet>` carry values; the rest is layout a reader never needs. */
const KEEP = ['sheetData', 'mergeCells'];

/**
 * Counts a worksheet's cells, rows, claimed dimension and merged area in
 * one pass over its bytes, and returns the part rewritten for ExcelJS:
 * - reduced to its values and merges. Dropping data validations,
 *   conditional formats, column ranges and hyperlinks matters: ExcelJS
 *   expands a validation over `A:XFD` or a `<col max>` into one object per
 *   cell or column, which a 20 kB file can use to exhaust memory, and none
 *   of it is needed to read values (a hyperlink cell's value is its text);
 * - with the root's namespace prefix removed (`<x:row>` -> `<row>`), as
 *   some generators write it and ExcelJS only knows unprefixed names;
 * - with the `r` reference the format allows to omit written out, since
 *   ExcelJS needs it.
 * The scan stops as soon as a count passes `maxCells`: the sheet is refused
 * then, and the rest need not be read.
 */
export function scanWorksheet(
  bytes: Uint8Array,
  maxDepth: number,
  maxCells = Infinity,
):
  | { readonly ok: true; readonly stats: WorksheetStats; readonly values: Uint8Array; readonly isoDates: readonly IsoDateCell[] }
  | { readonly ok: false; readonly tooDeep?: number; readonly detail: string } {
  let cells = 0;
  let rows = 0;
  let maxRow = 0;
  let maxCol = 0;
  let claimedRows = 0;
  let claimedCols = 0;
  let mergedCells = 0;
  let currentRow = 0;
  let colInRow = 0;
  const edits: ByteEdit[] = [];
  const isoDates: IsoDateCell[] = [];
  let pendingIso: { row: number; col: number } | undefined;
  let childStart = -1;
  let keepChild = true;
  let rootPrefix: Uint8Array | undefined;
  const ascii = new TextEncoder();

  const scan = scanXml(bytes, maxDepth, (kind, ns, ne, ts, te, depth) => {
    if (depth === 1 && kind !== TagKind.Close) {
      const k = prefixLength(bytes, ns, ne);
      rootPrefix = k > 0 ? bytes.slice(ns, ns + k) : undefined;
    }
    if (depth === 2 && kind !== TagKind.Close) {
      childStart = ts;
      keepChild = KEEP.some((k) => localNameIs(bytes, ns, ne, k));
      if (localNameIs(bytes, ns, ne, 'dimension')) {
        const ref = attributeValue(bytes, ts, te, 'ref');
        const area = ref ? rangeCorner(ref) : undefined;
        if (area) [claimedRows, claimedCols] = area;
        if (claimedRows * claimedCols > maxCells) return false;
      }
      if (!keepChild) {
        if (kind === TagKind.Empty) edits.push({ start: ts, end: te });
        return;
      }
    } else if (depth === 2 && !keepChild) {
      edits.push({ start: childStart, end: te });
      return;
    } else if (depth >= 2 && !keepChild) {
      return;
    }
    if (rootPrefix && namePrefixIs(bytes, ns, ne, rootPrefix)) edits.push({ start: ns, end: ns + rootPrefix.length + 1 });
    if (kind === TagKind.Close) return;
    if (depth === 3 && localNameIs(bytes, ns, ne, 'row')) {
      rows++;
      const span = attributeSpan(bytes, ts, te, 'r');
      currentRow = span ? digits(bytes, span[0], span[1]) : currentRow + 1;
      if (!span) edits.push({ start: ne, end: ne, insert: ascii.encode(` r="${currentRow}"`) });
      colInRow = 0;
      if (currentRow > maxRow) maxRow = currentRow;
      if (rows > maxCells) return false;
    } else if (depth === 4 && localNameIs(bytes, ns, ne, 'c')) {
      cells++;
      const span = attributeSpan(bytes, ts, te, 'r');
      let col = colInRow + 1;
      let row = currentRow;
      const ref = span ? cellRef(bytes, span[0], span[1]) : undefined;
      if (ref) [row, col] = ref;
      else edits.push({ start: ne, end: ne, insert: ascii.encode(` r="${columnLetters(col)}${row}"`) });
      colInRow = col;
      if (row > maxRow) maxRow = row;
      if (col > maxCol) maxCol = col;
      if (cells > maxCells || maxRow * maxCol > maxCells) return false;
      pendingIso = attributeValue(bytes, ts, te, 't') === 'd' && kind === TagKind.Open ? { row: row - 1, col: col - 1 } : undefined;
    } else if (depth === 5 && pendingIso && kind === TagKind.Open && localNameIs(bytes, ns, ne, 'v')) {
      const end = bytes.indexOf(0x3c, te);
      isoDates.push({ ...pendingIso, text: decodeXmlText(new TextDecoder().decode(bytes.subarray(te, end < 0 ? te : end))) });
      pendingIso = undefined;
    } else if (depth === 3 && localNameIs(bytes, ns, ne, 'mergeCell')) {
      const ref = attributeValue(bytes, ts, te, 'ref');
      const m = ref ? /^\$?([A-Za-z]+)\$?(\d+):\$?([A-Za-z]+)\$?(\d+)$/.exec(ref.trim()) : null;
      if (m && m[1] && m[2] && m[3] && m[4]) {
        const h = Math.abs(Number(m[4]) - Number(m[2])) + 1;
        const w = Math.abs(columnNumber(m[3]) - columnNumber(m[1])) + 1;
        mergedCells += h * w;
        if (mergedCells > maxCells) return false;
      }
    }
  });
  if (!scan.ok) return scan;
  return {
    ok: true,
    stats: { cells, rows, maxRow, maxCol, claimedRows, claimedCols, mergedCells },
    values: spliceBytes(bytes, edits),
    isoDates,
  };
}

/** The 1-based bottom-right corner of `A1:XFD1048576` (or of a single cell). */
function rangeCorner(ref: string): [number, number] | undefined {
  let rows = 0;
  let cols = 0;
  for (const part of ref.trim().split(':')) {
    const m = /^\$?([A-Za-z]{1,7})\$?(\d{1,15})$/.exec(part);
    if (!m || !m[1] || !m[2]) return undefined;
    rows = Math.max(rows, Number(m[2]));
    cols = Math.max(cols, columnNumber(m[1]));
  }
  return [rows, cols];
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A decimal number written in bytes[s, e); non-digits end it. */
function digits(bytes: Uint8Array, s: number, e: number): number {
  let n = 0;
  for (let p = s; p < e; p++) {
    const b = bytes[p] as number;
    if (b < 0x30 || b > 0x39) break;
    n = n * 10 + (b - 0x30);
  }
  return n;
}

/** [row, col], 1-based, of a cell reference such as `AB12` in bytes[s, e). */
function cellRef(bytes: Uint8Array, s: number, e: number): [number, number] | undefined {
  let p = s;
  let col = 0;
  while (p < e) {
    const b = (bytes[p] as number) & 0xdf;
    if (b < 0x41 || b > 0x5a) break;
    col = col * 26 + (b - 0x40);
    p++;
  }
  if (col === 0 || p === e) return undefined;
  return [digits(bytes, p, e), col];
}

/** Column letters of a 1-based column number: 1 -> A, 27 -> AA. */
function columnLetters(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

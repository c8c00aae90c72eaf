import type { CorruptReason } from '../core/findings/corrupt-reasons';
import { firstOverlap, type MergeRange } from './merge-overlap';
import { attributeSpan, attributeValue, decodeXmlText, namePrefixIs, prefixLength, scanXml, TagKind } from './scan-xml';
import { spliceBytes, type ByteEdit } from './splice-bytes';

/** What a worksheet part holds, counted in what exists, not in what it claims. */
export interface WorksheetStats {
  /** `<c>` elements. */
  readonly cells: number;
  /** `<row>` elements. */
  readonly rows: number;
  /** Grid cells a reader lays out: per row, up to its last `<c>`, summed. */
  readonly gridCells: number;
  /** Highest 1-based row and column any cell or row uses. */
  readonly maxRow: number;
  readonly maxCol: number;
  /** Highest 1-based row holding a `<c>`: the grid's length (rows without cells are dropped). */
  readonly lastCellRow: number;
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

/** A worksheet scanned: its counts, its merged ranges (checked not to overlap) and its values-only part. */
export interface ScannedWorksheet {
  readonly stats: WorksheetStats;
  readonly merges: readonly MergeRange[];
  readonly values: Uint8Array;
  readonly isoDates: readonly IsoDateCell[];
}

/** Why a worksheet is refused: over a count (`over`), or too deep or malformed (`reason`, with a value in `extra`). */
export type WorksheetProblem =
  | { readonly ok: false; readonly over: WorksheetStats; readonly reason?: undefined }
  | { readonly ok: false; readonly over?: undefined; readonly tooDeep?: number; readonly reason: CorruptReason; readonly extra?: string };

/** The element names a worksheet's values are written with, as small numbers (0: any other name). */
const NAMES = ['', 'sheetData', 'mergeCells', 'row', 'c', 'f', 'v', 'is', 't', 'r', 'rPh', 'phoneticPr', 'rPr', 'extLst', 'mergeCell'] as const;
const [, SHEET_DATA, MERGE_CELLS, ROW, C, F, V, IS, T, R, RPH, PHONETIC_PR, RPR, EXT_LST, MERGE_CELL] = NAMES.map((_, i) => i) as number[] as [
  number, number, number, number, number, number, number, number, number, number, number, number, number, number, number,
];

/**
 * What each element inside `sheetData` and `mergeCells` may hold, by its
 * parent's name (a bit per child name; -1: anything): a reader must never
 * meet cells, rows or merges hidden in an element it does not know (ExcelJS
 * would still build them, PHU's counts would not see them).
 */
const CHILDREN: readonly number[] = (() => {
  const bits = (...ids: number[]): number => ids.reduce((m, id) => m | (1 << id), 0);
  const out = NAMES.map(() => -1);
  out[0] = -1;
  out[SHEET_DATA] = bits(ROW);
  out[ROW] = bits(C, EXT_LST);
  out[C] = bits(F, V, IS, EXT_LST);
  out[IS] = bits(T, R, RPH, PHONETIC_PR);
  out[R] = bits(RPR, T);
  out[RPH] = bits(T);
  out[MERGE_CELLS] = bits(MERGE_CELL);
  for (const leaf of [MERGE_CELL, F, V, T]) out[leaf] = 0;
  return out;
})();

/** The number of a known element name in bytes[s, e), 0 for any other. */
function nameId(bytes: Uint8Array, s: number, e: number): number {
  const n = e - s;
  const b = bytes[s];
  if (n === 1) return b === 0x63 ? C : b === 0x76 ? V : b === 0x66 ? F : b === 0x74 ? T : b === 0x72 ? R : 0;
  for (let id = 1; id < NAMES.length; id++) {
    const name = NAMES[id] as string;
    if (name.length !== n || name.charCodeAt(0) !== b) continue;
    let k = 1;
    while (k < n && bytes[s + k] === name.charCodeAt(k)) k++;
    if (k === n) return id;
  }
  return 0;
}

/**
 * Counts a worksheet's cells, rows and merged area in one pass over its
 * bytes, checks its structure, and returns the part rewritten for the
 * value readers:
 * - reduced to its values and merges. Dropping data validations,
 *   conditional formats, column ranges and hyperlinks matters: ExcelJS
 *   expands a validation over `A:XFD` or a `<col max>` into one object per
 *   cell or column, which a 20 kB file can use to exhaust memory, and none
 *   of it is needed to read values (a hyperlink cell's value is its text);
 *   rows without cells (LibreOffice pads to row 1,048,576) are dropped too;
 * - with the root's namespace prefix removed (`<x:row>` -> `<row>`), as
 *   some generators write it and ExcelJS only knows unprefixed names;
 * - with the `r` reference the format allows to omit written out, since
 *   ExcelJS needs it.
 * Inside `sheetData` and `mergeCells` only the elements the format defines
 * are accepted, merged ranges must be plain `A1:B2` references that do not
 * overlap (checked in n log n). The declared `<dimension>` is ignored:
 * sizes are what the sheet holds. The scan stops as soon as a count passes
 * `maxCells`.
 */
export function scanWorksheet(bytes: Uint8Array, maxDepth: number, maxCells = Infinity): ({ readonly ok: true } & ScannedWorksheet) | WorksheetProblem {
  let cells = 0;
  let rows = 0;
  let gridCells = 0;
  let maxRow = 0;
  let lastCellRow = 0;
  let maxCol = 0;
  let mergedCells = 0;
  let currentRow = 0;
  let colInRow = 0;
  let rowMaxCol = 0;
  let rowStart = -1;
  let rowHasCell = false;
  const edits: ByteEdit[] = [];
  const isoDates: IsoDateCell[] = [];
  const merges: MergeRange[] = [];
  let pendingIso: { row: number; col: number } | undefined;
  let childStart = -1;
  let keepChild = true;
  let rootPrefix: Uint8Array | undefined;
  let problem: { readonly reason: CorruptReason; readonly extra: string } | undefined;
  let over = false;
  // The names of the open elements inside a kept child, by depth.
  const path: number[] = [];
  const ascii = new TextEncoder();
  /** Removes bytes[start, end) and the edits already made inside it. */
  const cut = (start: number, end: number): void => {
    while (edits.length > 0 && (edits[edits.length - 1] as ByteEdit).start >= start) edits.pop();
    edits.push({ start, end });
  };
  /** The start of the element's name without the root's prefix (a name with another prefix stays whole, unknown). */
  const bare = (ns: number, ne: number): number => (rootPrefix && namePrefixIs(bytes, ns, ne, rootPrefix) ? ns + rootPrefix.length + 1 : ns);

  const scan = scanXml(bytes, maxDepth, (kind, ns, ne, ts, te, depth) => {
    if (depth === 1) {
      if (kind !== TagKind.Close) {
        const k = prefixLength(bytes, ns, ne);
        rootPrefix = k > 0 ? bytes.slice(ns, ns + k) : undefined;
      }
      if (rootPrefix && namePrefixIs(bytes, ns, ne, rootPrefix)) edits.push({ start: ns, end: ns + rootPrefix.length + 1 });
      return;
    }
    if (depth === 2 && kind !== TagKind.Close) {
      childStart = ts;
      const id = nameId(bytes, bare(ns, ne), ne);
      keepChild = id === SHEET_DATA || id === MERGE_CELLS;
      if (!keepChild) {
        if (kind === TagKind.Empty) edits.push({ start: ts, end: te });
        return;
      }
      path.length = 0;
      path.push(id);
    } else if (depth === 2 && !keepChild) {
      edits.push({ start: childStart, end: te });
      return;
    } else if (depth > 2 && !keepChild) {
      return;
    }
    if (rootPrefix && namePrefixIs(bytes, ns, ne, rootPrefix)) edits.push({ start: ns, end: ns + rootPrefix.length + 1 });
    if (kind === TagKind.Close) {
      if (depth === 3 && path[1] === ROW) {
        if (!rowHasCell) cut(rowStart, te);
      }
      path.length = depth - 2;
      return;
    }
    const name = depth === 2 ? (path[0] as number) : nameId(bytes, bare(ns, ne), ne);
    const parent = path[depth - 3];
    const allowed = parent === undefined ? -1 : (CHILDREN[parent] as number);
    if (depth > 2 && allowed !== -1 && (name === 0 || (allowed & (1 << name)) === 0)) {
      problem = { reason: 'sheet_element_unexpected', extra: `<${NAMES[parent ?? 0] ?? ''}><${new TextDecoder().decode(bytes.subarray(ns, ne))}>` };
      return false;
    }
    if (kind === TagKind.Open) path[depth - 2] = name;
    if (name === ROW && depth === 3) {
      rows++;
      const span = attributeSpan(bytes, ts, te, 'r');
      currentRow = span ? digits(bytes, span[0], span[1]) : currentRow + 1;
      colInRow = 0;
      rowMaxCol = 0;
      rowStart = ts;
      rowHasCell = false;
      if (kind === TagKind.Empty) {
        cut(ts, te);
      } else if (!span) {
        edits.push({ start: ne, end: ne, insert: ascii.encode(` r="${currentRow}"`) });
      }
      if (currentRow > maxRow) maxRow = currentRow;
      if (rows > maxCells) over = true;
    } else if (name === C && depth === 4) {
      cells++;
      rowHasCell = true;
      const span = attributeSpan(bytes, ts, te, 'r');
      let col = colInRow + 1;
      let row = currentRow;
      const ref = span ? cellRef(bytes, span[0], span[1]) : undefined;
      if (ref) [row, col] = ref;
      else edits.push({ start: ne, end: ne, insert: ascii.encode(` r="${columnLetters(col)}${row}"`) });
      colInRow = col;
      if (col > rowMaxCol) {
        gridCells += col - rowMaxCol;
        rowMaxCol = col;
      }
      if (row > maxRow) maxRow = row;
      if (row > lastCellRow) lastCellRow = row;
      if (col > maxCol) maxCol = col;
      if (cells > maxCells || gridCells > maxCells) over = true;
      pendingIso = attributeValue(bytes, ts, te, 't') === 'd' && kind === TagKind.Open ? { row: row - 1, col: col - 1 } : undefined;
    } else if (name === V && depth === 5 && pendingIso && kind === TagKind.Open) {
      const end = bytes.indexOf(0x3c, te);
      isoDates.push({ ...pendingIso, text: decodeXmlText(new TextDecoder().decode(bytes.subarray(te, end < 0 ? te : end))) });
      pendingIso = undefined;
    } else if (name === MERGE_CELL && depth === 3) {
      const m = mergeRange(attributeValue(bytes, ts, te, 'ref') ?? '');
      if (!m) {
        problem = { reason: 'merge_range_invalid', extra: (attributeValue(bytes, ts, te, 'ref') ?? '').slice(0, 40) };
        return false;
      }
      merges.push(m);
      mergedCells += (m.bottom - m.top + 1) * (m.right - m.left + 1);
      if (mergedCells > maxCells) over = true;
    }
    if (over) return false;
  });
  if (!scan.ok) return scan;
  if (problem !== undefined) return { ok: false, ...problem };
  const stats: WorksheetStats = { cells, rows, gridCells, maxRow, maxCol, lastCellRow, mergedCells };
  if (over) return { ok: false, over: stats };
  const clash = firstOverlap(merges);
  if (clash) return { ok: false, reason: 'merge_ranges_overlap', extra: `${rangeText(clash[0])}, ${rangeText(clash[1])}` };
  return { ok: true, stats, merges, values: spliceBytes(bytes, edits), isoDates };
}

/** A merged range from a plain `A1:B2` reference inside Excel's grid (corners in any order), or undefined. */
export function mergeRange(ref: string): MergeRange | undefined {
  const m = /^([A-Z]{1,3})([1-9][0-9]{0,6}):([A-Z]{1,3})([1-9][0-9]{0,6})$/.exec(ref);
  if (!m || !m[1] || !m[2] || !m[3] || !m[4]) return undefined;
  const c1 = columnNumber(m[1]);
  const c2 = columnNumber(m[3]);
  const r1 = Number(m[2]);
  const r2 = Number(m[4]);
  if (Math.max(c1, c2) > EXCEL_MAX_COLS || Math.max(r1, r2) > EXCEL_MAX_ROWS) return undefined;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

function rangeText(m: MergeRange): string {
  return `${columnLetters(m.left)}${m.top}:${columnLetters(m.right)}${m.bottom}`;
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

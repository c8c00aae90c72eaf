import { attributeSpan, attributeValue, localNameIs, scanXml, TagKind } from './scan-xml';

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

/** Only these children of `<worksheet>` carry values; the rest is layout a reader never needs. */
const KEEP = ['sheetData', 'mergeCells'];

/**
 * Counts a worksheet's cells, rows, claimed dimension and merged area in
 * one pass over its bytes, and returns the part reduced to its values and
 * merges. Dropping data validations, conditional formats, column ranges and
 * hyperlinks before ExcelJS sees them matters: ExcelJS expands a validation
 * over `A:XFD` or a `<col max>` into one object per cell or column, which a
 * 20 kB file can use to exhaust memory, and none of it is needed to read
 * values (a hyperlink cell's value is its text).
 */
export function scanWorksheet(
  bytes: Uint8Array,
  maxDepth: number,
): { readonly ok: true; readonly stats: WorksheetStats; readonly values: Uint8Array } | { readonly ok: false; readonly tooDeep?: number; readonly detail: string } {
  let cells = 0;
  let rows = 0;
  let maxRow = 0;
  let maxCol = 0;
  let claimedRows = 0;
  let claimedCols = 0;
  let mergedCells = 0;
  let currentRow = 0;
  let colInRow = 0;
  const drop: [number, number][] = [];
  let childStart = -1;
  let keepChild = true;

  const scan = scanXml(bytes, maxDepth, (kind, ns, ne, ts, te, depth) => {
    if (depth === 2) {
      if (kind !== TagKind.Close) {
        childStart = ts;
        keepChild = KEEP.some((k) => localNameIs(bytes, ns, ne, k));
        if (kind === TagKind.Empty && !keepChild) drop.push([ts, te]);
        if (localNameIs(bytes, ns, ne, 'dimension')) {
          const ref = attributeValue(bytes, ts, te, 'ref');
          const area = ref ? rangeCorner(ref) : undefined;
          if (area) [claimedRows, claimedCols] = area;
        }
      } else if (!keepChild) {
        drop.push([childStart, te]);
      }
      return;
    }
    if (kind === TagKind.Close) return;
    if (depth === 3 && localNameIs(bytes, ns, ne, 'row')) {
      rows++;
      const span = attributeSpan(bytes, ts, te, 'r');
      currentRow = span ? digits(bytes, span[0], span[1]) : currentRow + 1;
      colInRow = 0;
      if (currentRow > maxRow) maxRow = currentRow;
    } else if (depth === 4 && localNameIs(bytes, ns, ne, 'c')) {
      cells++;
      const span = attributeSpan(bytes, ts, te, 'r');
      let col = colInRow + 1;
      let row = currentRow;
      if (span) {
        const ref = cellRef(bytes, span[0], span[1]);
        if (ref) [row, col] = ref;
      }
      colInRow = col;
      if (row > maxRow) maxRow = row;
      if (col > maxCol) maxCol = col;
    } else if (depth === 3 && localNameIs(bytes, ns, ne, 'mergeCell')) {
      const ref = attributeValue(bytes, ts, te, 'ref');
      const m = ref ? /^\$?([A-Za-z]+)\$?(\d+):\$?([A-Za-z]+)\$?(\d+)$/.exec(ref.trim()) : null;
      if (m && m[1] && m[2] && m[3] && m[4]) {
        const h = Math.abs(Number(m[4]) - Number(m[2])) + 1;
        const w = Math.abs(columnNumber(m[3]) - columnNumber(m[1])) + 1;
        mergedCells += h * w;
      }
    }
  });
  if (!scan.ok) return scan;
  return {
    ok: true,
    stats: { cells, rows, maxRow, maxCol, claimedRows, claimedCols, mergedCells },
    values: cutRanges(bytes, drop),
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

/** The bytes with the given [start, end) ranges (in order, disjoint) cut out. */
export function cutRanges(bytes: Uint8Array, ranges: readonly (readonly [number, number])[]): Uint8Array {
  if (ranges.length === 0) return bytes;
  const removed = ranges.reduce((n, [s, e]) => n + (e - s), 0);
  const out = new Uint8Array(bytes.length - removed);
  let w = 0;
  let r = 0;
  for (const [s, e] of ranges) {
    out.set(bytes.subarray(r, s), w);
    w += s - r;
    r = e;
  }
  out.set(bytes.subarray(r), w);
  return out;
}

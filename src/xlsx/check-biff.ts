import { createFinding, type Finding } from '../core/findings/finding';
import { corruptParams } from '../core/findings/corrupt-reasons';
import type { ReadLimits } from './read-limits';

const BOF = 0x0809;
const EOF = 0x000a;
const BOUNDSHEET = 0x0085;
const MULRK = 0x00bd;
const MULBLANK = 0x00be;
/** NUMBER, RK, LABEL, LABELSST, BOOLERR, FORMULA, BLANK (BIFF8 and BIFF5 ids, and BIFF2-4 ones SheetJS also reads). */
const ONE_CELL = new Set([0x0203, 0x027e, 0x0204, 0x00fd, 0x0205, 0x0006, 0x0406, 0x0201, 0x0003, 0x0002, 0x0004, 0x0005, 0x0001, 0x00d6]);

/**
 * The checks an .xls workbook stream passes before SheetJS reads it, by
 * walking its BIFF records (a few bytes each, nothing built): the cells
 * each sheet's records make (a MULRK record is 6 bytes a number, so 20 MB
 * can hold 3 million cells, which SheetJS would build before any count)
 * over `maxCellsPerSheet` -> `sheet_too_large`, all sheets over
 * `maxCellsPerWorkbook` -> `workbook_too_large`, and two sheets pointing at
 * the same records (20,000 sheet entries for one sheet would each be read)
 * -> `file_corrupt`. Undefined when the stream passes.
 *
 * @example checkBiff(workbookStream, DEFAULT_READ_LIMITS) // undefined for a commune's report
 */
export function checkBiff(stream: Uint8Array, limits: ReadLimits): Finding | undefined {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const sheets = new Map<number, string>();
  let substream = -1;
  let cells = 0;
  let maxRow = 0;
  let maxCol = 0;
  let bookCells = 0;
  const cell = (row: number, lastCol: number, n: number): Finding | undefined => {
    cells += n;
    bookCells += n;
    maxRow = Math.max(maxRow, row + 1);
    maxCol = Math.max(maxCol, lastCol + 1);
    if (cells > limits.maxCellsPerSheet) return createFinding('sheet_too_large', { rows: maxRow, columns: maxCol, limit: limits.maxCellsPerSheet }, { sheet: sheets.get(substream) ?? '' });
    if (bookCells > limits.maxCellsPerWorkbook) return createFinding('workbook_too_large', { cells: bookCells, limit: limits.maxCellsPerWorkbook });
    return undefined;
  };
  for (let at = 0; at + 4 <= stream.byteLength; ) {
    const type = view.getUint16(at, true);
    const len = view.getUint16(at + 2, true);
    const data = at + 4;
    if (data + len > stream.byteLength) break;
    if (type === BOF) {
      substream = at;
      cells = maxRow = maxCol = 0;
    } else if (type === BOUNDSHEET && len >= 4) {
      const pos = view.getUint32(data, true);
      if (sheets.has(pos)) return createFinding('file_corrupt', corruptParams({ reason: 'sheets_share_data', extra: String(pos) }));
      sheets.set(pos, sheetName(stream, data, len));
    } else if (type === EOF) {
      substream = -1;
    } else if (substream >= 0 && len >= 6) {
      const row = view.getUint16(data, true);
      const col = view.getUint16(data + 2, true);
      let problem: Finding | undefined;
      if (type === MULRK) problem = cell(row, view.getUint16(data + len - 2, true), Math.floor((len - 6) / 6));
      else if (type === MULBLANK) problem = cell(row, view.getUint16(data + len - 2, true), Math.floor((len - 6) / 2));
      else if (ONE_CELL.has(type)) problem = cell(row, col, 1);
      if (problem) return problem;
    }
    at = data + len;
  }
  return undefined;
}

/** The name in a BOUNDSHEET record (8-bit or UTF-16 characters), as far as the record holds it. */
function sheetName(stream: Uint8Array, data: number, len: number): string {
  const count = stream[data + 6] ?? 0;
  const wide = ((stream[data + 7] ?? 0) & 1) === 1;
  let name = '';
  for (let k = 0; k < count; k++) {
    const p = data + 8 + (wide ? 2 * k : k);
    if (p + (wide ? 1 : 0) >= data + len) break;
    name += String.fromCharCode(wide ? (stream[p] ?? 0) | ((stream[p + 1] ?? 0) << 8) : (stream[p] ?? 0));
  }
  return name;
}

import type { Scalar } from '../../core/grid/scalar';
import { findSheet, type SheetGrid } from '../../core/grid/sheet-grid';
import { scalarFromExcel } from './excel-values';

/** A used-range read queued for one sheet; readable after the next sync. */
export interface QueuedSheetRead {
  readonly name: string;
  readonly range: Excel.Range;
}

/** Response bytes one sync may carry when reading in chunks (Excel on the web refuses 5 MB). */
export const READ_CHUNK_BYTES = 3_000_000;
/** What one cell of `values` costs on the wire, on the generous side. */
const BYTES_PER_CELL = 12;

/**
 * Queues the read of a sheet's used range (values only; see
 * `EXCEL_ERROR_TEXTS`). Many sheets read in the same sync cost one round trip.
 */
export function queueSheetRead(context: Excel.RequestContext, name: string): QueuedSheetRead {
  const range = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
  range.load('values,rowIndex,columnIndex');
  return { name, range };
}

/** The grid of a read, after its sync. */
export function sheetGridOf(read: QueuedSheetRead): SheetGrid {
  if (read.range.isNullObject) return { name: read.name, rows: [] };
  return gridFromValues(read.name, read.range.rowIndex, read.range.columnIndex, read.range.values);
}

/**
 * A sheet grid from `Range.values` of a block whose top-left cell is
 * (top, left): rows above it are absent, columns left of it blank, so grid
 * positions are sheet positions.
 */
export function gridFromValues(name: string, top: number, left: number, values: readonly (readonly unknown[])[], rows: Array<Scalar[] | undefined> = []): SheetGrid {
  values.forEach((src, i) => {
    const row: Scalar[] = new Array<Scalar>(left + src.length).fill(null);
    for (let j = 0; j < src.length; j++) row[left + j] = scalarFromExcel(src[j]);
    rows[top + i] = row;
  });
  return { name, rows };
}

/** True for Excel's refusal of a batch too large for one round trip. */
export function isPayloadLimitError(e: unknown): boolean {
  const code = (e as { code?: unknown; debugInfo?: { code?: unknown } } | null)?.code ?? (e as { debugInfo?: { code?: unknown } } | null)?.debugInfo?.code;
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

/**
 * Reads sheets in row blocks when one round trip would carry too much
 * (a very large sheet on Excel on the web): one sync for the sizes, then
 * as few syncs as the payload limit allows.
 */
export async function readSheetsInChunks(context: Excel.RequestContext, names: readonly string[], chunkBytes = READ_CHUNK_BYTES): Promise<SheetGrid[]> {
  const used = names.map((name) => ({ name, range: context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount') }));
  await context.sync();
  const rowsOf = new Map<string, Array<Scalar[] | undefined>>(names.map((n) => [n, []]));
  let pending: Array<{ name: string; top: number; left: number; range: Excel.Range }> = [];
  let bytes = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    await context.sync();
    for (const p of pending) gridFromValues(p.name, p.top, p.left, p.range.values, rowsOf.get(p.name));
    pending = [];
    bytes = 0;
  };
  for (const u of used) {
    if (u.range.isNullObject) continue;
    const { rowIndex, columnIndex, rowCount, columnCount } = u.range;
    const rowsPerChunk = Math.max(1, Math.floor(chunkBytes / (columnCount * BYTES_PER_CELL)));
    for (let r = 0; r < rowCount; r += rowsPerChunk) {
      const n = Math.min(rowsPerChunk, rowCount - r);
      if (bytes + n * columnCount * BYTES_PER_CELL > chunkBytes) await flush();
      const range = context.workbook.worksheets.getItem(u.name).getRangeByIndexes(rowIndex + r, columnIndex, n, columnCount).load('values');
      pending.push({ name: u.name, top: rowIndex + r, left: columnIndex, range });
      bytes += n * columnCount * BYTES_PER_CELL;
    }
  }
  await flush();
  return names.map((name) => ({ name, rows: rowsOf.get(name) ?? [] }));
}

/**
 * The workbook's own names for the sheets a form expects, forgiving case,
 * spaces and Unicode form as the core does: expected name -> actual name.
 */
export function resolveSheetNames(actual: readonly string[], expected: readonly string[]): Map<string, string> {
  const book = { sheets: actual.map((name) => ({ name, rows: [] })) };
  const out = new Map<string, string>();
  for (const e of expected) {
    const found = findSheet(book, e);
    if (found) out.set(e, found.name);
  }
  return out;
}

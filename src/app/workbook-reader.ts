import type { Finding } from '../core/findings/finding';
import type { WorkbookGrid } from '../core/grid/sheet-grid';
import type { ReadLimits } from '../xlsx/read-limits';

/** A workbook read: the grid when it could be read, and every finding about the file itself. */
export interface WorkbookRead {
  /** Absent when the file is refused (not a workbook, encrypted, damaged, over a limit, over its budget). */
  readonly book?: WorkbookGrid;
  readonly findings: readonly Finding[];
}

/**
 * The port through which use cases read a workbook's bytes. Implementations:
 * the xlsx reader itself (`readWorkbook` of src/xlsx, in the calling thread),
 * the Node budgeted reader (a worker thread per file with a memory cap and
 * a deadline, src/node/budget), and a browser Web Worker. A reader may take
 * the bytes' buffer (move it to a worker): callers hash before reading.
 * It never throws for what is in the file.
 */
export interface WorkbookReader {
  readWorkbook(bytes: Uint8Array, opts?: { readonly limits?: Partial<ReadLimits> }): Promise<WorkbookRead>;
}

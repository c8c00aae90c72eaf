import type { Finding } from '../core/findings/finding';
import type { WorkbookGrid } from '../core/grid/sheet-grid';
import type { ReadLimits } from '../xlsx/read-limits';

/** What the page asks the reading worker: read these bytes (transferred, not copied). */
export interface ReadRequest {
  readonly id: number;
  readonly bytes: ArrayBuffer;
  /** Overrides of the reader's limits, as the use case asks. */
  readonly limits?: Partial<ReadLimits>;
}

/** What the worker answers: the grid and the read's findings, or why reading threw. */
export type ReadAnswer =
  | { readonly id: number; readonly book?: WorkbookGrid; readonly findings: readonly Finding[] }
  | { readonly id: number; readonly failed: string };

/** The part of a `Worker` the reader uses (a stand-in in tests). */
export interface WorkerLike {
  postMessage(message: ReadRequest, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<ReadAnswer>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

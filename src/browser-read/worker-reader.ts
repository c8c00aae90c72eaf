import { corruptParams, quotedError } from '../core/findings/corrupt-reasons';
import { createFinding } from '../core/findings/finding';
import type { WorkbookReader } from '../app/workbook-reader';
import type { ReadLimits } from '../xlsx/read-limits';
import type { ReadAnswer, WorkerLike } from './read-protocol';

/** How long one file may take to read in the page before it is given up, unless told otherwise. */
export const DEFAULT_READ_DEADLINE_MS = 30_000;

/** Why a read ended without an answer: the run was cancelled (`dispose`) while the file was being read. */
export class ReadCancelled extends Error {
  constructor() {
    super('reading was cancelled');
    this.name = 'ReadCancelled';
  }
}

/**
 * A workbook reader that reads each file in a Web Worker under a deadline.
 * A file that is not read in time becomes a finding about that file
 * (`file_read_too_long`, "tệp đọc quá lâu"; a worker that dies of it,
 * out of memory, `file_too_complex`, "tệp quá phức tạp"); its worker is
 * terminated, which frees whatever the file made it build, and a new one
 * reads the next file. So one hostile file costs at most the deadline and
 * never the page. Files are read one at a time. `dispose` (the page
 * closing, Hủy in the pane) terminates the worker at once, and the read
 * under way rejects with `ReadCancelled`.
 *
 * @example const reader = new WorkerReader(() => new Worker('read-worker.js'));
 */
export class WorkerReader implements WorkbookReader {
  private worker: WorkerLike | undefined;
  private nextId = 1;
  /** Ends the read under way, if any, when the worker is stopped from outside. */
  private cancelPending: (() => void) | undefined;
  /** Workers started so far (a new one after each deadline or crash). */
  started = 0;

  constructor(
    private readonly createWorker: () => WorkerLike,
    private readonly deadlineMs: number = DEFAULT_READ_DEADLINE_MS,
  ) {}

  readWorkbook(bytes: Uint8Array, opts: { readonly limits?: Partial<ReadLimits> } = {}): ReturnType<WorkbookReader['readWorkbook']> {
    const worker = this.current();
    const id = this.nextId++;
    // The worker gets its own copy, transferred: the caller's bytes stay usable.
    const copy = bytes.slice().buffer;
    return new Promise((resolve, reject) => {
      const settle = (): void => {
        clearTimeout(timer);
        worker.onmessage = null;
        worker.onerror = null;
        this.cancelPending = undefined;
      };
      const finish = (answer: Awaited<ReturnType<WorkbookReader['readWorkbook']>>, replace: boolean): void => {
        settle();
        if (replace) this.retire(worker);
        resolve(answer);
      };
      this.cancelPending = () => {
        settle();
        reject(new ReadCancelled());
      };
      const timer = setTimeout(() => finish({ findings: [createFinding('file_read_too_long', { seconds: Math.ceil(this.deadlineMs / 1000) })] }, true), this.deadlineMs);
      worker.onmessage = (event: MessageEvent<ReadAnswer>) => {
        const answer = event.data;
        if (answer.id !== id) return;
        if ('failed' in answer) finish({ findings: [createFinding('file_corrupt', corruptParams({ reason: 'unreadable', extra: quotedError(answer.failed) }))] }, false);
        else finish({ ...(answer.book ? { book: answer.book } : {}), findings: answer.findings }, false);
      };
      // A worker that dies (out of memory, a crash) costs its file, never the page.
      worker.onerror = (event: ErrorEvent) => {
        event.preventDefault();
        finish({ findings: [createFinding('file_too_complex', { megabytes: workerHeapMegabytes() })] }, true);
      };
      worker.postMessage({ id, bytes: copy, ...(opts.limits ? { limits: opts.limits } : {}) }, [copy]);
    });
  }

  /** Starts the worker now (its script fetched while the page is online), not at the first file. */
  warmUp(): void {
    this.current();
  }

  /** Stops the worker (the page is closing, or the run was cancelled); a read under way rejects with `ReadCancelled`. */
  dispose(): void {
    if (this.worker) this.retire(this.worker);
    this.cancelPending?.();
  }

  private current(): WorkerLike {
    if (!this.worker) {
      this.worker = this.createWorker();
      this.started++;
    }
    return this.worker;
  }

  private retire(worker: WorkerLike): void {
    worker.terminate();
    if (this.worker === worker) this.worker = undefined;
  }
}

/**
 * The heap a worker may use before the browser stops it, in MB, for the
 * finding's wording: Chromium tells its page's limit (a worker's is the
 * same), other browsers do not, and 2 GB is the usual 64-bit figure.
 */
function workerHeapMegabytes(): number {
  const limit = (globalThis.performance as { memory?: { jsHeapSizeLimit?: number } } | undefined)?.memory?.jsHeapSizeLimit;
  return typeof limit === 'number' && limit > 0 ? Math.round(limit / (1024 * 1024)) : 2048;
}

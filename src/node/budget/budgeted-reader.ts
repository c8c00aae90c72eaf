import * as path from 'node:path';
import type { WorkbookRead, WorkbookReader } from '../../app/workbook-reader';
import { createFinding } from '../../core/findings/finding';
import type { ReadLimits } from '../../xlsx/read-limits';
import { BudgetExceeded, WorkerPool } from '../workers/worker-pool';
import { DEFAULT_READ_BUDGET, type ReadBudget } from './read-budget';
import type { ReadRequest } from './read-worker';

/** Options of a BudgetedReader. */
export interface BudgetedReaderOptions {
  /** Worker threads (default 1): files read at once. */
  readonly workers?: number;
  readonly budget?: ReadBudget;
}

/**
 * The WorkbookReader of the command line: each file is read in a worker
 * thread with a heap cap and a deadline. A file that exceeds either comes
 * back as a finding about that file (`file_too_complex`,
 * `file_read_too_long`), its worker is replaced, and the run goes on. The
 * bytes' buffer is moved to the worker (empty afterwards).
 *
 * @example const reader = new BudgetedReader(); try { await consolidateFiles(files, req, { reader }); } finally { await reader.close(); }
 */
export class BudgetedReader implements WorkbookReader {
  readonly budget: ReadBudget;
  private readonly pool: WorkerPool<ReadRequest, WorkbookRead>;

  constructor(opts: BudgetedReaderOptions = {}) {
    this.budget = opts.budget ?? DEFAULT_READ_BUDGET;
    const workers = opts.workers ?? 1;
    const early = takeEarlyPool(workers, this.budget);
    this.pool = early ?? startPool(workers, this.budget);
  }

  /**
   * Starts the worker threads of the next BudgetedReader made with the same
   * workers and budget, before the caller has loaded the rest of its
   * modules: `phu`'s entry calls it for the commands that read files, so
   * that a thread's start-up (a few tenths of a second on a slow machine)
   * runs beside the loading of the command instead of after it. The
   * threads are idle until then and do not keep the process alive; a
   * second call replaces the first.
   *
   * @example BudgetedReader.startEarly({ budget: readBudgetFromEnv(process.env).budget });
   */
  static startEarly(opts: BudgetedReaderOptions = {}): void {
    const budget = opts.budget ?? DEFAULT_READ_BUDGET;
    const workers = opts.workers ?? 1;
    void earlyPool?.pool.close();
    earlyPool = { workers, budget, pool: startPool(workers, budget) };
  }

  async readWorkbook(bytes: Uint8Array, opts: { readonly limits?: Partial<ReadLimits> } = {}): Promise<WorkbookRead> {
    // Only a buffer the bytes fill alone can be moved; a view into a larger one is copied.
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
    const sent = whole ? bytes : bytes.slice();
    try {
      return withLocalDates(await this.pool.run({ bytes: sent, ...(opts.limits ? { limits: opts.limits } : {}) }, [sent.buffer as ArrayBuffer]));
    } catch (err) {
      if (!(err instanceof BudgetExceeded)) throw err;
      const finding =
        err.kind === 'time'
          ? createFinding('file_read_too_long', { seconds: Math.round(this.budget.timeoutMs / 100) / 10 })
          : createFinding('file_too_complex', { megabytes: this.budget.heapMb });
      return { findings: [finding] };
    }
  }

  /** Stops the worker threads. */
  close(): Promise<void> {
    return this.pool.close();
  }
}

/**
 * The read with its date cells rebuilt in this realm. Structured clone
 * makes dates of the receiving context's intrinsic realm, which is not the
 * realm of this code when it runs inside a vm context (a test runner), and
 * `instanceof Date` would then fail there.
 */
function withLocalDates(read: WorkbookRead): WorkbookRead {
  if (!read.book) return read;
  const sheets = read.book.sheets.map((sheet) => {
    let changed = false;
    const rows = sheet.rows.map((row) => {
      if (!row || !row.some((v) => typeof v === 'object' && v !== null && !(v instanceof Date))) return row;
      changed = true;
      return row.map((v) => (typeof v === 'object' && v !== null && !(v instanceof Date) && Object.prototype.toString.call(v) === '[object Date]' ? new Date((v as unknown as Date).getTime()) : v));
    });
    return changed ? { ...sheet, rows } : sheet;
  });
  return { ...read, book: { ...read.book, sheets } };
}

/** Worker threads started by `BudgetedReader.startEarly`, waiting for their reader. */
let earlyPool: { readonly workers: number; readonly budget: ReadBudget; readonly pool: WorkerPool<ReadRequest, WorkbookRead> } | undefined;

/** The early pool when it was started for exactly these workers and budget (it is then no longer early); undefined otherwise. */
function takeEarlyPool(workers: number, budget: ReadBudget): WorkerPool<ReadRequest, WorkbookRead> | undefined {
  const early = earlyPool;
  if (!early || early.workers !== workers || early.budget.timeoutMs !== budget.timeoutMs || early.budget.heapMb !== budget.heapMb) return undefined;
  earlyPool = undefined;
  return early.pool;
}

function startPool(workers: number, budget: ReadBudget): WorkerPool<ReadRequest, WorkbookRead> {
  return new WorkerPool<ReadRequest, WorkbookRead>(workerScript(), {
    workers,
    deadlineMs: budget.timeoutMs,
    // The young generation and the code space stay small; the old generation is the budget.
    resourceLimits: { maxOldGenerationSizeMb: budget.heapMb, maxYoungGenerationSizeMb: Math.min(32, Math.max(4, Math.floor(budget.heapMb / 8))) },
  });
}

/** The compiled worker next to this file, or its source when running from sources (tests). */
function workerScript(): string {
  const ext = path.extname(__filename) === '.ts' ? '.ts' : '.js';
  return path.join(__dirname, `read-worker${ext}`);
}

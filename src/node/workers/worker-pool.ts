import { Worker, type ResourceLimits } from 'node:worker_threads';

/** Options of a WorkerPool. */
export interface WorkerPoolOptions {
  /** Number of worker threads (at least 1). */
  readonly workers: number;
  /** Handed to every worker as `workerData` (structured-cloned once per worker). */
  readonly workerData?: unknown;
  /** Memory caps of every worker: a job that needs more ends its worker and fails with a BudgetExceeded of kind `memory`. */
  readonly resourceLimits?: ResourceLimits;
  /**
   * Milliseconds a job may run once its worker has it: past that the worker
   * is stopped and replaced, and the job fails with a BudgetExceeded of kind
   * `time`. Unlimited when absent.
   */
  readonly deadlineMs?: number;
}

/** A job stopped by its budget: it ran past the deadline, or its worker ran out of its memory cap. */
export class BudgetExceeded extends Error {
  constructor(readonly kind: 'time' | 'memory') {
    super(kind === 'time' ? 'the job ran past its deadline' : 'the job ran out of its memory cap');
    this.name = 'BudgetExceeded';
  }
}

/** A worker's first message: its script is loaded and it serves requests. */
export interface PoolReady {
  readonly ready: true;
}

/** What a worker script receives: an id to echo back and the request. */
export interface PoolRequest<Req> {
  readonly id: number;
  readonly request: Req;
}

/** What a worker script posts back: the response, or an error message. */
export type PoolReply<Res> = { readonly id: number; readonly response: Res } | { readonly id: number; readonly error: string };

interface Job<Req, Res> {
  readonly id: number;
  readonly request: Req;
  readonly transfer: readonly ArrayBuffer[];
  readonly resolve: (r: Res) => void;
  readonly reject: (e: Error) => void;
}

interface Slot<Req, Res> {
  worker: Worker;
  job: Job<Req, Res> | undefined;
  /** The worker has loaded its script: deadlines count from here, not from thread start-up. */
  ready: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Ends the current worker with this error (its job rejected, the worker replaced). */
  kill?: (err: Error) => void;
  /** Deaths in a row without an answer in between. */
  failures: number;
}

/** A worker that dies this many times in a row without answering is not started again. */
const MAX_FAILURES = 3;

/**
 * A fixed set of worker threads running one script, fed from a FIFO queue,
 * one job per worker at a time. A job that throws in the worker rejects
 * its promise only; a worker that dies, runs past the deadline or out of
 * its memory cap takes its job with it and is replaced, so one bad input
 * never stalls the rest. The queue itself is
 * unbounded: callers that stream (a country of files) bound how many jobs
 * they have in flight.
 *
 * The script is a compiled `.js` file; given a `.ts` file (tests running
 * from sources) it is transpiled on load with the project's TypeScript.
 */
export class WorkerPool<Req, Res> {
  private readonly slots: Slot<Req, Res>[] = [];
  private readonly queue: Job<Req, Res>[] = [];
  private nextId = 1;
  private closed = false;
  private broken: Error | undefined;

  constructor(
    private readonly script: string,
    private readonly options: WorkerPoolOptions,
  ) {
    const n = Math.max(1, Math.floor(options.workers));
    for (let i = 0; i < n; i++) this.slots.push(this.spawn());
  }

  /** Number of worker threads. */
  get size(): number {
    return this.slots.length;
  }

  /** Jobs queued or running. */
  get pending(): number {
    return this.queue.length + this.slots.filter((s) => s.job).length;
  }

  /** Runs one request on the next free worker; `transfer` moves buffers instead of copying them. */
  run(request: Req, transfer: readonly ArrayBuffer[] = []): Promise<Res> {
    if (this.closed) return Promise.reject(new Error('worker pool is closed'));
    if (this.broken) return Promise.reject(this.broken);
    return new Promise<Res>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, request, transfer, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; jobs still queued or running are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const gone = new Error('worker pool is closed');
    for (const job of this.queue.splice(0)) job.reject(gone);
    await Promise.all(
      this.slots.map(async (s) => {
        const job = s.job;
        s.job = undefined;
        job?.reject(gone);
        await s.worker.terminate();
      }),
    );
  }

  private spawn(): Slot<Req, Res> {
    const slot = { job: undefined, failures: 0, ready: false, timer: undefined } as Slot<Req, Res>;
    this.attach(slot, startWorker(this.script, this.options));
    return slot;
  }

  /** Puts a worker in a slot and listens to it; a worker that dies is replaced in the same slot. */
  private attach(slot: Slot<Req, Res>, worker: Worker): void {
    slot.worker = worker;
    slot.ready = false;
    worker.on('message', (reply: PoolReply<Res> | PoolReady) => {
      if ('ready' in reply) {
        slot.ready = true;
        this.dispatch();
        return;
      }
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      this.clearTimer(slot);
      slot.job = undefined;
      slot.failures = 0;
      if ('error' in reply) job.reject(new Error(reply.error));
      else job.resolve(reply.response);
      this.dispatch();
    });
    let failed = false;
    const fail = (err: Error): void => {
      if (failed || this.closed) return;
      failed = true;
      this.clearTimer(slot);
      const job = slot.job;
      slot.job = undefined;
      const overBudget = err instanceof BudgetExceeded || (err as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      job?.reject(overBudget && !(err instanceof BudgetExceeded) ? new BudgetExceeded('memory') : err);
      void worker.terminate();
      // A job over its budget says nothing about the script: its worker is replaced, not counted as failing.
      if (!overBudget || !slot.ready) slot.failures++;
      if (slot.failures >= MAX_FAILURES) {
        // A script that cannot start would otherwise be restarted forever.
        this.broken = err;
        for (const j of this.queue.splice(0)) j.reject(err);
        return;
      }
      this.attach(slot, startWorker(this.script, this.options));
      this.dispatch();
    };
    slot.kill = fail;
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`worker stopped (exit code ${code})`)));
    // Idle workers must not keep the process alive; a starting worker that jobs wait for must, or Node exits with them unsettled.
    if (!slot.job && this.queue.length === 0) worker.unref();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) break;
      if (slot.job || !slot.ready || slot.failures >= MAX_FAILURES) continue;
      const job = this.queue.shift() as Job<Req, Res>;
      slot.job = job;
      slot.worker.ref();
      const deadline = this.options.deadlineMs;
      if (deadline !== undefined && Number.isFinite(deadline)) slot.timer = setTimeout(() => slot.kill?.(new BudgetExceeded('time')), deadline);
      const message: PoolRequest<Req> = { id: job.id, request: job.request };
      slot.worker.postMessage(message, job.transfer as ArrayBuffer[]);
    }
    for (const s of this.slots) {
      // A worker with a job, or any worker while jobs wait (it may still be starting), keeps the process
      // alive; otherwise a command with nothing else pending would end before its first file is read.
      if (s.job || this.queue.length > 0) s.worker.ref();
      else s.worker.unref();
    }
  }

  private clearTimer(slot: Slot<Req, Res>): void {
    if (slot.timer !== undefined) clearTimeout(slot.timer);
    slot.timer = undefined;
  }
}

/** Tests run the sources: a `.ts` worker is transpiled with the project's TypeScript as it is required. */
const TS_BOOTSTRAP = `
const fs = require('node:fs');
const ts = require('typescript');
require.extensions['.ts'] = (module, filename) => {
  const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, resolveJsonModule: true },
  });
  module._compile(out.outputText, filename);
};
require(process.argv[2]);
`;

function startWorker(script: string, options: WorkerPoolOptions): Worker {
  const common = { workerData: options.workerData, ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}) };
  if (!script.endsWith('.ts')) return new Worker(script, common);
  return new Worker(TS_BOOTSTRAP, { eval: true, ...common, argv: [script] });
}

import * as path from 'node:path';
import type { ChildReport } from '../../core/consolidate/child-report';
import { FORMS } from '../../core/forms/form-catalog';
import { nationalRegistry } from '../../core/units/national-registry';
import { mapOfRegistry, registryFor } from '../../core/units/unit-maps';
import type { RegistryData, UnitRegistry } from '../../core/units/unit-registry';
import type { ValidationContext } from '../../core/validate/validation-context';
import { resolveReadLimits, type ReadLimits } from '../../xlsx/read-limits';
import { fileReport, type FileFacts } from './file-report';
import type { ReportRequest, ReportWorkerData, WorkerContext } from './report-messages';
import { WorkerPool } from './worker-pool';

/** Options of a ReportPool. */
export interface ReportPoolOptions {
  /**
   * Worker threads; 0 reads in the calling thread. On a 2-core laptop 1 or
   * 2 pay (docs/performance.md has the figures); more only add startup time.
   */
  readonly workers: number;
  /** The registry every file is checked against (the national catalogue when absent). */
  readonly registry?: UnitRegistry;
  readonly limits?: Partial<ReadLimits>;
}

/**
 * Reads and validates submission files into ChildReports, in worker
 * threads when asked, so a country's 10,047 files use every core while the
 * calling thread lists, consolidates and writes. Reports come back exactly
 * as `fileReport` makes them in the calling thread.
 */
export class ReportPool {
  readonly workers: number;
  /** The reader's limits in force (the defaults with the pool's overrides). */
  readonly limits: ReadLimits;
  private readonly registry: UnitRegistry;
  private readonly overrides: Partial<ReadLimits> | undefined;
  private readonly pool: WorkerPool<ReportRequest, ChildReport> | undefined;

  constructor(opts: ReportPoolOptions) {
    this.workers = Math.max(0, Math.floor(opts.workers));
    this.registry = opts.registry ?? nationalRegistry();
    this.overrides = opts.limits;
    this.limits = resolveReadLimits(opts.limits);
    if (this.workers > 0) {
      const national = this.registry === nationalRegistry();
      const map = mapOfRegistry(this.registry);
      const workerData: ReportWorkerData = {
        registry: national ? 'national' : map !== undefined && this.registry === registryFor(map) ? { map } : registryData(this.registry),
        ...(opts.limits ? { limits: opts.limits } : {}),
      };
      this.pool = new WorkerPool<ReportRequest, ChildReport>(workerScript(), { workers: this.workers, workerData });
    }
  }

  /**
   * The report of one file. The bytes are handed over: with workers their
   * buffer is moved to the worker thread and is empty afterwards.
   * `ctx.registry` must be the pool's registry.
   */
  report(bytes: Uint8Array, facts: FileFacts, ctx: ValidationContext): Promise<ChildReport> {
    if (ctx.registry !== this.registry) return Promise.reject(new Error('ReportPool: the context names another registry than the pool was made with'));
    if (!this.pool) return fileReport(bytes, facts, ctx, this.overrides ? { limits: this.overrides } : {});
    const { registry: _r, file: _f, form, ...rest } = ctx;
    const index = FORMS.indexOf(form);
    const wctx: WorkerContext = { ...rest, form: index >= 0 ? index : form };
    // Only a buffer the bytes fill alone can be moved; a view into a larger one is copied.
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
    const sent = whole ? bytes : bytes.slice();
    return this.pool.run({ bytes: sent, facts, ctx: wctx }, [sent.buffer as ArrayBuffer]);
  }

  /** Stops the worker threads (nothing to do without workers). */
  close(): Promise<void> {
    return this.pool ? this.pool.close() : Promise.resolve();
  }
}

/** The compiled worker next to this file, or its source when running from sources (tests). */
function workerScript(): string {
  const ext = path.extname(__filename) === '.ts' ? '.ts' : '.js';
  return path.join(__dirname, `report-worker${ext}`);
}

/** A registry as plain data a worker can rebuild, levels top-down and units in catalogue order. */
export function registryData(registry: UnitRegistry): RegistryData {
  return { levels: registry.levels, units: registry.levels.flatMap((l) => registry.atLevel(l)) };
}

import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { BudgetedReader } from '../src/node/budget/budgeted-reader';
import { readWorkbook } from '../src/xlsx/read-workbook';
import { OUTPUT_SUFFIX, type TreeRunResult } from './consolidate-tree';
import type { Dataset } from './generate-data';
import { treeFloor, type InflateFloor } from './inflate-floor';
import { heapSampler, peakRss, timed } from './measure';
import { runTree } from './tree-run';

/** One consolidation of a whole dataset, communes to root, with a given number of workers. */
export interface CountryRun {
  readonly workers: number;
  /** Wall time, thread start-up included. */
  readonly seconds: number;
  /** CPU time of the process over the run, every thread: about the wall time of an idle machine with one core per busy thread. */
  readonly cpuSeconds: number;
  readonly communeFiles: number;
  /** Files read at every level (communes, then the consolidated workbooks of each level). */
  readonly filesRead: number;
  readonly filesWritten: number;
  /** Commune files per second. */
  readonly communesPerSecond: number;
  /** Peak resident memory of the process, all threads, in bytes (a process of its own when spawned). */
  readonly peakRssBytes: number;
  /** Peak heap of the main thread, in bytes. */
  readonly peakHeapBytes: number;
  /** True when measured in a process of its own (the peak memory is this run's alone). */
  readonly ownProcess: boolean;
  /** Reading and inflating the same files (inputs, and the workbooks read back), measured in the same process after the run. */
  readonly floor: InflateFloor;
  readonly result: TreeRunResult;
}

/** Runs the dataset once in this process. */
export async function countryRun(dataset: Dataset, workers: number, ownProcess = false): Promise<CountryRun> {
  const heap = heapSampler();
  let floor: InflateFloor | undefined;
  const measureFloor = async (input: string, output: string, root: string): Promise<void> => {
    floor = await treeFloor(input, output, `${root}${OUTPUT_SUFFIX}`);
  };
  const timing = await timed(async () => {
    if (workers === 0) return runTree(dataset, { readWorkbook }, undefined, undefined, undefined, measureFloor);
    const pool = new BudgetedReader({ workers });
    try {
      return await runTree(dataset, pool, undefined, undefined, workers * 2 + 1, measureFloor);
    } finally {
      await pool.close();
    }
  });
  const r = timing.value.result;
  if (!floor) throw new Error('no floor measured');
  // The run's own time (thread start-up included), less the floor measured inside the same call after it.
  const seconds = timing.seconds - floor.seconds;
  const cpuSeconds = timing.cpuSeconds - floor.cpuSeconds;
  const communeFiles = Object.values(r.filesRead)[0] ?? 0;
  return {
    workers,
    seconds,
    cpuSeconds,
    communeFiles,
    filesRead: Object.values(r.filesRead).reduce((a, b) => a + b, 0),
    filesWritten: Object.values(r.filesWritten).reduce((a, b) => a + b, 0),
    communesPerSecond: communeFiles / seconds,
    peakRssBytes: peakRss(),
    peakHeapBytes: heap.stop(),
    ownProcess,
    floor,
    result: r,
  };
}

/**
 * Runs the dataset in a fresh Node process, so that its peak memory is its
 * own and no warm-up from an earlier part helps it. From sources (tests),
 * where there is no compiled script to start, it runs in this process.
 */
export function countryRunIsolated(dataset: Dataset, workers: number): Promise<CountryRun> {
  if (path.extname(__filename) !== '.js') return countryRun(dataset, workers);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [__filename, JSON.stringify(dataset), String(workers)], { maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`country run failed: ${err.message}\n${stderr}`));
      const last = stdout.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(last) as CountryRun);
      } catch {
        reject(new Error(`country run printed no result: ${stdout.slice(-500)}\n${stderr.slice(-2000)}`));
      }
    });
  });
}

if (require.main === module) {
  const [json, workers] = process.argv.slice(2);
  countryRun(JSON.parse(json ?? '{}') as Dataset, Number(workers ?? '0'), true).then(
    (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}

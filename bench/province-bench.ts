import ExcelJS from 'exceljs';
import { promises as fsp } from 'node:fs';
import { BudgetedReader } from '../src/node/budget/budgeted-reader';
import { readWorkbook } from '../src/xlsx/read-workbook';
import { OUTPUT_SUFFIX, type StageTimes, type TreeRunResult } from './consolidate-tree';
import type { Dataset } from './generate-data';
import { treeFloor, type InflateFloor } from './inflate-floor';
import { listWorkbooks } from './list-files';
import { median, timed, timings, type Timings } from './measure';
import { runTree } from './tree-run';

/** Part 1: Bình Phước's communes to its districts and the province, against ExcelJS parsing the same files. */
export interface ProvinceBenchResult {
  readonly files: number;
  readonly bytes: number;
  /** ExcelJS `xlsx.load` of every commune file, one after another (read from disk included). */
  readonly parseOnly: Timings;
  /** The whole pipeline in one thread: read, validate, consolidate 11 districts, write them, read them back, consolidate and write the province. */
  readonly pipeline: Timings;
  /** Median of pipeline / parse-only over runs taken in alternation (the machine's noise hits both alike). */
  readonly ratio: number;
  /** CPU seconds (whole process) of the same runs, and their ratio: what an idle machine's wall time would be in one thread. */
  readonly parseOnlyCpu: Timings;
  readonly pipelineCpu: Timings;
  readonly cpuRatio: number;
  /** The pipeline with a pool of workers already started; `coldSeconds` is the first run, thread start-up included. */
  readonly pipelineWorkers?: { readonly workers: number; readonly coldSeconds: number; readonly timings: Timings; readonly cpu: Timings };
  /** The largest district alone (Lộc Ninh, 16 communes, the most a district has): its folder to its workbook, one thread. */
  readonly district: { readonly code: string; readonly files: number; readonly timings: Timings };
  /** Reading and inflating the same files (communes and the district workbooks read back), after each pipeline run. */
  readonly floor: Timings;
  /** Median of pipeline / floor over the same runs: what the goal of at most 5x is about. */
  readonly floorRatio: number;
  /** Stage times of the median single-thread run, in seconds. */
  readonly stages: StageTimes;
  readonly run: TreeRunResult;
}

export interface ProvinceBenchOptions {
  /** Measured runs of each (after one warm-up run each). */
  readonly reps: number;
  /** Workers for the extra pooled run; 0 skips it. */
  readonly workers: number;
}

/** ExcelJS's own parse of the files: the floor for anything built on it. */
export async function parseOnly(files: readonly string[]): Promise<void> {
  for (const f of files) {
    const bytes = await fsp.readFile(f);
    await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ExcelJS.Buffer);
  }
}

/** Lộc Ninh: 16 communes, the most any district has. */
const LARGEST_DISTRICT = '692';

export async function provinceBench(dataset: Dataset, opts: ProvinceBenchOptions): Promise<ProvinceBenchResult> {
  const files = listWorkbooks(dataset.dir);
  const inThread = { readWorkbook };
  await parseOnly(files);
  await runTree(dataset, inThread);
  const parse: number[] = [];
  const parseCpu: number[] = [];
  const pipe: { seconds: number; cpuSeconds: number; result: TreeRunResult }[] = [];
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  const floors: number[] = [];
  const floorRatios: number[] = [];
  for (let i = 0; i < opts.reps; i++) {
    const p = await timed(() => parseOnly(files));
    let floor: InflateFloor | undefined;
    const r = await runTree(dataset, inThread, undefined, undefined, undefined, async (input, output, root) => {
      floor = await treeFloor(input, output, `${root}${OUTPUT_SUFFIX}`);
    });
    if (floor) {
      floors.push(floor.seconds);
      floorRatios.push(r.seconds / floor.seconds);
    }
    parse.push(p.seconds);
    parseCpu.push(p.cpuSeconds);
    pipe.push(r);
    ratios.push(r.seconds / p.seconds);
    cpuRatios.push(r.cpuSeconds / p.cpuSeconds);
  }
  const mid = [...pipe].sort((a, b) => a.seconds - b.seconds)[Math.floor(pipe.length / 2)] ?? pipe[0];
  if (!mid) throw new Error('no run');
  const stages: StageTimes = { read: mid.result.stages.read / 1000, consolidate: mid.result.stages.consolidate / 1000, render: mid.result.stages.render / 1000, write: mid.result.stages.write / 1000 };

  await runTree(dataset, inThread, undefined, LARGEST_DISTRICT);
  const districtRuns: number[] = [];
  let districtFiles = 0;
  for (let i = 0; i < opts.reps; i++) {
    const r = await runTree(dataset, inThread, undefined, LARGEST_DISTRICT);
    districtRuns.push(r.seconds);
    districtFiles = Object.values(r.result.filesRead)[0] ?? 0;
  }

  let pipelineWorkers: ProvinceBenchResult['pipelineWorkers'];
  if (opts.workers > 0) {
    const started = performance.now();
    const pool = new BudgetedReader({ workers: opts.workers });
    try {
      await runTree(dataset, pool, undefined, undefined, opts.workers * 2 + 1);
      const coldSeconds = (performance.now() - started) / 1000;
      const runs: { seconds: number; cpuSeconds: number }[] = [];
      for (let i = 0; i < opts.reps; i++) runs.push(await runTree(dataset, pool, undefined, undefined, opts.workers * 2 + 1));
      pipelineWorkers = { workers: opts.workers, coldSeconds, timings: timings(runs.map((r) => r.seconds)), cpu: timings(runs.map((r) => r.cpuSeconds)) };
    } finally {
      await pool.close();
    }
  }
  return {
    files: files.length,
    bytes: dataset.bytes,
    parseOnly: timings(parse),
    pipeline: timings(pipe.map((r) => r.seconds)),
    ratio: median(ratios),
    parseOnlyCpu: timings(parseCpu),
    pipelineCpu: timings(pipe.map((r) => r.cpuSeconds)),
    cpuRatio: median(cpuRatios),
    ...(pipelineWorkers ? { pipelineWorkers } : {}),
    district: { code: LARGEST_DISTRICT, files: districtFiles, timings: timings(districtRuns) },
    floor: timings(floors),
    floorRatio: median(floorRatios),
    stages,
    run: mid.result,
  };
}

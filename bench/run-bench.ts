import * as os from 'node:os';
import { bundleBench, type BundleBenchResult } from './bundle-bench';
import { coldCommandBench, type ColdCommandResult } from './cold-command';
import { countryRunIsolated, type CountryRun } from './country-bench';
import { COUNTRY_DATASET, PROVINCE_DATASET, type DatasetSpec } from './dataset';
import { excelBench, type ExcelBenchResult } from './excel-bench';
import { functionsBench, type FunctionsBenchResult } from './functions-bench';
import { ensureDataset, type Dataset } from './generate-data';
import { readerBench, type ReaderBenchResult } from './hostile-bench';
import { provinceBench, type ProvinceBenchResult } from './province-bench';

/** What to run. */
export interface BenchOptions {
  readonly parts: readonly number[];
  /** Measured repetitions of the cheap measurements (province, functions). */
  readonly reps: number;
  /** Worker counts for the country run. */
  readonly countryWorkers: readonly number[];
  /** Workers of the extra pooled province run (0: none). */
  readonly provinceWorkers: number;
  /** Where generated files are cached: the versioned folder (see `cacheDir`). */
  readonly cacheRoot: string;
  /** The dataset of part 2 (the whole country unless a smoke run picks a small province). */
  readonly country: DatasetSpec;
  /** Threads writing generated files (0: this one). */
  readonly generateWorkers: number;
  readonly excelRows: readonly number[];
  readonly functionCells: number;
  /** Runs of the differential fuzz of part 6. */
  readonly differentialRuns: number;
  /** Part 6 also reads the further hostile files (the smoke test leaves them to test/hostile, which reads each of them). */
  readonly furtherHostile: boolean;
  /** Build the add-in for part 5 (otherwise dist/ as found). */
  readonly build: boolean;
  readonly root: string;
}

/** Everything one run measured. */
export interface BenchReport {
  readonly machine: { readonly cpus: number; readonly cpu: string; readonly memoryBytes: number; readonly node: string; readonly platform: string; readonly load: readonly number[] };
  readonly options: BenchOptions;
  readonly datasets: Dataset[];
  readonly province?: ProvinceBenchResult;
  readonly country?: { readonly dataset: Dataset; readonly runs: readonly CountryRun[]; readonly provinceBaseline?: CountryRun };
  readonly excel?: ExcelBenchResult;
  readonly functions?: FunctionsBenchResult;
  readonly bundles?: BundleBenchResult;
  readonly reader?: ReaderBenchResult;
  readonly cold?: ColdCommandResult;
  readonly seconds: number;
}

/** The full benchmark as `npm run bench` runs it. */
export function defaultOptions(root: string, cacheRoot: string): BenchOptions {
  return {
    parts: [1, 2, 3, 4, 5, 6, 7],
    reps: 5,
    countryWorkers: [0, 1, 2],
    provinceWorkers: 2,
    cacheRoot,
    country: COUNTRY_DATASET,
    generateWorkers: Math.max(1, os.availableParallelism()),
    excelRows: [100, 2_000, 20_000],
    functionCells: 100_000,
    differentialRuns: 3_000,
    furtherHostile: true,
    build: true,
    root,
  };
}

/** Runs the parts asked for, in order, logging progress lines. */
export async function runBench(opts: BenchOptions, log: (line: string) => void = () => undefined): Promise<BenchReport> {
  const t0 = performance.now();
  const cpus = os.cpus();
  const machine = { cpus: os.availableParallelism(), cpu: cpus[0]?.model.trim() ?? '?', memoryBytes: os.totalmem(), node: process.version, platform: `${process.platform} ${os.release()}`, load: os.loadavg() };
  const datasets: Dataset[] = [];
  const want = (p: number): boolean => opts.parts.includes(p);
  const ensure = async (spec: DatasetSpec): Promise<Dataset> => {
    const d = await ensureDataset(spec, opts.cacheRoot, { workers: opts.generateWorkers, log });
    datasets.push(d);
    return d;
  };
  let province: ProvinceBenchResult | undefined;
  let country: BenchReport['country'];
  let excel: ExcelBenchResult | undefined;
  let functions: FunctionsBenchResult | undefined;
  let bundles: BundleBenchResult | undefined;
  let reader: ReaderBenchResult | undefined;
  let cold: ColdCommandResult | undefined;

  let provinceData: Dataset | undefined;
  if (want(1) || want(2) || want(7)) provinceData = await ensure(PROVINCE_DATASET);
  if (want(1) && provinceData) {
    log('1. Province: parse-only and pipeline, alternating...');
    province = await provinceBench(provinceData, { reps: opts.reps, workers: opts.provinceWorkers });
  }
  if (want(2)) {
    const data = await ensure(opts.country);
    const runs: CountryRun[] = [];
    for (const w of opts.countryWorkers) {
      log(`2. Country: ${data.files} files, ${w} worker(s)...`);
      runs.push(await countryRunIsolated(data, w));
    }
    const baselineWorkers = opts.countryWorkers[opts.countryWorkers.length - 1];
    const provinceBaseline = provinceData && baselineWorkers !== undefined && data.spec.name !== provinceData.spec.name ? await countryRunIsolated(provinceData, baselineWorkers) : undefined;
    country = { dataset: data, runs, ...(provinceBaseline ? { provinceBaseline } : {}) };
  }
  if (want(3)) {
    log('3. Excel: syncs and payload through the stand-in host...');
    excel = await excelBench(opts.excelRows);
  }
  if (want(4)) {
    log('4. Custom functions...');
    functions = functionsBench(opts.functionCells, opts.reps);
  }
  if (want(5)) {
    log(opts.build ? '5. Bundles: building the add-in (production)...' : '5. Bundles: dist/ as it is...');
    bundles = bundleBench(opts.root, opts.build);
  }
  if (want(6)) {
    log(`6. Reader: hostile files, one process each; differential fuzz, ${opts.differentialRuns} runs...`);
    reader = await readerBench(opts.differentialRuns, opts.furtherHostile);
  }
  if (want(7) && provinceData) {
    log('7. Cold command: phu consolidate of the largest district against the inflate-only floor...');
    cold = coldCommandBench(provinceData, '692', opts.reps);
  }
  return {
    machine,
    options: opts,
    datasets,
    ...(province ? { province } : {}),
    ...(country ? { country } : {}),
    ...(excel ? { excel } : {}),
    ...(functions ? { functions } : {}),
    ...(bundles ? { bundles } : {}),
    ...(reader ? { reader } : {}),
    ...(cold ? { cold } : {}),
    seconds: (performance.now() - t0) / 1000,
  };
}

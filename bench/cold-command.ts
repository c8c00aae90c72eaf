import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nationalRegistry } from '../src/core/units/national-registry';
import { unitFolder } from './dataset';
import type { Dataset } from './generate-data';
import type { InflateFloor } from './inflate-floor';
import { listWorkbooks } from './list-files';
import { median, timings, type Timings } from './measure';
import { BENCH_PERIOD } from './tree-run';

/** A cold `phu consolidate` of one district against a cold process that only reads and inflates the same files. */
export interface ColdCommandResult {
  readonly unitCode: string;
  readonly files: number;
  /** Wall time of `node phu.js consolidate …`, Node start-up included. */
  readonly command: Timings;
  /** Wall time of `node inflate-floor.js <the same files>`, Node start-up included. */
  readonly floorProcess: Timings;
  /** The floor's own time inside that process (no start-up). */
  readonly floorInside: Timings;
  /** Median of command / floor process over alternating runs (goal: at most 3). */
  readonly ratio: number;
  /** Whether the command loaded ExcelJS, and how many files Node required (the bundle's chunks, packages outside it). */
  readonly exceljsLoaded: boolean;
  readonly modules: number;
}

/**
 * Runs the built CLI (build/cli/phu.js, the bundle) on the district's folder
 * `reps` times, alternating with the floor process.
 */
export function coldCommandBench(dataset: Dataset, unitCode: string, reps: number): ColdCommandResult {
  const buildDir = path.resolve(__dirname, '..');
  // The command as installed (package.json's bin): the bundle `npm run bench` builds before measuring.
  const phu = path.join(buildDir, 'cli', 'phu.js');
  const floorScript = path.join(__dirname, 'inflate-floor.js');
  const preload = path.join(__dirname, 'loaded-modules.js');
  if (!fs.existsSync(phu) || !fs.existsSync(floorScript)) throw new Error('the cold command is measured on the built CLI: run `npm run bench`');
  const registry = nationalRegistry();
  const folder = path.join(dataset.dir, ...unitFolder(registry, dataset.spec.rootCode, unitCode).split('/').filter(Boolean));
  const files = listWorkbooks(folder);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phu-bench-cold-'));
  const modulesFile = path.join(tmp, 'modules.json');
  const command: number[] = [];
  const floorProcess: number[] = [];
  const floorInside: number[] = [];
  const ratios: number[] = [];
  try {
    for (let i = 0; i <= reps; i++) {
      const out = path.join(tmp, `out-${i}.xlsx`);
      let t = performance.now();
      execFileSync(process.execPath, ['-r', preload, phu, 'consolidate', folder, '--unit', unitCode, '--period', BENCH_PERIOD, '--report-date', '08/07/2024', '--out', out], {
        env: { ...process.env, PHU_BENCH_MODULES: modulesFile },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const c = (performance.now() - t) / 1000;
      t = performance.now();
      const floor = JSON.parse(execFileSync(process.execPath, [floorScript, ...files], { encoding: 'utf8' }).trim()) as InflateFloor;
      const f = (performance.now() - t) / 1000;
      // The first pair warms the disk cache.
      if (i === 0) continue;
      command.push(c);
      floorProcess.push(f);
      floorInside.push(floor.seconds);
      ratios.push(c / f);
    }
    const loaded = JSON.parse(fs.readFileSync(modulesFile, 'utf8')) as { exceljs: boolean; modules: number };
    return { unitCode, files: files.length, command: timings(command), floorProcess: timings(floorProcess), floorInside: timings(floorInside), ratio: median(ratios), exceljsLoaded: loaded.exceljs, modules: loaded.modules };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

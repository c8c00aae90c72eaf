import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { BudgetedReader } from '../src/node/budget/budgeted-reader';
import { readWorkbook } from '../src/xlsx/read-workbook';
import { differentialProperty } from './differential-read';
import { hostileFiles } from './hostile-files';
import { moreHostileFiles } from './more-hostile-files';

/** One hostile file read in a fresh process. */
export interface HostileMeasure {
  readonly name: string;
  readonly bytes: number;
  readonly outcome: string;
  /** The read alone, in seconds. */
  readonly seconds: number;
  /** Peak resident memory of the process (Node's own ~40-50 MB included, and the reading worker when budgeted). */
  readonly peakRssBytes: number;
}

/** How a file is read: in the calling thread, or in a worker under the default read budget (as a consolidation reads it). */
type ReadMode = 'direct' | 'budgeted';

/** Part 6: each hostile file of the containment issue read in a process of its own, and the differential fuzz run longer. */
export interface ReaderBenchResult {
  readonly hostile: readonly HostileMeasure[];
  readonly differential: { readonly runs: number; readonly seed: number; readonly seconds: number; readonly failure?: string };
}

export async function readerBench(differentialRuns: number, further = true): Promise<ReaderBenchResult> {
  const hostile: HostileMeasure[] = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phu-bench-hostile-'));
  try {
    // The table read directly; the further files as a consolidation reads them, in a worker under the default budget.
    const all = [
      ...hostileFiles().map((f) => ({ ...f, ext: 'xlsx', mode: 'direct' as ReadMode })),
      ...(further ? moreHostileFiles() : []).map((f) => ({ ...f, mode: 'budgeted' as ReadMode })),
    ];
    for (const [i, file] of all.entries()) {
      const p = path.join(tmp, `${i}.${file.ext}`);
      fs.writeFileSync(p, file.bytes);
      // From sources (tests) there is no compiled script to start: measured in this process.
      if (path.extname(__filename) !== '.js') {
        hostile.push(await measureRead(p, file.name, file.mode));
        continue;
      }
      const line = execFileSync(process.execPath, [__filename, p, file.name, file.mode], { encoding: 'utf8', maxBuffer: 1024 * 1024 }).trim().split('\n').pop() ?? '{}';
      hostile.push(JSON.parse(line) as HostileMeasure);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const seed = Date.now() % 1_000_000;
  const t = performance.now();
  let failure: string | undefined;
  const warn = console.warn;
  console.warn = (): void => undefined;
  try {
    await fc.assert(differentialProperty(), { numRuns: differentialRuns, seed });
  } catch (e) {
    const cause = e instanceof Error && e.cause instanceof Error ? `\n${e.cause.message}` : '';
    failure = (e instanceof Error ? e.message : String(e)).slice(0, 600) + cause.slice(0, 3000);
  } finally {
    console.warn = warn;
  }
  return { hostile, differential: { runs: differentialRuns, seed, seconds: (performance.now() - t) / 1000, ...(failure ? { failure } : {}) } };
}

/** Reads one file from disk and measures the read. */
async function measureRead(file: string, name: string, mode: ReadMode): Promise<HostileMeasure> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const size = bytes.length;
  const t = performance.now();
  let r;
  if (mode === 'budgeted') {
    const reader = new BudgetedReader();
    try {
      r = await reader.readWorkbook(bytes);
    } finally {
      await reader.close();
    }
  } else {
    r = await readWorkbook(bytes);
  }
  const seconds = (performance.now() - t) / 1000;
  const outcome = r.book ? 'read' : `refused (${r.findings.map((f) => f.code).join(', ')})`;
  return { name: mode === 'budgeted' ? `${name} (budgeted)` : name, bytes: size, outcome, seconds, peakRssBytes: peakRss() };
}

/**
 * The process's peak resident memory: Linux's VmHWM, which starts afresh
 * with the program (getrusage's maximum survives exec, so every child
 * reported the benchmark's own peak), else what Node reports.
 */
function peakRss(): number {
  try {
    const m = /VmHWM:\s*(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m?.[1]) return Number(m[1]) * 1024;
  } catch {
    // Not Linux: fall through.
  }
  return process.resourceUsage().maxRSS * 1024;
}

if (require.main === module) {
  // A process of its own reads the file from disk: its peak memory is the read's (and Node's).
  const [file, name, mode] = process.argv.slice(2);
  measureRead(file ?? '', name ?? '', mode === 'budgeted' ? 'budgeted' : 'direct').then(
    (m) => process.stdout.write(`${JSON.stringify(m)}\n`),
    (e: unknown) => {
      process.stderr.write(`${String(e)}\n`);
      process.exitCode = 1;
    },
  );
}

/**
 * `npm run bench`: PHU's speed at every scale, printed as figures and
 * ratios (docs/performance.md explains each and records a run).
 *
 *   node build/bench/bench.js [--parts 1,2,3,4,5,6,7] [--reps 5] [--workers 0,1,2]
 *     [--no-build] [--json result.json] [--cache <folder>]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { cacheDir, repoRoot } from './bench-paths';
import { formatReport } from './format-report';
import { defaultOptions, runBench } from './run-bench';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      parts: { type: 'string' },
      reps: { type: 'string' },
      workers: { type: 'string' },
      'no-build': { type: 'boolean' },
      json: { type: 'string' },
      cache: { type: 'string' },
    },
  });
  const list = (v: string | undefined): number[] | undefined => (v === undefined ? undefined : v.split(',').map((x) => Number(x.trim())).filter((x) => Number.isInteger(x) && x >= 0));
  const root = repoRoot();
  const base = defaultOptions(root, values.cache !== undefined ? cacheDir(path.resolve(values.cache)) : cacheDir());
  const opts = {
    ...base,
    parts: list(values.parts) ?? base.parts,
    reps: Math.max(1, Number(values.reps ?? base.reps) || base.reps),
    countryWorkers: list(values.workers) ?? base.countryWorkers,
    build: values['no-build'] !== true,
  };
  const report = await runBench(opts, (line) => process.stderr.write(`${line}\n`));
  process.stdout.write(formatReport(report));
  if (values.json !== undefined) fs.writeFileSync(path.resolve(values.json), `${JSON.stringify(report, null, 2)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});

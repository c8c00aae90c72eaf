/// <reference types="custom-functions-runtime" />
import { tyle, xephang } from '../src/addin/functions/functions';
import { FakeExcelHost } from '../test/support/addin/fake-excel';
import { createRng } from '../src/sample/prng';
import { median } from './measure';

/** Time of one range call, per cell. */
export interface FunctionTiming {
  readonly cells: number;
  /** Median over the repetitions, in seconds for the whole call. */
  readonly seconds: number;
  readonly nsPerCell: number;
}

/** Part 4: PHU.TYLE and PHU.XEPHANG over one column, in one call each. */
export interface FunctionsBenchResult {
  readonly tyle: FunctionTiming;
  readonly xephang: FunctionTiming;
  /** XEPHANG on a tenth of the cells: the ratio of the two call times is ~10 when linear (n log n a little more), ~100 when quadratic. */
  readonly xephangTenth: FunctionTiming;
  readonly xephangGrowth: number;
}

function column(n: number, f: (i: number) => unknown): unknown[][] {
  return Array.from({ length: n }, (_, i) => [f(i)]);
}

function timeCall(cells: number, reps: number, call: () => unknown): FunctionTiming {
  call();
  const runs: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    call();
    runs.push((performance.now() - t0) / 1000);
  }
  const seconds = median(runs);
  return { cells, seconds, nsPerCell: (seconds * 1e9) / cells };
}

/**
 * Times the functions as Excel calls them: a column range in, a column out.
 * Targets are a few hundred to a few thousand; rates are rounded so that ties occur.
 */
export function functionsBench(cells: number, reps: number): FunctionsBenchResult {
  // The functions build Excel errors through the runtime's CustomFunctions global.
  new FakeExcelHost().install();
  const rng = createRng(7);
  const target = column(cells, () => 200 + Math.floor(rng() * 3000));
  const done = target.map((r) => [Math.floor((r[0] as number) * rng())]);
  const rates = column(cells, () => Math.round(rng() * 1000) / 1000);
  const tenth = rates.slice(0, Math.max(1, Math.floor(cells / 10)));
  const t = timeCall(cells, reps, () => tyle(done, target));
  const x = timeCall(cells, reps, () => xephang(rates, rates));
  const x10 = timeCall(tenth.length, reps, () => xephang(tenth, tenth));
  return { tyle: t, xephang: x, xephangTenth: x10, xephangGrowth: x.seconds / x10.seconds };
}

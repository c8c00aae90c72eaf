/** Repeated timings of one thing, in seconds. */
export interface Timings {
  readonly runs: readonly number[];
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** The median of numbers (the mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export function timings(runs: readonly number[]): Timings {
  return { runs, median: median(runs), min: Math.min(...runs), max: Math.max(...runs) };
}

/** Wall time of `fn` and the CPU time of the whole process meanwhile (every thread), in seconds, with its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ seconds: number; cpuSeconds: number; value: T }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const seconds = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { seconds, cpuSeconds: (c.user + c.system) / 1e6, value };
}

/** The largest heap used by this thread, sampled every `everyMs` until `stop()`. */
export function heapSampler(everyMs = 50): { stop(): number } {
  let peak = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, everyMs);
  timer.unref();
  return {
    stop(): number {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().heapUsed);
    },
  };
}

/** Peak resident memory of this whole process (every thread) so far, in bytes. */
export function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

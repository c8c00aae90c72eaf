import { envNumbers } from '../../xlsx/env-numbers';

/**
 * What reading one file may cost in a worker thread before it is stopped
 * and the file refused (docs/limits.md): a deadline, and a cap on the
 * worker's heap. A commune's form reads in well under a tenth of a second
 * and a few megabytes; the defaults leave a wide margin while keeping a
 * hostile file from holding a district's run.
 */
export interface ReadBudget {
  /** Milliseconds one file may take once its worker has it. */
  readonly timeoutMs: number;
  /** The worker's old-generation heap cap, in MiB. */
  readonly heapMb: number;
}

/** The budget used when nothing else is configured. */
export const DEFAULT_READ_BUDGET: ReadBudget = { timeoutMs: 5_000, heapMb: 256 };

/** The environment variables the command line reads: seconds (decimals allowed) and MiB. */
export const READ_BUDGET_ENV = { timeoutMs: { name: 'PHU_MAX_READ_SECONDS', unit: 1000 }, heapMb: { name: 'PHU_MAX_READ_HEAP_MB', unit: 1 } } as const;

/**
 * The budget set in environment variables over the defaults, and the names
 * of those whose value is not a positive number (the caller says so rather
 * than silently use the default).
 *
 * @example readBudgetFromEnv({ PHU_MAX_READ_SECONDS: '10' }).budget.timeoutMs // 10000
 */
export function readBudgetFromEnv(env: Readonly<Record<string, string | undefined>>): { budget: ReadBudget; invalid: string[] } {
  const { values, invalid } = envNumbers(READ_BUDGET_ENV, env);
  const out: { -readonly [K in keyof ReadBudget]: number } = { ...DEFAULT_READ_BUDGET };
  for (const [key, v] of Object.entries(values) as [keyof ReadBudget, number][]) out[key] = Math.max(1, Math.floor(v));
  return { budget: out, invalid };
}

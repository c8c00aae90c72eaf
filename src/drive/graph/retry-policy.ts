import { DriveError } from '../../core/ports/drive';

/**
 * How long a Graph call may keep trying when the service is busy. Every
 * wait honours the server's `Retry-After`; the whole operation stays within
 * `maxTotalMs`, so a throttled run ends instead of hanging.
 */
export interface RetryPolicy {
  /** Attempts of one request, the first included. */
  readonly maxAttempts: number;
  /** Bound on one operation (a listing, a download, an upload), waits included, in ms. */
  readonly maxTotalMs: number;
  /** First back-off when the server gives no `Retry-After`, doubled each time, in ms. */
  readonly baseDelayMs: number;
  /** Longest single back-off without `Retry-After`, in ms. */
  readonly maxDelayMs: number;
  /** Bound on one HTTP request, in ms: a stalled connection counts as dropped. */
  readonly requestTimeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  maxTotalMs: 180_000,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  requestTimeoutMs: 120_000,
};

/** The statuses Graph uses for "busy, try again later". */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

/** Time, injectable so the policy can be reasoned about apart from the wall clock. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** What a drive reports while it works; never a URL, header or token. */
export type GraphDriveEvent =
  | { readonly kind: 'retry'; readonly reason: 'throttled' | 'unavailable' | 'network'; readonly status?: number; readonly waitMs: number; readonly attempt: number }
  | { readonly kind: 'token_refresh' }
  | { readonly kind: 'resume'; readonly offset: number; readonly total: number }
  | { readonly kind: 'session_restart' }
  | { readonly kind: 'verify_after_drop'; readonly landed: boolean };

/** One operation's budget: the time it must end by and where its events go. */
export interface RetryBudget {
  readonly policy: RetryPolicy;
  readonly clock: Clock;
  /** Absolute time (clock ms) after which no new wait starts. */
  readonly deadline: number;
  readonly onEvent?: (event: GraphDriveEvent) => void;
}

/** A budget for an operation starting now. */
export function startBudget(policy: RetryPolicy, clock: Clock, onEvent?: (event: GraphDriveEvent) => void): RetryBudget {
  return { policy, clock, deadline: clock.now() + policy.maxTotalMs, ...(onEvent ? { onEvent } : {}) };
}

/**
 * The wait a `Retry-After` header asks for, in ms: delta-seconds or an HTTP
 * date. Undefined when absent or unreadable.
 */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/^[A-Za-z]{3}, /.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The exponential back-off before attempt `attempt + 1` when the server did not say. */
export function backoffMs(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
}

/** A request that was given up: why, and the last wait the server asked for. */
export class RetriesExhausted extends Error {
  constructor(
    readonly reason: 'throttled' | 'network',
    readonly lastStatus: number | undefined,
    readonly askedWaitMs: number | undefined,
    readonly lastError: unknown,
  ) {
    super(reason === 'throttled' ? `service busy (${lastStatus ?? '?'})` : 'connection failed');
    this.name = 'RetriesExhausted';
  }
}

/**
 * Sends a request until it is not "busy": 429/503/504 wait for
 * `Retry-After` (or a back-off) and try again, within the attempts and the
 * budget's deadline. A connection error is retried only when `idempotent`
 * (a GET, or a chunk the server places by its range). Returns the final
 * response, whatever its status; throws RetriesExhausted when giving up, or
 * the connection error of a non-idempotent request as is.
 */
export async function sendWithRetries(send: (attempt: number) => Promise<Response>, budget: RetryBudget, idempotent: boolean): Promise<Response> {
  const { policy, clock } = budget;
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await send(attempt);
    } catch (err) {
      // A DriveError (no token, say) is a verdict, not a dropped connection.
      if (!idempotent || err instanceof DriveError) throw err;
      const wait = backoffMs(policy, attempt);
      if (attempt >= policy.maxAttempts || clock.now() + wait > budget.deadline) throw new RetriesExhausted('network', undefined, undefined, err);
      budget.onEvent?.({ kind: 'retry', reason: 'network', waitMs: wait, attempt });
      await clock.sleep(wait);
      continue;
    }
    if (!RETRYABLE_STATUSES.has(response.status)) return response;
    const asked = retryAfterMs(response.headers.get('retry-after'), clock.now());
    const wait = asked ?? backoffMs(policy, attempt);
    await discard(response);
    if (attempt >= policy.maxAttempts || clock.now() + wait > budget.deadline) throw new RetriesExhausted('throttled', response.status, asked, undefined);
    budget.onEvent?.({ kind: 'retry', reason: response.status === 429 ? 'throttled' : 'unavailable', status: response.status, waitMs: wait, attempt });
    await clock.sleep(wait);
  }
}

/** Frees a response's connection when its body is not wanted. */
export async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // The connection is gone already: nothing to free.
  }
}

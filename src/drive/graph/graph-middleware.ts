import type { AuthenticationProvider, Context, Middleware, MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import type { GraphTokenSource } from './graph-token-source';
import { sendWithRetries, type RetryBudget } from './retry-policy';

/**
 * Per-request settings handed down the middleware chain: the operation's
 * retry budget, whether a dropped connection may be retried, and a slot for
 * the original error (the client wraps thrown errors, losing their type).
 */
export class GraphCallOptions implements MiddlewareOptions {
  failure: unknown;
  constructor(
    readonly budget: RetryBudget,
    readonly idempotent: boolean,
  ) {}
}

function callOptions(context: Context): GraphCallOptions | undefined {
  return context.middlewareControl?.getMiddlewareOptions(GraphCallOptions) as GraphCallOptions | undefined;
}

/** The token is set again on each attempt; the client appends rather than replaces. */
function dropAuthorization(context: Context): void {
  const headers = context.options?.headers;
  if (headers === undefined) return;
  if (headers instanceof Headers) {
    headers.delete('Authorization');
    return;
  }
  if (Array.isArray(headers)) {
    const kept = headers.filter(([k]) => k?.toLowerCase() !== 'authorization');
    headers.splice(0, headers.length, ...kept);
    return;
  }
  const record = headers as Record<string, string>;
  for (const key of Object.keys(record)) if (key.toLowerCase() === 'authorization') delete record[key];
}

/**
 * 429/503/504 wait for `Retry-After` and try again, within the operation's
 * budget; for every method, since PHU's bodies are in memory (the client's
 * own retry handler skips octet-stream uploads). A connection error is
 * retried only for idempotent calls.
 */
export class ThrottleRetryMiddleware implements Middleware {
  private next: Middleware | undefined;

  async execute(context: Context): Promise<void> {
    const call = callOptions(context);
    const next = this.next;
    if (!next) throw new Error('ThrottleRetryMiddleware needs a next middleware');
    if (!call) return next.execute(context);
    try {
      context.response = await sendWithRetries(
        async () => {
          dropAuthorization(context);
          delete context.response;
          await next.execute(context);
          if (!context.response) throw new Error('no response');
          return context.response;
        },
        call.budget,
        call.idempotent,
      );
    } catch (err) {
      call.failure = err;
      throw err;
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** The client's authentication provider over a token source, able to force one refresh. */
export class RefreshingAuthProvider implements AuthenticationProvider {
  private stale = false;
  constructor(private readonly tokens: GraphTokenSource) {}

  async getAccessToken(): Promise<string> {
    const forceRefresh = this.stale;
    this.stale = false;
    return this.tokens.getToken({ forceRefresh });
  }

  /** The next token is fetched anew, not from a cache. */
  invalidate(): void {
    this.stale = true;
  }
}

/** A 401 gets one silent token refresh and one more attempt; a second 401 stands. */
export class TokenRefreshMiddleware implements Middleware {
  private next: Middleware | undefined;
  constructor(private readonly auth: RefreshingAuthProvider) {}

  async execute(context: Context): Promise<void> {
    const next = this.next;
    if (!next) throw new Error('TokenRefreshMiddleware needs a next middleware');
    await next.execute(context);
    if (context.response?.status !== 401) return;
    await context.response.body?.cancel().catch(() => undefined);
    callOptions(context)?.budget.onEvent?.({ kind: 'token_refresh' });
    this.auth.invalidate();
    dropAuthorization(context);
    delete context.response;
    await next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** The end of the chain: the injected fetch, bounded by the request timeout. */
export class FetchMiddleware implements Middleware {
  constructor(private readonly fetchImpl: typeof fetch) {}

  async execute(context: Context): Promise<void> {
    const call = callOptions(context);
    const timeout = call?.budget.policy.requestTimeoutMs;
    const init: RequestInit = { ...context.options, ...(timeout ? { signal: AbortSignal.timeout(timeout) } : {}) };
    try {
      context.response = await this.fetchImpl(context.request, init);
    } catch (err) {
      if (call) call.failure = err;
      throw err;
    }
  }
}

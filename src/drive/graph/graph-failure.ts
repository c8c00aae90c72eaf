import { failure } from '../../core/failures/failure-codes';
import { failureText } from '../../core/failures/failure-text';
import { DriveError } from '../../core/ports/drive';
import type { GraphDoing } from './graph-doing';
import { graphErrorBodySchema } from './graph-item';
import { RetriesExhausted } from './retry-policy';

/** What PHU tells a person whose sign-in did not work, after one silent refresh (in Vietnamese; the error carries its code). */
export const SIGN_IN_MESSAGE = failureText(failure('graph_signed_out', {}), 'vi');

/** The Graph error code of a failing response (`nameAlreadyExists`), when it sent one. */
export async function graphErrorCode(response: Response): Promise<string | undefined> {
  if (!(response.headers.get('content-type') ?? '').includes('json')) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  try {
    const parsed = graphErrorBodySchema.safeParse(await response.json());
    return parsed.success ? parsed.data.error.code : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A failing response as a DriveError. The message names what was being done
 * and the status, never a URL (download and upload URLs carry credentials).
 */
export async function responseFailure(response: Response, doing: GraphDoing): Promise<DriveError> {
  const status = response.status;
  const code = await graphErrorCode(response);
  const p = { action: doing.action, path: doing.path, detail: code ? ` (HTTP ${status}, ${code})` : ` (HTTP ${status})` };
  switch (status) {
    case 401:
      return new DriveError('auth', failure('graph_signed_out', {}), status);
    case 403:
      return new DriveError('auth', failure('graph_forbidden', p), status);
    case 404:
    case 410:
      return new DriveError('not_found', failure('graph_not_found', p), status);
    case 413:
    case 507:
      return new DriveError('too_large', failure('graph_too_large', p), status);
    case 423:
      return new DriveError('failed', failure('graph_locked', p), status);
    case 429:
    case 503:
    case 504:
      return new DriveError('throttled', failure('graph_busy', p), status);
    default:
      return new DriveError('failed', failure('graph_failed', p), status);
  }
}

/** A transport failure (dropped connection, timeout, retries used up) as a DriveError. */
export function transportFailure(err: unknown, doing: GraphDoing): DriveError {
  if (err instanceof DriveError) return err;
  const at = { action: doing.action, path: doing.path };
  if (err instanceof RetriesExhausted) {
    if (err.reason === 'throttled') {
      const wait = err.askedWaitMs !== undefined ? Math.ceil(err.askedWaitMs / 1000) : '';
      return new DriveError('throttled', failure('graph_busy_retries_used', { ...at, status: err.lastStatus ?? '?', wait }), err.lastStatus);
    }
    return new DriveError('network', failure('graph_connection_retries_used', at));
  }
  const name = err instanceof Error ? err.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return new DriveError('network', failure('graph_timeout', at));
  return new DriveError('network', failure('graph_connection_lost', at));
}

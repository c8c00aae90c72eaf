import { DriveError, type TransferProgress } from '../../core/ports/drive';
import type { GraphDoing } from './graph-doing';
import { failure } from '../../core/failures/failure-codes';
import { responseFailure, transportFailure } from './graph-failure';
import { graphItemSchema, graphUploadSessionSchema, parseGraphBody, type GraphItem } from './graph-item';
import { RetriesExhausted, backoffMs, discard, sendWithRetries, type RetryBudget } from './retry-policy';

/** Graph requires upload chunks in multiples of 320 KiB (except the last). */
export const UPLOAD_CHUNK_UNIT = 320 * 1024;

/** How a session upload ended. `gone`: the session no longer exists (expired, or completed unseen). */
export type ChunkOutcome =
  | { readonly kind: 'done'; readonly item: GraphItem }
  | { readonly kind: 'conflict'; readonly conflict: 'exists' | 'changed' }
  | { readonly kind: 'gone' };

export interface ChunkUpload {
  readonly uploadUrl: string;
  readonly bytes: Uint8Array;
  readonly chunkSize: number;
  /** Where the server said to start (a resumed session need not start at 0). */
  readonly startAt: number;
  readonly fetchImpl: typeof fetch;
  readonly budget: RetryBudget;
  readonly doing: GraphDoing;
  readonly onProgress?: TransferProgress;
}

/**
 * Sends the bytes to an upload session chunk by chunk. The upload URL is
 * pre-authorized and on another host: no Authorization header goes there.
 * Busy answers wait for `Retry-After`; a dropped connection asks the
 * session where it stands (`nextExpectedRanges`) and resumes from there.
 */
export async function sendChunks(up: ChunkUpload): Promise<ChunkOutcome> {
  const { bytes, budget } = up;
  const total = bytes.length;
  const timeout = budget.policy.requestTimeoutMs;
  let offset = up.startAt;
  let resumes = 0;
  for (;;) {
    const end = Math.min(offset + up.chunkSize, total);
    const chunk = bytes.slice(offset, end);
    const range = `bytes ${offset}-${end - 1}/${total}`;
    let response: Response;
    try {
      // Not idempotent for the retry loop: a drop is handled below, by asking the session.
      response = await sendWithRetries(() => up.fetchImpl(up.uploadUrl, { method: 'PUT', headers: { 'Content-Range': range }, body: chunk, signal: AbortSignal.timeout(timeout) }), budget, false);
    } catch (err) {
      if (err instanceof RetriesExhausted || err instanceof DriveError) throw transportFailure(err, up.doing);
      const wait = backoffMs(budget.policy, resumes + 1);
      if (resumes >= budget.policy.maxAttempts || budget.clock.now() + wait > budget.deadline) throw transportFailure(err, up.doing);
      resumes++;
      await budget.clock.sleep(wait);
      const next = await sessionStatus(up);
      if (next === undefined) return { kind: 'gone' };
      budget.onEvent?.({ kind: 'resume', offset: next, total });
      offset = next;
      continue;
    }
    switch (response.status) {
      case 200:
      case 201:
        up.onProgress?.(total, total);
        return { kind: 'done', item: parseGraphBody(graphItemSchema, await response.json().catch(() => undefined), 'uploaded_file') };
      case 202: {
        const body = parseGraphBody(graphUploadSessionSchema, await response.json().catch(() => undefined), 'upload_session');
        const next = firstExpected(body.nextExpectedRanges) ?? end;
        if (next >= total || next < 0) throw new DriveError('failed', failure('graph_upload_incomplete', { action: up.doing.action, path: up.doing.path }));
        offset = next;
        up.onProgress?.(offset, total);
        continue;
      }
      case 409:
      case 412:
        await discard(response);
        await cancelSession(up);
        return { kind: 'conflict', conflict: response.status === 409 ? 'exists' : 'changed' };
      case 404:
        await discard(response);
        return { kind: 'gone' };
      case 416: {
        // The server has a different idea of where we are: ask it.
        await discard(response);
        if (resumes >= budget.policy.maxAttempts) throw new DriveError('failed', failure('graph_chunk_refused', { action: up.doing.action, path: up.doing.path }), 416);
        resumes++;
        const next = await sessionStatus(up);
        if (next === undefined) return { kind: 'gone' };
        offset = next;
        continue;
      }
      default: {
        const failure = await responseFailure(response, up.doing);
        await cancelSession(up);
        throw failure;
      }
    }
  }
}

/** Where the session expects the next byte; undefined when the session is gone. */
async function sessionStatus(up: ChunkUpload): Promise<number | undefined> {
  let response: Response;
  try {
    response = await sendWithRetries(() => up.fetchImpl(up.uploadUrl, { method: 'GET', signal: AbortSignal.timeout(up.budget.policy.requestTimeoutMs) }), up.budget, true);
  } catch (err) {
    throw transportFailure(err, up.doing);
  }
  if (response.status === 404 || response.status === 410) {
    await discard(response);
    return undefined;
  }
  if (response.status !== 200) throw await responseFailure(response, up.doing);
  const body = parseGraphBody(graphUploadSessionSchema, await response.json().catch(() => undefined), 'upload_session_state');
  const next = firstExpected(body.nextExpectedRanges);
  if (next === undefined || next < 0 || next >= up.bytes.length) throw new DriveError('failed', failure('graph_session_state', { action: up.doing.action, path: up.doing.path }));
  return next;
}

/** A session left behind is deleted, best effort: it would expire anyway. */
export async function cancelSession(up: Pick<ChunkUpload, 'uploadUrl' | 'fetchImpl' | 'budget'>): Promise<void> {
  try {
    const response = await up.fetchImpl(up.uploadUrl, { method: 'DELETE', signal: AbortSignal.timeout(up.budget.policy.requestTimeoutMs) });
    await discard(response);
  } catch {
    // Nothing to do: the session expires on its own.
  }
}

/** `["26-", "40-60"]` -> 26. */
export function firstExpected(ranges: readonly string[] | undefined): number | undefined {
  const first = ranges?.[0];
  if (first === undefined) return undefined;
  const m = /^(\d+)-(\d*)$/.exec(first.trim());
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

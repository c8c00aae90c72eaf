import { parentPort } from 'node:worker_threads';
import type { PoolReady, PoolReply, PoolRequest } from './worker-pool';

/** A worker's answer: the response, and the buffers to move back rather than copy. */
export interface Served<Res> {
  readonly response: Res;
  readonly transfer?: readonly ArrayBuffer[];
}

/**
 * The worker side of a WorkerPool: answers each request with `handle`,
 * one at a time, in order. An exception becomes that request's error in
 * the main thread; the worker keeps serving.
 */
export function servePoolRequests<Req, Res>(handle: (request: Req) => Promise<Served<Res>>): void {
  const port = parentPort;
  if (!port) throw new Error('servePoolRequests must run in a worker thread');
  port.on('message', (msg: PoolRequest<Req>) => {
    handle(msg.request).then(
      (served) => {
        const reply: PoolReply<Res> = { id: msg.id, response: served.response };
        port.postMessage(reply, (served.transfer ?? []) as ArrayBuffer[]);
      },
      (err: unknown) => {
        const reply: PoolReply<Res> = { id: msg.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
        port.postMessage(reply);
      },
    );
  });
  const ready: PoolReady = { ready: true };
  port.postMessage(ready);
}

/**
 * A worker for WorkerPool's tests: echoes, fails, or dies on request.
 */
import { workerData } from 'node:worker_threads';
import { servePoolRequests } from '../../../src/node/workers/serve-pool-requests';

/** What the echo worker is asked. */
export type EchoRequest = { readonly echo: string; readonly delayMs?: number } | { readonly fail: string } | { readonly exit: number } | { readonly sum: Uint8Array };

servePoolRequests<EchoRequest, string>(async (req) => {
  if ('fail' in req) throw new Error(req.fail);
  if ('exit' in req) process.exit(req.exit);
  if ('sum' in req) return { response: String(req.sum.reduce((a, b) => a + b, 0)) };
  if (req.delayMs) await new Promise((r) => setTimeout(r, req.delayMs));
  return { response: `${String((workerData as { prefix?: string } | undefined)?.prefix ?? '')}${req.echo}` };
});

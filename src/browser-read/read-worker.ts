/*
 * The reading worker: turns a file's bytes into a grid, off the page's
 * thread, where the page can stop it (terminate) when a file takes too long.
 */
import { readWorkbook } from '../xlsx/read-workbook';
import type { ReadAnswer, ReadRequest } from './read-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ReadRequest>) => void) | null;
  postMessage(message: ReadAnswer): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, bytes, limits } = event.data;
  readWorkbook(new Uint8Array(bytes), limits ? { limits } : {}).then(
    (read) => scope.postMessage({ id, ...(read.book ? { book: read.book } : {}), findings: read.findings }),
    (err: unknown) => scope.postMessage({ id, failed: err instanceof Error ? err.message : String(err) }),
  );
};

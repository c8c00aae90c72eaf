/**
 * The one function of Node's zlib the xlsx reader calls, for the browser
 * bundle (webpack aliases `node:zlib` here). Inflation stops at
 * `maxOutputLength` with Node's error code, so a zip bomb costs the task
 * pane no more memory than it costs the CLI. pako is the inflater ExcelJS
 * itself ships with.
 */

interface PakoInflate {
  onData: (chunk: Uint8Array) => void;
  push(data: Uint8Array, end: boolean): boolean;
  readonly err: number;
  readonly msg: string;
}

const pako = require('pako') as { Inflate: new (opts: { raw: boolean; chunkSize: number }) => PakoInflate };

/** Node's error for output over the cap, matched by code by the caller. */
class BufferTooLarge extends RangeError {
  readonly code = 'ERR_BUFFER_TOO_LARGE';
}

export function inflateRawSync(data: Uint8Array, opts: { maxOutputLength?: number } = {}): Uint8Array {
  const max = opts.maxOutputLength ?? Number.MAX_SAFE_INTEGER;
  const inflater = new pako.Inflate({ raw: true, chunkSize: 64 * 1024 });
  const chunks: Uint8Array[] = [];
  let total = 0;
  inflater.onData = (chunk: Uint8Array): void => {
    total += chunk.length;
    if (total > max) throw new BufferTooLarge(`Cannot create a Buffer larger than ${String(max)} bytes`);
    chunks.push(chunk);
  };
  inflater.push(data, true);
  if (inflater.err) throw new Error(`inflate: ${inflater.msg}`);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * The functions of Node's zlib the xlsx adapter calls, for the browser
 * bundle (webpack aliases `node:zlib` here): raw inflate, raw deflate and
 * CRC-32. Inflation stops at `maxOutputLength` with Node's error code, so a
 * zip bomb costs the task pane no more memory than it costs the CLI. pako
 * is the zlib port ExcelJS itself ships with.
 */

interface PakoInflate {
  onData: (chunk: Uint8Array) => void;
  push(data: Uint8Array, end: boolean): boolean;
  readonly err: number;
  readonly msg: string;
}

const pako = require('pako') as {
  Inflate: new (opts: { raw: boolean; chunkSize: number }) => PakoInflate;
  deflateRaw(data: Uint8Array, opts: { level: number }): Uint8Array;
};

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

/** Raw deflate, as Node's `deflateRawSync`. */
export function deflateRawSync(data: Uint8Array, opts: { level?: number } = {}): Uint8Array {
  return pako.deflateRaw(data, { level: opts.level ?? 6 });
}

let table: Int32Array | undefined;

/** CRC-32 of bytes, as Node's `zlib.crc32`. */
export function crc32(data: Uint8Array): number {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = (table[(crc ^ (data[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

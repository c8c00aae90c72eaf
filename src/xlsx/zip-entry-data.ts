import { Inflate, inflateSync } from 'fflate';
import { crc32 } from './crc32';
import type { ZipEntry } from './zip-directory';
import type { Corruption, CorruptReason } from '../core/findings/corrupt-reasons';

/** An entry's content, or why it cannot be trusted. */
export type ZipEntryData =
  | { readonly ok: true; readonly data: Uint8Array }
  | { readonly ok: false; readonly problem: 'over_cap' }
  | ({ readonly ok: false; readonly problem: 'damaged' } & Corruption);

const LOCAL_SIG = 0x04034b50;

/**
 * Deflate expands at most 1032 times: compressed data this short cannot
 * inflate past 66 MiB, so inflating it in one call into a buffer of the
 * declared size costs bounded time even when the header lies (the excess
 * is written nowhere). Longer data is inflated in slices with a running cap.
 */
const ONE_CALL_MAX_COMPRESSED = 64 * 1024;
/**
 * Small slices, because one slice can inflate 1032 times its size before the
 * cap is looked at, and fflate's streaming inflater slows down more than
 * linearly on such output: 64 KiB slices of a lying 200 MB bomb took 12 s
 * (66 MB inflated) to refuse, 4 KiB slices 0.1 s (4 MB), at the same speed
 * for honest data.
 */
const SLICE = 4 * 1024;

/**
 * The uncompressed content of one entry. Inflation stops at `cap` bytes,
 * by default the size the central directory declared (already judged
 * against the limits), so a header that lies about its size costs no more
 * memory than an honest one: `over_cap` says the data goes on beyond it. A
 * result of another size than declared, or a wrong CRC, means the data is
 * damaged.
 */
export function readZipEntryData(bytes: Uint8Array, entry: ZipEntry, cap: number = entry.uncompressedSize): ZipEntryData {
  const damaged = (reason: CorruptReason, extra?: string): ZipEntryData => ({ ok: false, problem: 'damaged', reason, part: entry.name, ...(extra === undefined ? {} : { extra }) });
  const overCap: ZipEntryData = { ok: false, problem: 'over_cap' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL_SIG) return damaged('entry_header_missing');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.byteLength) return damaged('entry_truncated');
  const raw = bytes.subarray(start, end);

  let data: Uint8Array;
  if (entry.method === 0) {
    data = raw;
  } else if (entry.method === 8) {
    const out = inflateCapped(raw, cap);
    if (out === 'over_cap') return overCap;
    if (out === 'damaged') return damaged('entry_inflate_failed');
    data = out;
  } else {
    return damaged('entry_method_unsupported', String(entry.method));
  }
  if (data.byteLength > cap) return overCap;
  if (data.byteLength !== entry.uncompressedSize) return damaged('entry_size_mismatch');
  if (crc32(data) !== entry.crc32 >>> 0) return damaged('entry_crc_mismatch');
  return { ok: true, data };
}

/**
 * Raw deflate data inflated with fflate, never holding more than `cap`
 * bytes (plus one slice's worth, at most 4 MiB, when the data lies): short data in one
 * call into a buffer of `cap + 1` bytes (a full buffer means more was
 * coming), longer data slice by slice, stopping once the output passes
 * the cap.
 *
 * @example inflateCapped(deflateRawSync(Buffer.from('abc')), 3) // Uint8Array [97, 98, 99]
 */
export function inflateCapped(raw: Uint8Array, cap: number): Uint8Array | 'over_cap' | 'damaged' {
  try {
    if (raw.length <= ONE_CALL_MAX_COMPRESSED) {
      const out = inflateSync(raw, { out: new Uint8Array(cap + 1) });
      return out.length > cap ? 'over_cap' : out;
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    let over = false;
    let done = false;
    const inflater = new Inflate((chunk, final) => {
      total += chunk.length;
      if (total > cap) over = true;
      else chunks.push(chunk);
      if (final) done = true;
    });
    for (let p = 0; p < raw.length && !over; p += SLICE) {
      const q = Math.min(raw.length, p + SLICE);
      inflater.push(raw.subarray(p, q), q === raw.length);
    }
    if (over) return 'over_cap';
    if (!done) return 'damaged';
    if (chunks.length === 1) return chunks[0] as Uint8Array;
    const out = new Uint8Array(total);
    let w = 0;
    for (const c of chunks) {
      out.set(c, w);
      w += c.length;
    }
    return out;
  } catch {
    return 'damaged';
  }
}

import type { Corruption } from '../core/findings/corrupt-reasons';

/** One file inside a zip, as its central directory declares it. */
export interface ZipEntry {
  /** The name with any leading `/` removed (ExcelJS strips it too). */
  readonly name: string;
  readonly flags: number;
  /** 0 = stored, 8 = deflated; anything else is unsupported. */
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

/** The central directory of a zip, or why it could not be read: more entries than allowed, or damage. */
export type ZipDirectory =
  | { readonly ok: true; readonly declaredCount: number; readonly entries: readonly ZipEntry[] }
  | { readonly ok: false; readonly tooManyEntries: number; readonly reason?: undefined }
  | ({ readonly ok: false; readonly tooManyEntries?: undefined } & Corruption);

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const MAX_COMMENT = 0xffff;

/**
 * Reads a zip's central directory without inflating anything: the sizes it
 * declares are what the preflight judges before any parser is let near the
 * data. At most `maxEntries` entries are read, so a directory claiming
 * millions of entries costs nothing.
 */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  if (eocd < 0) return { ok: false, reason: 'zip_truncated' };
  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const z64 = readZip64Eocd(view, eocd);
    if (!z64) return { ok: false, reason: 'zip64_invalid' };
    ({ count, cdSize, cdOffset } = z64);
  }
  if (count > maxEntries) return { ok: false, tooManyEntries: count };
  if (cdOffset + cdSize > eocd) return { ok: false, reason: 'zip_directory_outside' };

  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  let p = cdOffset;
  const end = cdOffset + cdSize;
  while (p < end) {
    if (entries.length >= maxEntries) return { ok: false, tooManyEntries: entries.length + 1 };
    if (p + 46 > end || view.getUint32(p, true) !== CENTRAL_SIG) return { ok: false, reason: 'zip_directory_damaged' };
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const next = p + 46 + nameLen + extraLen + commentLen;
    if (next > end) return { ok: false, reason: 'zip_directory_damaged' };
    let compressedSize = view.getUint32(p + 20, true);
    let uncompressedSize = view.getUint32(p + 24, true);
    let localHeaderOffset = view.getUint32(p + 42, true);
    const z64 = readZip64Extra(view, p + 46 + nameLen, extraLen, {
      uncompressed: uncompressedSize === 0xffffffff,
      compressed: compressedSize === 0xffffffff,
      offset: localHeaderOffset === 0xffffffff,
    });
    if (!z64) return { ok: false, reason: 'entry_zip64_invalid' };
    uncompressedSize = z64.uncompressed ?? uncompressedSize;
    compressedSize = z64.compressed ?? compressedSize;
    localHeaderOffset = z64.offset ?? localHeaderOffset;
    entries.push({
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)).replace(/^\/+/, ''),
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      crc32: view.getUint32(p + 16, true),
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    });
    p = next;
  }
  if (entries.length !== count) return { ok: false, reason: 'entry_count_mismatch' };
  return { ok: true, declaredCount: count, entries };
}

/** The offset of the end-of-central-directory record, searched from the end (it may be followed by a comment). */
function findEocd(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let i = last; i >= first; i--) {
    if (view.getUint32(i, true) === EOCD_SIG && i + 22 + view.getUint16(i + 20, true) <= view.byteLength) return i;
  }
  return -1;
}

function readZip64Eocd(view: DataView, eocd: number): { count: number; cdSize: number; cdOffset: number } | undefined {
  const loc = eocd - 20;
  if (loc < 0 || view.getUint32(loc, true) !== ZIP64_LOCATOR_SIG) return undefined;
  const at = safeNumber(view.getBigUint64(loc + 8, true));
  if (at === undefined || at + 56 > loc || view.getUint32(at, true) !== ZIP64_EOCD_SIG) return undefined;
  const count = safeNumber(view.getBigUint64(at + 32, true));
  const cdSize = safeNumber(view.getBigUint64(at + 40, true));
  const cdOffset = safeNumber(view.getBigUint64(at + 48, true));
  if (count === undefined || cdSize === undefined || cdOffset === undefined) return undefined;
  return { count, cdSize, cdOffset };
}

interface Zip64Values {
  uncompressed?: number;
  compressed?: number;
  offset?: number;
}

/**
 * The 64-bit sizes of the ZIP64 extra field, present for exactly the
 * 32-bit fields that hold 0xFFFFFFFF. A size too big to be a safe integer
 * is kept as Infinity so that the limits refuse it.
 */
function readZip64Extra(
  view: DataView,
  start: number,
  length: number,
  need: { uncompressed: boolean; compressed: boolean; offset: boolean },
): Zip64Values | undefined {
  if (!need.uncompressed && !need.compressed && !need.offset) return {};
  let p = start;
  const end = start + length;
  while (p + 4 <= end) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (p + 4 + size > end) return undefined;
    if (id === 0x0001) {
      const fields: number[] = [];
      for (let q = p + 4; q + 8 <= p + 4 + size; q += 8) fields.push(safeNumber(view.getBigUint64(q, true)) ?? Infinity);
      const out: Zip64Values = {};
      let i = 0;
      for (const key of ['uncompressed', 'compressed', 'offset'] as const) {
        if (!need[key]) continue;
        const v = fields[i++];
        if (v === undefined) return undefined;
        out[key] = v;
      }
      return out;
    }
    p += 4 + size;
  }
  return undefined;
}

function safeNumber(v: bigint): number | undefined {
  return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : undefined;
}

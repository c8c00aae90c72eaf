import { deflateRawSync } from 'node:zlib';
import { crc32 } from '../../src/xlsx/crc32';
import { readZipDirectory } from '../../src/xlsx/zip-directory';
import { readZipEntryData } from '../../src/xlsx/zip-entry-data';

/**
 * One entry of a forged zip. Everything a hostile or broken file can lie
 * about is settable: the sizes and CRC its headers declare, its flags and
 * compression method, or the raw compressed bytes themselves.
 */
export interface ForgedEntry {
  readonly name: string;
  readonly data: Uint8Array | string;
  /** Default: deflate. */
  readonly method?: 'store' | 'deflate' | number;
  /** Raw bytes to store as the compressed data instead of compressing `data`. */
  readonly raw?: Uint8Array;
  /** Uncompressed size the headers declare (default: the real one). Beyond 4 GiB a ZIP64 field is written. */
  readonly declaredSize?: number;
  readonly crc?: number;
  readonly flags?: number;
}

/** A zip built from forged entries, with a correct structure around whatever the entries claim. */
export function forgeZip(entries: readonly ForgedEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = typeof e.data === 'string' ? enc.encode(e.data) : e.data;
    const method = e.method === 'store' ? 0 : e.method === 'deflate' || e.method === undefined ? 8 : e.method;
    const body = e.raw ?? (method === 8 ? new Uint8Array(deflateRawSync(data)) : data);
    const size = e.declaredSize ?? data.length;
    const crc = e.crc ?? crc32(data);
    const name = enc.encode(e.name);
    const zip64 = size >= 0xffffffff;
    const extra = zip64 ? new Uint8Array(20) : new Uint8Array(0);
    if (zip64) {
      const v = new DataView(extra.buffer);
      v.setUint16(0, 0x0001, true);
      v.setUint16(2, 16, true);
      v.setBigUint64(4, BigInt(size), true);
      v.setBigUint64(12, BigInt(body.length), true);
    }
    const flags = (e.flags ?? 0) | 0x0800;

    const local = new Uint8Array(30 + name.length + body.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, zip64 ? 45 : 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, zip64 ? 0xffffffff : body.length, true);
    lv.setUint32(22, zip64 ? 0xffffffff : size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    local.set(body, 30 + name.length);
    locals.push(local);

    const central = new Uint8Array(46 + name.length + extra.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, zip64 ? 45 : 20, true);
    cv.setUint16(6, zip64 ? 45 : 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, zip64 ? 0xffffffff : body.length, true);
    cv.setUint32(24, zip64 ? 0xffffffff : size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint16(30, extra.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    central.set(extra, 46 + name.length);
    centrals.push(central);
    offset += local.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  return concat([...locals, ...centrals, eocd]);
}

/** Every entry of a well-formed zip (one ExcelJS wrote), to be altered and forged again. */
export function zipEntries(bytes: Uint8Array): { name: string; data: Uint8Array }[] {
  const dir = readZipDirectory(bytes, 10_000);
  if (!dir.ok) throw new Error(JSON.stringify(dir));
  return dir.entries.map((e) => {
    const d = readZipEntryData(bytes, e);
    if (!d.ok) throw new Error(JSON.stringify(d));
    return { name: e.name, data: d.data };
  });
}

/** The text of one entry of a well-formed zip. */
export function zipText(bytes: Uint8Array, name: string): string {
  const e = zipEntries(bytes).find((x) => x.name === name);
  if (!e) throw new Error(`no entry ${name}`);
  return new TextDecoder().decode(e.data);
}

/** A well-formed zip with some entries replaced, added (`data` given) or removed (`data: null`). */
export function alterZip(bytes: Uint8Array, changes: Readonly<Record<string, Uint8Array | string | null>>): Uint8Array {
  const entries: ForgedEntry[] = zipEntries(bytes)
    .filter((e) => changes[e.name] !== null)
    .map((e) => ({ name: e.name, data: changes[e.name] ?? e.data }));
  for (const [name, data] of Object.entries(changes)) {
    if (data !== null && !entries.some((e) => e.name === name)) entries.push({ name, data });
  }
  return forgeZip(entries);
}

/** Bytes joined. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let p = 0;
  for (const part of parts) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}

import * as zlib from 'node:zlib';
import { crc32 } from './crc32';

type DeflateRaw = (data: Uint8Array, opts: { level: number }) => Uint8Array;

/**
 * Node's native raw deflate, or undefined where the runtime has none (the
 * browser bundle aliases `node:zlib` to a shim that only inflates).
 */
export function nativeDeflateRaw(): DeflateRaw | undefined {
  const f = (zlib as { deflateRawSync?: DeflateRaw }).deflateRawSync;
  return typeof f === 'function' ? f : undefined;
}

/** A DOS date and time (what zip headers hold) of a moment, local time as zip tools expect. */
function dosDateTime(d: Date): { date: number; time: number } {
  const year = Math.min(Math.max(d.getFullYear(), 1980), 2107);
  return {
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
  };
}

/**
 * A zip of deflated entries, compressed by `deflateRaw` (native zlib in
 * Node). Entries whose deflated form is not smaller are stored.
 */
export function deflateZip(entries: ReadonlyArray<{ readonly name: string; readonly data: Uint8Array; readonly crc32?: number }>, deflateRaw: DeflateRaw, level = 6, when: Date = new Date()): Uint8Array {
  const encoder = new TextEncoder();
  const { date, time } = dosDateTime(when);
  const parts = entries.map((e) => {
    const packed = e.data.length > 0 ? deflateRaw(e.data, { level }) : new Uint8Array(0);
    const deflated = packed.length < e.data.length;
    return { name: encoder.encode(e.name), crc: (e.crc32 ?? crc32(e.data)) >>> 0, size: e.data.length, body: deflated ? packed : e.data, method: deflated ? 8 : 0 };
  });
  const localSize = parts.reduce((n, p) => n + 30 + p.name.length + p.body.length, 0);
  const centralSize = parts.reduce((n, p) => n + 46 + p.name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  for (const p of parts) {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 0x0800, true);
    view.setUint16(at + 8, p.method, true);
    view.setUint16(at + 10, time, true);
    view.setUint16(at + 12, date, true);
    view.setUint32(at + 14, p.crc, true);
    view.setUint32(at + 18, p.body.length, true);
    view.setUint32(at + 22, p.size, true);
    view.setUint16(at + 26, p.name.length, true);
    out.set(p.name, at + 30);
    out.set(p.body, at + 30 + p.name.length);
    at += 30 + p.name.length + p.body.length;
  }
  const cdStart = at;
  parts.forEach((p, i) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, 0x0800, true);
    view.setUint16(at + 10, p.method, true);
    view.setUint16(at + 12, time, true);
    view.setUint16(at + 14, date, true);
    view.setUint32(at + 16, p.crc, true);
    view.setUint32(at + 20, p.body.length, true);
    view.setUint32(at + 24, p.size, true);
    view.setUint16(at + 28, p.name.length, true);
    view.setUint32(at + 42, offsets[i] as number, true);
    out.set(p.name, at + 46);
    at += 46 + p.name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, parts.length, true);
  view.setUint16(at + 10, parts.length, true);
  view.setUint32(at + 12, at - cdStart, true);
  view.setUint32(at + 16, cdStart, true);
  return out;
}

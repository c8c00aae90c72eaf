/** One edit of a byte string: [start, end) replaced by `insert` (removed when absent). */
export interface ByteEdit {
  readonly start: number;
  readonly end: number;
  readonly insert?: Uint8Array;
}

/** The bytes with the edits applied; edits are in order and do not overlap. */
export function spliceBytes(bytes: Uint8Array, edits: readonly ByteEdit[]): Uint8Array {
  if (edits.length === 0) return bytes;
  const size = edits.reduce((n, e) => n - (e.end - e.start) + (e.insert?.length ?? 0), bytes.length);
  const out = new Uint8Array(size);
  let w = 0;
  let r = 0;
  for (const e of edits) {
    out.set(bytes.subarray(r, e.start), w);
    w += e.start - r;
    if (e.insert) {
      out.set(e.insert, w);
      w += e.insert.length;
    }
    r = e.end;
  }
  out.set(bytes.subarray(r), w);
  return out;
}

/**
 * Builders of BIFF8 records (the workbook stream of an Excel 97-2003 .xls),
 * for tests and the benchmark that forge .xls files record by record.
 */

/** One BIFF record. */
export function record(type: number, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + data.length);
  const v = new DataView(out.buffer);
  v.setUint16(0, type, true);
  v.setUint16(2, data.length, true);
  out.set(data, 4);
  return out;
}

export function u16s(...values: number[]): Uint8Array {
  const out = new Uint8Array(2 * values.length);
  const v = new DataView(out.buffer);
  values.forEach((x, i) => v.setUint16(2 * i, x, true));
  return out;
}

export function join(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function bof(dt: number): Uint8Array {
  const d = new Uint8Array(16);
  const v = new DataView(d.buffer);
  v.setUint16(0, 0x0600, true);
  v.setUint16(2, dt, true);
  v.setUint16(4, 0x0dbb, true);
  v.setUint16(6, 0x07cc, true);
  v.setUint32(12, 0x06, true);
  return record(0x0809, d);
}

export const EOF = record(0x000a, new Uint8Array(0));

/** A LABEL cell (inline text, 8-bit characters). */
export function label(row: number, col: number, text: string): Uint8Array {
  const chars = Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);
  return record(0x0204, join([u16s(row, col, 0, chars.length), new Uint8Array([0]), new Uint8Array(chars)]));
}

/** An RK cell holding a small integer. */
export function rk(row: number, col: number, n: number): Uint8Array {
  const d = new Uint8Array(10);
  const v = new DataView(d.buffer);
  v.setUint16(0, row, true);
  v.setUint16(2, col, true);
  v.setUint32(6, (n << 2) | 2, true);
  return record(0x027e, d);
}

/**
 * A BIFF8 workbook stream: globals (with `globals` records before the
 * sheet list) then each sheet's substream. `sheetOf(i)` is the substream a
 * listed sheet points at; several may point at the same one.
 */
export function biff(sheets: readonly { readonly name: string; readonly body: readonly Uint8Array[] }[], opts: { globals?: readonly Uint8Array[]; listed?: number } = {}): Uint8Array {
  const listed = opts.listed ?? sheets.length;
  const boundLen = (name: string): number => 4 + 8 + name.length;
  const names = Array.from({ length: listed }, (_, i) => sheets[i]?.name ?? `S${i + 1}`);
  const globalsHead = join([bof(0x0005), ...(opts.globals ?? [])]);
  const globalsLen = globalsHead.length + names.reduce((n, s) => n + boundLen(s), 0) + EOF.length;
  const substreams = sheets.map((s) => join([bof(0x0010), record(0x0200, new Uint8Array(14)), ...s.body, EOF]));
  const offsets: number[] = [];
  let at = globalsLen;
  for (const s of substreams) {
    offsets.push(at);
    at += s.length;
  }
  const bounds = names.map((name, i) => {
    const d = new Uint8Array(8 + name.length);
    const v = new DataView(d.buffer);
    v.setUint32(0, offsets[i < sheets.length ? i : 0] ?? 0, true);
    d[6] = name.length;
    d[7] = 0;
    for (let k = 0; k < name.length; k++) d[8 + k] = name.charCodeAt(k);
    return record(0x0085, d);
  });
  return join([globalsHead, ...bounds, EOF, ...substreams]);
}

/** MULRK records: `rows` rows of 256 numbers each (6 bytes a cell). */
export function mulrkRows(rows: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let r = 0; r < rows; r++) {
    const d = new Uint8Array(6 + 6 * 256);
    const v = new DataView(d.buffer);
    v.setUint16(0, r, true);
    v.setUint16(2, 0, true);
    for (let c = 0; c < 256; c++) v.setUint32(4 + 6 * c + 2, (((r + c) & 0xffff) << 2) | 2, true);
    v.setUint16(4 + 6 * 256, 255, true);
    out.push(record(0x00bd, d));
  }
  return out;
}

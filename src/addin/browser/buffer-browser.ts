/**
 * `Buffer` for the browser bundle, as far as the xlsx adapter uses it: a
 * view of bytes (ExcelJS's browser build takes a Uint8Array wherever its
 * Node build takes a Buffer).
 */
export const Buffer = {
  from(data: ArrayBufferLike | Uint8Array, byteOffset = 0, length?: number): Uint8Array {
    if (data instanceof Uint8Array) return data;
    return new Uint8Array(data, byteOffset, length ?? data.byteLength - byteOffset);
  },
  isBuffer(v: unknown): boolean {
    return v instanceof Uint8Array;
  },
};

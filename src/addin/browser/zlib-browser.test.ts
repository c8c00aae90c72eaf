import { crc32 as nodeCrc32, deflateRawSync as nodeDeflate, inflateRawSync as nodeInflate } from 'node:zlib';
import { crc32, deflateRawSync, inflateRawSync } from './zlib-browser';

describe('inflateRawSync for the browser', () => {
  it('inflates what Node deflates', () => {
    const text = 'Phường Thác Mơ '.repeat(5000);
    const out = inflateRawSync(nodeDeflate(Buffer.from(text)), { maxOutputLength: 1_000_000 });
    expect(new TextDecoder().decode(out)).toBe(text);
  });
  it('stops at the cap with Node’s error code, as the zip reader expects', () => {
    const bomb = nodeDeflate(Buffer.alloc(2_000_000));
    expect(() => inflateRawSync(bomb, { maxOutputLength: 100_000 })).toThrow(expect.objectContaining({ code: 'ERR_BUFFER_TOO_LARGE' }));
  });
  it('refuses damaged data', () => {
    expect(() => inflateRawSync(new Uint8Array([0xff, 0xff, 0xff, 0x00]))).toThrow();
  });
  it('deflates what Node inflates, and sums like Node’s CRC-32', () => {
    const bytes = new TextEncoder().encode('Tổng cộng '.repeat(3000));
    expect(new Uint8Array(nodeInflate(deflateRawSync(bytes, { level: 6 })))).toEqual(bytes);
    const native = (nodeCrc32 as ((d: Uint8Array) => number) | undefined) ?? ((): number => crc32(bytes));
    expect(crc32(bytes)).toBe(native(bytes) >>> 0);
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

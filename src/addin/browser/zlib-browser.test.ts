import { deflateRawSync } from 'node:zlib';
import { inflateRawSync } from './zlib-browser';

describe('inflateRawSync for the browser', () => {
  it('inflates what Node deflates', () => {
    const text = 'Phường Thác Mơ '.repeat(5000);
    const out = inflateRawSync(deflateRawSync(Buffer.from(text)), { maxOutputLength: 1_000_000 });
    expect(new TextDecoder().decode(out)).toBe(text);
  });
  it('stops at the cap with Node’s error code, as the zip reader expects', () => {
    const bomb = deflateRawSync(Buffer.alloc(2_000_000));
    expect(() => inflateRawSync(bomb, { maxOutputLength: 100_000 })).toThrow(expect.objectContaining({ code: 'ERR_BUFFER_TOO_LARGE' }));
  });
  it('refuses damaged data', () => {
    expect(() => inflateRawSync(new Uint8Array([0xff, 0xff, 0xff, 0x00]))).toThrow();
  });
});

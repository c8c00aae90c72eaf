import { inflateRawSync } from 'node:zlib';
import { crc32 } from './crc32';
import type { ZipEntry } from './zip-directory';

/** An entry's content, or why it cannot be trusted. */
export type ZipEntryData =
  | { readonly ok: true; readonly data: Uint8Array }
  | { readonly ok: false; readonly problem: 'larger_than_declared' | 'damaged'; readonly detail: string };

const LOCAL_SIG = 0x04034b50;

/**
 * The uncompressed content of one entry. Inflation stops at the size the
 * central directory declared (already judged against the limits), so a
 * header that lies about its size costs no more memory than an honest one;
 * a shorter result or a wrong CRC means the data is damaged.
 */
export function readZipEntryData(bytes: Uint8Array, entry: ZipEntry): ZipEntryData {
  const damaged = (detail: string): ZipEntryData => ({ ok: false, problem: 'damaged', detail: `thành phần "${entry.name}": ${detail}` });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL_SIG) return damaged('không tìm thấy phần đầu dữ liệu');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.byteLength) return damaged('dữ liệu bị cắt cụt');
  const raw = bytes.subarray(start, end);

  let data: Uint8Array;
  if (entry.method === 0) {
    data = raw;
  } else if (entry.method === 8) {
    try {
      data = inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (e) {
      if (e instanceof RangeError) {
        return { ok: false, problem: 'larger_than_declared', detail: `thành phần "${entry.name}" giải nén ra nhiều hơn kích thước khai báo` };
      }
      return damaged('dữ liệu nén bị hỏng');
    }
  } else {
    return damaged(`phương pháp nén ${entry.method} không được hỗ trợ`);
  }
  if (data.byteLength > entry.uncompressedSize) {
    return { ok: false, problem: 'larger_than_declared', detail: `thành phần "${entry.name}" giải nén ra nhiều hơn kích thước khai báo` };
  }
  if (data.byteLength < entry.uncompressedSize) return damaged('kích thước giải nén nhỏ hơn khai báo');
  if (crc32(data) !== entry.crc32 >>> 0) return damaged('sai mã kiểm tra CRC');
  return { ok: true, data };
}

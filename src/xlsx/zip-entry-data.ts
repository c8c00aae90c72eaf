import { inflateRawSync } from 'node:zlib';
import { crc32 } from './crc32';
import type { ZipEntry } from './zip-directory';

/** An entry's content, or why it cannot be trusted. */
export type ZipEntryData =
  | { readonly ok: true; readonly data: Uint8Array }
  | { readonly ok: false; readonly problem: 'over_cap' | 'damaged'; readonly detail: string };

const LOCAL_SIG = 0x04034b50;

/**
 * The uncompressed content of one entry. Inflation stops at `cap` bytes,
 * by default the size the central directory declared (already judged
 * against the limits), so a header that lies about its size costs no more
 * memory than an honest one: `over_cap` says the data goes on beyond it. A
 * result of another size than declared, or a wrong CRC, means the data is
 * damaged.
 */
export function readZipEntryData(bytes: Uint8Array, entry: ZipEntry, cap: number = entry.uncompressedSize): ZipEntryData {
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
      data = inflateRawSync(raw, { maxOutputLength: Math.max(1, cap) });
    } catch (e) {
      // Checked by code: under a test runner's separate realm, instanceof RangeError fails.
      if (typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
        return { ok: false, problem: 'over_cap', detail: `thành phần "${entry.name}" giải nén ra hơn ${cap} byte` };
      }
      return damaged('dữ liệu nén bị hỏng');
    }
  } else {
    return damaged(`phương pháp nén ${entry.method} không được hỗ trợ`);
  }
  if (data.byteLength > cap) return { ok: false, problem: 'over_cap', detail: `thành phần "${entry.name}" giải nén ra hơn ${cap} byte` };
  if (data.byteLength !== entry.uncompressedSize) return damaged('kích thước giải nén khác kích thước khai báo');
  if (crc32(data) !== entry.crc32 >>> 0) return damaged('sai mã kiểm tra CRC');
  return { ok: true, data };
}

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { OutputBook } from '../core/grid/output-book';
import { writeFileAtomic } from '../drive/local/write-file-atomic';
import { writeWorkbook } from '../xlsx/write-workbook';
import { CliFailure } from './exit-codes';

/**
 * Writes a workbook to `file` (its folder created when missing) and returns
 * its size. Atomic, so an interrupted run never leaves half a workbook
 * where the last good one was.
 */
export async function writeOutputBook(file: string, book: OutputBook, opts: { readonly overwrite: boolean }): Promise<number> {
  if (!opts.overwrite && (await exists(file))) {
    throw new CliFailure(`Tệp "${file}" đã có: chọn tên khác, hoặc thêm --force để ghi đè.`);
  }
  const bytes = await writeWorkbook(book);
  await writeFileOrFail(file, bytes);
  return bytes.length;
}

/** Writes bytes atomically, with a Vietnamese message when it cannot. */
export async function writeFileOrFail(file: string, bytes: Uint8Array | string): Promise<void> {
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, bytes);
  } catch (err) {
    const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
    const why = code === 'EACCES' || code === 'EPERM' ? 'không có quyền ghi' : code === 'ENOSPC' ? 'ổ đĩa đầy' : code === 'EBUSY' ? 'tệp đang được mở trong Excel?' : err instanceof Error ? err.message : String(err);
    throw new CliFailure(`Không ghi được tệp "${file}" (${why}).`);
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { OutputBook } from '../core/grid/output-book';
import { writeFileAtomic, writeFileExclusive } from '../drive/local/write-file-atomic';
import { writeWorkbook } from '../xlsx/write-workbook';
import { failure } from '../core/failures/failure-codes';
import { CliFailure } from './exit-codes';

/**
 * Writes a workbook to `file` (its folder created when missing) and returns
 * its size. Atomic, so an interrupted run never leaves half a workbook
 * where the last good one was. Without `overwrite`, the file is created
 * exclusively: one that exists, or appears while the workbook is built, is
 * never replaced.
 */
export async function writeOutputBook(file: string, book: OutputBook, opts: { readonly overwrite: boolean }): Promise<number> {
  // Checked first too, to say so before the work of building the workbook.
  if (!opts.overwrite && (await exists(file))) throw existsFailure(file);
  const bytes = await writeWorkbook(book);
  await writeFileOrFail(file, bytes, opts);
  return bytes.length;
}

/** Writes bytes atomically (exclusively without `overwrite`), with a failure code when it cannot. */
export async function writeFileOrFail(file: string, bytes: Uint8Array | string, opts: { readonly overwrite: boolean } = { overwrite: true }): Promise<void> {
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await (opts.overwrite ? writeFileAtomic(file, bytes) : writeFileExclusive(file, bytes));
  } catch (err) {
    const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
    if (code === 'EEXIST') throw existsFailure(file);
    if (code === 'EACCES' || code === 'EPERM') throw new CliFailure(failure('output_access_denied', { file }));
    if (code === 'ENOSPC') throw new CliFailure(failure('output_no_space', { file }));
    if (code === 'EBUSY') throw new CliFailure(failure('output_busy', { file }));
    throw new CliFailure(failure('output_unwritable', { file, detail: err instanceof Error ? err.message : String(err) }));
  }
}

function existsFailure(file: string): CliFailure {
  return new CliFailure(failure('output_exists', { file }));
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

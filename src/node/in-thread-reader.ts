import type { WorkbookReader } from '../app/workbook-reader';

/**
 * The xlsx reader in the calling thread, loaded with its first file: a
 * command whose files are all read by worker threads (`phu consolidate`
 * reads through a BudgetedReader) does not load the reader's modules in
 * its own thread at all. For the workbook `phu push` reads its name from
 * (the user's own output), or where no worker is wanted.
 *
 * @example const { book } = await IN_THREAD_READER.readWorkbook(bytes);
 */
export const IN_THREAD_READER: WorkbookReader = {
  async readWorkbook(bytes, opts) {
    const { readWorkbook } = await import('../xlsx/read-workbook');
    return readWorkbook(bytes, opts);
  },
};

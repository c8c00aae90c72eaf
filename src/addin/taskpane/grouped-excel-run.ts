/** `Excel.run` with or without options, as the pane calls it (a stand-in in tests). */
export type ExcelRun = <T>(options: Excel.RunOptions | undefined, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

function isUndoNotSupported(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && (err as { code?: unknown }).code === 'UndoNotSupported';
}

/**
 * Runs each pane operation as one undo step where Excel can (ExcelApi 1.20
 * `mergeUndoGroup`: one Ctrl+Z takes back a whole Tính toán or Tổng hợp).
 * When a call inside cannot be grouped Excel refuses the batch with
 * `UndoNotSupported`; PHU's operations rewrite the same cells each time, so
 * the batch runs again ungrouped rather than failing.
 */
export function groupedExcelRun(run: ExcelRun, canGroup: boolean): <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> {
  return async (batch) => {
    if (!canGroup) return run(undefined, batch);
    try {
      return await run({ mergeUndoGroup: true }, batch);
    } catch (err) {
      if (!isUndoNotSupported(err)) throw err;
      return run(undefined, batch);
    }
  };
}

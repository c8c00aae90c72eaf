/** A worksheet as the task pane needs to know it before touching it. */
export interface SheetInfo {
  readonly name: string;
  readonly protected: boolean;
  /** What the protection allows, to protect it again the same way after PHU's own writes. */
  readonly protectionOptions: Excel.WorksheetProtectionOptions;
}

/** Queues the load of every sheet's name and protection; the result is readable after the next sync. */
export function queueSheetList(context: Excel.RequestContext): () => SheetInfo[] {
  const sheets = context.workbook.worksheets.load('items/name,items/protection/protected,items/protection/options');
  return () =>
    sheets.items.map((ws) => ({
      name: ws.name,
      protected: ws.protection.protected,
      protectionOptions: ws.protection.options,
    }));
}

/**
 * Runs `write` (queued commands) on a sheet that may be protected: a sheet
 * PHU protected itself (a template) has no password, so it is unprotected
 * for PHU's own cells and protected again with the same options in the same
 * batch. A password-protected sheet makes the batch fail, which the caller
 * reports.
 */
export function queueWithProtectionLifted(ws: Excel.Worksheet, info: SheetInfo | undefined, write: () => void): void {
  if (info?.protected) ws.protection.unprotect();
  write();
  if (info?.protected) ws.protection.protect(info.protectionOptions);
}

/**
 * Shows a finding's cell: activates its sheet and selects the cell, in one
 * round trip. False when the sheet or address no longer exists (the user
 * renamed or deleted it since the check).
 */
export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<boolean> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(cell).select();
  try {
    await context.sync();
    return true;
  } catch {
    return false;
  }
}

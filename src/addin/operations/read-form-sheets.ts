import { FORMS } from '../../core/forms/form-catalog';
import type { FormDef } from '../../core/forms/form-schema';
import type { WorkbookGrid } from '../../core/grid/sheet-grid';
import { isPayloadLimitError, queueSheetRead, readSheetsInChunks, resolveSheetNames, sheetGridOf } from '../excel/read-sheets';
import type { SheetInfo } from '../excel/sheet-list';

/** The sheets any known form reads (ThongTin, SoLieu, LyDo for 4PHU-2024). */
export function formSheetNames(forms: readonly FormDef[] = FORMS): string[] {
  return [...new Set(forms.flatMap((f) => [f.info.sheet, ...f.tables.map((t) => t.sheet)]))];
}

/** The workbook's own names of the form sheets it has, in workbook order. */
export function presentFormSheets(sheets: readonly SheetInfo[], forms: readonly FormDef[] = FORMS): string[] {
  const resolved = new Set(resolveSheetNames(sheets.map((s) => s.name), formSheetNames(forms)).values());
  return sheets.map((s) => s.name).filter((n) => resolved.has(n));
}

/**
 * Reads the form sheets into a grid. `also` queues more loads for the same
 * round trip (PHU's previous highlights). One sync; only a sheet too large
 * for one response of Excel on the web falls back to block reads.
 */
export async function readFormSheets(context: Excel.RequestContext, names: readonly string[], also: () => void = () => undefined): Promise<WorkbookGrid> {
  const reads = names.map((n) => queueSheetRead(context, n));
  also();
  try {
    await context.sync();
    return { sheets: reads.map(sheetGridOf) };
  } catch (e) {
    if (!isPayloadLimitError(e)) throw e;
    const sheets = await readSheetsInChunks(context, names);
    also();
    await context.sync();
    return { sheets };
  }
}

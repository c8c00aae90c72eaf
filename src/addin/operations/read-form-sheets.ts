import { FORMS } from '../../core/forms/form-catalog';
import { FORM_SHEET, readCarriedForm } from '../../core/forms/form-sheet';
import type { FormDef } from '../../core/forms/form-schema';
import type { WorkbookGrid } from '../../core/grid/sheet-grid';
import { isPayloadLimitError, queueSheetRead, readSheetsInChunks, resolveSheetNames, sheetGridOf } from '../excel/read-sheets';
import { queueSheetList, type SheetInfo } from '../excel/sheet-list';
import type { CarriedForm } from '../../core/forms/form-sheet';

/** The sheets any known form reads (ThongTin, SoLieu, LyDo for 4PHU-2024), and the very hidden sheet of the form a workbook carries. */
export function formSheetNames(forms: readonly FormDef[] = FORMS): string[] {
  return [...new Set([...forms.flatMap((f) => [f.info.sheet, ...f.tables.map((t) => t.sheet)]), FORM_SHEET])];
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


/**
 * The sheets of the carried form that the first read missed (a form PHU
 * does not ship may name its tables otherwise), read in one more round
 * trip and added to the grid; the grid as it is when there are none.
 */
export async function withCarriedFormSheets(context: Excel.RequestContext, sheets: readonly SheetInfo[], grid: WorkbookGrid, read: readonly string[]): Promise<WorkbookGrid> {
  const carried = readCarriedForm(grid).form;
  if (!carried) return grid;
  const more = presentFormSheets(sheets, [carried]).filter((n) => !read.includes(n));
  if (more.length === 0) return grid;
  return { sheets: [...grid.sheets, ...(await readFormSheets(context, more)).sheets] };
}

/**
 * The form the open workbook carries (its very hidden PHU_MauBieu sheet),
 * read as untrusted input: for "Tạo biểu mẫu" from the workbook a province
 * sent. No sheet: no form and no finding. Two round trips.
 */
export async function openWorkbookForm(context: Excel.RequestContext): Promise<CarriedForm> {
  const list = queueSheetList(context);
  await context.sync();
  const name = resolveSheetNames(list().map((s) => s.name), [FORM_SHEET]).get(FORM_SHEET);
  if (name === undefined) return { findings: [] };
  return readCarriedForm(await readFormSheets(context, [name]));
}

import { detectForm } from '../core/forms/detect-form';
import { readCarriedForm } from '../core/forms/form-sheet';
import type { FormDef } from '../core/forms/form-schema';
import type { Drive, DriveItem } from '../core/ports/drive';
import { readWorkbook } from '../xlsx/read-workbook';
import { resolveReadLimits, type ReadLimits } from '../xlsx/read-limits';
import { fetchEntry } from './read-folder-reports';

/**
 * The form the submissions of a folder carry: that of the first workbook
 * (in name order) with a whole, valid form sheet, or undefined when none
 * carries one. Lets `phu consolidate` work with a form PHU does not ship
 * and no `--form`; files carrying another definition are then refused by
 * the consolidation itself (`form_carried_differs`).
 */
export async function carriedFormOfFolder(drive: Drive, folder: string, opts: { readonly limits?: Partial<ReadLimits>; readonly ignore?: (item: DriveItem) => string | undefined } = {}): Promise<FormDef | undefined> {
  const limits = resolveReadLimits(opts.limits);
  const items = (await drive.list(folder)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const item of items) {
    const entry = await fetchEntry(drive, item, limits.maxFileBytes, opts.ignore?.(item));
    if (!('bytes' in entry)) continue;
    const read = await readWorkbook(entry.bytes, { limits });
    if (!read.book || !readCarriedForm(read.book).form) continue;
    return detectForm(read.book);
  }
  return undefined;
}

import { carriedForm } from '../core/forms/detect-form';
import type { FormDef } from '../core/forms/form-schema';
import { compareFileNames } from '../core/text/compare-file-names';
import { resolveReadLimits, type ReadLimits } from '../xlsx/read-limits';
import { ignoreReason } from './ignore-reason';
import type { InputFile } from './input-file';
import type { WorkbookReader } from './workbook-reader';

/**
 * The form a set of submissions carries: that of the first workbook (in
 * PHU's file order) with a whole, valid form sheet, or undefined when none
 * carries one. Lets a consolidation work with a form PHU does not ship and
 * no form named; files carrying another definition are then refused by the
 * consolidation itself (`form_carried_differs`). Unreadable files are
 * skipped here: reading them for the report says why.
 *
 * @example const form = await carriedFormOf(await inputsFromDrive(drive, ''), { readWorkbook });
 */
export async function carriedFormOf(
  files: readonly InputFile[],
  reader: WorkbookReader,
  opts: { readonly limits?: Partial<ReadLimits>; readonly ignore?: (file: InputFile) => string | undefined } = {},
): Promise<FormDef | undefined> {
  const limits = resolveReadLimits(opts.limits);
  for (const file of [...files].sort(compareFileNames)) {
    if (ignoreReason(file) !== undefined || opts.ignore?.(file) !== undefined || file.size > limits.maxFileBytes) continue;
    const bytes = await file.read(limits.maxFileBytes).then(
      (got) => (got.bytes.length > limits.maxFileBytes ? undefined : got.bytes),
      () => undefined,
    );
    if (!bytes) continue;
    const read = await reader.readWorkbook(bytes, { limits });
    const carried = read.book ? carriedForm(read.book) : undefined;
    if (carried) return carried;
  }
  return undefined;
}

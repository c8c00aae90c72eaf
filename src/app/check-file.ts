import { locateFinding, type Finding } from '../core/findings/finding';
import { FORMS } from '../core/forms/form-catalog';
import { detectForm } from '../core/forms/detect-form';
import type { FormDef } from '../core/forms/form-schema';
import type { WorkbookGrid } from '../core/grid/sheet-grid';
import { validateSubmission } from '../core/validate/validate-submission';
import type { ValidationContext, ValidationResult } from '../core/validate/validation-context';
import type { ReadLimits } from '../xlsx/read-limits';
import type { WorkbookReader } from './workbook-reader';

/** A file checked: what reading it found, and its validation when it could be read. */
export interface CheckedWorkbook {
  /** Findings about the file itself (not a workbook, encrypted, macros ignored...). */
  readonly readFindings: readonly Finding[];
  /** Absent when the bytes are not a readable workbook. */
  readonly validation?: ValidationResult;
  /** Every finding: reading, then validating. */
  readonly findings: readonly Finding[];
}

/**
 * The form a workbook says it follows (its ThongTin `form`), else
 * `fallback` (the first known form): the one form detection of every face.
 *
 * @example formOfBook(book).id // '4PHU-2024'
 */
export function formOfBook(book: WorkbookGrid, forms: readonly FormDef[] = FORMS, fallback?: FormDef): FormDef {
  const found = detectForm(book, forms) ?? fallback ?? forms[0];
  if (!found) throw new Error('formOfBook: no form to fall back on');
  return found;
}

/**
 * Reads a workbook's bytes and validates it: what `phu validate` prints and
 * the pane's "check a file" shows. With `detectForm`, the file's own
 * ThongTin picks the form and `ctx.form` is the fallback.
 *
 * @example const { findings } = await checkFile(bytes, { form, registry, file: 'a.xlsx' }, reader);
 */
export async function checkFile(
  bytes: Uint8Array,
  ctx: ValidationContext,
  reader: WorkbookReader,
  opts: { readonly limits?: Partial<ReadLimits>; readonly detectForm?: boolean } = {},
): Promise<CheckedWorkbook> {
  const read = await reader.readWorkbook(bytes, opts.limits ? { limits: opts.limits } : {});
  const file = ctx.file;
  const readFindings = file === undefined ? read.findings : read.findings.map((f) => locateFinding(f, { file }));
  if (!read.book) return { readFindings, findings: readFindings };
  const form = opts.detectForm ? formOfBook(read.book, FORMS, ctx.form) : ctx.form;
  const validation = validateSubmission(read.book, { ...ctx, form });
  return { readFindings, validation, findings: [...readFindings, ...validation.findings] };
}

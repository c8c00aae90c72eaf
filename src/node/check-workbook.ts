import { locateFinding, type Finding } from '../core/findings/finding';
import { detectForm } from '../core/forms/detect-form';
import { validateSubmission } from '../core/validate/validate-submission';
import type { ValidationContext, ValidationResult } from '../core/validate/validation-context';
import { readWorkbook, type ReadWorkbookOptions } from '../xlsx/read-workbook';

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
 * Reads a workbook's bytes and validates it: what `phu validate` prints and
 * what a consolidation keeps of each file. The workbook itself is dropped
 * when this returns.
 */
export async function checkWorkbook(bytes: Uint8Array, ctx: ValidationContext, readOpts: ReadWorkbookOptions & { readonly detectForm?: boolean } = {}): Promise<CheckedWorkbook> {
  const read = await readWorkbook(bytes, readOpts);
  const file = ctx.file;
  const readFindings = file === undefined ? read.findings : read.findings.map((f) => locateFinding(f, { file }));
  if (!read.book) return { readFindings, findings: readFindings };
  // Asked to, the file's own ThongTin picks the form; ctx.form is the fallback.
  const form = (readOpts.detectForm ? detectForm(read.book) : undefined) ?? ctx.form;
  const validation = validateSubmission(read.book, { ...ctx, form });
  return { readFindings, validation, findings: [...readFindings, ...validation.findings] };
}

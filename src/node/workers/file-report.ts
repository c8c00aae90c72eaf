import { createHash } from 'node:crypto';
import type { ChildReport } from '../../core/consolidate/child-report';
import { reportFromValidation } from '../../core/consolidate/report-from-validation';
import { validateSubmission } from '../../core/validate/validate-submission';
import type { ValidationContext } from '../../core/validate/validation-context';
import { readWorkbook, type ReadWorkbookOptions } from '../../xlsx/read-workbook';

/** What is known of a file before it is read: its name and, when the drive says, its modification time. */
export interface FileFacts {
  readonly file: string;
  readonly modified?: string;
}

/**
 * One submission file's bytes as the small report consolidation keeps:
 * hashed, read (with the preflight), validated, and reduced to its
 * ChildReport; the workbook is dropped when this returns. The same work
 * runs in a worker thread or in the calling thread.
 */
export async function fileReport(bytes: Uint8Array, facts: FileFacts, ctx: ValidationContext, read: ReadWorkbookOptions = {}): Promise<ChildReport> {
  const source = {
    file: facts.file,
    bytes: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    ...(facts.modified !== undefined ? { modified: facts.modified } : {}),
  };
  const got = await readWorkbook(bytes, read);
  const validation = got.book ? validateSubmission(got.book, { ...ctx, file: facts.file }) : undefined;
  return reportFromValidation(source, got.findings, validation, ctx.form);
}

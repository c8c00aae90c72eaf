import type { PreviousFigures } from '../core/consolidate/previous-figures';
import type { ChildReport, SourceFile } from '../core/consolidate/child-report';
import { reportFromValidation } from '../core/consolidate/report-from-validation';
import { createFinding, type Finding } from '../core/findings/finding';
import type { IgnoreReason } from '../core/findings/ignore-reasons';
import type { FormDef } from '../core/forms/form-schema';
import { DriveError } from '../core/ports/drive';
import { compareFileNames } from '../core/text/compare-file-names';
import type { UnitRegistry } from '../core/units/unit-registry';
import { validateSubmission } from '../core/validate/validate-submission';
import type { ValidationContext } from '../core/validate/validation-context';
import { resolveReadLimits, type ReadLimits } from '../xlsx/read-limits';
import { ignoreReason } from './ignore-reason';
import type { InputFile } from './input-file';
import { sha256Hex } from './sha256-hex';
import type { WorkbookReader } from './workbook-reader';

/** What the files are checked against: the form, the registry, the period expected. */
export interface ReportRequest {
  readonly form: FormDef;
  readonly registry: UnitRegistry;
  /** The period every file must be of (`TK`, `D1`...); absent, files of any period are read (last campaign's, across maps). */
  readonly period?: string;
  /** Assigned targets by unit code (a target table): a file whose target differs has an error. */
  readonly targets?: ValidationContext['targets'];
  /** The previous period: a file whose cumulative figures went down gets a warning. */
  readonly previous?: PreviousFigures;
}

/** A file's progress as the faces show it. */
export interface FileState {
  /** 1-based place of the file in PHU's file order. */
  readonly index: number;
  readonly total: number;
  /** Files finished so far (this one included once it is done). */
  readonly done: number;
  readonly name: string;
  readonly status: 'reading' | 'valid' | 'invalid' | 'ignored';
  readonly errors: number;
  readonly warnings: number;
  /** The finished report (absent while `reading`). */
  readonly report?: ChildReport;
}

/** How to read: the reader port, the limits, and what to tell the caller. */
export interface ReadReportsOptions {
  readonly reader: WorkbookReader;
  /** Overrides of the reader's limits; a file over `maxFileBytes` is refused without being read. */
  readonly limits?: Partial<ReadLimits>;
  /** A reason to skip an entry that would otherwise be read (the run's own output file), or undefined. */
  readonly ignore?: (file: InputFile) => IgnoreReason | undefined;
  /** Told before and after each file. */
  readonly onFile?: (state: FileState) => void;
  /**
   * Files read at once (default 1). More only pays with a reader that works
   * off the calling thread (worker threads); memory holds this many files.
   */
  readonly concurrency?: number;
}

/**
 * Every input as a ChildReport, in PHU's one file order (compareFileNames).
 * Workbooks are read (size checked on what arrives), hashed, read through
 * the reader port and validated one at a time, and only their small report
 * is kept, so memory does not grow with the folder. Nothing is dropped
 * silently: folders, lock files, other files, links and special files each
 * get a report with a `file_ignored` finding, so NguonDuLieu lists them.
 *
 * @example const reports = await readReports(await inputsFromDrive(drive, ''), { form, registry, period: 'TK' }, { reader });
 */
export async function readReports(files: readonly InputFile[], req: ReportRequest, opts: ReadReportsOptions): Promise<ChildReport[]> {
  const sorted = [...files].sort(compareFileNames);
  const limits = resolveReadLimits(opts.limits);
  const reports = new Array<ChildReport>(sorted.length);
  let next = 0;
  let done = 0;
  const lane = async (): Promise<void> => {
    while (next < sorted.length) {
      const i = next++;
      const file = sorted[i] as InputFile;
      const base = { index: i + 1, total: sorted.length, name: file.name };
      opts.onFile?.({ ...base, done, status: 'reading', errors: 0, warnings: 0 });
      const report = await readReport(file, req, opts.reader, limits, opts.ignore?.(file));
      reports[i] = report;
      done++;
      opts.onFile?.({ ...base, done, ...statusOf(report.findings), report });
    }
  };
  const lanes = Math.max(1, Math.min(Math.floor(opts.concurrency ?? 1), sorted.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  return reports;
}

/** Status and counts of a finished file, as the faces list it. */
export function statusOf(findings: readonly Finding[]): Pick<FileState, 'status' | 'errors' | 'warnings'> {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const ignored = findings.some((f) => f.code === 'file_ignored');
  return { status: ignored && errors === 0 ? 'ignored' : errors > 0 ? 'invalid' : 'valid', errors, warnings };
}

/** Reasons for which an entry is not even opened. */
const NOT_OPENED: ReadonlySet<IgnoreReason> = new Set(['folder', 'link_outside', 'link_dangling', 'special_file']);

/**
 * One input as its report: ignored entries listed (hashed when they are
 * ordinary files), files over the size limit refused (before reading when
 * the listing says so, else on what arrives), vanished files reported,
 * workbooks read and validated.
 */
export async function readReport(file: InputFile, req: ReportRequest, reader: WorkbookReader, limits: ReadLimits, ignored?: IgnoreReason): Promise<ChildReport> {
  const reason = ignored ?? ignoreReason(file);
  const at = { file: file.name };
  const unread: SourceFile = { file: file.name, bytes: file.size, sha256: '', ...(file.modified !== undefined ? { modified: file.modified } : {}) };
  const ignoredFinding = (r: IgnoreReason): Finding => createFinding('file_ignored', { reason: r }, at);
  if (reason !== undefined && NOT_OPENED.has(reason)) return { source: unread, findings: [ignoredFinding(reason)] };
  const max = limits.maxFileBytes;
  const tooLarge = (bytes: number): ChildReport => ({
    source: { ...unread, bytes },
    findings: [reason === undefined ? createFinding('file_too_large', { bytes, limit: max }, at) : ignoredFinding(reason)],
  });
  // Not read: the reader would refuse it anyway, and memory stays bounded.
  if (file.size > max) return tooLarge(file.size);
  let got: { readonly bytes: Uint8Array; readonly modified?: string };
  try {
    got = await file.read(max);
  } catch (err) {
    if (!(err instanceof DriveError)) throw err;
    if (err.code === 'not_found') return { source: unread, findings: [ignoredFinding('vanished')] };
    // Swapped for a FIFO or a device since the listing: listed, not read.
    if (err.code === 'not_a_file') return { source: unread, findings: [ignoredFinding('special_file')] };
    if (err.code === 'too_large') return tooLarge(typeof err.params['bytes'] === 'number' ? err.params['bytes'] : max + 1);
    throw err;
  }
  // A source that cannot stop at the limit: judged on what arrived.
  if (got.bytes.byteLength > max) return tooLarge(got.bytes.byteLength);
  const modified = got.modified ?? file.modified;
  const source: SourceFile = { file: file.name, bytes: got.bytes.byteLength, sha256: await sha256Hex(got.bytes), ...(modified !== undefined ? { modified } : {}) };
  if (reason !== undefined) return { source, findings: [ignoredFinding(reason)] };
  const read = await reader.readWorkbook(got.bytes, { limits });
  const ctx: ValidationContext = {
    form: req.form,
    registry: req.registry,
    file: file.name,
    ...(req.period !== undefined ? { expect: { period: req.period } } : {}),
    ...(req.targets ? { targets: req.targets } : {}),
    ...(req.previous ? { previous: req.previous.byUnit } : {}),
  };
  const validation = read.book ? validateSubmission(read.book, ctx) : undefined;
  return reportFromValidation(source, read.findings, validation, req.form);
}

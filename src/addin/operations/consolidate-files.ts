import type { PreviousFigures } from '../../core/campaign/previous-figures';
import { rateCharts, type RateChart } from '../../core/campaign/rate-charts';
import type { ChildReport, SourceFile } from '../../core/consolidate/child-report';
import { consolidate } from '../../core/consolidate/consolidate';
import type { Consolidation } from '../../core/consolidate/consolidation';
import { reportFromValidation } from '../../core/consolidate/report-from-validation';
import { createFinding } from '../../core/findings/finding';
import type { FormDef } from '../../core/forms/form-schema';
import type { OutputBook, OutputSheet } from '../../core/grid/output-book';
import { DriveError } from '../../core/ports/drive';
import type { WorkbookGrid } from '../../core/grid/sheet-grid';
import type { Finding } from '../../core/findings/finding';
import { renderConsolidation } from '../../core/render/render-consolidation';
import type { UnitRegistry } from '../../core/units/unit-registry';
import { validateSubmission } from '../../core/validate/validate-submission';
import type { ValidationContext } from '../../core/validate/validation-context';

/** A file the user picked in the browser (a `File`, or anything shaped like one). */
export interface PickedFile {
  readonly name: string;
  readonly size: number;
  /** Milliseconds since 1970, as `File.lastModified`. */
  readonly lastModified: number;
  /** Path inside the picked folder (`webkitRelativePath`), '' for single files. */
  readonly relativePath?: string;
  /** A folder listed in a drive: reported, never read. */
  readonly isFolder?: boolean;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The xlsx reader, loaded on demand (ExcelJS is large and only this feature needs it). */
export interface WorkbookReader {
  readWorkbook(bytes: Uint8Array): Promise<{ readonly book?: WorkbookGrid; readonly findings: readonly Finding[] }>;
}

/** A file's progress as the pane lists it. */
export interface FileState {
  readonly index: number;
  readonly total: number;
  readonly name: string;
  readonly status: 'reading' | 'valid' | 'invalid' | 'ignored';
  readonly errors: number;
  readonly warnings: number;
}

/** Files larger than this are not read: no submission is that big, and the pane's memory stays bounded. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Why a picked file is not a submission, or undefined when it should be read as one. */
export function ignoreReason(file: PickedFile): string | undefined {
  const name = file.name;
  if (file.isFolder) return 'là thư mục, các tệp trong thư mục con không được đọc';
  if (name.startsWith('~$')) return 'tệp khóa tạm của Excel (~$), có khi tệp đang mở; không phải báo cáo';
  if (name.startsWith('._')) return 'tệp ẩn do máy Mac tạo ra, không phải báo cáo';
  if ((file.relativePath ?? '').split('/').length > 2) return 'nằm trong thư mục con, không được đọc';
  const dot = name.lastIndexOf('.');
  const ext = dot < 0 ? '' : name.slice(dot).toLowerCase();
  if (!['.xlsx', '.xlsm', '.xls', '.ods', '.xlsb', '.csv'].includes(ext)) return `không phải bảng tính .xlsx, .xls, .ods${ext ? ` (đuôi ${ext})` : ''}`;
  return undefined;
}

/** SHA-256 of bytes, hex, with the browser's (or Node's) Web Crypto. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** What a consolidation reads: the form, the registry, and the period expected. */
export interface ConsolidateRequest {
  readonly form: FormDef;
  readonly registry: UnitRegistry;
  readonly parentCode: string;
  readonly period: string;
  /** `yyyy-mm-dd`, today when absent. */
  readonly reportDate?: string;
  /** Assigned targets (a target table): a file whose target differs has an error. */
  readonly targets?: ValidationContext['targets'];
  /** The previous period: falling cumulative figures are warned about, and the consolidation shows each unit's progress. */
  readonly previous?: PreviousFigures;
}

/**
 * Reads the picked files one at a time into small reports (hash, read,
 * validate, keep the report, drop the workbook), telling `onFile` before and
 * after each. Files that are not submissions are listed with the reason.
 */
export async function reportsFromFiles(files: readonly PickedFile[], req: ConsolidateRequest, reader: WorkbookReader, onFile: (s: FileState) => void = () => undefined): Promise<ChildReport[]> {
  const reports: ChildReport[] = [];
  const sorted = [...files].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  for (const [i, file] of sorted.entries()) {
    const base = { index: i + 1, total: sorted.length, name: file.name };
    onFile({ ...base, status: 'reading', errors: 0, warnings: 0 });
    const report = await readOne(file, req, reader);
    reports.push(report);
    const errors = report.findings.filter((f) => f.severity === 'error').length;
    const warnings = report.findings.length - errors;
    const ignored = report.findings.some((f) => f.code === 'file_ignored');
    onFile({ ...base, status: ignored ? 'ignored' : errors > 0 ? 'invalid' : 'valid', errors, warnings });
  }
  return reports;
}

async function readOne(file: PickedFile, req: ConsolidateRequest, reader: WorkbookReader): Promise<ChildReport> {
  const at = { file: file.name };
  const modified = new Date(file.lastModified).toISOString();
  const reason = ignoreReason(file);
  const unread: SourceFile = { file: file.name, bytes: file.isFolder ? 0 : file.size, sha256: '', modified };
  if (file.isFolder) return { source: unread, findings: [createFinding('file_ignored', { reason: reason ?? '' }, at)] };
  if (file.size > MAX_FILE_BYTES) {
    return { source: unread, findings: [reason === undefined ? createFinding('file_too_large', { bytes: file.size, limit: MAX_FILE_BYTES }, at) : createFinding('file_ignored', { reason }, at)] };
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (err) {
    // A drive file deleted or renamed since the listing: reported, the others still read.
    if (!(err instanceof DriveError && err.code === 'not_found')) throw err;
    return { source: unread, findings: [createFinding('file_ignored', { reason: 'tệp đã bị xóa hoặc đổi tên trong lúc đọc' }, at)] };
  }
  const source: SourceFile = { file: file.name, bytes: bytes.length, sha256: await sha256Hex(bytes), modified };
  if (reason !== undefined) return { source, findings: [createFinding('file_ignored', { reason }, at)] };
  const read = await reader.readWorkbook(bytes);
  const ctx: ValidationContext = {
    form: req.form,
    registry: req.registry,
    file: file.name,
    expect: { period: req.period },
    ...(req.targets ? { targets: req.targets } : {}),
    ...(req.previous ? { previous: req.previous.byUnit } : {}),
  };
  const validation = read.book ? validateSubmission(read.book, ctx) : undefined;
  return reportFromValidation(source, read.findings, validation, req.form);
}

/** A consolidation as the pane keeps it: the result, its workbook, and the chart sheet only Excel can draw. */
export interface ConsolidatedBook {
  readonly consolidation: Consolidation;
  /** The parent's workbook (with `TinhHinhNop`): what is saved, opened or pushed up. */
  readonly book: OutputBook;
  /** `BieuDo` and its charts: added when writing into Excel, not in files (ExcelJS draws no charts). */
  readonly charts: { readonly sheet: OutputSheet; readonly charts: readonly RateChart[] };
}

/** The consolidation of the reports, its workbook (with completeness) and its rate charts. */
export function consolidateReports(reports: readonly ChildReport[], req: ConsolidateRequest): ConsolidatedBook {
  const consolidation = consolidate(reports, {
    form: req.form,
    registry: req.registry,
    parentCode: req.parentCode,
    period: req.period,
    ...(req.reportDate !== undefined ? { reportDate: req.reportDate } : {}),
    ...(req.previous ? { previous: req.previous } : {}),
  });
  return { consolidation, book: renderConsolidation(req.form, consolidation, { completeness: true }), charts: rateCharts(req.form, consolidation) };
}

import { createHash } from 'node:crypto';
import type { ChildReport, SourceFile } from '../core/consolidate/child-report';
import { reportFromValidation } from '../core/consolidate/report-from-validation';
import { createFinding } from '../core/findings/finding';
import { DriveError, type Drive, type DriveItem } from '../core/ports/drive';
import type { ValidationContext } from '../core/validate/validation-context';
import { resolveReadLimits, type ReadLimits } from '../xlsx/read-limits';
import { checkWorkbook } from './check-workbook';

/** Extensions read as workbooks: .xls and .ods are read like .xlsx; an .xlsb or .csv is read so that its sender is told what to do. */
const WORKBOOK_EXTENSIONS = ['.xlsx', '.xlsm', '.xls', '.ods', '.xlsb', '.csv'];

/** One file done: where we are, and what it became. */
export interface FolderReadProgress {
  /** 1-based position of this file among all the folder's entries. */
  readonly index: number;
  readonly total: number;
  readonly item: DriveItem;
  readonly report: ChildReport;
}

export interface ReadFolderOptions {
  /** A reason to skip an entry that would otherwise be read (the run's own output file), or undefined. */
  readonly ignore?: (item: DriveItem) => string | undefined;
  /** Overrides of the reader's limits; a file over `maxFileBytes` is refused without being downloaded. */
  readonly limits?: Partial<ReadLimits>;
}

/**
 * Every entry of a folder as a ChildReport, in listing order. Workbooks
 * are downloaded, hashed, read and validated one at a time and only their
 * small report is kept, so memory does not grow with the folder. Nothing is
 * dropped silently: lock files (`~$*`), other files and subfolders each get
 * a report with a `file_ignored` finding, so the sources sheet lists them.
 */
export async function readFolderReports(
  drive: Drive,
  folder: string,
  ctx: ValidationContext,
  onProgress?: (p: FolderReadProgress) => void,
  opts: ReadFolderOptions = {},
): Promise<ChildReport[]> {
  const items = await drive.list(folder);
  const limits = resolveReadLimits(opts.limits);
  const reports: ChildReport[] = [];
  for (const [i, item] of items.entries()) {
    const report = await readItem(drive, item, ctx, limits, opts.ignore?.(item));
    reports.push(report);
    onProgress?.({ index: i + 1, total: items.length, item, report });
  }
  return reports;
}

/** Why an entry is not a submission, or undefined when it should be read as one. */
export function ignoreReason(item: DriveItem): string | undefined {
  if (item.isFolder) return 'là thư mục, các tệp trong thư mục con không được đọc';
  if (item.name.startsWith('~$')) return 'tệp khóa tạm của Excel (~$), có khi tệp đang mở; không phải báo cáo';
  if (item.name.startsWith('._')) return 'tệp ẩn do máy Mac tạo ra, không phải báo cáo';
  const dot = item.name.lastIndexOf('.');
  const ext = dot < 0 ? '' : item.name.slice(dot).toLowerCase();
  if (!WORKBOOK_EXTENSIONS.includes(ext)) return `không phải bảng tính .xlsx, .xls, .ods${ext ? ` (đuôi ${ext})` : ''}`;
  return undefined;
}

/**
 * An entry fetched: a finished report when it is not to be read as a
 * workbook, else its bytes (not yet hashed: a worker pool hashes them off
 * the main thread) and modification time.
 */
export type FetchedEntry = { readonly report: ChildReport } | { readonly bytes: Uint8Array; readonly modified: string };

/**
 * Everything about one entry short of reading it as a workbook: a folder,
 * a lock file, another kind of file (hashed), a file over `maxFileBytes`
 * (not downloaded) or one that vanished since the listing each become a
 * finished report; a workbook comes back as its bytes. Shared by
 * the one-at-a-time reader and the worker pool so both treat entries alike.
 */
export async function fetchEntry(drive: Drive, item: DriveItem, maxFileBytes: number, ignored?: string): Promise<FetchedEntry> {
  const reason = ignored ?? ignoreReason(item);
  const at = { file: item.name };
  const unread: SourceFile = { file: item.name, bytes: item.isFolder ? 0 : item.size, sha256: '', modified: item.modified };
  if (item.size > maxFileBytes) {
    // Not downloaded: the reader would refuse it anyway, and memory stays bounded.
    const finding = reason === undefined ? createFinding('file_too_large', { bytes: item.size, limit: maxFileBytes }, at) : createFinding('file_ignored', { reason }, at);
    return { report: { source: unread, findings: [finding] } };
  }
  if (item.isFolder) return { report: { source: unread, findings: [createFinding('file_ignored', { reason: reason ?? '' }, at)] } };
  let bytes: Uint8Array;
  let modified = item.modified;
  try {
    const got = await drive.download(item);
    bytes = got.bytes;
    modified = got.item.modified;
  } catch (err) {
    if (!(err instanceof DriveError && err.code === 'not_found')) throw err;
    return { report: { source: unread, findings: [createFinding('file_ignored', { reason: 'tệp đã bị xóa hoặc đổi tên trong lúc đọc' }, at)] } };
  }
  if (reason !== undefined) return { report: { source: sourceOf(item.name, bytes, modified), findings: [createFinding('file_ignored', { reason }, at)] } };
  return { bytes, modified };
}

async function readItem(drive: Drive, item: DriveItem, ctx: ValidationContext, limits: ReadLimits, ignored: string | undefined): Promise<ChildReport> {
  const got = await fetchEntry(drive, item, limits.maxFileBytes, ignored);
  if ('report' in got) return got.report;
  const checked = await checkWorkbook(got.bytes, { ...ctx, file: item.name }, { limits });
  return reportFromValidation(sourceOf(item.name, got.bytes, got.modified), checked.readFindings, checked.validation, ctx.form);
}

function sourceOf(file: string, bytes: Uint8Array, modified: string): SourceFile {
  return { file, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), modified };
}

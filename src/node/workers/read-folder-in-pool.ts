import type { ChildReport } from '../../core/consolidate/child-report';
import type { Drive, DriveItem } from '../../core/ports/drive';
import type { ValidationContext } from '../../core/validate/validation-context';
import { fetchEntry, type FolderReadProgress } from '../read-folder-reports';
import type { ReportPool } from './report-pool';

/** Options of readFolderInPool. */
export interface ReadFolderInPoolOptions {
  /** A reason to skip an entry that would otherwise be read (the run's own output file), or undefined. */
  readonly ignore?: (item: DriveItem) => string | undefined;
  /**
   * Files downloaded but not yet reported, at most (default: twice the
   * workers plus one, and 3 without workers so that downloads overlap the
   * parsing). Bounds memory whatever the folder's size, while keeping every
   * worker fed.
   */
  readonly window?: number;
  readonly onProgress?: (p: FolderReadProgress) => void;
}

/**
 * readFolderReports with the reading and validation done by a ReportPool:
 * the same reports, in listing order, with the same treatment of lock
 * files, other files, folders, files over the pool's `maxFileBytes` (not
 * downloaded) and files that vanish meanwhile; downloads
 * overlap the workers' parsing, and no more than `window` files are held
 * at once. Progress is reported as files complete, in completion order.
 */
export async function readFolderInPool(drive: Drive, folder: string, ctx: ValidationContext, pool: ReportPool, opts: ReadFolderInPoolOptions = {}): Promise<ChildReport[]> {
  const items = await drive.list(folder);
  const maxBytes = pool.limits.maxFileBytes;
  const window = Math.max(1, Math.floor(opts.window ?? (pool.workers > 0 ? pool.workers * 2 + 1 : 3)));
  const reports: ChildReport[] = new Array<ChildReport>(items.length);
  let next = 0;
  let done = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      const item = items[i] as DriveItem;
      const report = await readItem(drive, item, ctx, pool, maxBytes, opts.ignore?.(item));
      reports[i] = report;
      done++;
      opts.onProgress?.({ index: done, total: items.length, item, report });
    }
  };
  await Promise.all(Array.from({ length: Math.min(window, items.length) }, lane));
  return reports;
}

async function readItem(drive: Drive, item: DriveItem, ctx: ValidationContext, pool: ReportPool, maxBytes: number, ignored: string | undefined): Promise<ChildReport> {
  const got = await fetchEntry(drive, item, maxBytes, ignored);
  return 'report' in got ? got.report : pool.report(got.bytes, { file: item.name, modified: got.modified }, ctx);
}

import { randomBytes } from 'node:crypto';
import { constants as fsConstants, promises as fs, type BigIntStats, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from './write-file-atomic';
import { DriveError, type ConflictPolicy, type DownloadOptions, type DownloadedFile, type Drive, type DriveItem, type TransferProgress, type UploadResult } from '../../core/ports/drive';
import { failure } from '../../core/failures/failure-codes';
import { compareFileNames } from '../../core/text/compare-file-names';

/** Folder paths are `/`-separated and relative to the root; names have no separator. */
const BAD_SEGMENT = /[\\/\0]/;

/** Opening never waits on a FIFO or a device that has no writer. */
const OPEN_READ = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0);

/**
 * A folder on this computer as a Drive, so the CLI reads a local folder and
 * a SharePoint library the same way. Every path stays inside `root`: `..`,
 * absolute paths and symbolic links that lead out are refused.
 */
export class LocalDrive implements Drive {
  /** The root folder, absolute. */
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  async list(folder: string): Promise<DriveItem[]> {
    const parts = splitFolder(folder);
    const dir = await this.confined(parts);
    const entries = await guard(() => fs.readdir(dir, { withFileTypes: true }), folder);
    const items: DriveItem[] = [];
    for (const e of entries) {
      // An entry can vanish between readdir and stat (an editor's temp file).
      const item = await this.listed(parts, dir, e);
      if (item) items.push(item);
    }
    return items.sort(compareFileNames);
  }

  /**
   * A directory entry as listed: links that lead out of the root or to
   * nothing, and special files (FIFOs, devices, sockets), are listed with
   * the reason they are not read, never opened.
   */
  private async listed(parts: readonly string[], dir: string, e: Dirent): Promise<DriveItem | undefined> {
    const file = path.join(dir, e.name);
    if (e.isSymbolicLink()) {
      const real = await fs.realpath(file).catch(() => undefined);
      if (real === undefined) return (await fs.lstat(file).catch(() => undefined)) ? this.unreadableItem(parts, e.name, file, 'link_dangling') : undefined;
      if (!isInside(await realpathOrSelf(this.root), real)) return this.unreadableItem(parts, e.name, file, 'link_outside');
    } else if (!e.isFile() && !e.isDirectory()) {
      return this.unreadableItem(parts, e.name, file, 'special_file');
    }
    const item = await this.statIfExists(parts, e.name);
    if (!item || item.isFolder) return item;
    // A link to a FIFO or a device is as unreadable as the thing itself.
    const st = await fs.stat(file).catch(() => undefined);
    return st && !st.isFile() ? { ...item, unreadable: 'special_file' } : item;
  }

  private unreadableItem(parts: readonly string[], name: string, file: string, why: NonNullable<DriveItem['unreadable']>): DriveItem {
    return { id: file, name, folder: parts.join('/'), isFolder: false, size: 0, modified: new Date(0).toISOString(), eTag: '""', location: file, unreadable: why };
  }

  async download(item: DriveItem, opts: DownloadOptions = {}): Promise<DownloadedFile> {
    const parts = splitFolder(item.folder);
    checkName(item.name);
    const file = await this.confined([...parts, item.name]);
    const shown = displayPath(parts, item.name);
    return guard(async () => {
      // Read and stat the same open file, so the eTag belongs to these bytes
      // and the size limit to what is read, whatever the listing said.
      const handle = await fs.open(file, OPEN_READ);
      try {
        const st = await handle.stat({ bigint: true });
        if (st.isDirectory()) throw new DriveError('failed', failure('is_folder', { path: shown }));
        if (!st.isFile()) throw new DriveError('not_a_file', failure('not_a_file', { path: shown }));
        const bytes = await readBounded(handle, Number(st.size), opts.maxBytes, shown);
        return { item: this.toItem(parts, item.name, file, st), bytes };
      } finally {
        await handle.close();
      }
    }, shown);
  }

  async upload(folder: string, name: string, bytes: Uint8Array, policy: ConflictPolicy, onProgress?: TransferProgress): Promise<UploadResult> {
    const parts = splitFolder(folder);
    checkName(name);
    const dir = await this.confined(parts);
    const target = path.join(dir, name);
    const shown = displayPath(parts, name);
    await guard(() => fs.mkdir(dir, { recursive: true }), displayPath(parts, ''));
    // mkdir may have followed a link created meanwhile: check again.
    await this.confined(parts);
    const existing = await this.statIfExists(parts, name);
    if (policy.kind === 'fail' && existing) return { ok: false, conflict: 'exists', existing };
    if (policy.kind === 'replace' && (!existing || existing.eTag !== policy.ifMatch)) {
      return existing ? { ok: false, conflict: 'changed', existing } : { ok: false, conflict: 'changed' };
    }
    onProgress?.(0, bytes.length);
    if (policy.kind === 'replace') {
      await guard(() => writeFileAtomic(target, bytes), shown);
    } else {
      const conflict = await this.createExclusive(dir, parts, name, bytes);
      if (conflict) return conflict;
    }
    onProgress?.(bytes.length, bytes.length);
    return { ok: true, item: await this.stat(parts, name) };
  }

  /**
   * Writes a new file under `name` without ever overwriting one: the bytes go
   * to a temporary file that is then hard-linked to the name, which fails
   * when the name exists (a file created meanwhile included).
   */
  private async createExclusive(dir: string, parts: readonly string[], name: string, bytes: Uint8Array): Promise<UploadResult | undefined> {
    const target = path.join(dir, name);
    const shown = displayPath(parts, name);
    const temp = path.join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await guard(async () => {
        const handle = await fs.open(temp, 'wx');
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
      }, shown);
      try {
        await fs.link(temp, target);
        return undefined;
      } catch (err) {
        if (errnoCode(err) === 'EEXIST') return this.existsConflict(parts, name);
        if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(errnoCode(err) ?? '')) throw toDriveError(err, shown);
      }
      // A file system without hard links: an exclusive copy still never overwrites.
      try {
        await fs.copyFile(temp, target, fs.constants.COPYFILE_EXCL);
        return undefined;
      } catch (err) {
        if (errnoCode(err) === 'EEXIST') return this.existsConflict(parts, name);
        throw toDriveError(err, shown);
      }
    } finally {
      await fs.rm(temp, { force: true });
    }
  }

  private async existsConflict(parts: readonly string[], name: string): Promise<UploadResult> {
    const existing = await this.statIfExists(parts, name);
    return existing ? { ok: false, conflict: 'exists', existing } : { ok: false, conflict: 'exists' };
  }

  /** The absolute path of `parts`, refused when it (or a link on the way) leads out of the root. */
  private async confined(parts: readonly string[]): Promise<string> {
    const full = path.join(this.root, ...parts);
    if (!isInside(this.root, full)) throw new DriveError('not_found', failure('path_outside_root', { path: parts.join('/') }));
    const realRoot = await realpathOrSelf(this.root);
    // The deepest part that exists decides where the path really goes.
    let probe = full;
    for (;;) {
      const real = await fs.realpath(probe).catch(() => undefined);
      if (real !== undefined) {
        if (!isInside(realRoot, real)) throw new DriveError('not_found', failure('path_outside_root', { path: parts.join('/') }));
        return full;
      }
      const up = path.dirname(probe);
      if (up === probe || !isInside(this.root, up)) return full;
      probe = up;
    }
  }

  private async stat(parts: readonly string[], name: string): Promise<DriveItem> {
    const file = path.join(this.root, ...parts, name);
    const st = await guard(() => fs.stat(file, { bigint: true }), displayPath(parts, name));
    return this.toItem(parts, name, file, st);
  }

  private async statIfExists(parts: readonly string[], name: string): Promise<DriveItem | undefined> {
    return this.stat(parts, name).catch((err: unknown) => {
      if (err instanceof DriveError && err.code === 'not_found') return undefined;
      throw err;
    });
  }

  private toItem(parts: readonly string[], name: string, file: string, st: BigIntStats): DriveItem {
    const isFolder = st.isDirectory();
    return {
      id: file,
      name,
      folder: parts.join('/'),
      isFolder,
      size: isFolder ? 0 : Number(st.size),
      modified: new Date(Number(st.mtimeMs)).toISOString(),
      // A replace through rename gives a new inode; a rewrite in place changes size or mtime.
      eTag: `"${st.ino.toString(36)}-${st.size.toString(36)}-${st.mtimeNs.toString(36)}"`,
      location: file,
    };
  }
}

/** `'a/b/'` -> `['a', 'b']`; '' is the root. Refuses `.`, `..` and odd characters. */
function splitFolder(folder: string): string[] {
  const parts = folder.split('/').filter((p) => p !== '');
  for (const p of parts) {
    if (p === '.' || p === '..' || BAD_SEGMENT.test(p)) throw new DriveError('not_found', failure('path_invalid', { path: folder }));
  }
  return parts;
}

function checkName(name: string): void {
  if (name === '' || name === '.' || name === '..' || BAD_SEGMENT.test(name)) throw new DriveError('failed', failure('name_invalid', { name }));
}

function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

async function realpathOrSelf(p: string): Promise<string> {
  return fs.realpath(p).catch(() => p);
}

function displayPath(parts: readonly string[], name: string): string {
  return [...parts, name].filter((p) => p !== '').join('/') || '.';
}

/**
 * The bytes of an open file, refused (DriveError `too_large`, params
 * `bytes`, `limit`) as soon as more than `max` arrive: the size stated
 * when it was opened, or what it grew to while being read.
 */
async function readBounded(handle: fs.FileHandle, size: number, max: number | undefined, shown: string): Promise<Uint8Array> {
  const tooLarge = (bytes: number): DriveError => new DriveError('too_large', failure('too_large', { path: shown, bytes, limit: max ?? 0 }), undefined, { bytes, limit: max ?? 0 });
  if (max === undefined) return new Uint8Array(await handle.readFile());
  if (size > max) throw tooLarge(size);
  // One byte more than allowed tells a file that grew past the limit.
  let buf = new Uint8Array(Math.min(size, max) + 1);
  let got = 0;
  for (;;) {
    if (got === buf.length) {
      if (got > max) throw tooLarge(got);
      const bigger = new Uint8Array(Math.min(buf.length * 2, max + 1));
      bigger.set(buf);
      buf = bigger;
    }
    const { bytesRead } = await handle.read(buf, got, buf.length - got, got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  if (got > max) throw tooLarge(got);
  return got === buf.length ? buf : buf.slice(0, got);
}

function errnoCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
}

/** A file system error as a DriveError with its failure code and the path. */
function toDriveError(err: unknown, shown: string): DriveError {
  if (err instanceof DriveError) return err;
  switch (errnoCode(err)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new DriveError('not_found', failure('not_found', { path: shown }));
    case 'EACCES':
    case 'EPERM':
      return new DriveError('failed', failure('access_denied', { path: shown }));
    case 'EFBIG':
    case 'ENOSPC':
      return new DriveError('too_large', failure('no_space', { path: shown }));
    case 'EISDIR':
      return new DriveError('failed', failure('is_folder', { path: shown }));
    default:
      return new DriveError('failed', failure('io_failed', { path: shown, detail: err instanceof Error ? err.message : String(err) }));
  }
}

async function guard<T>(op: () => Promise<T>, shown: string): Promise<T> {
  try {
    return await op();
  } catch (err) {
    throw toDriveError(err, shown);
  }
}

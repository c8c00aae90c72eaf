import { randomBytes } from 'node:crypto';
import { promises as fs, type BigIntStats } from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from './write-file-atomic';
import { DriveError, type ConflictPolicy, type DownloadedFile, type Drive, type DriveItem, type TransferProgress, type UploadResult } from '../../core/ports/drive';

/** Folder paths are `/`-separated and relative to the root; names have no separator. */
const BAD_SEGMENT = /[\\/\0]/;

const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

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
      const item = await this.statIfExists(parts, e.name);
      if (item) items.push(item);
    }
    return items.sort((a, b) => (a.isFolder === b.isFolder ? collator.compare(a.name, b.name) || compareCodePoints(a.name, b.name) : a.isFolder ? -1 : 1));
  }

  async download(item: DriveItem): Promise<DownloadedFile> {
    const parts = splitFolder(item.folder);
    checkName(item.name);
    const file = await this.confined([...parts, item.name]);
    return guard(async () => {
      // Read and stat the same open file, so the eTag belongs to these bytes.
      const handle = await fs.open(file, 'r');
      try {
        const st = await handle.stat({ bigint: true });
        if (st.isDirectory()) throw new DriveError('failed', `"${displayPath(parts, item.name)}" là thư mục, không phải tệp.`);
        const bytes = new Uint8Array(await handle.readFile());
        return { item: this.toItem(parts, item.name, file, st), bytes };
      } finally {
        await handle.close();
      }
    }, displayPath(parts, item.name));
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
    if (!isInside(this.root, full)) throw new DriveError('not_found', `Đường dẫn "${parts.join('/')}" nằm ngoài thư mục gốc.`);
    const realRoot = await realpathOrSelf(this.root);
    // The deepest part that exists decides where the path really goes.
    let probe = full;
    for (;;) {
      const real = await fs.realpath(probe).catch(() => undefined);
      if (real !== undefined) {
        if (!isInside(realRoot, real)) throw new DriveError('not_found', `Đường dẫn "${parts.join('/')}" dẫn ra ngoài thư mục gốc.`);
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
    if (p === '.' || p === '..' || BAD_SEGMENT.test(p)) throw new DriveError('not_found', `Đường dẫn "${folder}" không hợp lệ (không được dùng "..").`);
  }
  return parts;
}

function checkName(name: string): void {
  if (name === '' || name === '.' || name === '..' || BAD_SEGMENT.test(name)) throw new DriveError('failed', `Tên tệp "${name}" không hợp lệ.`);
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

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function errnoCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
}

/** A file system error as a DriveError with a Vietnamese message naming the path. */
function toDriveError(err: unknown, shown: string): DriveError {
  if (err instanceof DriveError) return err;
  switch (errnoCode(err)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new DriveError('not_found', `Không tìm thấy "${shown}".`);
    case 'EACCES':
    case 'EPERM':
      return new DriveError('failed', `Không có quyền truy cập "${shown}".`);
    case 'EFBIG':
    case 'ENOSPC':
      return new DriveError('too_large', `Không đủ chỗ để ghi "${shown}".`);
    case 'EISDIR':
      return new DriveError('failed', `"${shown}" là thư mục, không phải tệp.`);
    default:
      return new DriveError('failed', `Không đọc/ghi được "${shown}" (${err instanceof Error ? err.message : String(err)}).`);
  }
}

async function guard<T>(op: () => Promise<T>, shown: string): Promise<T> {
  try {
    return await op();
  } catch (err) {
    throw toDriveError(err, shown);
  }
}

import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

const RETRIES = 5;

/**
 * Writes `data` to `file` so that the file is either its old content or the
 * whole new content, never half of it: the bytes go to a temporary file in
 * the same folder (same disk, so the rename is atomic), are flushed to disk,
 * then renamed over the target. If anything fails the temporary file is
 * removed and the target is untouched. An existing target keeps its
 * permissions, unless `opts.mode` sets them (set on the temporary file
 * before the rename, so the content is never readable with looser ones).
 *
 * @example await writeFileAtomic('cache.json', text, { mode: 0o600 })
 */
export async function writeFileAtomic(file: string, data: Uint8Array | string, opts: { readonly mode?: number } = {}): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = opts.mode ?? await fs.stat(file).then(
    (s) => (s.isFile() ? s.mode & 0o7777 : undefined),
    () => undefined,
  );
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(tmp, 'wx', mode ?? 0o666);
    if (opts.mode !== undefined) await handle.chmod(opts.mode);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await renameWithRetry(tmp, file);
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
  await syncDirectory(dir);
}

/**
 * On Windows a virus scanner or the search indexer may hold the target for
 * a moment; a few short retries ride that out. A file kept open in Excel
 * still fails, with the error the caller reports.
 */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (err) {
      const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
      if (process.platform !== 'win32' || attempt >= RETRIES || !['EPERM', 'EACCES', 'EBUSY'].includes(code)) throw err;
      await new Promise((r) => setTimeout(r, 40 * attempt));
    }
  }
}

/** Makes the rename itself durable (POSIX); Windows cannot open a folder, and it does not need to. */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let h: fs.FileHandle | undefined;
  try {
    h = await fs.open(dir, 'r');
    await h.sync();
  } catch {
    // Some file systems refuse to sync a folder; the data itself is already on disk.
  } finally {
    await h?.close().catch(() => undefined);
  }
}

/**
 * Writes `data` to `file` only if no file of that name exists, decided by
 * the file system in one step (no check-then-write race: a file created in
 * between makes this fail with `EEXIST` and is left untouched). The bytes go
 * to a temporary file first and are hard-linked into place, so the name
 * appears with the whole content or not at all; where the file system has
 * no hard links, the file is created with the exclusive flag (`wx`) instead.
 *
 * @example await writeFileExclusive('mau.xlsx', bytes) // throws EEXIST when mau.xlsx exists
 */
export async function writeFileExclusive(file: string, data: Uint8Array | string): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(tmp, 'wx', 0o666);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    try {
      await fs.link(tmp, file);
    } catch (err) {
      const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
      if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(code)) throw err;
      await createExclusively(file, data);
    }
  } finally {
    await handle?.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
  }
  await syncDirectory(dir);
}

async function createExclusively(file: string, data: Uint8Array | string): Promise<void> {
  const h = await fs.open(file, 'wx', 0o666);
  try {
    await h.writeFile(data);
    await h.sync();
  } catch (err) {
    await h.close().catch(() => undefined);
    await fs.rm(file, { force: true }).catch(() => undefined);
    throw err;
  }
  await h.close();
}

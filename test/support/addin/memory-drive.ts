import { DriveError, type ConflictPolicy, type DownloadedFile, type Drive, type DriveItem, type UploadResult } from '../../../src/core/ports/drive';

interface Stored {
  bytes: Uint8Array;
  version: number;
  modified: string;
}

/**
 * A drive in memory with the Drive port's conflict rules (fail: an existing
 * name is a conflict; replace: only the version whose eTag is given), for
 * the add-in's unit tests. Folders exist as soon as a file is put below them.
 */
export class MemoryDrive implements Drive {
  readonly files = new Map<string, Stored>();
  private clock = Date.UTC(2024, 4, 9, 8, 0);

  private now(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString();
  }

  /** Puts a file as someone else would (a new version when it exists). */
  put(path: string, bytes: Uint8Array): DriveItem {
    const old = this.files.get(path);
    this.files.set(path, { bytes, version: (old?.version ?? 0) + 1, modified: this.now() });
    return this.item(path);
  }

  private item(path: string): DriveItem {
    const slash = path.lastIndexOf('/');
    const stored = this.files.get(path);
    if (!stored) {
      const name = path.slice(slash + 1);
      return { id: `folder:${path}`, name, folder: slash < 0 ? '' : path.slice(0, slash), isFolder: true, size: 0, modified: new Date(this.clock).toISOString(), eTag: '', location: path };
    }
    return { id: path, name: path.slice(slash + 1), folder: slash < 0 ? '' : path.slice(0, slash), isFolder: false, size: stored.bytes.length, modified: stored.modified, eTag: `"${path},${String(stored.version)}"`, location: `memory:${path}` };
  }

  list(folder: string): Promise<DriveItem[]> {
    const prefix = folder === '' ? '' : `${folder}/`;
    const names = new Map<string, string>();
    for (const path of this.files.keys()) {
      if (!path.startsWith(prefix)) continue;
      const rest = path.slice(prefix.length);
      const first = rest.split('/')[0] ?? '';
      names.set(first, rest.includes('/') ? `${prefix}${first}` : path);
    }
    if (names.size === 0 && folder !== '') return Promise.reject(new DriveError('not_found', `Không tìm thấy thư mục "${folder}".`));
    const items = [...names.values()].map((p) => this.item(p));
    return Promise.resolve(items.sort((a, b) => (a.isFolder === b.isFolder ? a.name.localeCompare(b.name) : a.isFolder ? -1 : 1)));
  }

  download(item: DriveItem): Promise<DownloadedFile> {
    const stored = this.files.get(item.id);
    if (!stored) return Promise.reject(new DriveError('not_found', `Không tìm thấy "${item.name}".`));
    return Promise.resolve({ item: this.item(item.id), bytes: stored.bytes.slice() });
  }

  upload(folder: string, name: string, bytes: Uint8Array, policy: ConflictPolicy): Promise<UploadResult> {
    const path = folder === '' ? name : `${folder}/${name}`;
    const existing = this.files.has(path) ? this.item(path) : undefined;
    if (existing && policy.kind === 'fail') return Promise.resolve({ ok: false, conflict: 'exists', existing });
    if (policy.kind === 'replace' && existing?.eTag !== policy.ifMatch) return Promise.resolve(existing ? { ok: false, conflict: 'changed', existing } : { ok: false, conflict: 'changed' });
    return Promise.resolve({ ok: true, item: this.put(path, bytes.slice()) });
  }
}

import { createHash } from 'node:crypto';

/** A file or folder of the in-memory drive. */
export interface StoredNode {
  readonly id: string;
  name: string;
  readonly parentId: string | undefined;
  readonly isFolder: boolean;
  bytes: Buffer;
  version: number;
  readonly created: string;
  modified: string;
}

/**
 * A document library in memory, with Graph's identities: item ids, eTags
 * that change with every write, paths under `root:`.
 */
export class TestDriveStore {
  readonly nodes = new Map<string, StoredNode>();
  readonly rootId: string;
  private counter = 0;

  constructor(readonly driveId: string) {
    this.rootId = this.add('root', undefined, true, Buffer.alloc(0)).id;
  }

  private add(name: string, parentId: string | undefined, isFolder: boolean, bytes: Buffer): StoredNode {
    const now = new Date().toISOString();
    const id = `01PHU${String(++this.counter).padStart(6, '0')}${this.driveId.length}`;
    const node: StoredNode = { id, name, parentId, isFolder, bytes, version: 1, created: now, modified: now };
    this.nodes.set(id, node);
    return node;
  }

  eTag(node: StoredNode): string {
    return `"{${node.id}},${node.version}"`;
  }

  cTag(node: StoredNode): string {
    return `"c:{${node.id}},${node.version}"`;
  }

  children(folderId: string): StoredNode[] {
    return [...this.nodes.values()].filter((n) => n.parentId === folderId).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  child(folderId: string, name: string): StoredNode | undefined {
    const key = name.normalize('NFC').toLowerCase();
    // SharePoint names are case-insensitive.
    return [...this.nodes.values()].find((n) => n.parentId === folderId && n.name.normalize('NFC').toLowerCase() === key);
  }

  byPath(parts: readonly string[]): StoredNode | undefined {
    let node = this.nodes.get(this.rootId);
    for (const p of parts) {
      if (!node || !node.isFolder) return undefined;
      node = this.child(node.id, p);
    }
    return node;
  }

  pathOf(node: StoredNode): string[] {
    const parts: string[] = [];
    for (let n: StoredNode | undefined = node; n && n.id !== this.rootId; n = n.parentId ? this.nodes.get(n.parentId) : undefined) parts.unshift(n.name);
    return parts;
  }

  createFolder(parentId: string, name: string): StoredNode {
    return this.add(name, parentId, true, Buffer.alloc(0));
  }

  /** Writes a file (new or a new version of an existing one). */
  writeFile(parentId: string, name: string, bytes: Buffer): { node: StoredNode; created: boolean } {
    const existing = this.child(parentId, name);
    if (existing) {
      existing.bytes = bytes;
      existing.version++;
      existing.modified = new Date().toISOString();
      return { node: existing, created: false };
    }
    return { node: this.add(name, parentId, false, bytes), created: true };
  }

  /** Seeds a file at a path, creating its folders. */
  seed(path: string, bytes: Buffer): StoredNode {
    const parts = path.split('/').filter((p) => p !== '');
    const name = parts.pop() ?? '';
    let folderId = this.rootId;
    for (const p of parts) folderId = (this.child(folderId, p) ?? this.createFolder(folderId, p)).id;
    return this.writeFile(folderId, name, bytes).node;
  }

  sha256(node: StoredNode): string {
    return createHash('sha256').update(node.bytes).digest('hex');
  }
}

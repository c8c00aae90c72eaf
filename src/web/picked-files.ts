import type { PickedFile } from './engine';

/** A browser `File` as the engine reads it; `webkitRelativePath` keeps a picked folder's layout. */
export function pickedFromFile(file: File, relativePath = file.webkitRelativePath): PickedFile {
  return { name: file.name, size: file.size, lastModified: file.lastModified, relativePath, arrayBuffer: () => file.arrayBuffer() };
}

/** A folder inside a dropped folder: listed, never read (the engine says why). */
function pickedFolder(name: string, relativePath: string): PickedFile {
  return { name, size: 0, lastModified: 0, relativePath, isFolder: true, arrayBuffer: () => Promise.resolve(new ArrayBuffer(0)) };
}

/**
 * The files of a drop: files as they are, and a dropped folder's own files
 * (its sub-folders are listed, not read, like a picked folder's).
 */
export async function pickedFromDrop(data: DataTransfer): Promise<PickedFile[]> {
  const entries = Array.from(data.items).map((item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.some((e) => e === null)) return Array.from(data.files).map((f) => pickedFromFile(f, ''));
  const out: PickedFile[] = [];
  for (const entry of entries) {
    if (!entry) continue;
    if (entry.isFile) out.push(pickedFromFile(await fileOf(entry as FileSystemFileEntry), ''));
    else if (entry.isDirectory) {
      for (const child of await childrenOf(entry as FileSystemDirectoryEntry)) {
        const path = `${entry.name}/${child.name}`;
        out.push(child.isFile ? pickedFromFile(await fileOf(child as FileSystemFileEntry), path) : pickedFolder(child.name, path));
      }
    }
  }
  return out;
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** Every entry of a folder (the browser hands them in batches until an empty one). */
async function childrenOf(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

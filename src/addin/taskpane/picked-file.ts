import type { PickedFile } from '../operations/consolidate-files';

/** A `File` from a file input as the operations read it. */
export function pickedOf(f: File): PickedFile {
  return { name: f.name, size: f.size, lastModified: f.lastModified, relativePath: f.webkitRelativePath, arrayBuffer: () => f.arrayBuffer() };
}

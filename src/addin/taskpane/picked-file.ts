import { inputFromPicked, type InputFile, type PickedFile } from '../../app/input-file';
import type { NamedBytes } from '../../app/campaign-inputs';

/** A `File` from a file input as the use cases read it. */
export function pickedOf(f: File): PickedFile {
  return { name: f.name, size: f.size, lastModified: f.lastModified, relativePath: f.webkitRelativePath, arrayBuffer: () => f.arrayBuffer() };
}

/** A `File` as an input of a consolidation. */
export function inputOf(f: File): InputFile {
  return inputFromPicked(pickedOf(f));
}

/** A picked file's name and bytes (a target table, a previous period). */
export async function namedBytesOf(f: PickedFile): Promise<NamedBytes> {
  return { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) };
}

import type { Drive, DriveItem } from '../../core/ports/drive';
import type { PickedFile } from './consolidate-files';

/**
 * A drive entry as the consolidation reads it, downloaded only when its
 * turn comes (one workbook in memory at a time, as with files picked on
 * this computer). Folders are listed, never read.
 */
export function pickedFromDrive(drive: Drive, item: DriveItem): PickedFile {
  const modified = Date.parse(item.modified);
  return {
    name: item.name,
    size: item.size,
    lastModified: Number.isFinite(modified) ? modified : 0,
    relativePath: '',
    ...(item.isFolder ? { isFolder: true } : {}),
    arrayBuffer: async () => {
      const { bytes } = await drive.download(item);
      // The download's own buffer when it is exactly the file, else a copy.
      return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
    },
  };
}

/** Every entry of a drive folder (files and subfolders) as the consolidation reads them. */
export async function pickedFromFolder(drive: Drive, folder: string): Promise<PickedFile[]> {
  return (await drive.list(folder)).map((item) => pickedFromDrive(drive, item));
}

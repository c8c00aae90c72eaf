import type { IgnoreReason } from '../core/findings/ignore-reasons';
import type { Drive, DriveItem } from '../core/ports/drive';

/**
 * One entry of the set of files a use case reads, whatever its source: a
 * local folder, a SharePoint folder, files picked or dropped in a browser.
 * The adapters make these; the use cases never see where they come from.
 */
export interface InputFile {
  /** File name as shown to people (no folder). */
  readonly name: string;
  /** Size as listed (the read checks the size again on what it gets). */
  readonly size: number;
  /** Last modification, ISO 8601, when the source knows it. */
  readonly modified?: string;
  /** A folder: listed, never read. */
  readonly isFolder?: boolean;
  /** The source already knows the entry must not be read (a subfolder's file, a link out, a FIFO). */
  readonly ignored?: IgnoreReason;
  /** Where a person finds it (a local path, a web URL), when known. */
  readonly location?: string;
  /**
   * The bytes, refused when more than `maxBytes` arrive. Throws a
   * DriveError: `not_found` when the file vanished since the listing,
   * `too_large` (params `bytes`) when it is over the limit.
   */
  read(maxBytes: number): Promise<{ readonly bytes: Uint8Array; readonly modified?: string }>;
}

/** A file picked in a browser (a `File`, or anything shaped like one). */
export interface PickedFile {
  readonly name: string;
  readonly size: number;
  /** Milliseconds since 1970, as `File.lastModified`. */
  readonly lastModified: number;
  /** Path inside the picked folder (`webkitRelativePath`), '' for single files. */
  readonly relativePath?: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * A picked file as an input. A file deeper than the picked folder itself is
 * marked `in_subfolder` (a folder pick includes every subfolder's files).
 *
 * @example inputFromPicked(fileInput.files[0])
 */
export function inputFromPicked(file: PickedFile): InputFile {
  const nested = (file.relativePath ?? '').split('/').length > 2;
  return {
    name: file.name,
    size: file.size,
    modified: new Date(file.lastModified).toISOString(),
    ...(nested ? { ignored: 'in_subfolder' as const } : {}),
    read: async () => ({ bytes: new Uint8Array(await file.arrayBuffer()) }),
  };
}

/**
 * A drive entry as an input, downloaded only when its turn comes (one
 * workbook in memory at a time), with the drive's own size check.
 *
 * @example inputFromDriveItem(drive, item).read(20 * 1024 * 1024)
 */
export function inputFromDriveItem(drive: Drive, item: DriveItem): InputFile {
  return {
    name: item.name,
    size: item.isFolder ? 0 : item.size,
    modified: item.modified,
    location: item.location,
    ...(item.isFolder ? { isFolder: true } : {}),
    ...(item.unreadable ? { ignored: item.unreadable } : {}),
    read: async (maxBytes) => {
      const got = await drive.download(item, { maxBytes });
      return { bytes: got.bytes, modified: got.item.modified };
    },
  };
}

/**
 * Every entry directly inside a drive folder (files and subfolders) as inputs.
 *
 * @example await inputsFromDrive(new LocalDrive('D:/BaoCao'), 'TK/688')
 */
export async function inputsFromDrive(drive: Drive, folder: string): Promise<InputFile[]> {
  return (await drive.list(folder)).map((item) => inputFromDriveItem(drive, item));
}

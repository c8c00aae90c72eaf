/**
 * A file or folder in a drive: a local folder, or a SharePoint/OneDrive
 * document library through Microsoft Graph.
 */
export interface DriveItem {
  /** Adapter-specific identity (a Graph item id, a local absolute path). */
  readonly id: string;
  readonly name: string;
  /** Folder path relative to the drive root, `/`-separated, without the name. */
  readonly folder: string;
  readonly isFolder: boolean;
  readonly size: number;
  /** Last modification time, ISO 8601. */
  readonly modified: string;
  /** Version tag to guard a replace (`If-Match`); local drives derive one. */
  readonly eTag: string;
  /** Where a person can open it: a web URL, or a local path. */
  readonly location: string;
  /**
   * Set when the entry is listed but must not be read: a symbolic link
   * leading out of the drive or to nothing, or a special file (a FIFO, a
   * device). Reported with this reason, never opened.
   */
  readonly unreadable?: 'link_outside' | 'link_dangling' | 'special_file';
}

/** Options of Drive.download. */
export interface DownloadOptions {
  /**
   * Refuse the file (DriveError `too_large`) when more than this many bytes
   * arrive, whatever the listing said: a file can grow between listing and
   * reading. Drives stop reading at the limit where they can.
   */
  readonly maxBytes?: number;
}

/** A downloaded file: its bytes and the version they came from. */
export interface DownloadedFile {
  readonly item: DriveItem;
  readonly bytes: Uint8Array;
}

/**
 * What to do when the target name exists. Replacing is only ever done with
 * the eTag the user saw, so a file someone changed meanwhile is not lost.
 */
export type ConflictPolicy = { readonly kind: 'fail' } | { readonly kind: 'replace'; readonly ifMatch: string };

/** The outcome of an upload: conflicts are values, not exceptions. */
export type UploadResult =
  | { readonly ok: true; readonly item: DriveItem }
  | { readonly ok: false; readonly conflict: 'exists' | 'changed'; readonly existing?: DriveItem };

/** Progress of a long transfer, in bytes. */
export type TransferProgress = (done: number, total: number) => void;

/** The port through which the core and the CLI reach files. Small on purpose. */
export interface Drive {
  /** The files and folders directly inside `folder` ('' is the root). */
  list(folder: string): Promise<DriveItem[]>;
  download(item: DriveItem, opts?: DownloadOptions): Promise<DownloadedFile>;
  upload(folder: string, name: string, bytes: Uint8Array, policy: ConflictPolicy, onProgress?: TransferProgress): Promise<UploadResult>;
}

/** Why a drive call failed, when it is not a conflict. */
export const DRIVE_ERROR_CODES = ['auth', 'not_found', 'throttled', 'network', 'too_large', 'failed'] as const;
export type DriveErrorCode = (typeof DRIVE_ERROR_CODES)[number];

/** A drive failure with a stable code; its message never holds a token. */
export class DriveError extends Error {
  constructor(
    readonly code: DriveErrorCode,
    message: string,
    readonly status?: number,
    /** Facts for the wording (`bytes` and `limit` of a file over a size limit). */
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
    this.name = 'DriveError';
  }
}

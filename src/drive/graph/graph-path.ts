import { failure } from '../../core/failures/failure-codes';
import { DriveError } from '../../core/ports/drive';

/** Characters SharePoint and OneDrive refuse in a file or folder name. */
const FORBIDDEN = /["*:<>?/\\|]/;

function hasControlCharacter(name: string): boolean {
  for (const ch of name) if (ch.charCodeAt(0) < 0x20) return true;
  return false;
}

/** `'a/b/'` -> `['a', 'b']`; '' is the root. Names SharePoint would refuse are refused here, clearly. */
export function splitDrivePath(folder: string): string[] {
  const parts = folder.split('/').filter((p) => p !== '');
  for (const p of parts) checkDriveName(p, folder);
  return parts;
}

/** Refuses a name SharePoint cannot store (`..`, `a:b`, trailing dot or space). */
export function checkDriveName(name: string, shown: string = name): void {
  if (name === '' || name === '.' || name === '..' || FORBIDDEN.test(name) || hasControlCharacter(name) || /[ .]$/.test(name) || /^ /.test(name)) {
    throw new DriveError('failed', failure('graph_name_invalid', { name: shown }));
  }
}

/**
 * The Graph path of a drive's folder or file, relative to the API version:
 * `drives/{id}/root` or `drives/{id}/root:/a/b:` (each segment encoded, so
 * `#`, `%` and Vietnamese letters survive). `me` is the signed-in user's OneDrive.
 */
export function graphItemPath(driveId: string, parts: readonly string[]): string {
  const drive = driveId === 'me' ? 'me/drive' : `drives/${encodeURIComponent(driveId)}`;
  if (parts.length === 0) return `${drive}/root`;
  return `${drive}/root:/${parts.map((p) => encodeURIComponent(p)).join('/')}:`;
}

/** A path's folder part as shown to people. */
export function displayDrivePath(parts: readonly string[], name = ''): string {
  return [...parts, name].filter((p) => p !== '').join('/') || '/';
}

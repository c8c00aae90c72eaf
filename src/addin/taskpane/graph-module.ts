/**
 * SharePoint/OneDrive as the pane loads it on demand: MSAL and the Graph
 * client live in this chunk, kept out of taskpane.js and functions.js.
 */
import type { AddinAuthConfig } from '../auth/addin-auth-config';
import { createAddinSignIn } from '../auth/addin-sign-in';
import { GraphDrive } from '../../drive/graph/graph-drive';
import { resolveSharedFolder } from '../../drive/graph/resolve-shared-folder';
import type { DriveConnection } from './sharepoint-session';

/**
 * Signs in (silently when Office already knows the person, a popup only
 * when they must act) and opens the folder of the pasted link through
 * Graph's shares API, or the person's own OneDrive without a link; the
 * first call is what asks for the token, so call this from a click.
 */
export async function connectDrive(config: AddinAuthConfig, link: string): Promise<DriveConnection> {
  const signIn = await createAddinSignIn(config);
  const shared = link.trim() === '' ? undefined : await resolveSharedFolder(link, { tokens: signIn });
  const drive = new GraphDrive({ driveId: shared?.driveId ?? 'me', tokens: signIn });
  await drive.list(shared?.folder ?? '');
  return { drive, folder: shared?.folder ?? '', place: shared?.name ?? 'OneDrive', account: () => signIn.account(), signOut: () => signIn.signOut() };
}

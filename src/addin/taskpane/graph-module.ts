/**
 * SharePoint/OneDrive as the pane loads it on demand: MSAL and the Graph
 * client live in this chunk, kept out of taskpane.js and functions.js.
 */
import type { AddinAuthConfig } from '../auth/addin-auth-config';
import { openAddinGraphDrive } from '../auth/addin-sign-in';
import type { DriveConnection } from './sharepoint-session';

/**
 * Signs in (silently when Office already knows the person, a popup only
 * when they must act) and opens the drive; the first listing is what asks
 * for the token, so call this from a click.
 */
export async function connectDrive(config: AddinAuthConfig, driveId: string): Promise<DriveConnection> {
  const { drive, signIn } = await openAddinGraphDrive(config, driveId);
  await drive.list('');
  return { drive, driveId: drive.driveId, account: () => signIn.account(), signOut: () => signIn.signOut() };
}

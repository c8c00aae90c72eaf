import type { Drive } from '../../core/ports/drive';

/** A signed-in drive (a SharePoint document library or a OneDrive). */
export interface DriveConnection {
  readonly drive: Drive;
  /** The library's drive id, or `me`. */
  readonly driveId: string;
  /** Who signed in (a user name, never a token). */
  account(): string | undefined;
  signOut(): Promise<void>;
}

/**
 * How the pane reaches SharePoint: unavailable with the reason (the build
 * was not configured), or a way to sign in and open a drive. The Graph and
 * MSAL code behind `connect` is loaded only when it is first called.
 */
export type SharePointAccess = { readonly available: false; readonly problem: string } | { readonly available: true; connect(driveId: string): Promise<DriveConnection> };

const DRIVE_KEY = 'phu.driveId';

function savedDriveId(): string {
  try {
    return globalThis.localStorage?.getItem(DRIVE_KEY) ?? 'me';
  } catch {
    return 'me';
  }
}

/**
 * The pane's one SharePoint session, shared by its panels: a panel that
 * signs in makes the drive available to the others, which redraw.
 */
export class SharePointSession {
  connection: DriveConnection | undefined;
  connecting = false;
  /** Why the last sign-in failed ('' when it did not). */
  error = '';
  driveId = savedDriveId();
  private readonly listeners = new Set<() => void>();

  constructor(readonly access: SharePointAccess) {}

  /** Called after every change of the session. */
  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  /** Signs in and opens the drive; a failure is kept in `error` for the panels to show. */
  async connect(driveId: string): Promise<boolean> {
    if (!this.access.available || this.connecting) return false;
    const id = driveId.trim() || 'me';
    this.driveId = id;
    try {
      globalThis.localStorage?.setItem(DRIVE_KEY, id);
    } catch {
      // Without storage the id is asked again next time.
    }
    this.connecting = true;
    this.error = '';
    this.changed();
    try {
      this.connection = await this.access.connect(id);
      return true;
    } catch (e) {
      this.connection = undefined;
      this.error = e instanceof Error ? e.message : String(e);
      return false;
    } finally {
      this.connecting = false;
      this.changed();
    }
  }

  async disconnect(): Promise<void> {
    const c = this.connection;
    this.connection = undefined;
    this.changed();
    await c?.signOut().catch(() => undefined);
  }
}

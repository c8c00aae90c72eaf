import type { AddinAuthConfig, ConfigProblem } from '../auth/addin-auth-config';
import type { Drive } from '../../core/ports/drive';

/** A signed-in drive (a SharePoint document library or a OneDrive), opened at a folder. */
export interface DriveConnection {
  readonly drive: Drive;
  /** The folder the link pointed to, from the library's root ('' for the root). */
  readonly folder: string;
  /** What to call the place: the linked folder's name, or the person's OneDrive. */
  readonly place: string;
  /** Who signed in (a user name, never a token). */
  account(): string | undefined;
  signOut(): Promise<void>;
}

/** How SharePoint is set up for this pane: by the IT officer's file, or typed once on this computer. */
export interface SharePointSetup {
  readonly config: AddinAuthConfig | undefined;
  readonly problem: ConfigProblem | undefined;
  /** Who to ask (from the configuration file). */
  readonly contact: string | undefined;
  /** The province's folder link, offered first. */
  readonly folderLink: string | undefined;
  /** `file`: phu-config.json next to the add-in; `settings`: typed in this pane; `none`. */
  readonly source: 'file' | 'settings' | 'none';
}

/**
 * How the pane reaches SharePoint: its setup, a way to keep the two values
 * an IT officer gives (when there is no configuration file), and a way to
 * sign in and open a folder from its link. The Graph and MSAL code behind
 * `connect` is loaded only when it is first called.
 */
export interface SharePointAccess {
  readonly setup: SharePointSetup;
  /** Keeps tenant and client id in this computer's add-in settings; returns the new setup. */
  configure(values: { readonly tenant: string; readonly clientId: string }): SharePointSetup;
  /** Signs in and opens the folder of `link` ('' opens the person's own OneDrive). */
  connect(config: AddinAuthConfig, link: string): Promise<DriveConnection>;
}

const LINK_KEY = 'phu.folderLink';

function savedLink(fallback: string | undefined): string {
  try {
    return globalThis.localStorage?.getItem(LINK_KEY) ?? fallback ?? '';
  } catch {
    return fallback ?? '';
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
  setup: SharePointSetup;
  /** The folder link last opened (or the province's), offered again. */
  link: string;
  private readonly listeners = new Set<() => void>();

  constructor(readonly access: SharePointAccess) {
    this.setup = access.setup;
    this.link = savedLink(access.setup.folderLink);
  }

  /** Called after every change of the session. */
  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  /** Keeps the IT officer's two values; every panel redraws with the result. */
  configure(values: { readonly tenant: string; readonly clientId: string }): void {
    this.setup = this.access.configure(values);
    this.changed();
  }

  /** Signs in and opens the folder of `link`; a failure is kept in `error` for the panels to show. */
  async connect(link: string): Promise<boolean> {
    const config = this.setup.config;
    if (!config || this.connecting) return false;
    this.link = link.trim();
    try {
      globalThis.localStorage?.setItem(LINK_KEY, this.link);
    } catch {
      // Without storage the link is asked again next time.
    }
    this.connecting = true;
    this.error = '';
    this.changed();
    try {
      this.connection = await this.access.connect(config, this.link);
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

  /** Back to the link field, still signed in: the next folder opens without asking again. */
  forget(): void {
    this.connection = undefined;
    this.error = '';
    this.changed();
  }

  async disconnect(): Promise<void> {
    const c = this.connection;
    this.connection = undefined;
    this.changed();
    await c?.signOut().catch(() => undefined);
  }
}

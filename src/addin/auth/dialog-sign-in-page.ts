import type { Configuration, IPublicClientApplication } from '@azure/msal-browser';
import type { DialogSignInMessage } from './dialog-sign-in';

/** Marks, across MSAL's redirect, that this window is the Office sign-in dialog (not the popup). */
const DIALOG_KEY = 'phu.dialogSignIn';

interface DialogSignInSettings {
  readonly clientId: string;
  readonly tenant: string;
  readonly scopes: readonly string[];
}

/**
 * The address the pane opens in the Office dialog: the sign-in page with
 * what MSAL needs (client id, tenant and scopes are public values).
 *
 * @example
 * dialogSignInUrl('https://addin.example.vn/auth-redirect.html', { clientId, tenant: 'binhphuoc.gov.vn', scopes: ['Files.ReadWrite.All'] });
 */
export function dialogSignInUrl(page: string, settings: DialogSignInSettings): string {
  const url = new URL(page);
  url.search = new URLSearchParams({ dialog: '1', clientId: settings.clientId, tenant: settings.tenant, scopes: settings.scopes.join(' ') }).toString();
  url.hash = '';
  return url.href;
}

/** What the dialog page needs from the browser and Office; tests pass stand-ins. */
export interface DialogSignInPageDeps {
  readonly href: string;
  readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  createStandard(config: Configuration): Promise<IPublicClientApplication>;
  messageParent(message: string): void;
}

function settingsFrom(href: string, storage: DialogSignInPageDeps['storage']): DialogSignInSettings | undefined {
  const params = new URL(href).searchParams;
  if (params.get('dialog') === '1') {
    const settings = { clientId: params.get('clientId') ?? '', tenant: params.get('tenant') ?? '', scopes: (params.get('scopes') ?? '').split(' ').filter(Boolean) };
    storage.setItem(DIALOG_KEY, JSON.stringify(settings));
    return settings;
  }
  try {
    const stored = JSON.parse(storage.getItem(DIALOG_KEY) ?? 'null') as DialogSignInSettings | null;
    return stored && typeof stored.clientId === 'string' && typeof stored.tenant === 'string' && Array.isArray(stored.scopes) ? stored : undefined;
  } catch {
    return undefined;
  }
}

function codeOf(err: unknown): string {
  return typeof err === 'object' && err !== null && 'errorCode' in err && typeof err.errorCode === 'string' ? err.errorCode : 'unknown';
}

/**
 * The sign-in page's work when it runs in the Office dialog: the first load
 * starts MSAL's redirect flow; the load after the redirect sends the token
 * to the pane with `messageParent` (the dialog's storage dies with it).
 * Returns false when this window is not the dialog (the popup's redirect).
 *
 * @example
 * if (!(await runDialogSignInPage(deps))) await completeSignInRedirect();
 */
export async function runDialogSignInPage(deps: DialogSignInPageDeps): Promise<boolean> {
  const settings = settingsFrom(deps.href, deps.storage);
  if (!settings) return false;
  const send = (message: DialogSignInMessage): void => deps.messageParent(JSON.stringify(message));
  try {
    const page = new URL(deps.href);
    const pca = await deps.createStandard({
      auth: { clientId: settings.clientId, authority: `https://login.microsoftonline.com/${encodeURIComponent(settings.tenant)}`, redirectUri: `${page.origin}${page.pathname}` },
    });
    const result = await pca.handleRedirectPromise();
    if (!result) {
      // Navigates away to Microsoft's sign-in; this page loads again with the answer.
      // No forced prompt: with a Microsoft session already open, the renewal dialog closes by itself.
      await pca.acquireTokenRedirect({ scopes: [...settings.scopes] });
      return true;
    }
    deps.storage.removeItem(DIALOG_KEY);
    send({ type: 'phu-sign-in', ok: true, accessToken: result.accessToken, expiresOn: result.expiresOn?.getTime() ?? 0, ...(result.account?.username ? { account: result.account.username } : {}) });
    await pca.clearCache().catch(() => undefined);
  } catch (err) {
    deps.storage.removeItem(DIALOG_KEY);
    send({ type: 'phu-sign-in', ok: false, code: codeOf(err) });
  }
  return true;
}

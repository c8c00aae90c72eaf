import { createNestablePublicClientApplication, createStandardPublicClientApplication, type AccountInfo, type Configuration, type IPublicClientApplication } from '@azure/msal-browser';
import { DriveError } from '../../core/ports/drive';
import { GraphDrive, type GraphDriveOptions } from '../../drive/graph/graph-drive';
import type { GraphTokenSource } from '../../drive/graph/graph-token-source';
import { ADDIN_GRAPH_SCOPES, type AddinAuthConfig } from './addin-auth-config';
import { dialogSignInUrl } from './dialog-sign-in-page';
import { signInThroughDialog, type DialogSignInResult, type OfficeDialogApi } from './dialog-sign-in';

/** The add-in's Graph sign-in: a token source, plus who is signed in. */
export interface AddinSignIn extends GraphTokenSource {
  /**
   * `nested`: Office brokers the sign-in (NestedAppAuth 1.1); `dialog`: the
   * add-in's sign-in page in an Office dialog (DialogApi 1.1, the fallback);
   * `standard`: MSAL's own popup (no Office dialog API either, e.g. a plain browser).
   */
  readonly mode: 'nested' | 'dialog' | 'standard';
  /** The signed-in person's user name, once known. */
  account(): string | undefined;
  signOut(): Promise<void>;
}

/** What sign-in needs from its surroundings; tests pass stand-ins. */
export interface AddinSignInDeps {
  isNestedAppAuthSupported(): boolean;
  createNestable(config: Configuration): Promise<IPublicClientApplication>;
  createStandard(config: Configuration): Promise<IPublicClientApplication>;
  /** Office's dialog API where the host has it (DialogApi 1.1); absent in tests of the popup path. */
  officeDialog?(): OfficeDialogApi | undefined;
  /** Epoch milliseconds (tests pass a clock). */
  now?(): number;
}

function browserOfficeDialog(): OfficeDialogApi | undefined {
  if (typeof Office === 'undefined' || !Office.context?.ui || Office.context.requirements?.isSetSupported('DialogApi', '1.1') !== true) return undefined;
  const ui = Office.context.ui;
  return {
    displayDialogAsync: (url, options, callback) =>
      ui.displayDialogAsync(url, options, (result) => {
        const dialog = result.status === Office.AsyncResultStatus.Succeeded ? result.value : undefined;
        callback({
          status: dialog ? 'succeeded' : 'failed',
          ...(dialog
            ? {
                value: {
                  addEventHandler: (type, handler) => dialog.addEventHandler(type === 'dialogMessageReceived' ? Office.EventType.DialogMessageReceived : Office.EventType.DialogEventReceived, (args) => handler('message' in args ? args : { error: args.error })),
                  close: () => dialog.close(),
                },
              }
            : {}),
          ...(result.error ? { error: { code: result.error.code } } : {}),
        });
      }),
  };
}

export const BROWSER_SIGN_IN_DEPS: AddinSignInDeps = {
  isNestedAppAuthSupported: () => typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported('NestedAppAuth', '1.1') === true,
  createNestable: createNestablePublicClientApplication,
  createStandard: createStandardPublicClientApplication,
  officeDialog: browserOfficeDialog,
};

/** Errors after which only the person can help: sign in, consent, pick an account. */
const NEEDS_INTERACTION = new Set(['interaction_required', 'login_required', 'consent_required', 'no_account_error', 'no_tokens_found', 'invalid_grant', 'token_refresh_required']);

function errorCode(err: unknown): string {
  return typeof err === 'object' && err !== null && 'errorCode' in err && typeof err.errorCode === 'string' ? err.errorCode : '';
}

function needsInteraction(err: unknown): boolean {
  return (err instanceof Error && err.name === 'InteractionRequiredAuthError') || NEEDS_INTERACTION.has(errorCode(err));
}

/** A sign-in failure as a DriveError with a message a person can act on; MSAL's text is not shown (it may quote the request). */
function signInFailure(err: unknown): DriveError {
  const code = errorCode(err);
  // The popup says `user_cancelled`; Office's broker (nested app authentication) says `user_canceled`.
  if (code === 'user_cancelled' || code === 'user_canceled') return new DriveError('auth', 'Đã hủy đăng nhập Microsoft 365.');
  if (code === 'popup_window_error' || code === 'empty_window_error') return new DriveError('auth', 'Cửa sổ đăng nhập bị chặn: hãy cho phép cửa sổ bật lên rồi bấm lại.');
  return new DriveError('auth', `Không đăng nhập được Microsoft 365${/^[\w.-]{1,64}$/.test(code) ? ` (${code})` : ''}. Hãy thử lại.`);
}

/** A dialog token is renewed this long before it expires, so a long upload does not meet a 401 midway. */
const DIALOG_TOKEN_MARGIN_MS = 5 * 60_000;

/**
 * Sign-in through the add-in's page in an Office dialog: the token lives
 * only in this object (memory), and a new dialog opens when it is about to
 * expire or Graph refused it.
 */
function dialogSignIn(ui: OfficeDialogApi, url: string, now: () => number): AddinSignIn {
  let held: DialogSignInResult | undefined;
  let open: Promise<string> | undefined;
  return {
    mode: 'dialog',
    account: () => held?.account,
    getToken({ forceRefresh }) {
      if (held && !forceRefresh && held.expiresOn - DIALOG_TOKEN_MARGIN_MS > now()) return Promise.resolve(held.accessToken);
      // One dialog at a time, however many calls are waiting (Office allows one anyway).
      open ??= signInThroughDialog(ui, url)
        .then((result) => {
          held = result;
          return result.accessToken;
        })
        .finally(() => (open = undefined));
      return open;
    },
    signOut() {
      held = undefined;
      return Promise.resolve();
    },
  };
}

/**
 * Signs in for Graph inside Office. With NestedAppAuth 1.1 the host brokers
 * the sign-in (no popup for a person already signed in to Office); without
 * it, the add-in's sign-in page (`redirectUri`) in an Office dialog; where
 * Office has no dialog API either, MSAL's standard client with a popup.
 * Tokens come silently first where the mode allows; a window opens only
 * when the person must act, so call `getToken` from a click the first time.
 */
export async function createAddinSignIn(config: AddinAuthConfig, deps: AddinSignInDeps = BROWSER_SIGN_IN_DEPS): Promise<AddinSignIn> {
  const scopes = [...(config.scopes ?? ADDIN_GRAPH_SCOPES)];
  const nested = deps.isNestedAppAuthSupported();
  const ui = nested ? undefined : deps.officeDialog?.();
  if (ui && config.redirectUri) return dialogSignIn(ui, dialogSignInUrl(config.redirectUri, { ...config, scopes }), deps.now ?? Date.now);
  const msalConfig: Configuration = {
    auth: {
      clientId: config.clientId,
      authority: `https://login.microsoftonline.com/${encodeURIComponent(config.tenant)}`,
      ...(config.redirectUri ? { redirectUri: config.redirectUri } : {}),
    },
  };
  let pca: IPublicClientApplication;
  try {
    pca = nested ? await deps.createNestable(msalConfig) : await deps.createStandard(msalConfig);
  } catch (err) {
    throw signInFailure(err);
  }
  let popup: Promise<string> | undefined;

  const current = (): AccountInfo | undefined => pca.getActiveAccount() ?? pca.getAllAccounts()[0] ?? undefined;

  const interactive = (): Promise<string> => {
    // One popup at a time, however many calls are waiting.
    popup ??= pca
      .acquireTokenPopup({ scopes })
      .then((result) => {
        if (result.account) pca.setActiveAccount(result.account);
        return result.accessToken;
      })
      .catch((err: unknown) => {
        throw signInFailure(err);
      })
      .finally(() => (popup = undefined));
    return popup;
  };

  return {
    mode: nested ? 'nested' : 'standard',
    account: () => current()?.username,
    async getToken({ forceRefresh }) {
      const account = current();
      // Nested: Office knows who is signed in, so a silent call needs no account.
      if (account || nested) {
        try {
          const result = await pca.acquireTokenSilent({ scopes, forceRefresh, ...(account ? { account } : {}) });
          if (result.account) pca.setActiveAccount(result.account);
          return result.accessToken;
        } catch (err) {
          if (!needsInteraction(err)) throw signInFailure(err);
        }
      }
      return interactive();
    },
    async signOut() {
      const account = current();
      pca.setActiveAccount(null);
      await pca.clearCache(account ? { account } : undefined).catch(() => undefined);
    },
  };
}

/** A GraphDrive signed in through the add-in (the task pane's one call for SharePoint). */
export async function openAddinGraphDrive(config: AddinAuthConfig, driveId: string, options: Partial<Omit<GraphDriveOptions, 'tokens' | 'driveId'>> = {}, deps?: AddinSignInDeps): Promise<{ drive: GraphDrive; signIn: AddinSignIn }> {
  const signIn = await createAddinSignIn(config, deps);
  return { drive: new GraphDrive({ driveId, tokens: signIn, ...options }), signIn };
}

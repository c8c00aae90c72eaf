import type { AccountInfo, Configuration, IPublicClientApplication } from '@azure/msal-browser';
import { DriveError } from '../../core/ports/drive';
import { addinAuthConfigFrom, addinConfigFromFile, ADDIN_GRAPH_SCOPES } from './addin-auth-config';
import { createAddinSignIn, type AddinSignInDeps } from './addin-sign-in';

const CONFIG = { clientId: '11111111-2222-3333-4444-555555555555', tenant: 'binhphuoc.gov.vn' };
const ACCOUNT = { homeAccountId: 'h', username: 'canbo@binhphuoc.gov.vn' } as AccountInfo;

interface FakeOptions {
  /** What each silent call does: a token, or an error to throw. */
  silent?: Array<string | Error>;
  popup?: Array<string | Error>;
  startWithAccount?: boolean;
}

function msalError(name: string, errorCode: string): Error {
  return Object.assign(new Error(`${errorCode}: details`), { name, errorCode });
}

function fakeMsal(opts: FakeOptions) {
  const log: string[] = [];
  let active: AccountInfo | null = opts.startWithAccount ? ACCOUNT : null;
  const configs: Configuration[] = [];
  const pca = {
    getActiveAccount: () => active,
    getAllAccounts: () => (active ? [active] : []),
    setActiveAccount: (a: AccountInfo | null) => (active = a),
    acquireTokenSilent: (req: { scopes: string[]; forceRefresh?: boolean; account?: AccountInfo }) => {
      log.push(`silent${req.forceRefresh ? ':force' : ''}${req.account ? ':account' : ''}`);
      const next = opts.silent?.shift() ?? 'silent-token';
      return next instanceof Error ? Promise.reject(next) : Promise.resolve({ accessToken: next, account: ACCOUNT });
    },
    acquireTokenPopup: (req: { scopes: string[] }) => {
      log.push(`popup:${req.scopes.join(',')}`);
      const next = opts.popup?.shift() ?? 'popup-token';
      return new Promise((resolve, reject) => setTimeout(() => (next instanceof Error ? reject(next) : resolve({ accessToken: next, account: ACCOUNT })), 5));
    },
    clearCache: () => (log.push('clear'), Promise.resolve()),
  } as unknown as IPublicClientApplication;
  const deps = (nested: boolean): AddinSignInDeps => ({
    isNestedAppAuthSupported: () => nested,
    createNestable: (c) => (log.push('create:nested'), configs.push(c), Promise.resolve(pca)),
    createStandard: (c) => (log.push('create:standard'), configs.push(c), Promise.resolve(pca)),
  });
  return { log, deps, configs };
}

describe('createAddinSignIn with NestedAppAuth 1.1', () => {
  it('gets a token silently from Office, without a popup', async () => {
    const { log, deps, configs } = fakeMsal({});
    const signIn = await createAddinSignIn(CONFIG, deps(true));
    expect(signIn.mode).toBe('nested');
    expect(await signIn.getToken({ forceRefresh: false })).toBe('silent-token');
    expect(log).toEqual(['create:nested', 'silent']);
    expect(configs[0]?.auth.authority).toBe('https://login.microsoftonline.com/binhphuoc.gov.vn');
    expect(signIn.account()).toBe(ACCOUNT.username);
  });

  it('opens a popup when interaction is required, then stays silent', async () => {
    const { log, deps } = fakeMsal({ silent: [msalError('InteractionRequiredAuthError', 'consent_required')] });
    const signIn = await createAddinSignIn(CONFIG, deps(true));
    expect(await signIn.getToken({ forceRefresh: false })).toBe('popup-token');
    expect(await signIn.getToken({ forceRefresh: true })).toBe('silent-token');
    expect(log).toEqual(['create:nested', 'silent', `popup:${ADDIN_GRAPH_SCOPES.join(',')}`, 'silent:force:account']);
  });

  it('opens one popup for many waiting calls', async () => {
    const { log, deps } = fakeMsal({ silent: [msalError('InteractionRequiredAuthError', 'interaction_required'), msalError('InteractionRequiredAuthError', 'interaction_required')] });
    const signIn = await createAddinSignIn(CONFIG, deps(true));
    const tokens = await Promise.all([signIn.getToken({ forceRefresh: false }), signIn.getToken({ forceRefresh: false })]);
    expect(tokens).toEqual(['popup-token', 'popup-token']);
    expect(log.filter((l) => l.startsWith('popup'))).toHaveLength(1);
  });

  it('says the sign-in was cancelled when the person closes Office’s sign-in', async () => {
    const { deps } = fakeMsal({ silent: [msalError('InteractionRequiredAuthError', 'interaction_required')], popup: [msalError('BrowserAuthError', 'user_canceled')] });
    const signIn = await createAddinSignIn(CONFIG, deps(true));
    await expect(signIn.getToken({ forceRefresh: false })).rejects.toThrow('Đã hủy đăng nhập Microsoft 365.');
  });

  it('does not open a popup for an error a person cannot fix', async () => {
    const { log, deps } = fakeMsal({ silent: [msalError('BrowserAuthError', 'network_error')] });
    const signIn = await createAddinSignIn(CONFIG, deps(true));
    const err = await signIn.getToken({ forceRefresh: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DriveError);
    expect((err as DriveError).message).toContain('(network_error)');
    expect((err as DriveError).message).not.toContain('details');
    expect(log.some((l) => l.startsWith('popup'))).toBe(false);
  });
});

describe('createAddinSignIn without NestedAppAuth 1.1 (fallback)', () => {
  it('uses the standard client: a popup first (no account to be silent with), then silent', async () => {
    const { log, deps, configs } = fakeMsal({});
    const signIn = await createAddinSignIn({ ...CONFIG, redirectUri: 'https://localhost:3000/auth-redirect.html' }, deps(false));
    expect(signIn.mode).toBe('standard');
    expect(await signIn.getToken({ forceRefresh: false })).toBe('popup-token');
    expect(await signIn.getToken({ forceRefresh: false })).toBe('silent-token');
    expect(log).toEqual(['create:standard', `popup:${ADDIN_GRAPH_SCOPES.join(',')}`, 'silent:account']);
    expect(configs[0]?.auth.redirectUri).toBe('https://localhost:3000/auth-redirect.html');
  });

  it('says so when the popup is cancelled or blocked', async () => {
    const { deps } = fakeMsal({ popup: [msalError('BrowserAuthError', 'user_cancelled'), msalError('BrowserAuthError', 'popup_window_error')] });
    const signIn = await createAddinSignIn(CONFIG, deps(false));
    await expect(signIn.getToken({ forceRefresh: false })).rejects.toThrow('Đã hủy đăng nhập Microsoft 365.');
    await expect(signIn.getToken({ forceRefresh: false })).rejects.toThrow(/bị chặn/);
  });

  it('signs out by forgetting the account', async () => {
    const { log, deps } = fakeMsal({ startWithAccount: true });
    const signIn = await createAddinSignIn(CONFIG, deps(false));
    expect(signIn.account()).toBe(ACCOUNT.username);
    await signIn.signOut();
    expect(signIn.account()).toBeUndefined();
    expect(log).toContain('clear');
  });
});

describe('addinAuthConfigFrom', () => {
  it('reads client id, tenant (default organizations) and redirect URI', () => {
    expect(addinAuthConfigFrom({ PHU_GRAPH_CLIENT_ID: ` ${CONFIG.clientId} ` })).toEqual({ clientId: CONFIG.clientId, tenant: 'organizations' });
    expect(addinAuthConfigFrom({ PHU_GRAPH_CLIENT_ID: CONFIG.clientId, PHU_GRAPH_SCOPES: ' Sites.Selected ' })).toMatchObject({ scopes: ['Sites.Selected'] });
    expect(addinAuthConfigFrom({ PHU_GRAPH_CLIENT_ID: CONFIG.clientId, PHU_GRAPH_TENANT: 'binhphuoc.gov.vn', PHU_GRAPH_REDIRECT_URI: 'https://addin.example.vn/auth-redirect.html' })).toEqual({
      ...CONFIG,
      redirectUri: 'https://addin.example.vn/auth-redirect.html',
    });
  });

  it('explains what is missing or malformed', () => {
    expect(addinAuthConfigFrom({})).toEqual({ problem: 'missing' });
    expect(addinAuthConfigFrom({ PHU_GRAPH_CLIENT_ID: 'not-a-guid' })).toEqual({ problem: 'clientId' });
    expect(addinAuthConfigFrom({ PHU_GRAPH_CLIENT_ID: CONFIG.clientId, PHU_GRAPH_TENANT: 'bad tenant/../' })).toEqual({ problem: 'tenant' });
    expect(addinAuthConfigFrom({ PHU_GRAPH_CLIENT_ID: CONFIG.clientId, PHU_GRAPH_REDIRECT_URI: 'http://plain' })).toEqual({ problem: 'redirectUri' });
  });
});

describe('addinConfigFromFile (phu-config.json)', () => {
  it('reads tenant, client id, the contact and the province folder link', () => {
    expect(addinConfigFromFile({ tenant: 'binhphuoc.gov.vn', clientId: CONFIG.clientId, contact: 'Phòng CNTT', folderLink: 'https://x.sharepoint.com/sites/4phu/Shared Documents', scopes: ['Sites.Selected'] })).toEqual({
      config: { clientId: CONFIG.clientId, tenant: 'binhphuoc.gov.vn', scopes: ['Sites.Selected'] },
      problem: undefined,
      contact: 'Phòng CNTT',
      folderLink: 'https://x.sharepoint.com/sites/4phu/Shared Documents',
    });
  });

  it('names the wrong value and still shows the contact; refuses what is not an object', () => {
    expect(addinConfigFromFile({ tenant: 'binhphuoc.gov.vn', clientId: 'abc', contact: 'Phòng CNTT' })).toMatchObject({ config: undefined, problem: 'clientId', contact: 'Phòng CNTT' });
    expect(addinConfigFromFile({ contact: 'x' })).toMatchObject({ problem: 'missing' });
    expect(addinConfigFromFile('clientId=1')).toMatchObject({ problem: 'unreadable' });
    expect(addinConfigFromFile([CONFIG])).toMatchObject({ problem: 'unreadable' });
  });
});

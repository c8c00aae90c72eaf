import type { Configuration, IPublicClientApplication } from '@azure/msal-browser';
import { dialogSignInUrl, runDialogSignInPage, type DialogSignInPageDeps } from './dialog-sign-in-page';

const PAGE = 'https://addin.example.vn/auth-redirect.html';
const START = dialogSignInUrl(PAGE, { clientId: '11111111-2222-3333-4444-555555555555', tenant: 'binhphuoc.gov.vn', scopes: ['Files.ReadWrite.All'] });

function memoryStorage(): DialogSignInPageDeps['storage'] & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

function fakePage(href: string, storage: ReturnType<typeof memoryStorage>, redirect: { accessToken: string } | null | Error) {
  const log: string[] = [];
  const sent: unknown[] = [];
  const configs: Configuration[] = [];
  const pca = {
    handleRedirectPromise: () => (redirect instanceof Error ? Promise.reject(redirect) : Promise.resolve(redirect && { ...redirect, expiresOn: new Date(5000), account: { username: 'canbo@binhphuoc.gov.vn' } })),
    acquireTokenRedirect: (req: { scopes: string[] }) => (log.push(`redirect:${req.scopes.join(',')}`), Promise.resolve()),
    clearCache: () => (log.push('clear'), Promise.resolve()),
  } as unknown as IPublicClientApplication;
  const deps: DialogSignInPageDeps = {
    href,
    storage,
    createStandard: (c) => (configs.push(c), Promise.resolve(pca)),
    messageParent: (m) => void sent.push(JSON.parse(m)),
  };
  return { deps, log, sent, configs };
}

describe('runDialogSignInPage', () => {
  it('starts the redirect on the first load, then sends the token to the pane after it and forgets it', async () => {
    const storage = memoryStorage();
    const first = fakePage(START, storage, null);
    expect(await runDialogSignInPage(first.deps)).toBe(true);
    expect(first.log).toEqual(['redirect:Files.ReadWrite.All']);
    expect(first.configs[0]?.auth).toMatchObject({ authority: 'https://login.microsoftonline.com/binhphuoc.gov.vn', redirectUri: PAGE });
    expect(first.sent).toEqual([]);

    const back = fakePage(`${PAGE}#code=abc`, storage, { accessToken: 'tok' });
    expect(await runDialogSignInPage(back.deps)).toBe(true);
    expect(back.sent).toEqual([{ type: 'phu-sign-in', ok: true, accessToken: 'tok', expiresOn: 5000, account: 'canbo@binhphuoc.gov.vn' }]);
    expect(back.log).toContain('clear');
    expect(storage.map.size).toBe(0);
  });

  it('sends only the error code when MSAL fails', async () => {
    const storage = memoryStorage();
    const page = fakePage(START, storage, Object.assign(new Error('AADSTS700016: secret details'), { errorCode: 'invalid_client' }));
    await runDialogSignInPage(page.deps);
    expect(page.sent).toEqual([{ type: 'phu-sign-in', ok: false, code: 'invalid_client' }]);
  });

  it('leaves the popup’s redirect page alone (not opened as the dialog)', async () => {
    const page = fakePage(`${PAGE}#code=abc`, memoryStorage(), { accessToken: 'tok' });
    expect(await runDialogSignInPage(page.deps)).toBe(false);
    expect(page.configs).toEqual([]);
  });
});

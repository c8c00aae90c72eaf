import { DriveError } from '../../core/ports/drive';
import { createAddinSignIn } from './addin-sign-in';
import { signInThroughDialog, type DialogOpenResult, type OfficeDialogApi } from './dialog-sign-in';

const PAGE = 'https://addin.example.vn/auth-redirect.html';
const CONFIG = { clientId: '11111111-2222-3333-4444-555555555555', tenant: 'binhphuoc.gov.vn', redirectUri: PAGE };

type Handler = (arg: { message?: string; origin?: string | undefined; error?: number }) => void;

/** A stand-in for Office.context.ui: records what was opened and lets the test play the dialog. */
function fakeOfficeUi(open: Partial<DialogOpenResult> = {}) {
  const opened: Array<{ url: string; options: { height: number; width: number; promptBeforeOpen: boolean } }> = [];
  const handlers = new Map<string, Handler>();
  let closed = 0;
  const ui: OfficeDialogApi = {
    displayDialogAsync(url, options, callback) {
      opened.push({ url, options });
      handlers.clear();
      const handle = { addEventHandler: (type: string, h: Handler) => handlers.set(type, h), close: () => void closed++ };
      setTimeout(() => callback({ status: 'succeeded', value: handle, ...open }), 1);
    },
  };
  const waitOpen = async (count = 1): Promise<void> => {
    while (opened.length < count || handlers.size < 2) await new Promise((r) => setTimeout(r, 1));
  };
  return {
    ui,
    opened,
    closed: () => closed,
    waitOpen,
    send: (message: unknown, origin: string | undefined = 'https://addin.example.vn') => handlers.get('dialogMessageReceived')?.({ message: JSON.stringify(message), origin }),
    event: (error: number) => handlers.get('dialogEventReceived')?.({ error }),
  };
}

const OK = { type: 'phu-sign-in', ok: true, accessToken: 'dialog-token', expiresOn: 10_000_000, account: 'canbo@binhphuoc.gov.vn' };

describe('signInThroughDialog', () => {
  it('opens the page without Office’s prompt and resolves with the token the page sends, then closes the dialog', async () => {
    const office = fakeOfficeUi();
    const result = signInThroughDialog(office.ui, `${PAGE}?dialog=1`);
    await office.waitOpen();
    expect(office.opened[0]).toEqual({ url: `${PAGE}?dialog=1`, options: { height: 60, width: 30, promptBeforeOpen: false } });
    office.send(OK);
    await expect(result).resolves.toEqual({ accessToken: 'dialog-token', expiresOn: 10_000_000, account: 'canbo@binhphuoc.gov.vn' });
    expect(office.closed()).toBe(1);
  });

  it('ignores messages from another origin and messages that are not a sign-in answer', async () => {
    const office = fakeOfficeUi();
    const result = signInThroughDialog(office.ui, PAGE);
    await office.waitOpen();
    office.send(OK, 'https://evil.example.com');
    office.send({ hello: 1 });
    expect(office.closed()).toBe(0);
    office.send({ ...OK, accessToken: 'real' });
    await expect(result).resolves.toMatchObject({ accessToken: 'real' });
  });

  it('says in Vietnamese that the person closed the dialog (12006)', async () => {
    const office = fakeOfficeUi();
    const result = signInThroughDialog(office.ui, PAGE);
    await office.waitOpen();
    office.event(12006);
    const err = await result.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DriveError);
    expect((err as DriveError).message).toBe('Cửa sổ đăng nhập Microsoft 365 đã bị đóng trước khi đăng nhập xong. Hãy bấm lại để đăng nhập.');
  });

  it('explains a dialog that could not open (blocked by the browser, refused, already open)', async () => {
    await expect(signInThroughDialog(fakeOfficeUi({ status: 'failed', error: { code: 12011 } }).ui, PAGE)).rejects.toThrow(/chặn cửa sổ đăng nhập/);
    await expect(signInThroughDialog(fakeOfficeUi({ status: 'failed', error: { code: 12009 } }).ui, PAGE)).rejects.toThrow(/từ chối/);
    await expect(signInThroughDialog(fakeOfficeUi({ status: 'failed', error: { code: 12007 } }).ui, PAGE)).rejects.toThrow(/đang mở/);
  });

  it('reports a failed or cancelled sign-in the page sends, without MSAL’s text', async () => {
    const office = fakeOfficeUi();
    const failed = signInThroughDialog(office.ui, PAGE);
    await office.waitOpen();
    office.send({ type: 'phu-sign-in', ok: false, code: 'invalid_client' });
    await expect(failed).rejects.toThrow('Không đăng nhập được Microsoft 365 (invalid_client). Hãy thử lại.');
    const cancelled = signInThroughDialog(office.ui, PAGE);
    await office.waitOpen(2);
    office.send({ type: 'phu-sign-in', ok: false, code: 'user_cancelled' });
    await expect(cancelled).rejects.toThrow('Đã hủy đăng nhập Microsoft 365.');
  });
});

describe('createAddinSignIn without NestedAppAuth but with the Office dialog API', () => {
  const noMsal = () => Promise.reject(new Error('MSAL must not be created in the pane'));

  it('signs in through the dialog, keeps the token in memory until near expiry, and reopens on forceRefresh', async () => {
    const office = fakeOfficeUi();
    let clock = 0;
    const signIn = await createAddinSignIn(CONFIG, { isNestedAppAuthSupported: () => false, createNestable: noMsal, createStandard: noMsal, officeDialog: () => office.ui, now: () => clock });
    expect(signIn.mode).toBe('dialog');
    const first = Promise.all([signIn.getToken({ forceRefresh: false }), signIn.getToken({ forceRefresh: false })]);
    await office.waitOpen();
    office.send(OK);
    expect(await first).toEqual(['dialog-token', 'dialog-token']);
    expect(office.opened).toHaveLength(1);
    const url = new URL(office.opened[0]?.url ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(PAGE);
    expect(Object.fromEntries(url.searchParams)).toEqual({ dialog: '1', clientId: CONFIG.clientId, tenant: CONFIG.tenant, scopes: 'Files.ReadWrite.All' });
    expect(signIn.account()).toBe('canbo@binhphuoc.gov.vn');

    clock = 1_000_000;
    expect(await signIn.getToken({ forceRefresh: false })).toBe('dialog-token');
    expect(office.opened).toHaveLength(1);

    const refreshed = signIn.getToken({ forceRefresh: true });
    await office.waitOpen(2);
    office.send({ ...OK, accessToken: 'second' });
    expect(await refreshed).toBe('second');

    clock = OK.expiresOn - 60_000; // inside the renewal margin
    const renewed = signIn.getToken({ forceRefresh: false });
    await office.waitOpen(3);
    office.send({ ...OK, accessToken: 'third', expiresOn: 99_000_000 });
    expect(await renewed).toBe('third');

    await signIn.signOut();
    expect(signIn.account()).toBeUndefined();
  });

  it('lets the person try again after closing the dialog', async () => {
    const office = fakeOfficeUi();
    const signIn = await createAddinSignIn(CONFIG, { isNestedAppAuthSupported: () => false, createNestable: noMsal, createStandard: noMsal, officeDialog: () => office.ui });
    const closed = signIn.getToken({ forceRefresh: false });
    await office.waitOpen();
    office.event(12006);
    await expect(closed).rejects.toThrow(/đã bị đóng/);
    const again = signIn.getToken({ forceRefresh: false });
    await office.waitOpen(2);
    office.send({ ...OK, expiresOn: Date.now() + 3_600_000 });
    expect(await again).toBe('dialog-token');
  });
});

import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { PublicClientApplication, type ICachePlugin } from '@azure/msal-node';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DriveError } from '../core/ports/drive';
import { describeGraphDriveEvent } from '../drive/graph/describe-graph-drive-event';
import { GraphDrive } from '../drive/graph/graph-drive';
import type { GraphDriveEvent } from '../drive/graph/retry-policy';
import { GRAPH_FILE_SCOPES, fileCachePlugin, graphDriveFromEnv, graphScopesFrom, graphTokenSourceFromEnv, type DeviceCodeClient } from './graph-auth';

interface Call {
  kind: 'silent' | 'device';
  forceRefresh?: boolean;
  scopes: string[];
}

/** An MSAL stand-in: device code gives a token and an account; silent works until `silentFails`. */
function fakeMsal(opts: { silentFails?: boolean } = {}) {
  const calls: Call[] = [];
  const accounts: unknown[] = [];
  let issued = 0;
  const client = {
    getTokenCache: () => ({ getAllAccounts: () => Promise.resolve(accounts) }),
    acquireTokenSilent: (req: { forceRefresh?: boolean; scopes: string[] }) => {
      calls.push({ kind: 'silent', scopes: req.scopes, ...(req.forceRefresh !== undefined ? { forceRefresh: req.forceRefresh } : {}) });
      if (opts.silentFails) return Promise.reject(Object.assign(new Error('interaction_required: secret-ish detail'), { errorCode: 'interaction_required' }));
      return Promise.resolve({ accessToken: `silent-${++issued}` });
    },
    acquireTokenByDeviceCode: (req: { scopes: string[]; deviceCodeCallback: (r: { message: string; userCode: string; verificationUri: string; expiresIn: number }) => void }) => {
      calls.push({ kind: 'device', scopes: req.scopes });
      req.deviceCodeCallback({ message: 'To sign in, use a web browser...', userCode: 'ABCD-1234', verificationUri: 'https://microsoft.com/devicelogin', expiresIn: 900 });
      const account = { homeAccountId: 'h', username: 'u@example.vn' };
      accounts.push(account);
      return Promise.resolve({ accessToken: `device-${++issued}`, account });
    },
  };
  return { client: client as unknown as DeviceCodeClient, calls };
}

describe('graphTokenSourceFromEnv', () => {
  it('uses PHU_GRAPH_TOKEN as is (without a "Bearer " prefix) and never signs in', async () => {
    const notices: string[] = [];
    const source = graphTokenSourceFromEnv({ PHU_GRAPH_TOKEN: ' Bearer abc.def ', PHU_GRAPH_CLIENT_ID: 'x' }, (l) => notices.push(l), () => {
      throw new Error('must not create a client');
    });
    expect(await source.getToken({ forceRefresh: false })).toBe('abc.def');
    expect(await source.getToken({ forceRefresh: true })).toBe('abc.def');
    expect(notices).toEqual([]);
  });

  it('says how to sign in when neither variable is set', async () => {
    const source = graphTokenSourceFromEnv({}, () => undefined);
    await expect(source.getToken({ forceRefresh: false })).rejects.toThrow(DriveError);
    await expect(source.getToken({ forceRefresh: false })).rejects.toThrow(/PHU_GRAPH_TOKEN.*PHU_GRAPH_CLIENT_ID/);
  });

  it('signs in with a device code once, then renews silently, forcing a refresh when asked', async () => {
    const { client, calls } = fakeMsal();
    const notices: string[] = [];
    const source = graphTokenSourceFromEnv({ PHU_GRAPH_CLIENT_ID: 'app' }, (l) => notices.push(l), () => client);
    expect(await source.getToken({ forceRefresh: false })).toBe('device-1');
    expect(await source.getToken({ forceRefresh: false })).toBe('silent-2');
    expect(await source.getToken({ forceRefresh: true })).toBe('silent-3');
    expect(calls.map((c) => `${c.kind}${c.forceRefresh === undefined ? '' : `:${c.forceRefresh}`}`)).toEqual(['device', 'silent:false', 'silent:true']);
    expect(calls.every((c) => c.scopes.join() === GRAPH_FILE_SCOPES.join())).toBe(true);
    expect(notices).toEqual(['Đăng nhập Microsoft 365: mở https://microsoft.com/devicelogin và nhập mã ABCD-1234 (mã hết hạn sau 15 phút).']);
    expect(notices.join('\n')).not.toMatch(/device-|silent-/);
  });

  it('words the sign-in, a set-aside cache and the drive events in English with lang en', async () => {
    const { client } = fakeMsal();
    const notices: string[] = [];
    const source = graphTokenSourceFromEnv({ PHU_GRAPH_CLIENT_ID: 'app' }, (l) => notices.push(l), () => client, 'en');
    expect(await source.getToken({ forceRefresh: false })).toBe('device-1');
    expect(notices).toEqual(['Sign in to Microsoft 365: open https://microsoft.com/devicelogin and enter the code ABCD-1234 (it expires in 15 minutes).']);
    const folder = mkdtempSync(path.join(tmpdir(), 'phu-cache-en-'));
    const file = path.join(folder, 'bad-cache.json');
    writeFileSync(file, 'garbage{');
    const lines: string[] = [];
    await fileCachePlugin(file, (l) => lines.push(l), 'en').beforeCacheAccess({ tokenCache: { deserialize: () => undefined } } as unknown as Parameters<ICachePlugin['beforeCacheAccess']>[0]);
    rmSync(folder, { recursive: true, force: true });
    expect(lines).toEqual([`The sign-in file PHU_GRAPH_TOKEN_CACHE "${file}" is damaged (not in the expected format): it is set aside and you need to sign in again (the file is written anew after signing in).`]);
    const events: GraphDriveEvent[] = [
      { kind: 'retry', reason: 'throttled', status: 429, waitMs: 1500, attempt: 1 },
      { kind: 'token_refresh' },
      { kind: 'resume', offset: 1000, total: 5000 },
      { kind: 'session_restart' },
      { kind: 'verify_after_drop', landed: true },
      { kind: 'verify_after_drop', landed: false },
    ];
    const english = events.map((e) => describeGraphDriveEvent(e, 'en'));
    expect(english[0]).toBe('The server is busy (HTTP 429): waiting 1.5 seconds, then trying again (attempt 2).');
    expect(english[2]).toBe('The connection dropped during the upload: resuming from byte 1,000/5,000.');
    for (const line of english) expect(line).not.toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
    expect(describeGraphDriveEvent(events[3] as GraphDriveEvent)).toBe('Phiên tải lên đã hết hạn: tạo phiên mới và tải lại.');
  });

  it('falls back to a device code when silent renewal needs the person', async () => {
    const { client, calls } = fakeMsal({ silentFails: true });
    const source = graphTokenSourceFromEnv({ PHU_GRAPH_CLIENT_ID: 'app' }, () => undefined, () => client);
    await source.getToken({ forceRefresh: false });
    expect(await source.getToken({ forceRefresh: true })).toBe('device-2');
    expect(calls.map((c) => c.kind)).toEqual(['device', 'silent', 'device']);
  });

  it('reports a failed device-code sign-in by its code only', async () => {
    const client = {
      getTokenCache: () => ({ getAllAccounts: () => Promise.resolve([]) }),
      acquireTokenByDeviceCode: () => Promise.reject(Object.assign(new Error('AADSTS70016: details with a code=xyz'), { errorCode: 'authorization_pending' })),
    } as unknown as DeviceCodeClient;
    const source = graphTokenSourceFromEnv({ PHU_GRAPH_CLIENT_ID: 'app' }, () => undefined, () => client);
    const err = await source.getToken({ forceRefresh: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DriveError);
    expect((err as DriveError).message).toContain('(authorization_pending)');
    expect((err as DriveError).message).not.toContain('code=xyz');
  });
});

describe('graphScopesFrom', () => {
  it('defaults to Files.ReadWrite.All and accepts a narrower list', () => {
    expect(graphScopesFrom(undefined)).toEqual(['Files.ReadWrite.All']);
    expect(graphScopesFrom('  ')).toEqual(['Files.ReadWrite.All']);
    expect(graphScopesFrom('Sites.Selected, Files.Read')).toEqual(['Sites.Selected', 'Files.Read']);
  });
});

describe('graphDriveFromEnv', () => {
  it('builds a GraphDrive on PHU_GRAPH_BASE_URL and refuses an empty drive id or plain http', () => {
    expect(graphDriveFromEnv('b!x', { PHU_GRAPH_TOKEN: 't', PHU_GRAPH_BASE_URL: 'https://127.0.0.1:9/v1.0' }, () => undefined)).toBeInstanceOf(GraphDrive);
    expect(() => graphDriveFromEnv(' ', { PHU_GRAPH_TOKEN: 't' }, () => undefined)).toThrow(DriveError);
    expect(() => graphDriveFromEnv('b!x', { PHU_GRAPH_TOKEN: 't', PHU_GRAPH_BASE_URL: 'http://127.0.0.1:9/v1.0' }, () => undefined)).toThrow(DriveError);
  });
});

describe('fileCachePlugin', () => {
  it('writes the cache for its owner only and reads it back', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'phu-cache-'));
    try {
      const file = path.join(dir, 'sub', 'cache.json');
      const plugin = fileCachePlugin(file);
      let stored = '';
      const context = (changed: boolean) =>
        ({ cacheHasChanged: changed, tokenCache: { serialize: () => '{"a":1}', deserialize: (t: string) => (stored = t) } }) as unknown as Parameters<typeof plugin.afterCacheAccess>[0];
      await plugin.beforeCacheAccess(context(false));
      expect(stored).toBe('');
      await plugin.afterCacheAccess(context(false));
      await expect(Promise.resolve().then(() => statSync(file))).rejects.toThrow();
      await plugin.afterCacheAccess(context(true));
      expect(readFileSync(file, 'utf8')).toBe('{"a":1}');
      if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
      await plugin.beforeCacheAccess(context(false));
      expect(stored).toBe('{"a":1}');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('fileCachePlugin with a cache that cannot be used', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'phu-cache-bad-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['not JSON', 'garbage{', 'bị hỏng'],
    ['truncated JSON', '{"Account":{"a":{"home_account_id":', 'bị hỏng'],
    ['JSON of the wrong shape', '{"Account":[1,2],"RefreshToken":"x"}', 'bị hỏng'],
    ['an entry that is not an object', '{"Account":{"a":5}}', 'bị hỏng'],
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 'không đọc được'],
    ['too large', `{"Account":{},"x":"${'a'.repeat(1024 * 1024)}"}`, 'quá lớn'],
  ])('%s: one clear line, an empty cache, sign in again', async (_what, content, why) => {
    const file = path.join(dir, 'cache.json');
    writeFileSync(file, content);
    const lines: string[] = [];
    const msal = new PublicClientApplication({ auth: { clientId: '00000000-0000-0000-0000-000000000000' }, cache: { cachePlugin: fileCachePlugin(file, (l) => lines.push(l)) } });
    await expect(msal.getTokenCache().getAllAccounts()).resolves.toEqual([]);
    await msal.getTokenCache().getAllAccounts();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(why);
    expect(lines[0]).toContain('cần đăng nhập lại');
  });

  it('a folder in the cache\'s place is set aside too', async () => {
    const file = path.join(dir, 'cache.json');
    mkdirSync(file);
    const lines: string[] = [];
    const msal = new PublicClientApplication({ auth: { clientId: '00000000-0000-0000-0000-000000000000' }, cache: { cachePlugin: fileCachePlugin(file, (l) => lines.push(l)) } });
    await expect(msal.getTokenCache().getAllAccounts()).resolves.toEqual([]);
    expect(lines.join('')).toContain('cần đăng nhập lại');
  });

  it('a corrupt cache leads to the device-code sign-in, not to a failure', async () => {
    const file = path.join(dir, 'cache.json');
    writeFileSync(file, 'garbage{');
    const { client, calls } = fakeMsal();
    const lines: string[] = [];
    const plugin = fileCachePlugin(file, (l) => lines.push(l));
    const real = new PublicClientApplication({ auth: { clientId: '00000000-0000-0000-0000-000000000000' }, cache: { cachePlugin: plugin } });
    const source = graphTokenSourceFromEnv({ PHU_GRAPH_CLIENT_ID: 'app' }, (l) => lines.push(l), () => ({ ...client, getTokenCache: () => real.getTokenCache() }) as DeviceCodeClient);
    await expect(source.getToken({ forceRefresh: false })).resolves.toBe('device-1');
    expect(calls.map((c) => c.kind)).toEqual(['device']);
    expect(lines[0]).toContain('bị hỏng');
  });

  it('writes atomically: the old cache stays whole until the new one replaces it, no temporary file left', async () => {
    const file = path.join(dir, 'cache.json');
    writeFileSync(file, '{"Account":{}}', { mode: 0o644 });
    const plugin = fileCachePlugin(file);
    const context = { cacheHasChanged: true, tokenCache: { serialize: () => '{"Account":{"k":{}}}', deserialize: () => undefined } } as unknown as Parameters<typeof plugin.afterCacheAccess>[0];
    await plugin.afterCacheAccess(context);
    expect(readFileSync(file, 'utf8')).toBe('{"Account":{"k":{}}}');
    expect(readdirSync(dir)).toEqual(['cache.json']);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { AccountInfo, ICachePlugin, IPublicClientApplication } from '@azure/msal-node';
import { failure } from '../core/failures/failure-codes';
import type { Lang } from './command';
import { DriveError } from '../core/ports/drive';
import { describeGraphDriveEvent } from '../drive/graph/describe-graph-drive-event';
import { GraphDrive, type GraphDriveOptions } from '../drive/graph/graph-drive';
import { staticTokenSource, type GraphTokenSource } from '../drive/graph/graph-token-source';
import { writeFileAtomic } from '../drive/local/write-file-atomic';

/**
 * Delegated permission PHU asks for: read and write the files the signed-in
 * person can already reach, including SharePoint document libraries
 * (`Files.ReadWrite` alone covers only their own OneDrive). Never more than
 * what that person could do in the browser.
 */
export const GRAPH_FILE_SCOPES: readonly string[] = ['Files.ReadWrite.All'];

/** `PHU_GRAPH_SCOPES` as a list (space- or comma-separated); the default when unset. */
export function graphScopesFrom(value: string | undefined): readonly string[] {
  const scopes = (value ?? '').split(/[\s,]+/).filter((s) => s !== '');
  return scopes.length > 0 ? scopes : GRAPH_FILE_SCOPES;
}

/** The environment variables the CLI reads for Graph. */
export interface GraphEnv {
  /** A bearer token (e.g. from another tool); used as is, never printed. */
  readonly PHU_GRAPH_TOKEN?: string | undefined;
  /** The app registration (public client) for the device-code sign-in. */
  readonly PHU_GRAPH_CLIENT_ID?: string | undefined;
  /** Tenant id or domain; `organizations` by default. */
  readonly PHU_GRAPH_TENANT?: string | undefined;
  /** Replaces https://graph.microsoft.com/v1.0 (tests point it at loopback). */
  readonly PHU_GRAPH_BASE_URL?: string | undefined;
  /** A file to keep the sign-in between commands (holds refresh tokens: keep it private). */
  readonly PHU_GRAPH_TOKEN_CACHE?: string | undefined;
  /** Delegated scopes, space-separated, instead of Files.ReadWrite.All (e.g. `Sites.Selected`). */
  readonly PHU_GRAPH_SCOPES?: string | undefined;
  /** Largest file sent in one PUT, in bytes (default 4 MiB); larger ones go in resumable chunks. 0: always chunks. */
  readonly PHU_GRAPH_SIMPLE_UPLOAD_MAX?: string | undefined;
}

/** The part of an MSAL public client the device-code flow uses (a fake in tests). */
export type DeviceCodeClient = Pick<IPublicClientApplication, 'acquireTokenByDeviceCode' | 'acquireTokenSilent' | 'getTokenCache'>;

/** Why the sign-in cache file is set aside. */
type CacheProblem = 'not_msal' | 'not_readable_cache' | 'not_a_file' | 'too_large' | 'access_denied' | 'unreadable';

/** The sign-in lines in each language. */
const NOTICES: Readonly<
  Record<Lang, { signIn(p: { uri: string; code: string; minutes: number }): string; cacheSetAside(p: { file: string; why: string }): string; cacheProblem: Readonly<Record<CacheProblem, string>> }>
> = {
  vi: {
    signIn: (p) => `Đăng nhập Microsoft 365: mở ${p.uri} và nhập mã ${p.code} (mã hết hạn sau ${p.minutes} phút).`,
    cacheSetAside: (p) => `Tệp lưu đăng nhập PHU_GRAPH_TOKEN_CACHE "${p.file}" ${p.why}: bỏ qua tệp này, cần đăng nhập lại (tệp sẽ được ghi mới sau khi đăng nhập).`,
    cacheProblem: { not_msal: 'bị hỏng (không đúng định dạng)', not_readable_cache: 'bị hỏng (không đọc được)', not_a_file: 'không phải một tệp', too_large: 'quá lớn', access_denied: 'không đọc được (không có quyền)', unreadable: 'không đọc được' },
  },
  en: {
    signIn: (p) => `Sign in to Microsoft 365: open ${p.uri} and enter the code ${p.code} (it expires in ${p.minutes} minutes).`,
    cacheSetAside: (p) => `The sign-in file PHU_GRAPH_TOKEN_CACHE "${p.file}" ${p.why}: it is set aside and you need to sign in again (the file is written anew after signing in).`,
    cacheProblem: { not_msal: 'is damaged (not in the expected format)', not_readable_cache: 'is damaged (cannot be read)', not_a_file: 'is not a file', too_large: 'is too large', access_denied: 'cannot be read (no permission)', unreadable: 'cannot be read' },
  },
};

/** Where sign-in instructions and progress lines go (stderr in the CLI). */
export type Notice = (line: string) => void;

/**
 * The CLI's token source: `PHU_GRAPH_TOKEN` when set, else a device-code
 * sign-in with the app `PHU_GRAPH_CLIENT_ID`. Neither is ever printed.
 */
export function graphTokenSourceFromEnv(
  env: GraphEnv,
  notice: Notice,
  createClient: (env: GraphEnv, notice: Notice, lang: Lang) => DeviceCodeClient = createMsalClient,
  lang: Lang = 'vi',
): GraphTokenSource {
  const token = env.PHU_GRAPH_TOKEN?.trim();
  if (token) return staticTokenSource(token);
  if (!env.PHU_GRAPH_CLIENT_ID?.trim()) {
    return {
      getToken: () =>
        Promise.reject(
          new DriveError('auth', failure('graph_not_signed_in', {})),
        ),
    };
  }
  let client: DeviceCodeClient | undefined;
  return deviceCodeTokenSource(() => (client ??= createClient(env, notice, lang)), graphScopesFrom(env.PHU_GRAPH_SCOPES), notice, lang);
}

/**
 * Tokens from MSAL: silently from its cache (refreshing when asked), and a
 * device-code sign-in when there is no account yet or silent renewal needs
 * the person. The message shows where to go and which code to type.
 */
export function deviceCodeTokenSource(client: () => DeviceCodeClient, scopes: readonly string[], notice: Notice, lang: Lang = 'vi'): GraphTokenSource {
  let account: AccountInfo | undefined;
  return {
    async getToken({ forceRefresh }) {
      const msal = client();
      // A cache that deserialized but cannot list its accounts is as good as none: sign in again.
      account ??= (await msal.getTokenCache().getAllAccounts().catch(() => []))[0];
      if (account) {
        try {
          const silent = await msal.acquireTokenSilent({ account, scopes: [...scopes], forceRefresh });
          if (silent.accessToken) return silent.accessToken;
        } catch {
          // Renewal needs the person (expired refresh token, new consent): sign in again below.
        }
      }
      let result;
      try {
        result = await msal.acquireTokenByDeviceCode({
          scopes: [...scopes],
          deviceCodeCallback: (r) => notice(NOTICES[lang].signIn({ uri: r.verificationUri, code: r.userCode, minutes: Math.round(r.expiresIn / 60) })),
        });
      } catch (err) {
        throw new DriveError('auth', failure('graph_device_code_failed', { detail: errorCode(err) }));
      }
      if (!result?.accessToken) throw new DriveError('auth', failure('graph_device_code_failed', { detail: '' }));
      account = result.account ?? undefined;
      return result.accessToken;
    },
  };
}

/** An MSAL error's code, never its full text (which may quote the request). */
function errorCode(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'errorCode' in err && typeof err.errorCode === 'string' ? err.errorCode : '';
  return /^[\w.-]{1,64}$/.test(code) ? code : '';
}

function createMsalClient(env: GraphEnv, notice: Notice, lang: Lang): DeviceCodeClient {
  // Loaded only when someone signs in this way: the CLI starts faster without it.
  const msal = require('@azure/msal-node') as typeof import('@azure/msal-node');
  const tenant = env.PHU_GRAPH_TENANT?.trim() || 'organizations';
  const cacheFile = env.PHU_GRAPH_TOKEN_CACHE?.trim();
  return new msal.PublicClientApplication({
    auth: { clientId: env.PHU_GRAPH_CLIENT_ID?.trim() ?? '', authority: `https://login.microsoftonline.com/${encodeURIComponent(tenant)}` },
    ...(cacheFile ? { cache: { cachePlugin: fileCachePlugin(cacheFile, notice, lang) } } : {}),
  });
}

/** A token cache larger than this is not one PHU wrote (a few accounts take a few kB). */
const MAX_CACHE_BYTES = 1024 * 1024;

/** The sections MSAL's serialized cache holds, each a map of entries. */
const CACHE_SECTIONS = ['Account', 'IdToken', 'AccessToken', 'RefreshToken', 'AppMetadata'];

/**
 * Keeps MSAL's cache in a file readable by its owner only. The file is read
 * defensively: missing, unreadable, too large, not JSON, or not shaped like
 * MSAL's cache, it is set aside with one clear line and the person signs in
 * again (a corrupt cache must not look like a network failure). It is
 * written atomically, with owner-only permissions from the start, so an
 * interrupted command never leaves half a cache.
 *
 * @example new PublicClientApplication({ auth, cache: { cachePlugin: fileCachePlugin('~/.phu/token.json', console.error) } })
 */
export function fileCachePlugin(file: string, notice: Notice = () => undefined, lang: Lang = 'vi'): ICachePlugin {
  let warned = false;
  const setAside = (why: CacheProblem): void => {
    if (warned) return;
    warned = true;
    notice(NOTICES[lang].cacheSetAside({ file, why: NOTICES[lang].cacheProblem[why] }));
  };
  return {
    async beforeCacheAccess(context) {
      const text = await readCacheText(file, setAside);
      if (text === undefined) return;
      if (!looksLikeMsalCache(text)) return setAside('not_msal');
      try {
        context.tokenCache.deserialize(text);
      } catch {
        setAside('not_readable_cache');
      }
    },
    async afterCacheAccess(context) {
      if (!context.cacheHasChanged) return;
      await fs.mkdir(path.dirname(file), { recursive: true });
      await writeFileAtomic(file, context.tokenCache.serialize(), { mode: 0o600 });
    },
  };
}

/** The cache file's text; undefined when there is none yet or it cannot be used (said through `setAside`). */
async function readCacheText(file: string, setAside: (why: CacheProblem) => void): Promise<string | undefined> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    const st = await handle.stat();
    if (!st.isFile()) return void setAside('not_a_file');
    if (st.size > MAX_CACHE_BYTES) return void setAside('too_large');
    const bytes = await handle.readFile();
    if (bytes.length > MAX_CACHE_BYTES) return void setAside('too_large');
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (err) {
    const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
    if (code === 'ENOENT') return undefined;
    return void setAside(code === 'EACCES' || code === 'EPERM' ? 'access_denied' : 'unreadable');
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** A JSON object whose known sections, when present, are objects of objects: what MSAL wrote. */
function looksLikeMsalCache(text: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false;
  const record = parsed as Record<string, unknown>;
  return CACHE_SECTIONS.every((k) => {
    const section = record[k];
    if (section === undefined) return true;
    if (typeof section !== 'object' || section === null || Array.isArray(section)) return false;
    return Object.values(section).every((entry) => typeof entry === 'object' && entry !== null && !Array.isArray(entry));
  });
}

/**
 * The drive behind `--drive graph:<drive-id>`: tokens and base URL from the
 * environment, progress lines (retries, resumes) to `notice`.
 */
export function graphDriveFromEnv(driveId: string, env: GraphEnv, notice: Notice, options: Partial<GraphDriveOptions> = {}, lang: Lang = 'vi'): GraphDrive {
  if (driveId.trim() === '') throw new DriveError('not_found', failure('graph_drive_id_missing', {}));
  const simpleMax = env.PHU_GRAPH_SIMPLE_UPLOAD_MAX?.trim();
  if (simpleMax && !/^\d+$/.test(simpleMax)) throw new DriveError('failed', failure('graph_simple_upload_max', { value: simpleMax }));
  return new GraphDrive({
    driveId,
    tokens: graphTokenSourceFromEnv(env, notice, createMsalClient, lang),
    ...(env.PHU_GRAPH_BASE_URL?.trim() ? { baseUrl: env.PHU_GRAPH_BASE_URL.trim() } : {}),
    ...(simpleMax ? { simpleUploadLimit: Number(simpleMax) } : {}),
    onEvent: (event) => notice(describeGraphDriveEvent(event, lang)),
    ...options,
  });
}

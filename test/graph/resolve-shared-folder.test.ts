import { DriveError } from '../../src/core/ports/drive';
import { staticTokenSource } from '../../src/drive/graph/graph-token-source';
import { encodeSharingUrl, resolveSharedFolder } from '../../src/drive/graph/resolve-shared-folder';
import { startGraphServer, type StartedGraphServer } from '../support/start-graph-server';
import { LIBRARY_NAME, type GraphTestServer } from './graph-test-server';

const DRIVE = 'b!phu-shares';
const TOKEN = 'tok-shares-0123456789';
const FOLDER = '4PHU-2024/D1/688 Thị xã Phước Long';

let graph: StartedGraphServer;
let server: GraphTestServer;
let httpsFetch: typeof fetch;

beforeAll(async () => {
  graph = await startGraphServer({ tokens: [TOKEN] });
  ({ server, fetch: httpsFetch } = graph);
  server.drive(DRIVE).seed(`${FOLDER}/25216 Xã Long Giang.xlsx`, Buffer.from('x'));
});

afterAll(() => graph.close());

const resolve = (link: string, token = TOKEN) => resolveSharedFolder(link, { tokens: staticTokenSource(token), baseUrl: server.apiBase, fetch: httpsFetch, retry: { baseDelayMs: 10, maxDelayMs: 50, maxTotalMs: 5_000, requestTimeoutMs: 5_000 } });
const linkOf = (path: string): string => `${server.filesBase}/sites/${encodeURIComponent(DRIVE)}/${[LIBRARY_NAME, ...path.split('/')].map(encodeURIComponent).join('/')}`;

describe('encodeSharingUrl', () => {
  it('is u! and unpadded base64url of the UTF-8 URL, as Graph documents', () => {
    // The example of Graph's "Accessing shared DriveItems" page.
    expect(encodeSharingUrl('https://onedrive.live.com/redir?resid=1231244193912!12&authKey=1201919!12921!1')).toBe('u!aHR0cHM6Ly9vbmVkcml2ZS5saXZlLmNvbS9yZWRpcj9yZXNpZD0xMjMxMjQ0MTkzOTEyITEyJmF1dGhLZXk9MTIwMTkxOSExMjkyMSEx');
    const encoded = encodeSharingUrl('https://x.sharepoint.com/sites/tỉnh/Tài liệu?/>');
    expect(encoded).toMatch(/^u![A-Za-z0-9_-]+$/);
    expect(Buffer.from(encoded.slice(2), 'base64url').toString('utf8')).toBe('https://x.sharepoint.com/sites/tỉnh/Tài liệu?/>');
  });
});

describe('resolveSharedFolder (loopback Graph shares API)', () => {
  it('opens a folder link as its library and path, with or without a trailing slash or quotes', async () => {
    const expected = { driveId: DRIVE, folder: FOLDER, name: '688 Thị xã Phước Long' };
    await expect(resolve(linkOf(FOLDER))).resolves.toMatchObject(expected);
    await expect(resolve(` "${linkOf(FOLDER)}/" `)).resolves.toMatchObject(expected);
  });

  it('opens a file link as the file’s folder and the library link as its root', async () => {
    await expect(resolve(linkOf(`${FOLDER}/25216 Xã Long Giang.xlsx`))).resolves.toMatchObject({ driveId: DRIVE, folder: FOLDER });
    await expect(resolve(`${server.filesBase}/sites/${encodeURIComponent(DRIVE)}/${encodeURIComponent(LIBRARY_NAME)}/`)).resolves.toMatchObject({ driveId: DRIVE, folder: '', name: LIBRARY_NAME });
  });

  it('asks the library for the path when the share answer leaves it out', async () => {
    server.sharesOmitPath = true;
    try {
      const before = server.records.length;
      await expect(resolve(linkOf('4PHU-2024/D1'))).resolves.toMatchObject({ driveId: DRIVE, folder: '4PHU-2024/D1' });
      expect(server.records.slice(before).map((r) => r.path.split('/')[2])).toEqual(['shares', 'drives']);
    } finally {
      server.sharesOmitPath = false;
    }
  });

  it('refuses what is not an https link, an unknown link and a refused token, in Vietnamese', async () => {
    const failure = async (p: Promise<unknown>): Promise<DriveError> => {
      try {
        await p;
      } catch (e) {
        if (e instanceof DriveError) return e;
        throw e;
      }
      throw new Error('resolved');
    };
    expect((await failure(resolve('b!phu-shares'))).message).toMatch(/không phải là một liên kết/);
    expect((await failure(resolve('http://x.sharepoint.com/a'))).message).toMatch(/https/);
    expect((await failure(resolve(linkOf('không có'))))).toMatchObject({ code: 'not_found' });
    expect((await failure(resolve(linkOf(FOLDER), 'revoked')))).toMatchObject({ code: 'auth' });
  });
});

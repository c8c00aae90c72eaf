import { DriveError } from '../../src/core/ports/drive';
import { staticTokenSource } from '../../src/drive/graph/graph-token-source';
import { listReachableLibraries } from '../../src/drive/graph/list-reachable-libraries';
import { startGraphServer, type StartedGraphServer } from '../support/start-graph-server';
import type { GraphTestServer } from './graph-test-server';

const TOKEN = 'tok-sites-0123456789';

let graph: StartedGraphServer;
let server: GraphTestServer;
let httpsFetch: typeof fetch;

beforeAll(async () => {
  graph = await startGraphServer({ tokens: [TOKEN] });
  ({ server, fetch: httpsFetch } = graph);
  server.addSite('site-tinh', 'Ban Chỉ đạo 4 phủ tỉnh', [
    { driveId: 'b!tinh-tailieu', name: 'Tài liệu' },
    { driveId: 'b!tinh-baocao', name: 'Báo cáo xã' },
  ]);
  server.addSite('site-an-ninh', 'An ninh (riêng)', [{ driveId: 'b!secret', name: 'Tài liệu' }], true);
  server.addSite('site-cntt', 'Phòng CNTT', [{ driveId: 'b!cntt', name: 'Documents' }]);
});

afterAll(() => graph.close());

const list = (token = TOKEN) => listReachableLibraries({ tokens: staticTokenSource(token), baseUrl: server.apiBase, fetch: httpsFetch, retry: { baseDelayMs: 10, maxDelayMs: 50, maxTotalMs: 5_000, requestTimeoutMs: 5_000 } });

describe('listReachableLibraries', () => {
  it('lists every library of every site the person can read, by site and library name, leaving out a forbidden site', async () => {
    const libraries = await list();
    expect(libraries.map((l) => `${l.site} › ${l.library}`)).toEqual(['Ban Chỉ đạo 4 phủ tỉnh › Báo cáo xã', 'Ban Chỉ đạo 4 phủ tỉnh › Tài liệu', 'Phòng CNTT › Documents']);
    expect(libraries.map((l) => l.driveId)).toEqual(['b!tinh-baocao', 'b!tinh-tailieu', 'b!cntt']);
    expect(libraries[1]?.webUrl).toBe(`${server.filesBase}/sites/site-tinh/${encodeURIComponent('Tài liệu')}`);
    const searched = server.records.find((r) => r.path === '/v1.0/sites');
    expect(searched?.status).toBe(200);
    expect(server.records.some((r) => r.path === '/v1.0/sites/site-an-ninh/drives' && r.status === 403)).toBe(true);
  });

  it('fails with a sign-in error, not an empty list, when the token is refused', async () => {
    const err = await list('wrong-token').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DriveError);
    expect((err as DriveError).code).toBe('auth');
  });
});

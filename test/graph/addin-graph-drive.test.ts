import type { IPublicClientApplication } from '@azure/msal-browser';
import { openAddinGraphDrive } from '../../src/addin/auth/addin-sign-in';
import { startGraphServer, type StartedGraphServer } from '../support/start-graph-server';
import type { GraphTestServer } from './graph-test-server';

let graph: StartedGraphServer;
let server: GraphTestServer;

beforeAll(async () => {
  graph = await startGraphServer({ tokens: ['naa-token-2'], drives: ['b!addin'] });
  server = graph.server;
});

afterAll(() => graph.close());

it('the add-in drive uses the nested sign-in token, and a 401 makes it refresh silently once', async () => {
  server.drive('b!addin').seed('4PHU-2024/D1/a.xlsx', Buffer.from('abc'));
  const silentCalls: boolean[] = [];
  const pca = {
    getActiveAccount: () => null,
    getAllAccounts: () => [],
    setActiveAccount: () => undefined,
    // Office hands out a stale token first (as after a password change), a good one when forced.
    acquireTokenSilent: (req: { forceRefresh?: boolean }) => (silentCalls.push(req.forceRefresh === true), Promise.resolve({ accessToken: req.forceRefresh ? 'naa-token-2' : 'naa-token-1', account: null })),
    acquireTokenPopup: () => Promise.reject(new Error('no popup expected')),
  } as unknown as IPublicClientApplication;
  const deps = { isNestedAppAuthSupported: () => true, createNestable: () => Promise.resolve(pca), createStandard: () => Promise.reject(new Error('no fallback expected')) };
  const { drive, signIn } = await openAddinGraphDrive({ clientId: '11111111-2222-3333-4444-555555555555', tenant: 'organizations' }, 'b!addin', { baseUrl: server.apiBase, fetch: graph.fetch }, deps);
  expect(signIn.mode).toBe('nested');
  const items = await drive.list('4PHU-2024/D1');
  expect(items.map((i) => i.name)).toEqual(['a.xlsx']);
  expect(silentCalls).toEqual([false, true]);
  expect(server.records.map((r) => [r.status, r.authorization])).toEqual([
    [401, 'Bearer naa-token-1'],
    [200, 'Bearer naa-token-2'],
  ]);
});

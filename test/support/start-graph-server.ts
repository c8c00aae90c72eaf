import { GraphTestServer } from '../graph/graph-test-server';
import { createHttpsFetch } from '../graph/https-fetch';
import { createTestCertificates, type TestCertificates } from '../graph/test-certificates';

/** The loopback Graph server of a test, with what a client needs to trust it. */
export interface StartedGraphServer {
  readonly server: GraphTestServer;
  /** The throwaway CA and server certificate (`caPath` for a child process's NODE_EXTRA_CA_CERTS). */
  readonly certs: TestCertificates;
  /** A fetch of this process that trusts the server's CA. */
  readonly fetch: typeof fetch;
  /** Stops the server and removes the certificates. */
  close(): Promise<void>;
}

/**
 * Makes throwaway certificates and starts the Graph-compatible server on
 * loopback, accepting `tokens` and holding the (empty) drives `drives`:
 * the setup every Graph test shares.
 *
 * @example const graph = await startGraphServer({ tokens: ['tok'], drives: ['b!x'] }); afterAll(() => graph.close());
 */
export async function startGraphServer(opts: { readonly tokens?: readonly string[]; readonly drives?: readonly string[] } = {}): Promise<StartedGraphServer> {
  const certs = createTestCertificates();
  let server: GraphTestServer;
  try {
    server = await GraphTestServer.start(certs);
  } catch (err) {
    certs.dispose();
    throw err;
  }
  for (const t of opts.tokens ?? []) server.validTokens.add(t);
  for (const d of opts.drives ?? []) server.drive(d);
  return {
    server,
    certs,
    fetch: createHttpsFetch(certs.caPem),
    close: async () => {
      await server.close();
      certs.dispose();
    },
  };
}

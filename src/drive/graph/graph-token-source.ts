/**
 * Where a Graph drive gets its bearer tokens: MSAL in the add-in, an
 * environment variable or a device-code sign-in in the CLI. The drive asks
 * with `forceRefresh` once after a 401; a source that cannot refresh returns
 * what it has, and the drive then reports that signing in again is needed.
 */
export interface GraphTokenSource {
  getToken(options: { readonly forceRefresh: boolean }): Promise<string>;
}

/** A fixed token (`PHU_GRAPH_TOKEN`): it cannot be refreshed. */
export function staticTokenSource(token: string): GraphTokenSource {
  const bare = token.trim().replace(/^Bearer\s+/i, '');
  return { getToken: () => Promise.resolve(bare) };
}

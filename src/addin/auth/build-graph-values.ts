/**
 * The Graph settings the add-in was built with (`PHU_GRAPH_CLIENT_ID`,
 * `PHU_GRAPH_TENANT`, `PHU_GRAPH_REDIRECT_URI`, `PHU_GRAPH_SCOPES` in the
 * environment of `npm run build`): webpack writes their values in place of
 * these expressions, so the built pane holds the values, never the names'
 * lookups. Read them with `addinAuthConfigFrom`.
 */
export function buildGraphValues(): Record<string, string | undefined> {
  return {
    PHU_GRAPH_CLIENT_ID: process.env.PHU_GRAPH_CLIENT_ID,
    PHU_GRAPH_TENANT: process.env.PHU_GRAPH_TENANT,
    PHU_GRAPH_REDIRECT_URI: process.env.PHU_GRAPH_REDIRECT_URI,
    PHU_GRAPH_SCOPES: process.env.PHU_GRAPH_SCOPES,
  };
}

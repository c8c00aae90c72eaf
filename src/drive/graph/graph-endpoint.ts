import { failure } from '../../core/failures/failure-codes';
import { DriveError } from '../../core/ports/drive';

/** The public Graph service; `PHU_GRAPH_BASE_URL` replaces it (tests use a loopback server). */
export const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';

/** Hosts the Graph client already trusts with a token. */
const KNOWN_GRAPH_HOSTS = new Set(['graph.microsoft.com', 'graph.microsoft.us', 'dod-graph.microsoft.us', 'graph.microsoft.de', 'microsoftgraph.chinacloudapi.cn', 'canary.graph.microsoft.com']);

/** A Graph base URL split the way the Graph client wants it. */
export interface GraphEndpoint {
  /** `https://graph.microsoft.com` (with any path prefix before the version). */
  readonly host: string;
  /** `v1.0` */
  readonly version: string;
  /** The host name the token may go to, when the client does not know it already. */
  readonly customHost?: string;
  /** `host/version/`, to recognize the service's own absolute links (`@odata.nextLink`). */
  readonly prefix: string;
}

/**
 * Reads a base URL such as `https://graph.microsoft.com/v1.0`. Only https is
 * accepted: the client never sends a token over plain http, and a drive that
 * silently failed to authenticate would be worse than a clear refusal.
 */
export function parseGraphEndpoint(baseUrl: string = DEFAULT_GRAPH_BASE_URL): GraphEndpoint {
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    throw new DriveError('failed', failure('graph_base_url_invalid', { url: baseUrl }));
  }
  if (url.protocol !== 'https:') throw new DriveError('failed', failure('graph_base_url_not_https', { url: url.origin }));
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new DriveError('failed', failure('graph_base_url_shape', {}));
  }
  const segments = url.pathname.split('/').filter((s) => s !== '');
  const version = segments.pop();
  if (version === undefined) throw new DriveError('failed', failure('graph_base_url_no_version', { url: url.origin }));
  const host = [url.origin, ...segments].join('/');
  const hostname = url.hostname.toLowerCase();
  return {
    host,
    version,
    prefix: `${host}/${version}/`,
    ...(KNOWN_GRAPH_HOSTS.has(hostname) ? {} : { customHost: hostname }),
  };
}

/**
 * A link the service returned (`@odata.nextLink`) as a path the client can
 * request. The link is parsed, not compared as text: it must use the API's
 * scheme, host and port, and its (normalized) path must lie under the API's
 * base path. What remains may not hold a scheme (`https://` anywhere in a
 * path or query makes the Graph client request that host instead) or start
 * a protocol-relative path. Links to any other place are refused: the token
 * must not follow them.
 *
 * @example relativeToEndpoint(parseGraphEndpoint(), 'https://graph.microsoft.com/v1.0/drives/b/items/1/children?$skiptoken=X') === 'drives/b/items/1/children?$skiptoken=X'
 */
export function relativeToEndpoint(endpoint: GraphEndpoint, link: string): string {
  const refuse = (): never => {
    throw new DriveError('failed', failure('graph_next_link_elsewhere', {}));
  };
  let url: URL;
  let base: URL;
  try {
    url = new URL(link);
    base = new URL(endpoint.prefix);
  } catch {
    return refuse();
  }
  if (url.protocol !== base.protocol || url.host !== base.host || url.username !== '' || url.password !== '' || url.hash !== '') return refuse();
  if (!url.pathname.startsWith(base.pathname)) return refuse();
  const relative = url.pathname.slice(base.pathname.length) + url.search;
  if (relative === '' || relative.startsWith('/') || relative.includes('//') || /^[a-z][a-z0-9+.-]*:/i.test(relative) || /:\/\//.test(relative)) return refuse();
  return relative;
}

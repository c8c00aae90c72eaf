import { randomBytes } from 'node:crypto';
import * as https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TestDriveStore, type StoredNode } from './test-drive-store';

/** The kinds of request the server tells apart, for faults and records. */
export type RouteKind = 'list' | 'item' | 'create_folder' | 'content' | 'create_session' | 'download' | 'chunk' | 'session_status' | 'session_cancel' | 'other';

/**
 * A fault to inject. A status answers with it (and `Retry-After` when
 * given). `mid-body` drops the connection part way: for a chunk after
 * `commitBytes` of it were kept, for a download after half of the body.
 * `after-commit` does the work, then drops the connection instead of answering.
 */
export type Fault =
  | { readonly status: 401 | 409 | 412 | 429 | 503 | 504; readonly retryAfter?: number }
  | { readonly drop: 'mid-body'; readonly commitBytes?: number }
  | { readonly drop: 'after-commit' };

export interface FaultRule {
  readonly on: RouteKind;
  readonly fault: Fault;
  /** How many matching requests get the fault (default 1). */
  times?: number;
  /** How many matching requests pass untouched first (default 0). */
  skip?: number;
}

/** Every request the server saw, with the Authorization header it carried. */
export interface RecordedRequest {
  readonly at: number;
  readonly host: 'api' | 'files' | 'unknown';
  readonly method: string;
  readonly path: string;
  readonly kind: RouteKind;
  readonly authorization: string | undefined;
  status: number;
  fault?: string;
}

interface Reply {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly json?: unknown;
  readonly bytes?: Buffer;
}

interface Session {
  readonly id: string;
  readonly drive: TestDriveStore;
  readonly parentId: string;
  readonly name: string;
  readonly behavior: string;
  readonly ifMatch: string | undefined;
  readonly chunks: Buffer[];
  received: number;
  total: number | undefined;
}

const UNIT = 320 * 1024;
/** The document library's name in every webUrl. */
export const LIBRARY_NAME = 'Tài liệu';
const MAX_PAGE = 200;

function error(status: number, code: string, message = code, extra: Record<string, string> = {}): Reply {
  return { status, headers: extra, json: { error: { code, message } } };
}

/**
 * A Graph-compatible HTTPS server on loopback, written for the tests: the
 * API on https://127.0.0.1:<port>/v1.0, download and upload URLs on
 * https://localhost:<port> (another host, as in the real service). It pages
 * children, hands out downloadUrls, honours conflictBehavior and If-Match,
 * runs upload sessions with ranges, records every Authorization header it
 * sees, and injects faults on demand.
 */
export class GraphTestServer {
  readonly records: RecordedRequest[] = [];
  readonly faults: FaultRule[] = [];
  /** Answer shares without parentReference.path, as Graph may for an item reached through a link. */
  sharesOmitPath = false;
  /** Bearer tokens the API accepts. */
  readonly validTokens = new Set<string>();
  private readonly drives = new Map<string, TestDriveStore>();
  /** Sites for `GET /sites?search=` and `GET /sites/{id}/drives`; `forbidden` answers 403 for its drives. */
  private readonly sites = new Map<string, { displayName: string; libraries: Array<{ driveId: string; name: string }>; forbidden: boolean }>();
  private readonly sessions = new Map<string, Session>();
  private readonly downloads = new Map<string, { drive: TestDriveStore; id: string }>();
  private readonly servers: https.Server[] = [];
  private port = 0;

  private constructor() {}

  /** Starts on 127.0.0.1 (and ::1 when the machine has it, so `localhost` resolves either way). */
  static async start(tls: { certPem: string; keyPem: string }): Promise<GraphTestServer> {
    const server = new GraphTestServer();
    const handler = (req: IncomingMessage, res: ServerResponse) => void server.handle(req, res);
    const v4 = https.createServer({ cert: tls.certPem, key: tls.keyPem }, handler);
    await new Promise<void>((resolve) => v4.listen(0, '127.0.0.1', resolve));
    server.servers.push(v4);
    server.port = (v4.address() as AddressInfo).port;
    const v6 = https.createServer({ cert: tls.certPem, key: tls.keyPem }, handler);
    await new Promise<void>((resolve) => {
      v6.once('error', () => resolve());
      v6.listen(server.port, '::1', () => {
        server.servers.push(v6);
        resolve();
      });
    });
    return server;
  }

  get apiBase(): string {
    return `https://127.0.0.1:${this.port}/v1.0`;
  }

  get filesBase(): string {
    return `https://localhost:${this.port}`;
  }

  async close(): Promise<void> {
    for (const s of this.servers) s.closeAllConnections();
    await Promise.all(this.servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }

  /** Registers a site and its document libraries (each a drive of this server). */
  addSite(id: string, displayName: string, libraries: Array<{ driveId: string; name: string }>, forbidden = false): void {
    for (const l of libraries) this.drive(l.driveId);
    this.sites.set(id, { displayName, libraries, forbidden });
  }

  drive(id: string): TestDriveStore {
    let d = this.drives.get(id);
    if (!d) {
      d = new TestDriveStore(id);
      this.drives.set(id, d);
    }
    return d;
  }

  inject(rule: FaultRule): void {
    this.faults.push({ times: 1, skip: 0, ...rule });
  }

  /** Faults that were set but never fired. */
  pendingFaults(): FaultRule[] {
    return this.faults.filter((f) => (f.times ?? 0) > 0);
  }

  private takeFault(kind: RouteKind): Fault | undefined {
    for (const rule of this.faults) {
      if (rule.on !== kind || (rule.times ?? 0) <= 0) continue;
      if ((rule.skip ?? 0) > 0) {
        rule.skip = (rule.skip ?? 0) - 1;
        continue;
      }
      rule.times = (rule.times ?? 0) - 1;
      return rule.fault;
    }
    return undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const hostHeader = (req.headers.host ?? '').toLowerCase();
    const host = hostHeader === `127.0.0.1:${this.port}` ? 'api' : hostHeader === `localhost:${this.port}` ? 'files' : 'unknown';
    const url = new URL(req.url ?? '/', `https://${hostHeader || 'x'}`);
    const method = req.method ?? 'GET';
    const kind = host === 'api' ? apiKind(method, url.pathname) : host === 'files' ? filesKind(method, url.pathname) : 'other';
    const record: RecordedRequest = { at: Date.now(), host, method, path: url.pathname, kind, authorization: req.headers.authorization, status: 0 };
    this.records.push(record);
    const fault = this.takeFault(kind);
    if (fault && 'status' in fault) {
      record.status = fault.status;
      record.fault = `${fault.status}`;
      await drain(req);
      const code = { 401: 'InvalidAuthenticationToken', 409: 'nameAlreadyExists', 412: 'preconditionFailed', 429: 'activityLimitReached', 503: 'serviceNotAvailable', 504: 'gatewayTimeout' }[fault.status];
      return send(res, error(fault.status, code, code, fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {}));
    }
    let body: Buffer;
    if (fault?.drop === 'mid-body' && kind === 'chunk') {
      record.fault = 'drop mid-body';
      return this.dropChunk(req, url.pathname, fault.commitBytes ?? 0);
    }
    if (fault?.drop === 'mid-body' && kind !== 'download') {
      record.fault = 'drop mid-body';
      req.socket.destroy();
      return;
    }
    try {
      body = await readBody(req);
    } catch {
      return;
    }
    let reply: Reply;
    try {
      reply = host === 'api' ? this.api(req, url, body) : host === 'files' ? this.files(req, url, body) : error(421, 'misdirectedRequest');
    } catch (err) {
      reply = error(500, 'generalException', err instanceof Error ? err.message : String(err));
    }
    record.status = reply.status;
    if (fault?.drop === 'after-commit') {
      record.fault = 'drop after commit';
      req.socket.destroy();
      return;
    }
    if (fault?.drop === 'mid-body' && reply.bytes) {
      record.fault = 'drop mid-body';
      res.writeHead(reply.status, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(reply.bytes.length) });
      res.write(reply.bytes.subarray(0, Math.floor(reply.bytes.length / 2)), () => res.destroy());
      return;
    }
    send(res, reply);
  }

  // ---- API host ------------------------------------------------------------

  private api(req: IncomingMessage, url: URL, body: Buffer): Reply {
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
    if (token === undefined || !this.validTokens.has(token)) return error(401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
    const share = /^\/v1\.0\/shares\/([^/]+)\/driveItem$/.exec(url.pathname);
    if (share) return req.method === 'GET' ? this.sharedItem(decodeURIComponent(share[1] ?? '')) : error(405, 'methodNotAllowed');
    if (url.pathname === '/v1.0/sites') return req.method === 'GET' ? this.searchSites(url) : error(405, 'methodNotAllowed');
    const siteDrives = /^\/v1\.0\/sites\/([^/]+)\/drives$/.exec(url.pathname);
    if (siteDrives) return req.method === 'GET' ? this.siteDrives(decodeURIComponent(siteDrives[1] ?? '')) : error(405, 'methodNotAllowed');
    const m = /^\/v1\.0\/drives\/([^/]+)\/(.*)$/.exec(url.pathname);
    if (!m) return error(400, 'invalidRequest', 'Unsupported path.');
    const drive = this.drives.get(decodeURIComponent(m[1] ?? ''));
    if (!drive) return error(404, 'itemNotFound', 'Drive not found.');
    const target = resolveTarget(drive, m[2] ?? '');
    if (!target) return error(400, 'invalidRequest', 'Unsupported path.');
    const method = req.method ?? 'GET';
    const { node, parts, action } = target;
    switch (action) {
      case '':
        if (method !== 'GET') return error(405, 'methodNotAllowed');
        return node ? { status: 200, json: this.itemJson(drive, node) } : error(404, 'itemNotFound', 'The resource could not be found.');
      case 'children':
        if (!node || !node.isFolder) return error(404, 'itemNotFound', 'The resource could not be found.');
        if (method === 'GET') return this.listChildren(drive, node, url);
        if (method === 'POST') return this.createFolder(drive, node, body);
        return error(405, 'methodNotAllowed');
      case 'content':
        if (method === 'GET') return node && !node.isFolder ? { status: 302, headers: { Location: this.downloadUrl(drive, node) } } : error(404, 'itemNotFound');
        if (method === 'PUT') return this.putContent(drive, parts, node, req, url, body);
        return error(405, 'methodNotAllowed');
      case 'createUploadSession':
        if (method !== 'POST') return error(405, 'methodNotAllowed');
        return this.createSession(drive, parts, node, req, body);
      default:
        return error(400, 'invalidRequest', 'Unsupported path.');
    }
  }

  /** `GET /sites?search=…`: `*` lists every site; other words match the display name, like Graph's keyword search. */
  private searchSites(url: URL): Reply {
    const search = url.searchParams.get('search');
    if (search === null) return error(400, 'invalidRequest', 'The search parameter is required.');
    const value = [...this.sites.entries()]
      .filter(([, site]) => search === '*' || site.displayName.toLowerCase().includes(search.toLowerCase()))
      .map(([id, site]) => ({ id, displayName: site.displayName, name: site.displayName, webUrl: `${this.filesBase}/sites/${encodeURIComponent(id)}` }));
    return { status: 200, json: { value } };
  }

  /** `GET /sites/{id}/drives`: the site's document libraries. */
  private siteDrives(id: string): Reply {
    const site = this.sites.get(id);
    if (!site) return error(404, 'itemNotFound', 'Site not found.');
    if (site.forbidden) return error(403, 'accessDenied', 'Access denied.');
    const value = site.libraries.map((l) => ({ id: l.driveId, name: l.name, driveType: 'documentLibrary', webUrl: `${this.filesBase}/sites/${encodeURIComponent(id)}/${encodeURIComponent(l.name)}` }));
    return { status: 200, json: { value } };
  }

  /**
   * `GET /shares/{u!base64url}/driveItem`: the item whose webUrl the encoded
   * link is (a trailing slash or query does not matter), like Graph's shares API.
   */
  private sharedItem(encoded: string): Reply {
    if (!encoded.startsWith('u!')) return error(400, 'invalidRequest', 'Invalid shares key.');
    const wanted = normalizeWebUrl(Buffer.from(encoded.slice(2), 'base64url').toString('utf8'));
    for (const drive of this.drives.values()) {
      for (const node of drive.nodes.values()) {
        if (normalizeWebUrl(this.webUrl(drive, node)) !== wanted) continue;
        const json = this.itemJson(drive, node);
        if (node.id === drive.rootId) return { status: 200, json: { ...json, root: {}, parentReference: { driveId: drive.driveId } } };
        if (this.sharesOmitPath) return { status: 200, json: { ...json, parentReference: { driveId: drive.driveId } } };
        return { status: 200, json };
      }
    }
    return error(404, 'itemNotFound', 'The sharing link could not be found.');
  }

  private listChildren(drive: TestDriveStore, folder: StoredNode, url: URL): Reply {
    const top = Math.min(MAX_PAGE, Math.max(1, Number(url.searchParams.get('$top') ?? MAX_PAGE) || MAX_PAGE));
    const skipToken = url.searchParams.get('$skiptoken');
    const start = skipToken ? Number(Buffer.from(skipToken, 'base64url').toString()) : 0;
    const all = drive.children(folder.id);
    const page = all.slice(start, start + top);
    const json: Record<string, unknown> = { value: page.map((n) => this.itemJson(drive, n)) };
    if (start + top < all.length) {
      json['@odata.nextLink'] = `https://127.0.0.1:${this.port}${url.pathname}?$top=${top}&$skiptoken=${Buffer.from(String(start + top)).toString('base64url')}`;
    }
    return { status: 200, json };
  }

  private createFolder(drive: TestDriveStore, parent: StoredNode, body: Buffer): Reply {
    const spec = JSON.parse(body.toString('utf8') || '{}') as { name?: string; folder?: unknown; '@microsoft.graph.conflictBehavior'?: string };
    if (!spec.name || spec.folder === undefined) return error(400, 'invalidRequest', 'name and folder are required.');
    const existing = drive.child(parent.id, spec.name);
    if (existing && (spec['@microsoft.graph.conflictBehavior'] ?? 'fail') === 'fail') return error(409, 'nameAlreadyExists', 'An item with the same name already exists.');
    if (existing) return { status: 200, json: this.itemJson(drive, existing) };
    return { status: 201, json: this.itemJson(drive, drive.createFolder(parent.id, spec.name)) };
  }

  /** Parent folder and conflict checks shared by PUT content and upload sessions. */
  private checkWrite(drive: TestDriveStore, parts: readonly string[], existing: StoredNode | undefined, behavior: string, ifMatch: string | undefined): Reply | { parent: StoredNode; name: string } {
    const name = parts[parts.length - 1];
    const parent = drive.byPath(parts.slice(0, -1));
    if (!name || !parent || !parent.isFolder) return error(404, 'itemNotFound', 'The parent folder does not exist.');
    if (existing?.isFolder) return error(409, 'nameAlreadyExists', 'A folder with the same name exists.');
    if (ifMatch !== undefined && (!existing || (ifMatch !== '*' && ifMatch !== drive.eTag(existing) && ifMatch !== drive.cTag(existing)))) {
      return error(412, 'preconditionFailed', 'The resource has changed since the caller last read it.');
    }
    if (existing && behavior === 'fail') return error(409, 'nameAlreadyExists', 'The specified item name already exists.');
    return { parent, name };
  }

  private putContent(drive: TestDriveStore, parts: readonly string[], existing: StoredNode | undefined, req: IncomingMessage, url: URL, body: Buffer): Reply {
    // Graph's default for PUT content is replace: a client must ask for fail.
    const behavior = url.searchParams.get('@microsoft.graph.conflictBehavior') ?? 'replace';
    const checked = this.checkWrite(drive, parts, existing, behavior, header(req, 'if-match'));
    if ('status' in checked) return checked;
    const name = behavior === 'rename' && existing ? freeName(drive, checked.parent, checked.name) : checked.name;
    const { node, created } = drive.writeFile(checked.parent.id, name, body);
    return { status: created ? 201 : 200, json: this.itemJson(drive, node) };
  }

  private createSession(drive: TestDriveStore, parts: readonly string[], existing: StoredNode | undefined, req: IncomingMessage, body: Buffer): Reply {
    const spec = JSON.parse(body.toString('utf8') || '{}') as { item?: { '@microsoft.graph.conflictBehavior'?: string } };
    const behavior = spec.item?.['@microsoft.graph.conflictBehavior'] ?? 'replace';
    const ifMatch = header(req, 'if-match');
    const checked = this.checkWrite(drive, parts, existing, behavior, ifMatch);
    if ('status' in checked) return checked;
    const id = randomBytes(12).toString('hex');
    this.sessions.set(id, { id, drive, parentId: checked.parent.id, name: checked.name, behavior, ifMatch, chunks: [], received: 0, total: undefined });
    return { status: 200, json: { uploadUrl: `${this.filesBase}/upload/${id}?tempauth=${randomBytes(16).toString('hex')}`, expirationDateTime: new Date(Date.now() + 3_600_000).toISOString(), nextExpectedRanges: ['0-'] } };
  }

  // ---- files host (pre-authorized URLs) -----------------------------------

  private files(req: IncomingMessage, url: URL, body: Buffer): Reply {
    // As in the real service: these URLs carry their own authorization, and a bearer token there is an error.
    if (req.headers.authorization !== undefined) return error(401, 'unauthenticated', 'Do not send Authorization to a pre-authorized URL.');
    const method = req.method ?? 'GET';
    const download = /^\/download\/([a-f0-9]+)$/.exec(url.pathname);
    if (download && method === 'GET') {
      const entry = this.downloads.get(download[1] ?? '');
      const node = entry ? entry.drive.nodes.get(entry.id) : undefined;
      return node ? { status: 200, bytes: node.bytes } : error(404, 'itemNotFound');
    }
    const upload = /^\/upload\/([a-f0-9]+)$/.exec(url.pathname);
    const session = upload ? this.sessions.get(upload[1] ?? '') : undefined;
    if (!upload) return error(404, 'itemNotFound');
    if (!session) return error(404, 'itemNotFound', 'The upload session was not found.');
    if (method === 'GET') return { status: 200, json: sessionJson(session) };
    if (method === 'DELETE') {
      this.sessions.delete(session.id);
      return { status: 204 };
    }
    if (method === 'PUT') return this.putChunk(session, header(req, 'content-range'), body);
    return error(405, 'methodNotAllowed');
  }

  private putChunk(session: Session, range: string | undefined, body: Buffer): Reply {
    const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(range ?? '');
    if (!m) return error(400, 'invalidRange', 'Content-Range is required.');
    const [from, to, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (session.total !== undefined && total !== session.total) return error(400, 'invalidRange', 'The total size changed.');
    if (from !== session.received) return { ...error(416, 'invalidRange', 'The range does not start at the next expected byte.'), json: { error: { code: 'invalidRange' }, nextExpectedRanges: [`${session.received}-`] } };
    if (to - from + 1 !== body.length) return error(400, 'invalidRange', 'The body length does not match Content-Range.');
    if (to + 1 !== total && body.length % UNIT !== 0) return error(400, 'invalidRange', 'Chunks other than the last must be a multiple of 320 KiB.');
    session.total = total;
    session.chunks.push(body);
    session.received += body.length;
    if (session.received < total) return { status: 202, json: sessionJson(session) };
    // Complete: the conflict checks run again, someone may have written meanwhile.
    this.sessions.delete(session.id);
    const drive = session.drive;
    const parent = drive.nodes.get(session.parentId);
    if (!parent) return error(404, 'itemNotFound');
    const existing = drive.child(parent.id, session.name);
    if (session.ifMatch !== undefined && (!existing || (session.ifMatch !== '*' && session.ifMatch !== drive.eTag(existing)))) return error(412, 'preconditionFailed');
    if (existing && session.behavior === 'fail') return error(409, 'nameAlreadyExists', 'The specified item name already exists.');
    const { node, created } = drive.writeFile(parent.id, session.name, Buffer.concat(session.chunks));
    return { status: created ? 201 : 200, json: this.itemJson(drive, node) };
  }

  /** Reads part of a chunk, keeps `commitBytes` of it, and drops the connection. */
  private dropChunk(req: IncomingMessage, pathname: string, commitBytes: number): void {
    const session = this.sessions.get(pathname.split('/').pop() ?? '');
    const m = /^bytes (\d+)-/.exec(header(req, 'content-range') ?? '');
    const expected = Number(req.headers['content-length'] ?? 0);
    const dropAt = Math.max(commitBytes, Math.floor(expected / 2));
    const received: Buffer[] = [];
    let count = 0;
    let done = false;
    req.on('data', (d: Buffer) => {
      if (done) return;
      received.push(d);
      count += d.length;
      if (count < dropAt) return;
      done = true;
      if (session && m && Number(m[1]) === session.received && commitBytes > 0) {
        const kept = Buffer.concat(received).subarray(0, commitBytes);
        session.chunks.push(Buffer.from(kept));
        session.received += kept.length;
      }
      req.socket.destroy();
    });
  }

  private downloadUrl(drive: TestDriveStore, node: StoredNode): string {
    const token = randomBytes(12).toString('hex');
    this.downloads.set(token, { drive, id: node.id });
    return `${this.filesBase}/download/${token}`;
  }

  /** Like SharePoint's: the site, then the library's name ("Tài liệu"), then the folders. */
  webUrl(drive: TestDriveStore, node: StoredNode): string {
    return `${this.filesBase}/sites/${encodeURIComponent(drive.driveId)}/${[LIBRARY_NAME, ...drive.pathOf(node)].map(encodeURIComponent).join('/')}`;
  }

  private itemJson(drive: TestDriveStore, node: StoredNode): Record<string, unknown> {
    const parent = node.parentId ? drive.nodes.get(node.parentId) : undefined;
    const parentPath = parent ? drive.pathOf(parent) : [];
    return {
      id: node.id,
      name: node.name,
      eTag: drive.eTag(node),
      cTag: drive.cTag(node),
      size: node.isFolder ? drive.children(node.id).reduce((s, c) => s + c.bytes.length, 0) : node.bytes.length,
      createdDateTime: node.created,
      lastModifiedDateTime: node.modified,
      webUrl: this.webUrl(drive, node),
      parentReference: { driveId: drive.driveId, id: parent?.id, path: `/drives/${drive.driveId}/root:${parentPath.length ? '/' + parentPath.map(encodeURIComponent).join('/') : ''}` },
      ...(node.isFolder
        ? { folder: { childCount: drive.children(node.id).length } }
        : { file: { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, '@microsoft.graph.downloadUrl': this.downloadUrl(drive, node) }),
    };
  }
}

function sessionJson(session: Session): Record<string, unknown> {
  return { expirationDateTime: new Date(Date.now() + 3_600_000).toISOString(), nextExpectedRanges: [`${session.received}-`] };
}

/** `root`, `root:/a/b:`, `root:/a/b:/children`, `items/{id}/content` -> the node, its path and the action. */
function resolveTarget(drive: TestDriveStore, rest: string): { node: StoredNode | undefined; parts: string[]; action: string } | undefined {
  const byId = /^items\/([^/]+)(?:\/(\w+))?$/.exec(rest);
  if (byId) {
    const node = drive.nodes.get(decodeURIComponent(byId[1] ?? ''));
    return { node, parts: node ? drive.pathOf(node) : [], action: byId[2] ?? '' };
  }
  const root = /^root(?:\/(\w+))?$/.exec(rest);
  if (root) return { node: drive.nodes.get(drive.rootId), parts: [], action: root[1] ?? '' };
  const byPath = /^root:\/([^:]*)(?::(?:\/(\w+))?)?$/.exec(rest);
  if (byPath) {
    const parts = (byPath[1] ?? '')
      .split('/')
      .filter((p) => p !== '')
      .map((p) => decodeURIComponent(p));
    return { node: drive.byPath(parts), parts, action: byPath[2] ?? '' };
  }
  return undefined;
}

function normalizeWebUrl(link: string): string {
  try {
    const u = new URL(link);
    return `${u.origin}${decodeURIComponent(u.pathname).replace(/\/+$/, '')}`;
  } catch {
    return link;
  }
}

function apiKind(method: string, pathname: string): RouteKind {
  if (pathname.endsWith('/createUploadSession')) return 'create_session';
  if (pathname.endsWith('/content')) return 'content';
  if (pathname.endsWith('/children')) return method === 'POST' ? 'create_folder' : 'list';
  return method === 'GET' ? 'item' : 'other';
}

function filesKind(method: string, pathname: string): RouteKind {
  if (pathname.startsWith('/download/')) return 'download';
  if (pathname.startsWith('/upload/')) return method === 'PUT' ? 'chunk' : method === 'GET' ? 'session_status' : method === 'DELETE' ? 'session_cancel' : 'other';
  return 'other';
}

function freeName(drive: TestDriveStore, parent: StoredNode, name: string): string {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let i = 1; ; i++) if (!drive.child(parent.id, `${stem} ${i}${ext}`)) return `${stem} ${i}${ext}`;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function drain(req: IncomingMessage): Promise<void> {
  await readBody(req).catch(() => undefined);
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.json !== undefined) {
    const text = Buffer.from(JSON.stringify(reply.json));
    res.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(text.length), ...headers });
    res.end(text);
  } else if (reply.bytes !== undefined) {
    res.writeHead(reply.status, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(reply.bytes.length), ...headers });
    res.end(reply.bytes);
  } else {
    res.writeHead(reply.status, headers);
    res.end();
  }
}

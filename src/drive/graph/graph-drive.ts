import { DriveError, type ConflictPolicy, type DownloadedFile, type Drive, type DriveItem, type TransferProgress, type UploadResult } from '../../core/ports/drive';
import { GraphApi, readJson } from './graph-api';
import { parseGraphEndpoint, relativeToEndpoint } from './graph-endpoint';
import { responseFailure, transportFailure } from './graph-failure';
import type { GraphDoing } from './graph-doing';
import { failure } from '../../core/failures/failure-codes';
import { graphChildrenPageSchema, graphItemSchema, graphUploadSessionSchema, parseGraphBody, toDriveItem, type GraphItem } from './graph-item';
import { checkDriveName, displayDrivePath, graphItemPath, splitDrivePath } from './graph-path';
import type { GraphTokenSource } from './graph-token-source';
import { UPLOAD_CHUNK_UNIT, firstExpected, sendChunks } from './graph-upload-session';
import { DEFAULT_RETRY_POLICY, SYSTEM_CLOCK, backoffMs, discard, sendWithRetries, startBudget, type Clock, type GraphDriveEvent, type RetryBudget, type RetryPolicy } from './retry-policy';

export interface GraphDriveOptions {
  /** The document library's drive id (`b!…`), or `me` for the signed-in user's OneDrive. */
  readonly driveId: string;
  readonly tokens: GraphTokenSource;
  /** Defaults to https://graph.microsoft.com/v1.0. */
  readonly baseUrl?: string;
  /** Defaults to the global fetch. */
  readonly fetch?: typeof fetch;
  readonly retry?: Partial<RetryPolicy>;
  readonly clock?: Clock;
  /** Files up to this size go in one PUT; larger ones through an upload session. Default 4 MiB. */
  readonly simpleUploadLimit?: number;
  /** Upload session chunk size, a multiple of 320 KiB. Default 3,2 MiB (10 × 320 KiB). */
  readonly chunkSize?: number;
  /** Items per listing page (`$top`); the service may send fewer. Default 200. */
  readonly pageSize?: number;
  /** Retries, refreshes and resumes as they happen (for a progress line); never holds a URL or token. */
  readonly onEvent?: (event: GraphDriveEvent) => void;
}

export const DEFAULT_SIMPLE_UPLOAD_LIMIT = 4 * 1024 * 1024;
export const DEFAULT_CHUNK_SIZE = 10 * UPLOAD_CHUNK_UNIT;

const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

/**
 * A SharePoint document library or OneDrive as a Drive, through Microsoft
 * Graph. An existing file is never overwritten unless the policy says
 * replace, and then only the version whose eTag the user saw (`If-Match`).
 */
export class GraphDrive implements Drive {
  readonly driveId: string;
  private readonly api: GraphApi;
  private readonly fetchImpl: typeof fetch;
  private readonly policy: RetryPolicy;
  private readonly clock: Clock;
  private readonly simpleUploadLimit: number;
  private readonly chunkSize: number;
  private readonly pageSize: number;
  private readonly onEvent: ((event: GraphDriveEvent) => void) | undefined;

  constructor(options: GraphDriveOptions) {
    if (options.driveId.trim() === '') throw new DriveError('not_found', failure('graph_no_drive_id', {}));
    this.driveId = options.driveId.trim();
    const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
    if (chunkSize <= 0 || chunkSize % UPLOAD_CHUNK_UNIT !== 0) throw new RangeError(`chunkSize must be a positive multiple of ${UPLOAD_CHUNK_UNIT}`);
    this.chunkSize = chunkSize;
    this.simpleUploadLimit = options.simpleUploadLimit ?? DEFAULT_SIMPLE_UPLOAD_LIMIT;
    this.pageSize = Math.max(1, Math.min(options.pageSize ?? 200, 999));
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.onEvent = options.onEvent;
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.api = new GraphApi(parseGraphEndpoint(options.baseUrl), options.tokens, this.fetchImpl);
  }

  async list(folder: string): Promise<DriveItem[]> {
    const parts = splitDrivePath(folder);
    const doing: GraphDoing = { action: 'list', path: `"${displayDrivePath(parts)}"` };
    const budget = this.budget();
    const items: DriveItem[] = [];
    const seen = new Set<string>();
    // Graph pages long listings: follow @odata.nextLink until there is none.
    let path = `${graphItemPath(this.driveId, parts)}/children?$top=${this.pageSize}`;
    for (;;) {
      const response = await this.api.call(budget, 'GET', path, { doing });
      if (response.status !== 200) throw await responseFailure(response, doing);
      const page = parseGraphBody(graphChildrenPageSchema, await readJson(response, doing), 'file_list');
      for (const item of page.value) items.push(toDriveItem(item, parts.join('/')));
      const next = page['@odata.nextLink'];
      if (next === undefined) break;
      if (seen.has(next)) throw new DriveError('failed', failure('graph_same_page', { action: doing.action, path: doing.path }));
      seen.add(next);
      path = relativeToEndpoint(this.api.endpoint, next);
    }
    return items.sort((a, b) => (a.isFolder === b.isFolder ? collator.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.isFolder ? -1 : 1));
  }

  async download(item: DriveItem): Promise<DownloadedFile> {
    const doing: GraphDoing = { action: 'download', path: `"${displayDrivePath(splitDrivePath(item.folder), item.name)}"` };
    const budget = this.budget();
    let meta = await this.itemById(budget, item.id, doing);
    for (let refetched = false; ; refetched = true) {
      const fetched = await this.fetchContent(budget, meta, doing);
      if (fetched instanceof Uint8Array) return { item: toDriveItem(meta, item.folder), bytes: fetched };
      // A download URL lives about an hour: an expired one is fetched anew, once.
      if (refetched || ![401, 403, 404, 410].includes(fetched.status)) throw await responseFailure(fetched, doing);
      await discard(fetched);
      meta = await this.itemById(budget, item.id, doing);
    }
  }

  async upload(folder: string, name: string, bytes: Uint8Array, policy: ConflictPolicy, onProgress?: TransferProgress): Promise<UploadResult> {
    const parts = splitDrivePath(folder);
    checkDriveName(name);
    const doing: GraphDoing = { action: 'upload', path: `"${displayDrivePath(parts, name)}"` };
    const budget = this.budget();
    onProgress?.(0, bytes.length);
    const result = bytes.length <= this.simpleUploadLimit ? await this.simpleUpload(budget, parts, name, bytes, policy, doing) : await this.sessionUpload(budget, parts, name, bytes, policy, doing, onProgress);
    if (result.ok) onProgress?.(bytes.length, bytes.length);
    return result;
  }

  private budget(): RetryBudget {
    return startBudget(this.policy, this.clock, this.onEvent);
  }

  /** One PUT with the conflict behaviour in the query and the eTag in If-Match. */
  private async simpleUpload(budget: RetryBudget, parts: string[], name: string, bytes: Uint8Array, policy: ConflictPolicy, doing: GraphDoing): Promise<UploadResult> {
    const path = `${graphItemPath(this.driveId, [...parts, name])}/content?@microsoft.graph.conflictBehavior=${policy.kind === 'fail' ? 'fail' : 'replace'}`;
    const headers = { 'Content-Type': 'application/octet-stream', ...(policy.kind === 'replace' ? { 'If-Match': policy.ifMatch } : {}) };
    let folderEnsured = false;
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await this.api.call(budget, 'PUT', path, { body: new Blob([bytes.slice()]), headers, idempotent: false, doing });
      } catch (err) {
        if (!(err instanceof DriveError) || err.code !== 'network') throw err;
        // The PUT may have landed before the connection dropped: look before sending again.
        const landed = await this.landedCopy(budget, parts, name, bytes, doing);
        budget.onEvent?.({ kind: 'verify_after_drop', landed: landed !== undefined });
        if (landed) return { ok: true, item: landed };
        const wait = backoffMs(budget.policy, attempt);
        if (attempt >= budget.policy.maxAttempts || budget.clock.now() + wait > budget.deadline) throw err;
        budget.onEvent?.({ kind: 'retry', reason: 'network', waitMs: wait, attempt });
        await budget.clock.sleep(wait);
        continue;
      }
      if (response.status === 200 || response.status === 201) {
        return { ok: true, item: toDriveItem(parseGraphBody(graphItemSchema, await readJson(response, doing), 'uploaded_file'), parts.join('/')) };
      }
      const answer = await this.missingFolderOrConflict(budget, response, parts, name, folderEnsured, doing);
      if (answer === 'folder_created') {
        folderEnsured = true;
        continue;
      }
      if (answer) return answer;
      throw await responseFailure(response, doing);
    }
  }

  /**
   * The answers both upload paths treat alike: a 404 means the folder is
   * not there yet (created once, then the caller retries), a 409 or 412 a
   * conflict. Undefined for any other response, which the caller reads.
   */
  private async missingFolderOrConflict(budget: RetryBudget, response: Response, parts: string[], name: string, folderEnsured: boolean, doing: GraphDoing): Promise<'folder_created' | UploadResult | undefined> {
    if (response.status === 404 && !folderEnsured) {
      await discard(response);
      await this.ensureFolder(budget, parts);
      return 'folder_created';
    }
    if (response.status === 409 || response.status === 412) {
      await discard(response);
      return this.conflict(budget, parts, name, response.status === 409 ? 'exists' : 'changed', doing);
    }
    return undefined;
  }

  /** An upload session: created with the conflict behaviour (and If-Match), then filled chunk by chunk. */
  private async sessionUpload(budget: RetryBudget, parts: string[], name: string, bytes: Uint8Array, policy: ConflictPolicy, doing: GraphDoing, onProgress?: TransferProgress): Promise<UploadResult> {
    const path = `${graphItemPath(this.driveId, [...parts, name])}/createUploadSession`;
    const headers = policy.kind === 'replace' ? { 'If-Match': policy.ifMatch } : undefined;
    const body = { item: { '@microsoft.graph.conflictBehavior': policy.kind === 'fail' ? 'fail' : 'replace' } };
    let folderEnsured = false;
    let restarted = false;
    for (;;) {
      // A session nobody uses expires on its own, so creating one twice is harmless.
      const response = await this.api.call(budget, 'POST', path, { body, ...(headers ? { headers } : {}), idempotent: true, doing });
      const answer = await this.missingFolderOrConflict(budget, response, parts, name, folderEnsured, doing);
      if (answer === 'folder_created') {
        folderEnsured = true;
        continue;
      }
      if (answer) return answer;
      if (response.status !== 200 && response.status !== 201) throw await responseFailure(response, doing);
      const session = parseGraphBody(graphUploadSessionSchema, await readJson(response, doing), 'upload_session');
      if (session.uploadUrl === undefined) throw new DriveError('failed', failure('graph_no_upload_url', { action: doing.action, path: doing.path }));
      const outcome = await sendChunks({
        uploadUrl: session.uploadUrl,
        bytes,
        chunkSize: this.chunkSize,
        startAt: firstExpected(session.nextExpectedRanges) ?? 0,
        fetchImpl: this.fetchImpl,
        budget,
        doing,
        ...(onProgress ? { onProgress } : {}),
      });
      if (outcome.kind === 'done') return { ok: true, item: toDriveItem(outcome.item, parts.join('/')) };
      if (outcome.kind === 'conflict') return this.conflict(budget, parts, name, outcome.conflict, doing);
      // The session vanished: the last chunk may have completed it unseen.
      const landed = await this.landedCopy(budget, parts, name, bytes, doing);
      budget.onEvent?.({ kind: 'verify_after_drop', landed: landed !== undefined });
      if (landed) return { ok: true, item: landed };
      if (restarted) throw new DriveError('failed', failure('graph_session_expired_twice', { action: doing.action, path: doing.path }));
      restarted = true;
      budget.onEvent?.({ kind: 'session_restart' });
    }
  }

  private async conflict(budget: RetryBudget, parts: string[], name: string, conflict: 'exists' | 'changed', doing: GraphDoing): Promise<UploadResult> {
    const existing = await this.itemByPath(budget, parts, name, doing).catch(() => undefined);
    return existing ? { ok: false, conflict, existing: toDriveItem(existing, parts.join('/')) } : { ok: false, conflict };
  }

  /** The file at the path when it holds exactly these bytes (a transfer that landed unseen). */
  private async landedCopy(budget: RetryBudget, parts: string[], name: string, bytes: Uint8Array, doing: GraphDoing): Promise<DriveItem | undefined> {
    const found = await this.itemByPath(budget, parts, name, doing);
    if (!found || found.folder !== undefined || found.size !== bytes.length) return undefined;
    const content = await this.fetchContent(budget, found, doing);
    if (!(content instanceof Uint8Array)) {
      await discard(content);
      return undefined;
    }
    return sameBytes(content, bytes) ? toDriveItem(found, parts.join('/')) : undefined;
  }

  /** Creates the missing folders of a path, one level at a time; one created meanwhile is fine. */
  private async ensureFolder(budget: RetryBudget, parts: string[]): Promise<void> {
    for (let depth = 1; depth <= parts.length; depth++) {
      const here = parts.slice(0, depth);
      const doing: GraphDoing = { action: 'create_folder', path: `"${displayDrivePath(here)}"` };
      const existing = await this.itemByPath(budget, here.slice(0, -1), here[depth - 1] ?? '', doing);
      if (existing) {
        if (existing.folder === undefined) throw new DriveError('failed', failure('graph_file_not_folder', { path: displayDrivePath(here) }));
        continue;
      }
      const response = await this.api.call(budget, 'POST', `${graphItemPath(this.driveId, here.slice(0, -1))}/children`, {
        body: { name: here[depth - 1], folder: {}, '@microsoft.graph.conflictBehavior': 'fail' },
        idempotent: true,
        doing,
      });
      if (response.status === 201 || response.status === 200 || response.status === 409) {
        await discard(response);
        continue;
      }
      throw await responseFailure(response, doing);
    }
  }

  private async itemByPath(budget: RetryBudget, parts: string[], name: string, doing: GraphDoing): Promise<GraphItem | undefined> {
    const response = await this.api.call(budget, 'GET', graphItemPath(this.driveId, [...parts, name]), { doing });
    if (response.status === 404) {
      await discard(response);
      return undefined;
    }
    if (response.status !== 200) throw await responseFailure(response, doing);
    return parseGraphBody(graphItemSchema, await readJson(response, doing), 'file_info');
  }

  private async itemById(budget: RetryBudget, id: string, doing: GraphDoing): Promise<GraphItem> {
    const drive = this.driveId === 'me' ? 'me/drive' : `drives/${encodeURIComponent(this.driveId)}`;
    const response = await this.api.call(budget, 'GET', `${drive}/items/${encodeURIComponent(id)}`, { doing });
    if (response.status !== 200) throw await responseFailure(response, doing);
    return parseGraphBody(graphItemSchema, await readJson(response, doing), 'file_info');
  }

  /**
   * The bytes behind an item's download URL, fetched directly: browser code
   * cannot follow the 302 of `/content`, and the URL is pre-authorized, so
   * no token goes with it. A body shorter than the item's size is a dropped
   * connection and is fetched again. Returns the response when it failed.
   */
  private async fetchContent(budget: RetryBudget, meta: GraphItem, doing: GraphDoing): Promise<Uint8Array | Response> {
    if (meta.folder !== undefined) throw new DriveError('failed', failure('is_folder', { path: meta.name }));
    const url = meta['@microsoft.graph.downloadUrl'];
    if (url === undefined) throw new DriveError('failed', failure('graph_no_download_url', { action: doing.action, path: doing.path }));
    let bytes: Uint8Array | undefined;
    let response: Response;
    try {
      response = await sendWithRetries(
        async () => {
          bytes = undefined;
          const r = await this.fetchImpl(url, { method: 'GET', signal: AbortSignal.timeout(budget.policy.requestTimeoutMs) });
          if (r.status === 200) {
            bytes = new Uint8Array(await r.arrayBuffer());
            if (meta.size !== undefined && bytes.length !== meta.size) throw new Error(`truncated: ${bytes.length} of ${meta.size} bytes`);
          }
          return r;
        },
        budget,
        true,
      );
    } catch (err) {
      throw transportFailure(err, doing);
    }
    return bytes ?? response;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

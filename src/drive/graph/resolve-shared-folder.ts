import { failure } from '../../core/failures/failure-codes';
import { DriveError } from '../../core/ports/drive';
import { GraphApi, readJson } from './graph-api';
import { parseGraphEndpoint } from './graph-endpoint';
import { responseFailure } from './graph-failure';
import type { GraphDoing } from './graph-doing';
import { folderFromParentPath, graphItemSchema, parseGraphBody, type GraphItem } from './graph-item';
import type { GraphTokenSource } from './graph-token-source';
import { DEFAULT_RETRY_POLICY, SYSTEM_CLOCK, startBudget, type Clock, type RetryPolicy } from './retry-policy';

/** A folder reached through its link: the library it lives in and its path there. */
export interface SharedFolder {
  /** The library's drive id: used by the drive, never shown. */
  readonly driveId: string;
  /** The folder's path from the library's root ('' for the root). */
  readonly folder: string;
  /** The folder's own name (the library's for its root). */
  readonly name: string;
  readonly webUrl: string;
}

export interface ResolveSharedFolderOptions {
  readonly tokens: GraphTokenSource;
  /** Defaults to https://graph.microsoft.com/v1.0. */
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  readonly retry?: Partial<RetryPolicy>;
  readonly clock?: Clock;
}

/**
 * A sharing URL as Graph's shares API takes it: `u!` and the URL's UTF-8
 * bytes in unpadded base64url.
 */
export function encodeSharingUrl(url: string): string {
  const bytes = new TextEncoder().encode(url);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `u!${btoa(binary).replace(/=+$/, '').replace(/\//g, '_').replace(/\+/g, '-')}`;
}

/** The link as pasted: https only, surrounding spaces and quotes removed. */
function cleanLink(link: string): string {
  const text = link.trim().replace(/^["'<]+|["'>]+$/g, '');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new DriveError('not_found', failure('graph_link_invalid', {}));
  }
  if (url.protocol !== 'https:') throw new DriveError('not_found', failure('graph_link_not_https', {}));
  return url.href;
}

/** A library root's name is `root`: its address names it ("Shared Documents", "Tài liệu"). */
function lastSegment(webUrl: string): string {
  try {
    return decodeURIComponent(new URL(webUrl).pathname.replace(/\/+$/, '').split('/').pop() ?? '') || 'OneDrive';
  } catch {
    return 'OneDrive';
  }
}

/**
 * Opens a SharePoint or OneDrive folder from its link (the address bar's or
 * a "Copy link" one) through Graph's shares API, so a person never needs a
 * drive id. A link to a file opens the file's folder.
 */
export async function resolveSharedFolder(link: string, options: ResolveSharedFolderOptions): Promise<SharedFolder> {
  const url = cleanLink(link);
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const api = new GraphApi(parseGraphEndpoint(options.baseUrl), options.tokens, fetchImpl);
  const budget = (): ReturnType<typeof startBudget> => startBudget({ ...DEFAULT_RETRY_POLICY, ...options.retry }, options.clock ?? SYSTEM_CLOCK);
  const doing: GraphDoing = { action: 'open_link', path: '' };
  const response = await api.call(budget(), 'GET', `/shares/${encodeSharingUrl(url)}/driveItem`, { doing });
  if (response.status !== 200) throw await responseFailure(response, doing);
  let item: GraphItem = parseGraphBody(graphItemSchema, await readJson(response, doing), 'shared_item');
  const driveId = item.parentReference?.driveId;
  if (driveId === undefined || driveId === '') throw new DriveError('failed', failure('graph_link_no_library', {}));
  if (item.root === undefined && item.parentReference?.path === undefined) {
    // Reached through a share, an item may come without its path: the library itself knows it.
    const again = await api.call(budget(), 'GET', `/drives/${encodeURIComponent(driveId)}/items/${encodeURIComponent(item.id)}`, { doing });
    if (again.status !== 200) throw await responseFailure(again, doing);
    item = parseGraphBody(graphItemSchema, await readJson(again, doing), 'shared_item');
  }
  const parent = folderFromParentPath(item.parentReference?.path);
  if (item.root !== undefined) return { driveId, folder: '', name: lastSegment(item.webUrl ?? url), webUrl: item.webUrl ?? url };
  if (item.folder === undefined) return { driveId, folder: parent, name: parent.split('/').pop() ?? '', webUrl: item.webUrl ?? url };
  return { driveId, folder: parent === '' ? item.name : `${parent}/${item.name}`, name: item.name, webUrl: item.webUrl ?? url };
}

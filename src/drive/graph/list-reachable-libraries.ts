import { z } from 'zod';
import { GraphApi, readJson } from './graph-api';
import { parseGraphEndpoint } from './graph-endpoint';
import type { GraphDoing } from './graph-doing';
import { responseFailure } from './graph-failure';
import { parseGraphBody } from './graph-item';
import type { ResolveSharedFolderOptions } from './resolve-shared-folder';
import { DEFAULT_RETRY_POLICY, SYSTEM_CLOCK, startBudget } from './retry-policy';

/** A document library a person can open, named as SharePoint shows it. */
export interface ReachableLibrary {
  /** The site's display name ("Ban Chỉ đạo 4 phủ tỉnh"). */
  readonly site: string;
  /** The library's name ("Tài liệu", "Documents"). */
  readonly library: string;
  readonly webUrl: string;
  /** Used to open the library; never shown to the person. */
  readonly driveId: string;
}

const sitesSchema = z.object({ value: z.array(z.object({ id: z.string().min(1), displayName: z.string().optional(), name: z.string().optional(), webUrl: z.string().optional() })) });
const drivesSchema = z.object({ value: z.array(z.object({ id: z.string().min(1), name: z.string().optional(), driveType: z.string().optional(), webUrl: z.string().optional() })) });

/**
 * The SharePoint sites the signed-in person can reach (`GET /sites?search=*`,
 * first page: Graph's search returns the most relevant sites first) and
 * their document libraries (`GET /sites/{id}/drives`), for choosing a
 * library instead of pasting a link. Needs `Sites.Read.All` (or the
 * sites the app was granted). A site whose libraries cannot be read (403)
 * is left out; other failures reject with a DriveError.
 *
 * @example
 * const libraries = await listReachableLibraries({ tokens });
 * // [{ site: 'Ban Chỉ đạo 4 phủ tỉnh', library: 'Tài liệu', webUrl: 'https://…', driveId: 'b!…' }]
 */
export async function listReachableLibraries(options: ResolveSharedFolderOptions): Promise<ReachableLibrary[]> {
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const api = new GraphApi(parseGraphEndpoint(options.baseUrl), options.tokens, fetchImpl);
  const budget = (): ReturnType<typeof startBudget> => startBudget({ ...DEFAULT_RETRY_POLICY, ...options.retry }, options.clock ?? SYSTEM_CLOCK);
  const doing: GraphDoing = { action: 'list_sites', path: '' };
  const sitesResponse = await api.call(budget(), 'GET', '/sites?search=*', { doing });
  if (sitesResponse.status !== 200) throw await responseFailure(sitesResponse, doing);
  const sites = parseGraphBody(sitesSchema, await readJson(sitesResponse, doing), 'site_list').value;
  const libraries: ReachableLibrary[] = [];
  for (const site of sites) {
    const doingSite: GraphDoing = { action: 'list_libraries', path: '' };
    const response = await api.call(budget(), 'GET', `/sites/${encodeURIComponent(site.id)}/drives`, { doing: doingSite });
    if (response.status === 403 || response.status === 404) continue;
    if (response.status !== 200) throw await responseFailure(response, doingSite);
    for (const drive of parseGraphBody(drivesSchema, await readJson(response, doingSite), 'library_list').value) {
      if (drive.driveType !== undefined && drive.driveType !== 'documentLibrary') continue;
      libraries.push({ site: site.displayName ?? site.name ?? site.webUrl ?? '', library: drive.name ?? '', webUrl: drive.webUrl ?? site.webUrl ?? '', driveId: drive.id });
    }
  }
  return libraries.sort((a, b) => a.site.localeCompare(b.site, 'vi') || a.library.localeCompare(b.library, 'vi'));
}

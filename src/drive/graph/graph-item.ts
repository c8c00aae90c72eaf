import { z } from 'zod';
import { failure, type GraphReply } from '../../core/failures/failure-codes';
import { DriveError, type DriveItem } from '../../core/ports/drive';

/** The driveItem fields PHU reads; Graph sends many more, which are ignored. */
export const graphItemSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  size: z.number().nonnegative().optional(),
  eTag: z.string().optional(),
  lastModifiedDateTime: z.string().optional(),
  webUrl: z.string().optional(),
  folder: z.object({}).optional(),
  file: z.object({}).optional(),
  parentReference: z.object({ path: z.string().optional(), driveId: z.string().optional() }).optional(),
  root: z.object({}).optional(),
  '@microsoft.graph.downloadUrl': z.string().optional(),
});
export type GraphItem = z.infer<typeof graphItemSchema>;

/** One page of `children`. */
export const graphChildrenPageSchema = z.object({
  value: z.array(graphItemSchema),
  '@odata.nextLink': z.string().optional(),
});

/** What `createUploadSession` and a session's status return. */
export const graphUploadSessionSchema = z.object({
  uploadUrl: z.string().optional(),
  expirationDateTime: z.string().optional(),
  nextExpectedRanges: z.array(z.string()).optional(),
});

/** The error body Graph sends with a failing status. */
export const graphErrorBodySchema = z.object({
  error: z.object({ code: z.string().optional(), message: z.string().optional() }),
});

/** Parses a response body with a schema; a body that does not fit is the service's fault, named by what it should have been. */
export function parseGraphBody<T>(schema: z.ZodType<T>, body: unknown, what: GraphReply): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new DriveError('failed', failure('graph_bad_reply', { what }));
  return parsed.data;
}

/**
 * A Graph driveItem as a DriveItem. `folder` is the folder it was reached
 * through when known; otherwise it is read from `parentReference.path`.
 */
export function toDriveItem(item: GraphItem, reachedThrough?: string): DriveItem {
  const folder = reachedThrough ?? folderFromParentPath(item.parentReference?.path);
  return {
    id: item.id,
    name: item.name,
    folder,
    isFolder: item.folder !== undefined,
    size: item.size ?? 0,
    modified: item.lastModifiedDateTime ?? '',
    eTag: item.eTag ?? '',
    location: item.webUrl ?? [folder, item.name].filter((p) => p).join('/'),
  };
}

/** `/drives/b!x/root:/4PHU-2024/TK` -> `4PHU-2024/TK`; the root is ''. */
export function folderFromParentPath(path: string | undefined): string {
  if (path === undefined) return '';
  const at = path.indexOf('root:');
  if (at < 0) return '';
  const rest = path.slice(at + 'root:'.length).replace(/^\/+|\/+$/g, '');
  try {
    return decodeURIComponent(rest);
  } catch {
    return rest;
  }
}

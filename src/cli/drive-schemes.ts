import * as path from 'node:path';
import { LocalDrive } from '../drive/local/local-drive';
import { failure } from '../core/failures/failure-codes';
import { UsageError } from './exit-codes';
import type { DriveScheme } from './open-drive';

/** `local:<folder>`: a folder on this computer, relative to the current folder. */
export const LOCAL_SCHEME: DriveScheme = {
  scheme: 'local',
  usage: 'local:<thư mục gốc>',
  usageEn: 'local:<root folder>',
  open(target, io) {
    if (target.trim() === '') throw new UsageError(failure('drive_local_empty', {}));
    return Promise.resolve(new LocalDrive(path.resolve(io.cwd, target)));
  },
};

/** `graph:<drive-id>`: a SharePoint document library or OneDrive through Microsoft Graph (docs/graph.md). */
export const GRAPH_SCHEME: DriveScheme = {
  scheme: 'graph',
  usage: 'graph:<drive-id>',
  usageEn: 'graph:<drive-id>',
  async open(target, io, lang) {
    if (target.trim() === '') throw new UsageError(failure('drive_graph_empty', {}));
    // The Graph SDK and its helpers are loaded only by a command that opens a Graph drive: a local run does not pay for them.
    const { graphDriveFromEnv } = await import('./graph-auth');
    return graphDriveFromEnv(target.trim(), io.env, (line) => io.stderr.write(`${line}\n`), {}, lang);
  },
};

/** Every drive `--drive` can open; add a scheme here to offer another kind. */
export const DRIVE_SCHEMES: readonly DriveScheme[] = [LOCAL_SCHEME, GRAPH_SCHEME];

import * as path from 'node:path';
import { LocalDrive } from '../drive/local/local-drive';
import { UsageError } from './exit-codes';
import type { DriveScheme } from './open-drive';

/** `local:<folder>`: a folder on this computer, relative to the current folder. */
export const LOCAL_SCHEME: DriveScheme = {
  scheme: 'local',
  usage: 'local:<thư mục gốc>',
  open(target, io) {
    if (target.trim() === '') throw new UsageError('--drive local: cần đường dẫn thư mục gốc, ví dụ local:./BaoCao.');
    return Promise.resolve(new LocalDrive(path.resolve(io.cwd, target)));
  },
};

/** Every drive `--drive` can open; add a scheme here to offer another kind. */
export const DRIVE_SCHEMES: readonly DriveScheme[] = [LOCAL_SCHEME];

import type { Drive } from '../core/ports/drive';
import type { CliIo } from './cli-io';
import type { Lang } from './command';
import { DRIVE_SCHEMES } from './drive-schemes';
import { failure } from '../core/failures/failure-codes';
import { UsageError } from './exit-codes';

/** A kind of drive `--drive <scheme>:<target>` can open. */
export interface DriveScheme {
  /** `local`, `graph`, ... */
  readonly scheme: string;
  /** How the target is written, for the help: `local:<thư mục gốc>`. */
  readonly usage: string;
  /** The same in the English help: `local:<root folder>`. */
  readonly usageEn: string;
  /** Opens the drive named by what follows `<scheme>:`. Throws UsageError for a bad target. */
  open(target: string, io: CliIo, lang: Lang): Promise<Drive>;
}

/**
 * The drive named by a `--drive` value such as `local:D:\BaoCao`. The
 * scheme is the text before the first colon, so Windows paths after it keep
 * theirs.
 */
export async function openDrive(spec: string, io: CliIo, lang: Lang = 'vi', schemes: readonly DriveScheme[] = DRIVE_SCHEMES): Promise<Drive> {
  const colon = spec.indexOf(':');
  const scheme = colon < 0 ? '' : spec.slice(0, colon).toLowerCase();
  const found = schemes.find((s) => s.scheme === scheme);
  if (!found) {
    throw new UsageError(failure('drive_invalid', { drive: spec, schemes: schemes.map((s) => `${s.scheme}:`).join(', ') }));
  }
  return found.open(spec.slice(colon + 1), io, lang);
}

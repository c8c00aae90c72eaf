import type { TargetTable } from '../../core/campaign/target-table';
import type { ChildReport } from '../../core/consolidate/child-report';
import type { PreviousFigures } from '../../core/consolidate/previous-figures';
import type { Finding } from '../../core/findings/finding';
import { readPreviousFile, readTargetsFile, type NamedBytes } from '../../app/campaign-inputs';
import type { ConsolidateRequest } from '../../app/consolidate-files';
import type { InputFile } from '../../app/input-file';
import { readReports, type FileState } from '../../app/read-reports';
import type { WorkbookReader } from '../../app/workbook-reader';

/** What Tổng hợp reads: the children's files, and optionally the previous period and a target table. */
export interface ConsolidationSources {
  /** Lists the children's files (picked, or a SharePoint folder listed when the run starts). */
  readonly files: () => Promise<readonly InputFile[]>;
  readonly previous?: NamedBytes;
  readonly targets?: NamedBytes;
}

/** What the run consolidates against, before the previous period and targets are added. */
export type BaseRequest = Omit<ConsolidateRequest, 'previous' | 'targets'>;

/** The outcome: an input that stops the run (with its findings), or every file's report and the request to consolidate them with. */
export type ConsolidationRead =
  | { readonly kind: 'previous_bad'; readonly file: string; readonly findings: readonly Finding[] }
  | { readonly kind: 'targets_bad'; readonly file: string; readonly findings: readonly Finding[] }
  | {
      readonly kind: 'read';
      readonly req: ConsolidateRequest;
      readonly reports: ChildReport[];
      readonly previous?: PreviousFigures;
      readonly targets?: TargetTable;
    };

/**
 * Reads what the pane's Tổng hợp consolidates, every workbook through
 * `reader` (in the pane, a Web Worker under a per-file deadline): the
 * previous period's workbook, the target table, then the children's files
 * one at a time. A file that is not read in time, or kills its worker,
 * becomes a finding about that file (`file_read_too_long`,
 * `file_too_complex`) and the next file is read; a previous period or
 * target table that cannot be read stops the run before any file is read,
 * as a wrong table helps nobody. `onFile` is told before and after each
 * file and may throw to stop the run.
 *
 * @example const got = await readForConsolidation({ files: async () => inputs }, { form, registry, parentCode: '688', period: 'D2', reportDate: '2024-06-10' }, reader);
 */
export async function readForConsolidation(sources: ConsolidationSources, base: BaseRequest, reader: WorkbookReader, onFile?: (state: FileState) => void): Promise<ConsolidationRead> {
  let previous: PreviousFigures | undefined;
  if (sources.previous) {
    const got = await readPreviousFile(sources.previous, base.form, base.registry, reader);
    if (!got.previous) return { kind: 'previous_bad', file: sources.previous.name, findings: got.errors };
    previous = got.previous;
  }
  let targets: TargetTable | undefined;
  if (sources.targets) {
    targets = await readTargetsFile(sources.targets, base.form, base.registry, reader);
    const errors = targets.findings.filter((f) => f.severity === 'error');
    if (errors.length > 0) return { kind: 'targets_bad', file: sources.targets.name, findings: errors };
  }
  const req: ConsolidateRequest = { ...base, ...(targets ? { targets: targets.targets } : {}), ...(previous ? { previous } : {}) };
  const reports = await readReports(await sources.files(), req, { reader, ...(onFile ? { onFile } : {}) });
  return { kind: 'read', req, reports, ...(previous ? { previous } : {}), ...(targets ? { targets } : {}) };
}

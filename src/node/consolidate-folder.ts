import { consolidateFiles, type ConsolidatedBook } from '../app/consolidate-files';
import { inputsFromDrive, type InputFile } from '../app/input-file';
import type { FileState } from '../app/read-reports';
import type { WorkbookReader } from '../app/workbook-reader';
import type { PreviousFigures } from '../core/consolidate/previous-figures';
import type { Consolidation } from '../core/consolidate/consolidation';
import type { IgnoreReason } from '../core/findings/ignore-reasons';
import type { Finding } from '../core/findings/finding';
import type { FormDef, PeriodDef } from '../core/forms/form-schema';
import type { Drive } from '../core/ports/drive';
import type { Unit } from '../core/units/unit';
import type { UnitRegistry } from '../core/units/unit-registry';
import type { ValidationContext } from '../core/validate/validation-context';
import type { ReadLimits } from '../xlsx/read-limits';
import { IN_THREAD_READER } from './in-thread-reader';

/** What to consolidate: a folder of a drive into a parent unit for a period. */
export interface ConsolidateFolderInput {
  readonly drive: Drive;
  /** Folder path in the drive ('' is its root). */
  readonly folder: string;
  readonly form: FormDef;
  readonly registry: UnitRegistry;
  readonly parent: Unit;
  readonly period: PeriodDef;
  /** The parent's report date, `yyyy-mm-dd` (default today). */
  readonly reportDate?: string;
  /** Overrides of the workbook reader's limits. */
  readonly limits?: Partial<ReadLimits>;
  readonly onProgress?: (state: FileState) => void;
  /** A reason to skip an entry (the run's own output file), or undefined. */
  readonly ignore?: (file: InputFile) => IgnoreReason | undefined;
  /** Targets assigned by unit code: a file whose target differs has an error. */
  readonly targets?: ValidationContext['targets'];
  /** The previous period: files whose cumulative figures went down get a warning, and the consolidation each child's progress. */
  readonly previous?: PreviousFigures;
  /** Who reads each workbook (default: the xlsx reader in this thread). */
  readonly reader?: WorkbookReader;
  /** Files read at once (with a reader working off this thread). */
  readonly concurrency?: number;
  /** Findings about the run itself, listed first in the consolidation's. */
  readonly notes?: readonly Finding[];
}

/**
 * A drive folder through the application layer's consolidation: its
 * entries as inputs, read one at a time into small reports, consolidated.
 *
 * @example const { consolidation } = await consolidateFolder({ drive: new LocalDrive(dir), folder: '', form, registry, parent, period });
 */
export async function consolidateFolder(input: ConsolidateFolderInput): Promise<ConsolidatedBook & { readonly consolidation: Consolidation }> {
  const files = await inputsFromDrive(input.drive, input.folder);
  return consolidateFiles(
    files,
    {
      form: input.form,
      registry: input.registry,
      parentCode: input.parent.code,
      period: input.period.id,
      ...(input.reportDate !== undefined ? { reportDate: input.reportDate } : {}),
      ...(input.targets ? { targets: input.targets } : {}),
      ...(input.previous ? { previous: input.previous } : {}),
      ...(input.notes ? { notes: input.notes } : {}),
    },
    {
      reader: input.reader ?? IN_THREAD_READER,
      ...(input.limits ? { limits: input.limits } : {}),
      ...(input.onProgress ? { onFile: input.onProgress } : {}),
      ...(input.ignore ? { ignore: input.ignore } : {}),
      ...(input.concurrency !== undefined ? { concurrency: input.concurrency } : {}),
    },
  );
}

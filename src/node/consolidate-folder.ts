import type { PreviousFigures } from '../core/campaign/previous-figures';
import { consolidate } from '../core/consolidate/consolidate';
import type { Consolidation } from '../core/consolidate/consolidation';
import type { Finding } from '../core/findings/finding';
import type { FormDef, PeriodDef } from '../core/forms/form-schema';
import type { Drive, DriveItem } from '../core/ports/drive';
import type { Unit } from '../core/units/unit';
import type { UnitRegistry } from '../core/units/unit-registry';
import type { ValidationContext } from '../core/validate/validation-context';
import type { ReadLimits } from '../xlsx/read-limits';
import { readFolderReports, type FolderReadProgress } from './read-folder-reports';

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
  readonly onProgress?: (p: FolderReadProgress) => void;
  /** A reason to skip an entry (the run's own output file), or undefined. */
  readonly ignore?: (item: DriveItem) => string | undefined;
  /** Targets assigned by unit code: a file whose target differs has an error. */
  readonly targets?: ValidationContext['targets'];
  /** The previous period: files whose cumulative figures went down get a warning, and the consolidation each child's progress. */
  readonly previous?: PreviousFigures;
  /** Findings about the run itself, listed first in the consolidation's. */
  readonly notes?: readonly Finding[];
}

/**
 * Reads every file of the folder into a small report (one workbook in
 * memory at a time) and consolidates them into the parent's table.
 */
export async function consolidateFolder(input: ConsolidateFolderInput): Promise<Consolidation> {
  const { drive, folder, form, registry, parent, period } = input;
  const opts = { ...(input.ignore ? { ignore: input.ignore } : {}), ...(input.limits ? { limits: input.limits } : {}) };
  const checks = { ...(input.targets ? { targets: input.targets } : {}), ...(input.previous ? { previous: input.previous.byUnit } : {}) };
  const reports = await readFolderReports(drive, folder, { form, registry, expect: { period: period.id }, ...checks }, input.onProgress, opts);
  return consolidate(reports, {
    form,
    registry,
    parentCode: parent.code,
    period: period.id,
    ...(input.reportDate !== undefined ? { reportDate: input.reportDate } : {}),
    ...(input.previous ? { previous: input.previous } : {}),
    ...(input.notes ? { notes: input.notes } : {}),
  });
}

import { parentFolder, unitFileName } from '../../core/campaign/template-path';
import { findPeriod } from '../../core/forms/form-periods';
import type { FormDef } from '../../core/forms/form-schema';
import type { Drive, DriveItem } from '../../core/ports/drive';
import type { UnitRegistry } from '../../core/units/unit-registry';

/** Where a workbook goes in a drive. */
export interface PushTarget {
  /** Folder path from the drive's root, `/`-separated. */
  readonly folder: string;
  /** `688 Thị xã Phước Long.xlsx` */
  readonly name: string;
}

/**
 * Where a parent's consolidation goes up by the folder convention: the
 * folder its own parent collects the period in, under the parent's code and
 * name (`4PHU-2024/D1/70 Tỉnh Bình Phước/688 Thị xã Phước Long.xlsx`).
 * Undefined for a code or period the catalogue or form does not know.
 */
export function pushTarget(form: FormDef, registry: UnitRegistry, parentCode: string, periodId: string): PushTarget | undefined {
  const unit = registry.get(parentCode.trim());
  const period = findPeriod(form, periodId);
  const above = unit?.parentCode !== undefined ? registry.get(unit.parentCode) : undefined;
  if (!unit || !period || !above) return undefined;
  return { folder: parentFolder(form, period, above), name: `${unitFileName(unit)}.xlsx` };
}

/** What became of a push: sent, or stopped by a file of that name (nothing overwritten). */
export type PushOutcome =
  | { readonly kind: 'sent'; readonly item: DriveItem; readonly replaced: boolean }
  /** A file of that name exists: shown to the person, who may choose to replace exactly that version. */
  | { readonly kind: 'exists'; readonly existing?: DriveItem }
  /** The version the person chose to replace changed meanwhile: both are kept. */
  | { readonly kind: 'changed'; readonly existing?: DriveItem };

/**
 * Uploads a workbook. Without `ifMatch` an existing file is never
 * overwritten (`exists`); with it, only the version whose eTag the person
 * saw is replaced, and a file changed since comes back as `changed`.
 */
export async function pushWorkbook(drive: Drive, target: PushTarget, bytes: Uint8Array, ifMatch?: string): Promise<PushOutcome> {
  const replacing = ifMatch !== undefined;
  const result = await drive.upload(target.folder, target.name, bytes, replacing ? { kind: 'replace', ifMatch } : { kind: 'fail' });
  if (result.ok) return { kind: 'sent', item: result.item, replaced: replacing };
  const existing = result.existing ? { existing: result.existing } : {};
  return result.conflict === 'exists' ? { kind: 'exists', ...existing } : { kind: 'changed', ...existing };
}

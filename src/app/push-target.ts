import { parentFolder, unitFileName } from '../core/campaign/template-path';
import { findPeriod } from '../core/forms/form-periods';
import type { FormDef } from '../core/forms/form-schema';
import type { UnitRegistry } from '../core/units/unit-registry';

/** Where a workbook goes in a drive. */
export interface PushTarget {
  /** Folder path from the drive's root, `/`-separated. */
  readonly folder: string;
  /** `688 Thị xã Phước Long.xlsx` */
  readonly name: string;
}

/**
 * `<unit code> <unit name>.xlsx`, the folder convention's file name, safe on
 * every drive (the characters SharePoint, OneDrive or Windows refuse become `_`).
 *
 * @example conventionFileName('25216', 'Phường Thác Mơ') === '25216 Phường Thác Mơ.xlsx'
 */
export function conventionFileName(unitCode: string, unitName: string): string {
  return `${unitFileName({ code: unitCode, name: unitName })}.xlsx`;
}

/**
 * Where a parent's consolidation goes up by the folder convention: the
 * folder its own parent collects the period in, under the parent's code and
 * name (`4PHU-2024/D1/70 Tỉnh Bình Phước/688 Thị xã Phước Long.xlsx`).
 * Undefined for a code or period the catalogue or form does not know.
 *
 * @example pushTarget(FORM_4PHU_2024, registry, '688', 'D1')?.folder === '4PHU-2024/D1/70 Tỉnh Bình Phước'
 */
export function pushTarget(form: FormDef, registry: UnitRegistry, parentCode: string, periodId: string): PushTarget | undefined {
  const unit = registry.get(parentCode.trim());
  const period = findPeriod(form, periodId);
  const above = unit?.parentCode !== undefined ? registry.get(unit.parentCode) : undefined;
  if (!unit || !period || !above) return undefined;
  return { folder: parentFolder(form, period, above), name: conventionFileName(unit.code, unit.name) };
}

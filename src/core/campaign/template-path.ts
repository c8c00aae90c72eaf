import type { FormDef, PeriodDef } from '../forms/form-schema';
import { previousPeriod } from '../forms/form-periods';
import { normalizeCode } from '../text/normalize-text';
import type { Unit } from '../units/unit';

/** Characters file systems refuse in a name (Windows is the strictest), and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g;

/** A unit as a folder or file name: `688 Thị xã Phước Long` (what `phu push` names files, too). */
export function unitFileName(unit: Pick<Unit, 'code' | 'name'>): string {
  return `${unit.code} ${unit.name}`.normalize('NFC').replace(UNSAFE, '_').replace(/\s+/g, ' ').trim().replace(/[. ]+$/, '');
}

/**
 * Where a unit's submission lives in the campaign's drive, `/`-separated:
 * `<form>/<period>/<parent code> <parent name>/<unit code> <unit name>.xlsx`.
 * The parent consolidates exactly that folder; the next period is the
 * sibling folder of the same parent.
 *
 * @example templatePath(FORM_4PHU_2024, d1, phuocLong, thacMo) === '4PHU-2024/D1/688 Thị xã Phước Long/25216 Phường Thác Mơ.xlsx'
 */
export function templatePath(form: FormDef, period: PeriodDef, parent: Unit, unit: Unit): string {
  return `${parentFolder(form, period, parent)}/${unitFileName(unit)}.xlsx`;
}

/** The folder a parent collects its units' submissions of a period in: `4PHU-2024/D1/688 Thị xã Phước Long`. */
export function parentFolder(form: FormDef, period: PeriodDef, parent: Unit): string {
  return `${form.id}/${period.id}/${unitFileName(parent)}`;
}

/**
 * The same parent's folder for the period before: `…/4PHU-2024/D2/688 Thị xã
 * Phước Long` -> `…/4PHU-2024/D1/688 Thị xã Phước Long`. Undefined when the
 * path does not follow the convention (no `<form>/<period>` in it) or the
 * period is the first. Backslashes are read as `/`.
 */
export function previousFolderOf(folder: string, form: FormDef, period: PeriodDef): string | undefined {
  const before = previousPeriod(form, period.id);
  if (!before) return undefined;
  const parts = folder.replace(/\\/g, '/').split('/');
  for (let k = parts.length - 1; k > 0; k--) {
    if (normalizeCode(parts[k] ?? '').toUpperCase() === period.id.toUpperCase() && normalizeCode(parts[k - 1] ?? '').toUpperCase() === form.id.toUpperCase()) {
      parts[k] = before.id;
      return parts.join('/');
    }
  }
  return undefined;
}

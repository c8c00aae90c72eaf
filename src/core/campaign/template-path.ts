import type { FormDef, PeriodDef } from '../forms/form-schema';
import type { Unit } from '../units/unit';

/** Characters file systems refuse in a name (Windows is the strictest), and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g;

/** A unit as a folder or file name: `688 Thị xã Phước Long`. */
export function unitFileName(unit: Unit): string {
  return `${unit.code} ${unit.name}`.normalize('NFC').replace(UNSAFE, '-').replace(/\s+/g, ' ').trim().replace(/[. ]+$/, '');
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

import { findSheet, type WorkbookGrid } from '../grid/sheet-grid';
import { normalizeText } from '../text/normalize-text';
import { FORMS } from './form-catalog';
import type { FormDef } from './form-schema';
import { readCarriedForm } from './form-sheet';
import { formHash } from './canonical-form';

/**
 * The form a workbook follows: the form it carries in its very hidden form
 * sheet when that is whole and valid (so a form PHU does not ship needs no
 * other input), else the `form` value of its info sheet when PHU knows that
 * form. Lets `phu validate` check a DVC25 file as DVC25 without being told.
 *
 * @example detectForm(book)?.id === 'DVC25-2023'
 */
export function detectForm(book: WorkbookGrid, forms: readonly FormDef[] = FORMS): FormDef | undefined {
  const carried = readCarriedForm(book).form;
  if (carried) return forms.find((f) => f.id.toUpperCase() === carried.id.toUpperCase() && sameForm(f, carried)) ?? carried;
  for (const form of forms) {
    const sheet = findSheet(book, form.info.sheet);
    if (!sheet) continue;
    for (const row of sheet.rows) {
      const key = row?.[form.info.keyColumn];
      const value = row?.[form.info.valueColumn];
      if (typeof key !== 'string' || normalizeText(key) !== 'form' || typeof value !== 'string') continue;
      const id = normalizeText(value).toUpperCase();
      const hit = forms.find((f) => f.id.toUpperCase() === id);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** Same definition, so the catalogue's own object (known to workers by index) is used. */
function sameForm(a: FormDef, b: FormDef): boolean {
  return formHash(a) === formHash(b);
}

import { findSheet, type WorkbookGrid } from '../grid/sheet-grid';
import { normalizeText } from '../text/normalize-text';
import { FORMS } from './form-catalog';
import type { FormDef } from './form-schema';
import { FORM_SHEET, readCarriedForm } from './form-sheet';
import { MAX_FORM_BYTES } from './parse-form';
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
  const carried = carriedForm(book, forms);
  if (carried) return carried;
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

/**
 * The form a workbook carries when its form sheet is whole and valid: the
 * catalogue's own object when it is the same definition, else the form as
 * read; undefined without a valid form sheet. A sheet holding exactly the
 * canonical text of a catalogue form (every workbook PHU makes) is matched
 * without parsing it.
 *
 * @example carriedForm(renderSubmission(FORM_4PHU_2024, data)) === FORM_4PHU_2024
 */
export function carriedForm(book: WorkbookGrid, forms: readonly FormDef[] = FORMS): FormDef | undefined {
  // The hash the sheet records picks the candidate, so that no other form's comparison parses the text.
  const recorded = findSheet(book, FORM_SHEET)?.rows[0]?.[2];
  for (const form of forms) if (recorded === formHash(form) && readCarriedForm(book, MAX_FORM_BYTES, form).form === form) return form;
  const carried = readCarriedForm(book).form;
  if (!carried) return undefined;
  return forms.find((f) => f.id.toUpperCase() === carried.id.toUpperCase() && sameForm(f, carried)) ?? carried;
}

/** Same definition, so the catalogue's own object (known to workers by index) is used. */
function sameForm(a: FormDef, b: FormDef): boolean {
  return formHash(a) === formHash(b);
}

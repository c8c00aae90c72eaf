import { findSheet, type WorkbookGrid } from '../grid/sheet-grid';
import { normalizeText } from '../text/normalize-text';
import { FORMS } from './form-catalog';
import type { FormDef } from './form-schema';

/**
 * The form a workbook says it follows: the `form` value of its info sheet,
 * when PHU knows that form. Lets `phu validate` check a DVC25 file as DVC25
 * without being told.
 *
 * @example detectForm(book)?.id === 'DVC25-2023'
 */
export function detectForm(book: WorkbookGrid, forms: readonly FormDef[] = FORMS): FormDef | undefined {
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

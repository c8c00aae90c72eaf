import { createFinding, type Finding } from '../findings/finding';
import type { WorkbookGrid } from '../grid/sheet-grid';
import { formHash, shortHash } from '../forms/canonical-form';
import type { FormDef } from '../forms/form-schema';
import { FORM_SHEET, readCarriedForm } from '../forms/form-sheet';

/**
 * The form a workbook carries, against the form it is checked as: a damaged
 * form sheet is an error, and so is a form of the same id with another
 * definition (the form was changed after this template was sent: its
 * columns or rules may not be those being consolidated). A workbook that
 * carries no form is not faulted; a form of another id is left to the info
 * sheet's `form_mismatch`.
 *
 * @example checkCarriedForm(grid, FORM_4PHU_2024) // [] for a template made from 4PHU-2024
 */
export function checkCarriedForm(book: WorkbookGrid, form: FormDef): Finding[] {
  const carried = readCarriedForm(book, undefined, form);
  const findings = [...carried.findings];
  const expected = formHash(form);
  if (carried.form && carried.hash !== undefined && carried.form.id.toUpperCase() === form.id.toUpperCase() && carried.hash !== expected) {
    findings.push(createFinding('form_carried_differs', { form: form.id, expected: shortHash(expected), actual: shortHash(carried.hash) }, { sheet: FORM_SHEET }));
  }
  return findings;
}

import { FORM_4PHU_2024 } from './form-4phu-2024';
import { FORM_DVC25_2023 } from './form-dvc25-2023';
import type { FormDef } from './form-schema';

/** Every form PHU knows, by id. Adding a form is adding a line here. */
export const FORMS: readonly FormDef[] = [FORM_4PHU_2024, FORM_DVC25_2023];

/** The form with this id, if PHU knows it. */
export function findForm(id: string, forms: readonly FormDef[] = FORMS): FormDef | undefined {
  const want = id.trim().toUpperCase();
  return forms.find((f) => f.id.toUpperCase() === want);
}

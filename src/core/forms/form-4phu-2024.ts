import definition from './4phu-2024.form.json';
import { defineForm } from './parse-form';
import type { FormDef } from './form-schema';

/**
 * Form 4PHU-2024, the "4 phủ" campaign report of 2024, exactly as
 * `shared/spec/form-4phu-2024.md` lays it out. The JSON file is the source
 * of truth, the same document `phu form export 4PHU-2024` writes.
 */
export const FORM_4PHU_2024: FormDef = defineForm(definition);

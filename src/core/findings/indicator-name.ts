import type { FormDef } from '../forms/form-schema';

/**
 * The forms whose indicators findings can name. The catalogue registers
 * itself (form-catalog.ts) rather than being imported here: forms are parsed
 * into findings at load, so importing the catalogue from the wording would
 * be a cycle.
 */
const known: FormDef[] = [];

/** Makes these forms' indicators nameable in findings' wording (a carried form's too). */
export function knowForms(forms: readonly FormDef[]): void {
  for (const f of forms) if (!known.includes(f)) known.push(f);
}

/**
 * The name of an indicator, by the key a finding carries, in the language
 * of the message: findings hold the key, the wording is chosen here. A key
 * no known form has is shown as it is.
 *
 * @example indicatorName('ddt', 'en') // 'eID account'
 */
export function indicatorName(key: string | number, lang: 'vi' | 'en', forms: readonly FormDef[] = known): string {
  for (const form of forms) {
    const ind = form.indicators.find((i) => i.key === key);
    if (ind) return lang === 'en' ? ind.labelEn : ind.label;
  }
  return String(key);
}

import { FORMS } from '../forms/form-catalog';
import type { FormDef } from '../forms/form-schema';

/**
 * The name of an indicator, by the key a finding carries, in the language
 * of the message: findings hold the key, the wording is chosen here. A key
 * no known form has is shown as it is.
 *
 * @example indicatorName('ddt', 'en') // 'eID account'
 */
export function indicatorName(key: string | number, lang: 'vi' | 'en', forms: readonly FormDef[] = FORMS): string {
  for (const form of forms) {
    const ind = form.indicators.find((i) => i.key === key);
    if (ind) return lang === 'en' ? ind.labelEn : ind.label;
  }
  return String(key);
}

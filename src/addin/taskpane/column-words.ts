import type { FormDef } from '../../core/forms/form-schema';
import type { Lang } from './i18n';

/**
 * A column as the form names it, never by its key: a computed rate or rank
 * by its indicator ("Căn cước công dân – tỷ lệ", English from `labelEn`),
 * any other column by its group and label.
 */
export function columnWords(form: FormDef, key: string, lang: Lang): string {
  for (const ind of form.indicators) {
    const name = lang === 'vi' ? ind.label : ind.labelEn;
    if (ind.rateColumn === key) return `${name} – ${lang === 'vi' ? 'tỷ lệ' : 'rate'}`;
    if (ind.rankColumn === key) return `${name} – ${lang === 'vi' ? 'xếp hạng' : 'rank'}`;
  }
  for (const table of form.tables) {
    const col = [...table.columns, ...table.computed].find((c) => c.key === key);
    if (col) return col.group ? `${col.group} – ${col.label}` : col.label;
  }
  return key;
}

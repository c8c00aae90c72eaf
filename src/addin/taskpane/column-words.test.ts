import { FORM_4PHU_2024 } from '../../core/forms/form-4phu-2024';
import { columnWords } from './column-words';

describe('columnWords', () => {
  it('names computed columns by their indicator, in the pane’s language, never by key', () => {
    const ind = FORM_4PHU_2024.indicators[0];
    if (!ind) throw new Error('fixture');
    expect(columnWords(FORM_4PHU_2024, ind.rateColumn, 'vi')).toBe(`${ind.label} – tỷ lệ`);
    expect(columnWords(FORM_4PHU_2024, ind.rateColumn, 'en')).toBe(`${ind.labelEn} – rate`);
    if (ind.rankColumn) expect(columnWords(FORM_4PHU_2024, ind.rankColumn, 'en')).toBe(`${ind.labelEn} – rank`);
    expect(columnWords(FORM_4PHU_2024, ind.rateColumn, 'en')).not.toContain('_');
  });

  it('names an input column by its group and label', () => {
    const table = FORM_4PHU_2024.tables.find((t) => t.columns.some((c) => c.group !== undefined));
    const col = table?.columns.find((c) => c.group !== undefined);
    if (!col) throw new Error('fixture');
    expect(columnWords(FORM_4PHU_2024, col.key, 'vi')).toBe(`${col.group ?? ''} – ${col.label}`);
  });
});

import type { WorkbookGrid } from '../grid/sheet-grid';
import { carriedForm, detectForm } from './detect-form';
import { FORM_4PHU_2024 } from './form-4phu-2024';
import { FORM_DVC25_2023 } from './form-dvc25-2023';
import type { FormDef } from './form-schema';
import { formSheet } from './form-sheet';

const carrying = (form: FormDef): WorkbookGrid => ({ sheets: [formSheet(form)] });

const infoBook = (form: string): WorkbookGrid => ({
  sheets: [{ name: 'ThongTin', rows: [['Khóa', 'Nội dung', 'Giá trị'], ['level', 'Cấp báo cáo', 'xa'], [' form ', 'Mẫu biểu', form]] }],
});

describe('detectForm', () => {
  it('finds the form a workbook names in ThongTin, in any row and case', () => {
    expect(detectForm(infoBook('dvc25-2023'))?.id).toBe('DVC25-2023');
    expect(detectForm(infoBook('4PHU-2024'))?.id).toBe('4PHU-2024');
  });

  it('says nothing for an unknown form or a workbook without ThongTin', () => {
    expect(detectForm(infoBook('XYZ-1999'))).toBeUndefined();
    expect(detectForm({ sheets: [{ name: 'Sheet1', rows: [['form', '', '4PHU-2024']] }] })).toBeUndefined();
  });
});

describe('carriedForm', () => {
  it('is the catalogue\'s own object for a sheet holding a shipped form, whichever it is', () => {
    expect(carriedForm(carrying(FORM_4PHU_2024))).toBe(FORM_4PHU_2024);
    expect(carriedForm(carrying(FORM_DVC25_2023))).toBe(FORM_DVC25_2023);
    expect(detectForm(carrying(FORM_DVC25_2023))).toBe(FORM_DVC25_2023);
  });

  it('reads a form PHU does not ship, and refuses a sheet whose text no longer matches its hash', () => {
    const own: FormDef = { ...FORM_4PHU_2024, id: 'DE-AN-2026', title: 'Đề án 2026' };
    expect(carriedForm(carrying(own))).toMatchObject({ id: 'DE-AN-2026', title: 'Đề án 2026' });
    const sheet = formSheet(FORM_4PHU_2024);
    const tampered = { ...sheet, rows: sheet.rows.map((r, i) => (i === 1 ? [String(r[0]).replace('"4PHU-2024"', '"4PHU-2025"')] : r)) };
    expect(carriedForm({ sheets: [tampered] })).toBeUndefined();
    expect(carriedForm(infoBook('4PHU-2024'))).toBeUndefined();
  });
});

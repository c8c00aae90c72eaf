import type { WorkbookGrid } from '../grid/sheet-grid';
import { detectForm } from './detect-form';

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

import ExcelJS from 'exceljs';
import { FORM_DVC25_2023 } from '../../src/core/forms/form-dvc25-2023';
import { renderSubmission } from '../../src/core/render/render-submission';
import { nationalRegistry } from '../../src/core/units/national-registry';
import { validateSubmission } from '../../src/core/validate/validate-submission';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { writeWorkbook } from '../../src/xlsx/write-workbook';

describe('a DVC25-2023 template as an .xlsx file', () => {
  const info = { form: 'DVC25-2023', form_version: '1', level: 'huyen', unit_code: '690', unit_name: 'Thị xã Bình Long', parent_code: '70', period: '9T', period_from: '2023-01-01', period_to: '2023-09-30' };

  it('opens the status as a drop-down list and the difficulties as free text, the rest locked', async () => {
    const bytes = await writeWorkbook(renderSubmission(FORM_DVC25_2023, { info, tables: {} }, { template: true }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('DVC25');
    expect(ws?.getCell('C4').protection?.locked).toBe(false);
    expect(ws?.getCell('C4').dataValidation).toMatchObject({ type: 'list', formulae: ['"Đã kết nối,Chưa kết nối"'] });
    expect(ws?.getCell('H28').protection?.locked).toBe(false);
    expect(ws?.getCell('H28').dataValidation?.type).toBeUndefined();
    expect(ws?.getCell('D4').dataValidation).toMatchObject({ type: 'whole' });
    expect(ws?.getCell('B4').protection?.locked).not.toBe(false);
    expect(ws?.getCell('D29').value).toEqual({ formula: 'SUM(D4:D28)' });
  });

  it('reads back before Excel recalculates: SUM totals of 0 are values, not missing', async () => {
    const bytes = await writeWorkbook(renderSubmission(FORM_DVC25_2023, { info: { ...info, report_date: '2023-10-12' }, tables: {} }, { template: true }));
    const read = await readWorkbook(bytes);
    const r = validateSubmission(read.book ?? { sheets: [] }, { form: FORM_DVC25_2023, registry: nationalRegistry() });
    expect(r.findings).toEqual([]);
    expect(r.submission.tables['DVC25']?.total?.values['total']).toBe(0);
  });
});

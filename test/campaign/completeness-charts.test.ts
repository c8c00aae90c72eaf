import ExcelJS from 'exceljs';
import { anError, fakeReport } from '../fixtures/child-report-fixtures';
import { COMPLETENESS_KEYS, COMPLETENESS_SHEET, completenessRows } from '../../src/core/campaign/completeness-table';
import { CHART_SHEET, rateCharts } from '../../src/core/campaign/rate-charts';
import { consolidate } from '../../src/core/consolidate/consolidate';
import { FORM_4PHU_2024 } from '../../src/core/forms/form-4phu-2024';
import { renderConsolidation } from '../../src/core/render/render-consolidation';
import { nationalRegistry } from '../../src/core/units/national-registry';
import { writeWorkbook } from '../../src/xlsx/write-workbook';
import { unitOf } from './campaign-fixtures';

const form = FORM_4PHU_2024;
const registry = nationalRegistry();
const u = (code: string) => unitOf(registry, code);
// Bình Phước, period TK (due 08/07/2024): 8 on time, 1 late, 1 invalid, 1 missing (692).
const c = consolidate(
  [
    fakeReport(u('688'), { seed: 1 }),
    fakeReport(u('689'), { seed: 2 }),
    fakeReport(u('690'), { seed: 3, reportDate: '2024-07-10' }),
    fakeReport(u('691'), { seed: 4, findings: [anError('691.xlsx')] }),
    ...['693', '694', '695', '696', '697', '698'].map((code, i) => fakeReport(u(code), { seed: 5 + i })),
  ],
  { form, registry, parentCode: '70', period: 'TK', reportDate: '2024-07-09' },
);

describe('completeness and timeliness at a glance', () => {
  const { rows, total } = completenessRows(c);

  it('counts reports expected, sent, on time, late, missing, invalid, in total', () => {
    expect(total).toEqual({ code: 'TONG', name: 'Tổng cộng', expected: 11, submitted: 10, onTime: 8, late: 1, missing: 1, invalid: 1, submittedRate: 10 / 11, onTimeRate: 8 / 11 });
    expect(c.completeness).toEqual({ expected: 11, onTime: 8, late: 1, missing: 1, invalid: 1 });
  });

  it('and per child unit, with its report date and file', () => {
    expect(rows.map((r) => [r.code, r.status, r.submitted, r.onTime])).toEqual([
      ['688', 'on_time', 1, 1],
      ['689', 'on_time', 1, 1],
      ['690', 'late', 1, 0],
      ['691', 'invalid', 1, 0],
      ['692', 'missing', 0, 0],
      ...['693', '694', '695', '696', '697', '698'].map((code) => [code, 'on_time', 1, 1]),
    ]);
    expect(rows[2]).toMatchObject({ reportDate: '2024-07-10', file: '690.xlsx', late: 1, submittedRate: 1, onTimeRate: 0 });
    expect(rows[4]).toMatchObject({ expected: 1, missing: 1, submittedRate: 0 });
    expect(rows[4]?.file).toBeUndefined();
  });

  it('is a TinhHinhNop sheet with data bars on its rates when asked for', async () => {
    expect(renderConsolidation(form, c).sheets.map((s) => s.name)).not.toContain(COMPLETENESS_SHEET);
    const book = renderConsolidation(form, c, { completeness: true });
    const sheet = book.sheets.find((s) => s.name === 'TinhHinhNop');
    expect(sheet?.name).toBe(COMPLETENESS_SHEET);
    expect(sheet?.rows[1]).toEqual([...COMPLETENESS_KEYS]);
    expect(sheet?.rows[4]?.slice(0, 3)).toEqual(['690', 'Thị xã Bình Long', 'Trễ hạn']);
    expect(sheet?.rows[4]?.[3]).toEqual(new Date(Date.UTC(2024, 6, 10)));
    expect(sheet?.rows.at(-1)).toEqual(['TONG', 'Tổng cộng', null, null, null, 11, 10, 8, 1, 1, 1, 10 / 11, 8 / 11, null]);
    // The invalid unit's row names its file's first error.
    expect(sheet?.rows[5]?.[2]).toBe('Không hợp lệ');
    expect(sheet?.rows[5]?.[13]).toBe(rows[3]?.firstError?.message_vi);
    expect(typeof sheet?.rows[5]?.[13]).toBe('string');
    expect(sheet?.rateColumns).toEqual([11, 12]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await writeWorkbook(book)) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(COMPLETENESS_SHEET) as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ type: string }> }> };
    expect(ws.conditionalFormattings.map((f) => [f.ref, f.rules.map((r) => r.type).sort()])).toEqual([
      ['L3:L13', ['dataBar']],
      ['M3:M13', ['dataBar']],
    ]);
  });
});

describe('rateCharts: the BieuDo sheet behind the add-in charts', () => {
  const { sheet, charts } = rateCharts(form, c);

  it('gives one chart per indicator: a bar per unit, the goal as a line', () => {
    expect(sheet.name).toBe(CHART_SHEET);
    expect(charts.map((x) => [x.indicator, x.categories, x.rates, x.goal])).toEqual([
      ['cccd', 'A3:A13', 'B3:B13', 'C3:C13'],
      ['ddt', 'A22:A32', 'B22:B32', 'C22:C32'],
      ['phone4g', 'A41:A51', 'B41:B51', 'C41:C51'],
      ['simcks', 'A60:A70', 'B60:B70', 'C60:C70'],
    ]);
    expect(charts[0]?.title).toBe('Căn cước công dân: tỷ lệ theo đơn vị (mục tiêu 100%)');
    expect(charts[0]?.anchor).toEqual({ top: 0, left: 4, bottom: 17, right: 13 });
    expect(charts[1]?.anchor.top).toBeGreaterThan(charts[0]?.anchor.bottom ?? Number.POSITIVE_INFINITY);
  });

  it('writes short names, rates as numbers (none for a unit without figures) and the goal', () => {
    expect(sheet.rows[1]).toEqual(['Đơn vị', 'Tỷ lệ', 'Mục tiêu']);
    expect(sheet.rows[2]).toEqual(['Phước Long', c.children[0]?.rates['cccd'], 1]);
    expect(sheet.rows[6]).toEqual(['Lộc Ninh', null, 1]);
    expect(sheet.rows[5]?.[1]).toBeNull();
    // simcks has no target anywhere in these reports: no rate, no bar, never 0%.
    expect(sheet.rows.slice(59, 70).every((r) => r[1] === null)).toBe(true);
    expect(sheet.columns?.[1]?.numFmt).toBe('0.00%');
    expect(rateCharts(form, c, 0.95).charts[0]?.goalRate).toBe(0.95);
  });
});

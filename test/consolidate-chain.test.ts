import { fakeReport } from './fixtures/child-report-fixtures';
import { consolidate } from '../src/core/consolidate/consolidate';
import { reportFromValidation } from '../src/core/consolidate/report-from-validation';
import { FORM_4PHU_2024 } from '../src/core/forms/form-4phu-2024';
import type { OutputBook } from '../src/core/grid/output-book';
import type { WorkbookGrid } from '../src/core/grid/sheet-grid';
import { renderConsolidation } from '../src/core/render/render-consolidation';
import { nationalRegistry } from '../src/core/units/national-registry';
import type { Unit } from '../src/core/units/unit';
import { validateSubmission } from '../src/core/validate/validate-submission';

const form = FORM_4PHU_2024;
const registry = nationalRegistry();
const grid = (b: OutputBook): WorkbookGrid => ({ sheets: b.sheets.map((s) => ({ name: s.name, rows: s.rows })) });

describe('a consolidated workbook as the next level submission', () => {
  // District 688 (seven communes, one missing, one late) consolidated, written, read back.
  const communes = registry.children('688');
  const district = consolidate(
    communes.slice(1).map((u: Unit, i) => fakeReport(u, { seed: i, ...(i === 2 ? { reportDate: '2024-07-10' } : {}) })),
    { form, registry, parentCode: '688', period: 'TK', reportDate: '2024-07-06' },
  );
  const file = '688 Phước Long.xlsx';
  const checked = validateSubmission(grid(renderConsolidation(form, district)), { form, registry, file, expect: { period: 'TK', level: 'huyen' } });
  const report = reportFromValidation({ file, bytes: 30000, sha256: 'd688' }, [], checked, form);

  it('validates as a district submission without errors', () => {
    expect(checked.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.info).toMatchObject({ level: 'huyen', unit_code: '688', parent_code: '70', period: 'TK', report_date: '2024-07-06' });
  });

  it('is summed into the province like any district report', () => {
    const others = registry
      .children('70')
      .filter((u) => u.code !== '688')
      .map((u, i) => fakeReport(u, { seed: i }));
    const province = consolidate([report, ...others], { form, registry, parentCode: '70', period: 'TK', reportDate: '2024-07-08' });
    const row = province.children.find((r) => r.unit.code === '688');
    expect(row?.status).toBe('on_time');
    expect(row?.values).toEqual(district.total.values);
    expect(province.items.LyDo?.TONG?.cccd).toBe((district.items.LyDo?.TONG?.cccd ?? 0) + others.reduce((s, r) => s + (r.items?.LyDo?.TONG?.cccd ?? 0), 0));
    expect(province.completeness).toEqual({ expected: 11, onTime: 11, late: 0, missing: 0, invalid: 0 });
    const back = validateSubmission(grid(renderConsolidation(form, province)), { form, registry, file: '70.xlsx', expect: { period: 'TK', level: 'tinh' } });
    expect(back.ok).toBe(true);
  });
});

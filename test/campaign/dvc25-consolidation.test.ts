import { COMPLETENESS_SHEET } from '../../src/core/campaign/completeness-table';
import { consolidate } from '../../src/core/consolidate/consolidate';
import { reportFromValidation } from '../../src/core/consolidate/report-from-validation';
import { FORM_DVC25_2023 } from '../../src/core/forms/form-dvc25-2023';
import { renderConsolidation } from '../../src/core/render/render-consolidation';
import { renderSubmission } from '../../src/core/render/render-submission';
import type { SubmissionDataRow } from '../../src/core/submission/submission-data';
import { nationalRegistry } from '../../src/core/units/national-registry';
import { validateSubmission } from '../../src/core/validate/validate-submission';
import { asGrid, unitOf } from './campaign-fixtures';

/**
 * A form whose main table lists services, not units, consolidates too: the
 * province's DVC25 sheet sums each service over its districts, and the
 * districts themselves are in TinhHinhNop. No DVC25-specific code.
 */
const form = FORM_DVC25_2023;
const registry = nationalRegistry();

function districtFile(code: string, services: readonly SubmissionDataRow[]) {
  const u = unitOf(registry, code);
  const info = { form: form.id, form_version: '1', level: 'huyen', unit_code: code, unit_name: u.name, parent_code: '70', period: '9T', period_from: '2023-01-01', period_to: '2023-09-30', report_date: '2023-10-12' };
  const result = validateSubmission(renderSubmission(form, { info, tables: { DVC25: services } }), { form, registry, expect: { period: '9T' } });
  return reportFromValidation({ file: `${code}.xlsx`, bytes: 1, sha256: code }, [], result, form);
}

describe('consolidating DVC25-2023 into the province', () => {
  const reports = [
    districtFile('690', [
      { code: '3', name: '', values: { total: 5480, online: 3362, on_time: 3362, overdue: 0 }, texts: { connected: 'Đã kết nối' } },
      { code: '19', name: '', values: { total: 5149, online: 2764, on_time: 2673, overdue: 91 }, texts: { connected: 'Đã kết nối' } },
    ]),
    districtFile('688', [{ code: '3', name: '', values: { total: 520, online: 500, on_time: 498, overdue: 2 } }]),
    // Online above total: this district is left out.
    districtFile('689', [{ code: '3', name: '', values: { total: 10, online: 11, on_time: 11, overdue: 0 } }]),
  ];
  const c = consolidate(reports, { form, registry, parentCode: '70', period: '9T', reportDate: '2023-10-15' });
  const book = renderConsolidation(form, c, { completeness: true });

  it('sums each service over the valid districts, with its rate, and reads back as a valid submission', () => {
    const back = validateSubmission(asGrid(book), { form, registry, expect: { period: '9T', level: 'tinh' } });
    expect(back.findings).toEqual([]);
    const rows = back.submission.tables['DVC25']?.rows ?? [];
    expect(rows).toHaveLength(25);
    expect(rows.find((r) => r.code === '3')?.values).toEqual({ total: 6000, online: 3862, on_time: 3860, overdue: 2 });
    expect(rows.find((r) => r.code === '19')?.values).toEqual({ total: 5149, online: 2764, on_time: 2673, overdue: 91 });
    expect(back.submission.tables['DVC25']?.total?.values).toEqual({ total: 11149, online: 6626, on_time: 6533, overdue: 93 });
    const sheet = book.sheets.find((s) => s.name === 'DVC25');
    const rateCol = sheet?.rows[2]?.indexOf('online_rate') ?? -1;
    expect(sheet?.rows.find((r) => r[0] === '3')?.[rateCol]).toBeCloseTo(3862 / 6000, 12);
    expect(sheet?.rows.find((r) => r[0] === '1')?.[rateCol]).toBeNull();
  });

  it('lists the districts, their standing and the narrative elsewhere', () => {
    expect(c.children.find((r) => r.unit.code === '689')?.status).toBe('invalid');
    const completeness = book.sheets.find((s) => s.name === COMPLETENESS_SHEET);
    expect(completeness?.rows.slice(2, 5).map((r) => [r[0], r[2]])).toEqual([
      ['688', 'Đúng hạn'],
      ['689', 'Không hợp lệ'],
      ['690', 'Đúng hạn'],
    ]);
    expect(c.narrative[0]).toBe('Tỷ lệ hồ sơ dịch vụ công trực tuyến trên tổng số hồ sơ tiếp nhận: 6.626/11.149 hồ sơ, đạt 59,43%; xử lý đúng hạn 6.533 hồ sơ, quá hạn 93 hồ sơ.');
    // Bình Long is below the whole's rate (59,43%): the notice's judgement lists it as low, not high.
    expect(c.narrative[1]).toBe('Đơn vị có tỷ lệ hồ sơ trực tuyến cao: Phước Long (500/520 đạt 96,15%). Đơn vị có tỷ lệ hồ sơ trực tuyến thấp: Bình Long (6.126/10.629 đạt 57,63%).');
  });
});

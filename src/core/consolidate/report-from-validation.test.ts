import { createFinding } from '../findings/finding';
import { FORM_4PHU_2024 } from '../forms/form-4phu-2024';
import { renderSubmission } from '../render/render-submission';
import { nationalRegistry } from '../units/national-registry';
import { communeData, setCell } from '../../../test/support/submission-fixtures';
import { validateSubmission } from '../validate/validate-submission';
import { reportFromValidation } from './report-from-validation';

const form = FORM_4PHU_2024;
const registry = nationalRegistry();
const source = { file: 'xa/25216-thac-mo.xlsx', bytes: 18231, sha256: 'ab'.repeat(32), modified: '2024-05-09T08:00:00.000Z' };

describe('reportFromValidation', () => {
  it('keeps the info, the main total row and every reason with its total', () => {
    const book = renderSubmission(form, communeData());
    const report = reportFromValidation(source, [], validateSubmission(book, { form, registry }), form);
    expect(report.source).toBe(source);
    expect(report.findings).toEqual([]);
    expect(report.info).toMatchObject({ unit_code: '25216', period: 'D1', report_date: '2024-05-09' });
    const villages = communeData().tables['SoLieu'] ?? [];
    expect(report.total?.['cccd_target']).toBe(villages.reduce((s, v) => s + (v.values['cccd_target'] ?? 0), 0));
    expect(Object.keys(report.total ?? {})).toHaveLength(12);
    const lyDo = report.items?.['LyDo'] ?? {};
    expect(Object.keys(lyDo)).toEqual([...(form.tables[1]?.items ?? []).map((i) => i.code), 'TONG']);
    expect(lyDo['R15']?.['cccd']).toBeNull();
    expect(lyDo['TONG']?.['cccd']).toBe(report.total?.['cccd_processed']);
    expect(report).not.toHaveProperty('grid');
  });

  it('places every finding in the file and the unit', () => {
    const book = setCell(renderSubmission(form, communeData()), 'SoLieu', 'M4', '1.234');
    const read = [createFinding('macros_ignored', {})];
    const report = reportFromValidation(source, read, validateSubmission(book, { form, registry }), form);
    expect(report.findings.map((f) => [f.code, f.file, f.unitCode, f.cell])).toEqual([
      ['macros_ignored', source.file, '25216', undefined],
      ['number_as_text', source.file, '25216', 'M4'],
    ]);
  });

  it('reports a file that could not be read with its findings only', () => {
    const report = reportFromValidation(source, [createFinding('file_encrypted', {})], undefined, form);
    expect(report).toEqual({ source, findings: [expect.objectContaining({ code: 'file_encrypted', file: source.file, severity: 'error' })] });
  });

  it('leaves the total out when the file has no total row', () => {
    const book = renderSubmission(form, communeData());
    const cut = { sheets: book.sheets.map((s) => (s.name === 'SoLieu' ? { ...s, rows: s.rows.slice(0, 7) } : s)) };
    const report = reportFromValidation(source, [], validateSubmission(cut, { form, registry }), form);
    expect(report.total).toBeUndefined();
    expect(report.findings.map((f) => f.code)).toEqual(['total_row_missing']);
  });
});

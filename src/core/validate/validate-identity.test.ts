import { FORM_4PHU_2024 } from '../forms/form-4phu-2024';
import type { WorkbookGrid } from '../grid/sheet-grid';
import { renderSubmission } from '../render/render-submission';
import { nationalRegistry } from '../units/national-registry';
import { communeData, setCell, setCells, unitsData } from '../../../test/support/submission-fixtures';
import { validateSubmission } from './validate-submission';
import type { ValidationContext, ValidationResult } from './validation-context';

const form = FORM_4PHU_2024;
const registry = nationalRegistry();
const commune = renderSubmission(form, communeData());
const district = renderSubmission(form, unitsData(registry, '688'));
const province = renderSubmission(form, unitsData(registry, '70'));
const check = (book: WorkbookGrid, extra: Partial<ValidationContext> = {}): ValidationResult => validateSubmission(book, { form, registry, ...extra });
const where = (r: ValidationResult): string[] => r.findings.map((f) => `${f.code} ${f.severity} ${f.sheet ?? ''}!${f.cell ?? ''}`);

// ThongTin values in column C: 2 form, 3 form_version, 4 level, 5 unit_code, 6 unit_name, 7 parent_code, 8 period, 9-11 dates.
describe('validateSubmission: identity', () => {
  it('accepts a district of communes and a province of districts', () => {
    expect(check(district).findings).toEqual([]);
    expect(check(province).findings).toEqual([]);
    expect(check(district).submission.tables['SoLieu']?.rows.map((r) => r.code)).toEqual(registry.children('688').map((u) => u.code));
  });

  it('reports a level that is not one of the registry levels', () => {
    const r = check(setCell(commune, 'ThongTin', 'C4', 'thon'));
    expect(where(r)).toEqual(['level_invalid error ThongTin!C4']);
    expect(r.findings[0]?.params).toEqual({ value: 'thon', allowed: 'quocgia, tinh, huyen, xa' });
  });

  it('reports a level other than the one the consolidation expects', () => {
    expect(where(check(commune, { expect: { level: 'huyen' } }))).toEqual(['level_invalid error ThongTin!C4']);
    expect(check(commune, { expect: { level: 'xa' } }).findings).toEqual([]);
  });

  it('reports a unit code that is not in the registry at that level', () => {
    const r = check(setCell(commune, 'ThongTin', 'C5', '688'));
    expect(where(r)).toEqual(['unit_unknown error ThongTin!C5']);
    expect(r.findings[0]?.params).toEqual({ code: '688', level: 'xa' });
    expect(where(check(setCell(commune, 'ThongTin', 'C5', '99999')))).toEqual(['unit_unknown error ThongTin!C5']);
  });

  it('takes codes Excel turned into numbers back as text, leading zeros restored', () => {
    const r = check(setCells(commune, 'ThongTin', { C5: 25216, C7: 688 }));
    expect(r.findings).toEqual([]);
    expect(r.submission.info.unit_code).toBe('25216');
    expect(r.submission.info.parent_code).toBe('688');
    // Hà Nội is 01: typed as a number, Excel keeps 1.
    const hanoi = renderSubmission(form, unitsData(registry, '01'));
    const h = check(setCell(hanoi, 'ThongTin', 'C5', 1));
    expect(h.findings).toEqual([]);
    expect(h.submission.info.unit_code).toBe('01');
    // District rows typed as numbers are codes again.
    const d = check(setCell(district, 'SoLieu', 'B4', 25216));
    expect(d.findings).toEqual([]);
    expect(d.submission.tables['SoLieu']?.rows[0]?.code).toBe('25216');
  });

  it('reports a parent that is not the real one', () => {
    const r = check(setCell(commune, 'ThongTin', 'C7', '689'));
    expect(where(r)).toEqual(['parent_mismatch error ThongTin!C7']);
    expect(r.findings[0]?.params).toEqual({ expected: '688', actual: '689' });
  });

  it('accepts a blank parent only right under the root', () => {
    expect(check(setCell(province, 'ThongTin', 'C7', null)).findings).toEqual([]);
    expect(where(check(setCell(commune, 'ThongTin', 'C7', null)))).toEqual(['info_missing error ThongTin!C7']);
  });

  it('forgives the Unicode form, spaces and prefix of the unit name, and warns about another name', () => {
    expect(check(setCell(commune, 'ThongTin', 'C6', '  phường  Thác Mơ'.normalize('NFD'))).findings).toEqual([]);
    expect(check(setCell(commune, 'ThongTin', 'C6', 'Thác\u00a0Mơ')).findings).toEqual([]);
    const r = check(setCell(commune, 'ThongTin', 'C6', 'Phường Thác Mở'));
    expect(where(r)).toEqual(['unit_name_mismatch warning ThongTin!C6']);
    expect(r.findings[0]?.params).toEqual({ expected: 'Phường Thác Mơ', actual: 'Phường Thác Mở' });
    expect(r.ok).toBe(true);
  });

  it('reports a period the form does not have, and one other than expected', () => {
    const r = check(setCell(commune, 'ThongTin', 'C8', 'D9'));
    expect(where(r)).toEqual(['period_unknown error ThongTin!C8']);
    expect(r.findings[0]?.params).toEqual({ value: 'D9', allowed: 'D1, D2, TK' });
    const m = check(commune, { expect: { period: 'D2' } });
    expect(where(m)).toEqual(['period_mismatch error ThongTin!C8']);
    expect(m.findings[0]?.params).toEqual({ expected: 'D2', actual: 'D1' });
    const lower = check(setCell(commune, 'ThongTin', 'C8', ' d1 '), { expect: { period: 'D1' } });
    expect(lower.findings).toEqual([]);
    expect(lower.submission.info.period).toBe('D1');
  });

  it('reports a district row that is not one of its communes', () => {
    // 25001 is a commune of another district.
    const r = check(setCell(district, 'SoLieu', 'B5', '25001'));
    expect(where(r)).toEqual(['row_not_child error SoLieu!B5']);
    expect(r.findings[0]?.params).toEqual({ code: '25001', parent: '688' });
    expect(where(check(setCell(district, 'SoLieu', 'B6', null)))).toEqual(['row_not_child error SoLieu!B6']);
  });

  it('lets a commune name its villages with blank or local codes', () => {
    const r = check(setCells(commune, 'SoLieu', { B4: 'AP-01', B5: 25001, B6: null }));
    expect(r.findings).toEqual([]);
    expect(r.submission.tables['SoLieu']?.rows.map((x) => x.code)).toEqual(['AP-01', '25001', '', '']);
  });
});

import { FORM_4PHU_2024 } from '../forms/form-4phu-2024';
import type { Scalar } from '../grid/scalar';
import type { WorkbookGrid } from '../grid/sheet-grid';
import { renderSubmission } from '../render/render-submission';
import { nationalRegistry } from '../units/national-registry';
import { communeData, getCell, setCell, setCells } from '../../../test/support/submission-fixtures';
import { validateSubmission } from './validate-submission';
import type { ValidationResult } from './validation-context';

const form = FORM_4PHU_2024;
const registry = nationalRegistry();
const valid = renderSubmission(form, communeData());
const check = (book: WorkbookGrid): ValidationResult => validateSubmission(book, { form, registry });
const where = (r: ValidationResult): string[] => r.findings.map((f) => `${f.code} ${f.severity} ${f.sheet ?? ''}!${f.cell ?? ''}`);
const num = (address: string): number => getCell(valid, 'SoLieu', address) as number;

/**
 * Puts `value` in the first village's phone4g_done (M4) and, to keep the
 * total consistent, the value it stands for in the total row (M8): only the
 * cell's own finding remains.
 */
const phoneDone = (value: Scalar, counted: number): ValidationResult => check(setCells(valid, 'SoLieu', { M4: value, M8: num('M8') - num('M4') + counted }));

describe('validateSubmission: numbers', () => {
  it('reports a target typed as text once, without the balance of a total that could not count it', () => {
    // H4 is the first village's eID target; the total row's H8 is what a SUM gives without it.
    const r = check(setCells(valid, 'SoLieu', { H4: String(num('H4')), H8: num('H8') - num('H4') }));
    expect(where(r)).toEqual(['number_as_text error SoLieu!H4']);
  });

  it.each([
    ['1.234', 1234],
    [' 12 ', 12],
    ['\u00a012\u00a0', 12],
    ['1\u00a0234', 1234],
  ])('reports the number typed as text %j and names %d', (text, intended) => {
    const r = phoneDone(text, 0);
    expect(where(r)).toEqual(['number_as_text error SoLieu!M4']);
    expect(r.findings[0]?.params).toEqual({ value: text, intended });
    expect(r.submission.tables['SoLieu']?.rows[0]?.values['phone4g_done']).toBeNull();
  });

  it.each(['1,5', '1.5'])('reports the fraction typed as text %j as not a whole number', (text) => {
    const r = phoneDone(text, 0);
    expect(where(r)).toEqual(['number_not_integer error SoLieu!M4']);
    expect(r.findings[0]?.params).toEqual({ value: text });
  });

  it('reports fractional and negative numbers', () => {
    const frac = phoneDone(2.5, 2.5);
    // The total row then holds a fraction too.
    expect(where(frac)).toEqual(['number_not_integer error SoLieu!M4', 'number_not_integer error SoLieu!M8']);
    expect(frac.findings[0]?.params).toEqual({ value: '2,5' });
    const neg = phoneDone(-3, -3);
    expect(where(neg)).toEqual(['number_negative error SoLieu!M4']);
    expect(neg.findings[0]?.params).toEqual({ value: -3 });
  });

  it('reports Excel error values and formulas without a cached result', () => {
    const err = phoneDone({ error: '#REF!' }, 0);
    expect(where(err)).toEqual(['cell_error error SoLieu!M4']);
    expect(err.findings[0]?.params).toEqual({ value: '#REF!' });
    const div = check(setCell(valid, 'SoLieu', 'M8', { error: '#DIV/0!' }));
    expect(where(div)).toEqual(['cell_error error SoLieu!M8']);
    // A SUM saved without its result is computed: the total is checked as if Excel had saved it.
    expect(check(setCell(valid, 'SoLieu', 'M8', { uncalculated: 'SUM(M4:M7)' })).findings).toEqual([]);
    const wrongSum = check(setCell(valid, 'SoLieu', 'M8', { uncalculated: 'SUM(M4:M6)' }));
    expect(where(wrongSum)).toEqual(['total_mismatch error SoLieu!M8']);
    const unc = check(setCell(valid, 'SoLieu', 'M8', { uncalculated: 'VLOOKUP(B8,A1:M7,13,0)' }));
    expect(where(unc)).toEqual(['formula_uncalculated error SoLieu!M8']);
    expect(unc.findings[0]?.params).toEqual({ formula: 'VLOOKUP(B8,A1:M7,13,0)', count: 1, cells: 'SoLieu!M8' });
    const two = check(setCell(setCell(valid, 'SoLieu', 'M8', { uncalculated: 'ROUND(M7,0)' }), 'SoLieu', 'L8', { uncalculated: 'Other!L8' }));
    expect(where(two)).toEqual(['formula_uncalculated error SoLieu!L8']);
    expect(two.findings[0]?.params).toEqual({ formula: 'Other!L8', count: 2, cells: 'SoLieu!L8, SoLieu!M8' });
  });

  it('reports other text, booleans and dates in a count cell, keeping text as text', () => {
    const text = phoneDone('=1+1', 0);
    expect(where(text)).toEqual(['not_a_number error SoLieu!M4']);
    expect(text.findings[0]?.params).toEqual({ value: '=1+1' });
    expect(where(phoneDone(true, 0))).toEqual(['not_a_number error SoLieu!M4']);
    expect(where(phoneDone(new Date(Date.UTC(2024, 0, 2)), 0))).toEqual(['not_a_number error SoLieu!M4']);
  });

  it('reads a blank count as null, and as 0 in sums', () => {
    const r = phoneDone(null, 0);
    expect(r.findings).toEqual([]);
    expect(r.submission.tables['SoLieu']?.rows[0]?.values['phone4g_done']).toBeNull();
    expect(check(setCell(valid, 'LyDo', 'D18', null)).findings.map((f) => f.code)).toEqual(['total_mismatch', 'cross_total_mismatch']);
  });
});

describe('validateSubmission: dates', () => {
  it('reads date cells and Excel serial numbers', () => {
    const r = check(setCells(valid, 'ThongTin', { C9: 45390, C10: new Date(Date.UTC(2024, 4, 8)) }));
    expect(r.findings).toEqual([]);
    expect(r.submission.info.period_from).toBe('2024-04-08');
    expect(r.submission.info.period_to).toBe('2024-05-08');
  });

  it('accepts a date typed as dd/mm/yyyy with a warning naming the date understood', () => {
    const r = check(setCell(valid, 'ThongTin', 'C11', '9/5/2024'));
    expect(where(r)).toEqual(['date_as_text warning ThongTin!C11']);
    expect(r.findings[0]?.params).toEqual({ value: '9/5/2024', intended: '09/05/2024' });
    expect(r.submission.info.report_date).toBe('2024-05-09');
    expect(r.ok).toBe(true);
  });

  it.each<[Scalar, string]>([
    ['hôm qua', 'hôm qua'],
    ['31/02/2024', '31/02/2024'],
    [-5, '-5'],
    [true, 'TRUE'],
  ])('reports %j as an invalid date', (value, shown) => {
    const r = check(setCell(valid, 'ThongTin', 'C11', value));
    expect(where(r)).toEqual(['date_invalid error ThongTin!C11']);
    expect(r.findings[0]?.params).toEqual({ value: shown });
    expect(r.submission.info.report_date).toBeUndefined();
  });

  it.each<[string, Scalar, string]>([
    ['serial 1', 1, '31/12/1899'],
    ['serial 0 read as a date', new Date(Date.UTC(1899, 11, 30)), '30/12/1899'],
    ['serial -1 read as a date', new Date(Date.UTC(1899, 11, 29)), '29/12/1899'],
    ['a year before 2000', '05/07/1924', '05/07/1924'],
    ['a far-future year', new Date(Date.UTC(2204, 6, 5)), '05/07/2204'],
  ])('reports an implausible report date: %s', (_what, value, shown) => {
    const r = check(setCell(valid, 'ThongTin', 'C11', value));
    const own = r.findings.filter((f) => f.code !== 'date_as_text');
    expect(where({ ...r, findings: own })).toEqual(['date_implausible error ThongTin!C11']);
    expect(own[0]?.params).toEqual({ value: shown, from: '01/01/2000', to: '31/12/2099' });
    expect(r.ok).toBe(false);
  });

  it('accepts report dates from 2000 to 2099', () => {
    for (const value of [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2099, 11, 31)), 45_478]) {
      expect(check(setCell(valid, 'ThongTin', 'C11', value)).findings.filter((f) => f.code === 'date_implausible')).toEqual([]);
    }
  });

  it('reports an error value in a ThongTin cell', () => {
    expect(where(check(setCell(valid, 'ThongTin', 'C9', { error: '#VALUE!' })))).toEqual(['cell_error error ThongTin!C9']);
  });
});

import { FORM_4PHU_2024 } from '../forms/form-4phu-2024';
import type { WorkbookGrid } from '../grid/sheet-grid';
import { renderSubmission } from '../render/render-submission';
import { nationalRegistry } from '../units/national-registry';
import { communeData, getCell, setCell, setCells } from '../../../test/support/submission-fixtures';
import { validateSubmission } from './validate-submission';
import type { ValidationContext, ValidationResult } from './validation-context';

const form = FORM_4PHU_2024;
const registry = nationalRegistry();
const valid = renderSubmission(form, communeData());
const check = (book: WorkbookGrid, extra: Partial<ValidationContext> = {}): ValidationResult => validateSubmission(book, { form, registry, ...extra });
const where = (r: ValidationResult): string[] => r.findings.map((f) => `${f.code} ${f.severity} ${f.sheet ?? ''}!${f.cell ?? ''}`);
const so = (address: string): number => getCell(valid, 'SoLieu', address) as number;
const ly = (address: string): number => getCell(valid, 'LyDo', address) as number;

// SoLieu: D-G cccd target/done/processed/declined, H-K ddt, L-M phone4g, N-O simcks; villages rows 4-7, total row 8.
// LyDo: C cccd, D ddt; reasons rows 3-17 (R01 on row 3, R15 on row 17), total row 18.
describe('validateSubmission: sums', () => {
  it('reports a total that is not the sum of the rows, at the total cell', () => {
    const r = check(setCell(valid, 'SoLieu', 'M8', so('M8') + 1));
    expect(where(r)).toEqual(['total_mismatch error SoLieu!M8']);
    expect(r.findings[0]?.params).toEqual({ column: 'phone4g_done', expected: so('M8'), actual: so('M8') + 1 });
  });

  it('reports a LyDo column total that is not the sum of its reasons', () => {
    const r = check(setCell(valid, 'LyDo', 'C3', ly('C3') + 1));
    expect(where(r)).toEqual(['total_mismatch error LyDo!C18']);
    expect(r.findings[0]?.params).toEqual({ column: 'cccd', expected: ly('C18') + 1, actual: ly('C18') });
  });

  it('reports a LyDo total that differs from the processed cases of SoLieu', () => {
    const r = check(setCells(valid, 'LyDo', { D4: ly('D4') + 2, D18: ly('D18') + 2 }));
    expect(where(r)).toEqual(['cross_total_mismatch error LyDo!D18']);
    expect(r.findings[0]?.params).toEqual({ column: 'ddt', expected: so('J8'), actual: so('J8') + 2, other: '"ddt_processed" (SoLieu!J8)' });
    expect(so('J8')).toBe(ly('D18'));
  });

  it('does not compare a total whose column holds a cell that could not be read', () => {
    expect(where(check(setCell(valid, 'SoLieu', 'M8', 'nhiều')))).toEqual(['not_a_number error SoLieu!M8']);
    expect(where(check(setCell(valid, 'SoLieu', 'M5', { error: '#N/A' })))).toEqual(['cell_error error SoLieu!M5']);
  });
});

describe('validateSubmission: balance and plausibility', () => {
  it('reports done + processed + declined above the target as an error, on the row and the total', () => {
    const r = check(setCells(valid, 'SoLieu', { G4: so('G4') + 5, G8: so('G8') + 5 }));
    expect(where(r)).toEqual(['balance_exceeds error SoLieu!D4', 'balance_exceeds error SoLieu!D8']);
    expect(r.findings[0]?.params).toEqual({ indicator: 'cccd', sum: so('D4') + 5, target: so('D4') });
  });

  it('warns when cases are not all accounted for yet', () => {
    const r = check(setCells(valid, 'SoLieu', { K5: so('K5') - 1, K8: so('K8') - 1 }));
    expect(where(r)).toEqual(['balance_short warning SoLieu!H5', 'balance_short warning SoLieu!H8']);
    expect(r.findings[0]?.params).toEqual({ indicator: 'ddt', sum: so('H5') - 1, target: so('H5') });
    expect(r.ok).toBe(true);
  });

  it('reports done above the target for an indicator that may not exceed it', () => {
    const done = so('D4') + 1;
    const r = check(setCells(valid, 'SoLieu', { E4: done, E8: so('E8') - so('E4') + done }));
    expect(where(r)).toEqual(['balance_exceeds error SoLieu!D4', 'done_exceeds_target error SoLieu!E4', 'balance_exceeds error SoLieu!D8']);
    expect(r.findings[1]?.params).toEqual({ indicator: 'cccd', done, target: so('D4') });
  });

  it('lets 4G phones exceed their target, and warns above 200%', () => {
    const above = so('L4') + 10;
    expect(check(setCells(valid, 'SoLieu', { M4: above, M8: so('M8') - so('M4') + above })).findings).toEqual([]);
    const wild = so('L4') * 2 + 1;
    const r = check(setCells(valid, 'SoLieu', { M4: wild, M8: so('M8') - so('M4') + wild }));
    expect(where(r)).toEqual(['rate_implausible warning SoLieu!M4']);
    expect(r.findings[0]?.params).toEqual({ indicator: 'phone4g', rate: '201,41%', limit: '200,00%' });
    expect(so('L4')).toBe(71);
  });
});

describe('validateSubmission: previous period and assigned targets', () => {
  it('warns about a cumulative figure lower than the previous period, targets aside', () => {
    const previous = { TONG: { cccd_done: so('E8') + 1, cccd_target: so('D8') + 100, ddt_done: null }, KP1: { cccd_done: so('E4') - 1 } };
    const r = check(valid, { previous });
    expect(where(r)).toEqual(['decreased_since_previous warning SoLieu!E8']);
    expect(r.findings[0]?.params).toEqual({ column: 'cccd_done', previous: so('E8') + 1, current: so('E8') });
  });

  it('reports a target other than the one assigned, naming both', () => {
    const r = check(valid, { targets: { KP1: { cccd_target: so('D4') + 1 }, KP2: { cccd_target: so('D5') }, TONG: { ddt_target: so('H8') } } });
    expect(where(r)).toEqual(['target_mismatch error SoLieu!D4']);
    expect(r.findings[0]?.params).toEqual({ column: 'cccd_target', assigned: so('D4') + 1, submitted: so('D4') });
  });
});

describe('validateSubmission: everything at once', () => {
  it('collects every finding of a file broken in many ways', () => {
    let book = setCells(valid, 'ThongTin', { C3: '2', C5: '99999', C8: 'D9', C11: 'hôm qua' });
    book = setCells(book, 'SoLieu', { B5: 'KP1', M4: '1.234', N6: { error: '#REF!' }, G2: 'Ghi chú', G3: 'xyz' });
    book = setCells(book, 'LyDo', { A7: 'R77', C17: 4, D3: ly('D3') + 1 });
    const r = check(book, { file: 'bad.xlsx', expect: { period: 'D1' } });
    expect(where(r)).toEqual([
      'date_invalid error ThongTin!C11',
      'form_version_mismatch error ThongTin!C3',
      'unit_unknown error ThongTin!C5',
      'period_unknown error ThongTin!C8',
      'column_missing error SoLieu!G3',
      'number_as_text error SoLieu!M4',
      'row_duplicate error SoLieu!B5',
      'cell_error error SoLieu!N6',
      'item_unknown error LyDo!A7',
      'reason_not_applicable error LyDo!C17',
      'item_missing error LyDo!A7',
      'total_mismatch error LyDo!D18',
    ]);
    expect(r.findings.every((f) => f.file === 'bad.xlsx' && f.unitCode === '99999')).toBe(true);
    expect(r.ok).toBe(false);
    // Best effort: the submission is still there for the add-in to highlight.
    expect(r.submission.tables['SoLieu']?.rows).toHaveLength(4);
    expect(r.submission.info.period).toBe('D9');
  });
});

import { FORM_4PHU_2024 } from '../forms/form-4phu-2024';
import type { WorkbookGrid } from '../grid/sheet-grid';
import { renderSubmission } from '../render/render-submission';
import { nationalRegistry } from '../units/national-registry';
import { communeData, editRows, setCell, setCells } from '../../../test/support/submission-fixtures';
import { validateSubmission } from './validate-submission';
import type { ValidationResult } from './validation-context';

const form = FORM_4PHU_2024;
const registry = nationalRegistry();
const valid = renderSubmission(form, communeData());
const check = (book: WorkbookGrid): ValidationResult => validateSubmission(book, { form, registry, file: 'thac-mo.xlsx' });
const where = (r: ValidationResult): string[] => r.findings.map((f) => `${f.code} ${f.severity} ${f.sheet ?? ''}!${f.cell ?? ''}`);

// Commune layout: SoLieu villages on rows 4-7, total on row 8; LyDo reasons rows 3-17, total row 18.
describe('validateSubmission: structure', () => {
  it('accepts the rendered commune as is', () => {
    const r = check(valid);
    expect(r.findings).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('reports a missing sheet, and still reads the others', () => {
    const r = check({ sheets: valid.sheets.filter((s) => s.name !== 'LyDo') });
    expect(where(r)).toEqual(['sheet_missing error LyDo!A1']);
    expect(r.findings[0]).toMatchObject({ params: { expected: 'LyDo' }, file: 'thac-mo.xlsx', unitCode: '25216' });
    expect(r.ok).toBe(false);
    expect(r.submission.tables['SoLieu']?.rows).toHaveLength(4);
  });

  it('finds sheets whose names were retyped with other case and spaces', () => {
    const book = { sheets: valid.sheets.map((s) => ({ ...s, name: s.name === 'SoLieu' ? ' so lieu ' : s.name.toUpperCase() })) };
    expect(check(book).findings).toEqual([]);
  });

  it('reports a missing key column at the key row when the labels are not the form\'s either', () => {
    const r = check(setCell(setCell(valid, 'SoLieu', 'G3', 'declined'), 'SoLieu', 'G2', 'Ghi chú'));
    expect(where(r)).toEqual(['column_missing error SoLieu!G3']);
    expect(r.findings[0]?.params).toEqual({ key: 'cccd_declined' });
  });

  it('reads a table whose key row was altered by its labels, with one warning', () => {
    const r = check(setCell(valid, 'SoLieu', 'G3', 'declined'));
    expect(where(r)).toEqual(['key_row_read_by_labels warning SoLieu!A2']);
    expect(r.submission.tables['SoLieu']?.total?.values).toEqual(check(valid).submission.tables['SoLieu']?.total?.values);
  });

  it('does not read what is left of a key row whose code column was cleared as data', () => {
    const r = check(setCell(valid, 'SoLieu', 'B3', null));
    expect(where(r)).toEqual(['key_row_read_by_labels warning SoLieu!A2']);
    expect(r.submission.tables['SoLieu']?.rows.map((row) => row.code)).toEqual(check(valid).submission.tables['SoLieu']?.rows.map((row) => row.code));
  });

  it('locates columns by key in any order, ignoring extra columns', () => {
    // Reverse the column order and add a column of notes at the front.
    const book = editRows(valid, 'SoLieu', (rows) => rows.map((row, i) => [i === 2 ? 'ghi_chu' : 'x', ...[...row].reverse()]));
    const r = check(book);
    expect(r.findings).toEqual([]);
    expect(r.submission.tables['SoLieu']?.columns['cccd_target']).toBe(12);
    expect(r.submission.tables['SoLieu']?.total?.values['cccd_target']).toBeGreaterThan(0);
  });

  it('finds the key row when a row was inserted above it', () => {
    const book = editRows(valid, 'SoLieu', (rows) => [['Báo cáo 4 phủ'], ...rows]);
    const r = check(book);
    expect(r.findings).toEqual([]);
    expect(r.submission.tables['SoLieu']?.total?.row).toBe(8);
  });

  it('reports a missing required ThongTin value at its cell, and a missing row where it belongs', () => {
    expect(where(check(setCell(valid, 'ThongTin', 'C11', null)))).toEqual(['info_missing error ThongTin!C11']);
    const noName = editRows(valid, 'ThongTin', (rows) => rows.filter((r) => r[0] !== 'unit_name'));
    expect(where(check(noName))).toEqual(['info_missing error ThongTin!C6']);
    // preparer and phone are optional.
    expect(check(setCells(valid, 'ThongTin', { C12: null, C13: '' })).findings).toEqual([]);
  });

  it('reads ThongTin rows in any order, and by label when the key was erased', () => {
    const book = editRows(valid, 'ThongTin', (rows) => [rows[0] ?? [], ...rows.slice(1).reverse()]);
    expect(check(book).findings).toEqual([]);
    const r = check(setCell(valid, 'ThongTin', 'A8', null));
    expect(r.findings).toEqual([]);
    expect(r.submission.info.period).toBe('D1');
  });

  it('reports a ThongTin key given twice', () => {
    const book = editRows(valid, 'ThongTin', (rows) => [...rows, ['period', 'Kỳ báo cáo', 'D2']]);
    const r = check(book);
    expect(where(r)).toEqual(['row_duplicate error ThongTin!A15']);
    expect(r.findings[0]?.params).toEqual({ code: 'period', first: 'A8' });
    expect(r.submission.info.period).toBe('D1');
  });

  it('reports another form and another version', () => {
    const r = check(setCells(valid, 'ThongTin', { C2: 'DVC25-2023', C3: '2' }));
    expect(where(r)).toEqual(['form_mismatch error ThongTin!C2', 'form_version_mismatch error ThongTin!C3']);
    expect(r.findings[0]?.params).toEqual({ expected: '4PHU-2024', actual: 'DVC25-2023' });
    // A version Excel stored as the number 1 is the same version.
    expect(check(setCell(valid, 'ThongTin', 'C3', 1)).findings).toEqual([]);
  });

  it('reports a missing total row below the last row', () => {
    const r = check(editRows(valid, 'SoLieu', (rows) => rows.slice(0, 7)));
    expect(where(r)).toContain('total_row_missing error SoLieu!B8');
    expect(r.submission.tables['SoLieu']?.total).toBeUndefined();
  });

  it('reports a second total row and keeps the first', () => {
    const r = check(editRows(valid, 'SoLieu', (rows) => [...rows, [...(rows[7] ?? [])]]));
    expect(where(r)).toEqual(['total_row_duplicate error SoLieu!B9']);
    expect(r.findings[0]?.params).toEqual({ first: 'B8' });
    expect(r.submission.tables['SoLieu']?.total?.row).toBe(7);
  });

  it('recognises a total row by its name when its code is blank, and skips blank rows', () => {
    const book = editRows(valid, 'SoLieu', (rows) => [...rows.slice(0, 5), [null, '  ', null], [], ...rows.slice(5)]);
    expect(check(setCell(book, 'SoLieu', 'B10', null)).findings).toEqual([]);
  });

  it('reports a row code given twice', () => {
    const r = check(setCell(valid, 'SoLieu', 'B5', 'KP1'));
    expect(where(r)).toEqual(['row_duplicate error SoLieu!B5']);
    expect(r.findings[0]?.params).toEqual({ code: 'KP1', first: 'B4' });
  });

  it('reports a missing reason where it belongs', () => {
    // R05 (row 7) has no figures in the fixture: removing it changes no sum.
    const r = check(editRows(valid, 'LyDo', (rows) => rows.filter((r) => r[0] !== 'R05')));
    expect(where(r)).toEqual(['item_missing error LyDo!A7']);
    expect(r.findings[0]?.params).toEqual({ code: 'R05' });
  });

  it('reports an unknown reason, and a reason given twice', () => {
    expect(where(check(setCell(valid, 'LyDo', 'A7', 'R99')))).toEqual(['item_unknown error LyDo!A7', 'item_missing error LyDo!A7']);
    const twice = check(setCell(valid, 'LyDo', 'A7', 'R04'));
    expect(where(twice)).toEqual(['row_duplicate error LyDo!A7', 'item_missing error LyDo!A7']);
    expect(twice.findings[0]?.params).toEqual({ code: 'R04', first: 'A6' });
  });

  it('forgives the case of a reason code and matches a blank code by the reason name', () => {
    const r = check(setCells(valid, 'LyDo', { A3: 'r01', A4: null }));
    expect(r.findings).toEqual([]);
    expect(r.submission.tables['LyDo']?.rows.map((x) => x.code).slice(0, 2)).toEqual(['R01', 'R02']);
  });

  it('reports a figure for a reason that does not apply to the column (R15 is eID only)', () => {
    const r = check(setCells(valid, 'LyDo', { C17: 3, C18: 0 }));
    expect(where(r)).toContain('reason_not_applicable error LyDo!C17');
    expect(r.findings.find((f) => f.code === 'reason_not_applicable')?.params).toEqual({ code: 'R15', column: 'cccd' });
    expect(r.submission.tables['LyDo']?.rows.find((x) => x.code === 'R15')?.values['cccd']).toBeNull();
  });

  it('takes a 0 typed for a reason that does not apply as a blank', () => {
    const r = check(setCells(valid, 'LyDo', { C17: 0 }));
    expect(r.findings).toEqual([]);
    expect(r.submission.tables['LyDo']?.rows.find((x) => x.code === 'R15')?.values['cccd']).toBeNull();
    expect(where(check(setCells(valid, 'LyDo', { C17: '0' })))).toEqual(['reason_not_applicable error LyDo!C17']);
  });

  describe('a deleted key row', () => {
    const withoutKeyRow = (book: WorkbookGrid, sheet: string, keyRow: number): WorkbookGrid => editRows(book, sheet, (rows) => rows.filter((_, i) => i !== keyRow - 1));

    it('is one warning, and the table is read by the form labels, figures unchanged', () => {
      const r = check(withoutKeyRow(withoutKeyRow(valid, 'SoLieu', 3), 'LyDo', 2));
      expect(where(r)).toEqual(['key_row_read_by_labels warning SoLieu!A2', 'key_row_read_by_labels warning LyDo!A1']);
      expect(r.findings[0]?.params).toEqual({ row: 3, labelRow: 2 });
      expect(r.ok).toBe(true);
      expect(r.submission.tables['SoLieu']?.total?.values).toEqual(check(valid).submission.tables['SoLieu']?.total?.values);
      expect(r.submission.tables['LyDo']?.rows).toHaveLength(15);
    });

    it('is read by labels with a column inserted before the figures too', () => {
      const inserted = editRows(withoutKeyRow(valid, 'SoLieu', 3), 'SoLieu', (rows) => rows.map((row, i) => [...row.slice(0, 3), i === 1 ? 'Ghi chú' : null, ...row.slice(3)]));
      const r = check(inserted);
      expect(where(r)).toEqual(['key_row_read_by_labels warning SoLieu!A2']);
      expect(r.submission.tables['SoLieu']?.columns['cccd_target']).toBe(4);
    });

    it('is one error, with no finding about columns or the total row, when the labels are not the form\'s', () => {
      const relabelled = setCells(withoutKeyRow(valid, 'SoLieu', 3), 'SoLieu', { E2: 'Số liệu', I2: 'Số liệu' });
      const r = check(relabelled);
      expect(where(r)).toEqual(['key_row_missing error SoLieu!A3']);
      expect(r.ok).toBe(false);
    });
  });
});

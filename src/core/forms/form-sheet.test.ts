import type { OutputSheet } from '../grid/output-book';
import type { WorkbookGrid } from '../grid/sheet-grid';
import { checkCarriedForm } from '../validate/check-carried-form';
import { canonicalFormJson, formHash } from './canonical-form';
import { FORM_4PHU_2024 } from './form-4phu-2024';
import { FORM_DVC25_2023 } from './form-dvc25-2023';
import { FORM_SHEET, formSheet, readCarriedForm } from './form-sheet';
import { parseForm } from './parse-form';

const bookOf = (...sheets: OutputSheet[]): WorkbookGrid => ({ sheets: sheets.map((s) => ({ name: s.name, rows: s.rows })) });

describe('the form a workbook carries', () => {
  it('is very hidden, and reads back as the same form with the same hash', () => {
    const sheet = formSheet(FORM_4PHU_2024);
    expect(sheet).toMatchObject({ name: FORM_SHEET, state: 'veryHidden' });
    expect(sheet.rows.length).toBeGreaterThan(2);
    const carried = readCarriedForm(bookOf(sheet));
    expect(carried.findings).toEqual([]);
    expect(carried.form).toEqual(FORM_4PHU_2024);
    expect(carried.hash).toBe(formHash(FORM_4PHU_2024));
    // Checked as the form it carries: the very same definition, without parsing it again.
    expect(readCarriedForm(bookOf(sheet), undefined, FORM_4PHU_2024).form).toBe(FORM_4PHU_2024);
    expect(readCarriedForm(bookOf(sheet), undefined, FORM_DVC25_2023).form).toEqual(FORM_4PHU_2024);
  });

  it('is no finding when absent (a file made before forms travelled)', () => {
    expect(readCarriedForm({ sheets: [{ name: 'ThongTin', rows: [] }] })).toEqual({ findings: [] });
  });

  it('hashes the definition, not its spelling: key order and defaults do not matter', () => {
    const reordered = parseForm(JSON.parse(JSON.stringify({ ...FORM_4PHU_2024, rules: FORM_4PHU_2024.rules.map(({ severity: _s, ...r }) => r) })) as unknown).form;
    expect(reordered && formHash(reordered)).toBe(formHash(FORM_4PHU_2024));
    expect(formHash(FORM_DVC25_2023)).not.toBe(formHash(FORM_4PHU_2024));
    expect(canonicalFormJson(FORM_4PHU_2024)).not.toContain('\n');
  });

  it('refuses an edited sheet: a hash that does not match, a broken text, a marker missing, a sheet too large', () => {
    const sheet = formSheet(FORM_4PHU_2024);
    const rows = sheet.rows.map((r) => [...r]);
    const edited = rows.map((r, i) => (i === 1 ? [String(r[0]).replace('Tổng cộng', 'Cộng')] : r));
    expect(readCarriedForm(bookOf({ ...sheet, rows: edited })).findings.map((f) => f.code)).toEqual(['form_carried_hash_mismatch']);
    expect(readCarriedForm(bookOf({ ...sheet, rows: edited }), undefined, FORM_4PHU_2024).findings.map((f) => f.code)).toEqual(['form_carried_hash_mismatch']);
    const cut = rows.map((r, i) => (i === 1 ? [String(r[0]).slice(0, 100)] : r));
    expect(readCarriedForm(bookOf({ ...sheet, rows: cut })).findings.map((f) => f.code)).toEqual(['form_carried_invalid', 'form_json_invalid']);
    expect(readCarriedForm(bookOf({ ...sheet, rows: [['x'], ...rows.slice(1)] })).findings.map((f) => f.code)).toEqual(['form_carried_invalid']);
    const carried = readCarriedForm(bookOf(sheet), 1000);
    expect(carried.form).toBeUndefined();
    expect(carried.findings.map((f) => f.code)).toEqual(['form_carried_invalid', 'form_json_too_large']);
  });

  it('a workbook carrying another definition of the same form id is refused', () => {
    const changed = parseForm({ ...JSON.parse(JSON.stringify(FORM_4PHU_2024)), title: 'Báo cáo đã sửa' }).form;
    if (!changed) throw new Error('changed form is invalid');
    const findings = checkCarriedForm(bookOf(formSheet(changed)), FORM_4PHU_2024);
    expect(findings.map((f) => [f.code, f.severity, f.sheet])).toEqual([['form_carried_differs', 'error', FORM_SHEET]]);
    expect(findings[0]?.message_vi).toContain('gửi lại biểu mẫu mới');
    expect(checkCarriedForm(bookOf(formSheet(FORM_4PHU_2024)), FORM_4PHU_2024)).toEqual([]);
    // Another id is the info sheet's form_mismatch, not this check.
    expect(checkCarriedForm(bookOf(formSheet(FORM_DVC25_2023)), FORM_4PHU_2024)).toEqual([]);
  });
});

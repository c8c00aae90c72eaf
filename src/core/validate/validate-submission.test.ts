import { FORM_4PHU_2024 } from '../forms/form-4phu-2024';
import { defineForm } from '../forms/parse-form';
import type { FormDef } from '../forms/form-schema';
import type { WorkbookGrid } from '../grid/sheet-grid';
import { renderSubmission } from '../render/render-submission';
import type { SubmissionData } from '../submission/submission-data';
import { nationalRegistry } from '../units/national-registry';
import { UnitRegistry } from '../units/unit-registry';
import { communeData, getCell, infoFor, setCell, setCells, unitsData } from '../../../test/support/submission-fixtures';
import { validateSubmission } from './validate-submission';
import type { ValidationResult } from './validation-context';

const where = (r: ValidationResult): string[] => r.findings.map((f) => `${f.code} ${f.severity} ${f.sheet ?? ''}!${f.cell ?? ''}`);

describe('validateSubmission: what renderSubmission writes reads back clean', () => {
  const form = FORM_4PHU_2024;
  const registry = nationalRegistry();

  it.each([
    ['a commune of villages', communeData()],
    ['the district of Thị xã Phước Long (its communes)', unitsData(registry, '688')],
    ['the province of Bình Phước (its districts)', unitsData(registry, '70')],
  ])('%s, plain, with computed columns and as a template', (_name, data) => {
    const status = form.statusColumn ? [form.statusColumn] : [];
    for (const opts of [{}, { withComputed: true, extraComputed: status }, { template: true }]) {
      const r = validateSubmission(renderSubmission(form, data, opts), { form, registry, file: 'x.xlsx', expect: { period: 'D1', level: data.info.level ?? '' } });
      expect(r.findings).toEqual([]);
      expect(r.ok).toBe(true);
    }
  });

  it('parses the submission: info, rows, totals, positions', () => {
    const data = unitsData(registry, '688');
    const r = validateSubmission(renderSubmission(form, data), { form, registry });
    const table = r.submission.tables['SoLieu'];
    expect(r.submission.info).toMatchObject({ form: '4PHU-2024', level: 'huyen', unit_code: '688', parent_code: '70', period_from: '2024-04-08', report_date: '2024-05-09' });
    expect(table?.rows.map((x) => x.code)).toEqual(data.tables['SoLieu']?.map((x) => x.code));
    expect(table?.rows[0]).toMatchObject({ name: 'Phường Thác Mơ', row: 3, values: data.tables['SoLieu']?.[0]?.values });
    const n = table?.rows.length ?? 0;
    expect(table?.total).toMatchObject({ code: 'TONG', name: 'Tổng cộng', row: 3 + n });
    expect(table?.total?.values['cccd_target']).toBe(data.tables['SoLieu']?.reduce((s, x) => s + (x.values['cccd_target'] ?? 0), 0));
    expect(r.submission.tables['LyDo']?.rows).toHaveLength(15);
    expect(r.submission.tables['LyDo']?.rows.find((x) => x.code === 'R15')?.values).toEqual({ cccd: null, ddt: expect.any(Number) });
  });
});

describe('validateSubmission: a two-level registry (communes straight under the province)', () => {
  const form = FORM_4PHU_2024;
  const registry = new UnitRegistry({
    levels: ['tinh', 'xa'],
    units: [
      { code: 'T1', name: 'Tỉnh Một', shortName: 'Một', level: 'tinh' },
      { code: 'X1', name: 'Xã Một', shortName: 'Một', level: 'xa', parentCode: 'T1' },
      { code: 'X2', name: 'Phường Hai', shortName: 'Hai', level: 'xa', parentCode: 'T1' },
      { code: 'T2', name: 'Tỉnh Hai', shortName: 'Hai', level: 'tinh' },
      { code: 'X3', name: 'Xã Ba', shortName: 'Ba', level: 'xa', parentCode: 'T2' },
    ],
  });
  const province = renderSubmission(form, unitsData(registry, 'T1'));
  const village = { ...communeData(), info: infoFor('xa', 'X1', 'Xã Một', 'T1') };
  const commune = renderSubmission(form, village);

  it('accepts a province of communes and a commune of villages', () => {
    expect(validateSubmission(province, { form, registry }).findings).toEqual([]);
    expect(validateSubmission(commune, { form, registry }).findings).toEqual([]);
    expect(validateSubmission(setCell(commune, 'ThongTin', 'C7', null), { form, registry }).findings).toEqual([]);
  });

  it('checks levels, parents and children against that registry', () => {
    const level = validateSubmission(setCell(commune, 'ThongTin', 'C4', 'huyen'), { form, registry });
    expect(where(level)).toEqual(['level_invalid error ThongTin!C4']);
    expect(level.findings[0]?.params).toEqual({ value: 'huyen', allowed: 'tinh, xa' });
    expect(where(validateSubmission(setCell(commune, 'ThongTin', 'C7', 'T2'), { form, registry }))).toEqual(['parent_mismatch error ThongTin!C7']);
    expect(where(validateSubmission(setCell(province, 'SoLieu', 'B5', 'X3'), { form, registry }))).toEqual(['row_not_child error SoLieu!B5']);
  });
});

/**
 * A second form, as data only: 25 online public services is shortened to
 * three, with an enum and a text column, `lte` and `sumEquals` rules, and
 * an indicator without accounted-for outcomes.
 */
const DVC: FormDef = defineForm({
  id: 'DVC3-TEST',
  version: '2',
  title: 'Dịch vụ công trực tuyến',
  titleEn: 'Online public services',
  info: { ...FORM_4PHU_2024.info, sheet: 'Thong tin chung' },
  mainTable: 'DichVu',
  tables: [
    {
      sheet: 'DichVu',
      rows: 'items',
      labelRow: 1,
      keyRow: 2,
      firstDataRow: 3,
      keyColumn: 'service_code',
      nameColumn: 'service_name',
      total: { code: 'TONG', name: 'Tổng cộng' },
      columns: [
        { key: 'service_code', label: 'Mã', kind: 'code' },
        { key: 'service_name', label: 'Dịch vụ', kind: 'name' },
        { key: 'connected', label: 'Kết nối', kind: 'enum', values: ['Đã kết nối', 'Chưa kết nối'] },
        { key: 'note', label: 'Ghi chú', kind: 'text' },
        { key: 'received', label: 'Tiếp nhận', kind: 'count' },
        { key: 'online', label: 'Trực tuyến', kind: 'count' },
        { key: 'on_time', label: 'Đúng hạn', kind: 'count' },
        { key: 'late', label: 'Trễ hạn', kind: 'count' },
      ],
      computed: [{ key: 'online_rate', label: 'Tỷ lệ', kind: 'computed', numFmt: '0.00%' }],
      items: [
        { code: 'DV01', name: 'Đăng ký khai sinh' },
        { code: 'DV02', name: 'Đăng ký thường trú' },
        { code: 'DV03', name: 'Cấp lại căn cước' },
      ],
    },
  ],
  indicators: [
    { key: 'online', label: 'Trực tuyến', labelEn: 'Online', table: 'DichVu', done: 'online', target: 'received', mayExceed: false, rateColumn: 'online_rate', narrative: { total: '', high: '', low: '' } },
  ],
  rules: [
    { kind: 'lte', table: 'DichVu', left: 'online', right: 'received' },
    { kind: 'sumEquals', table: 'DichVu', parts: ['on_time', 'late'], total: 'received', severity: 'warning' },
  ],
  periods: [{ id: 'Q1', label: 'Quý 1', from: '2023-01-01', to: '2023-03-31', due: '2023-04-05' }],
});

describe('validateSubmission: any form given as data', () => {
  const registry = nationalRegistry();
  const data: SubmissionData = {
    info: { ...infoFor('xa', '25216', 'Phường Thác Mơ', '688'), form: 'DVC3-TEST', form_version: '2', period: 'Q1', period_from: '2023-01-01', period_to: '2023-03-31', report_date: '2023-04-01' },
    tables: {
      DichVu: [
        { code: 'DV01', name: '', values: { received: 10, online: 4, on_time: 9, late: 1 }, texts: { connected: 'Đã kết nối', note: '=HYPERLINK("x")' } },
        { code: 'DV02', name: '', values: { received: 0, online: 0, on_time: 0, late: 0 }, texts: { connected: 'Chưa kết nối' } },
        { code: 'DV03', name: '', values: { received: 5, online: 5, on_time: 5, late: null }, texts: { connected: 'Đã kết nối' } },
      ],
    },
  };
  const book = renderSubmission(DVC, data, { withComputed: true });
  // DichVu: A code, B name, C connected, D note, E received, F online, G on_time, H late; rows 3-5, total row 6.
  const check = (b: WorkbookGrid): ValidationResult => validateSubmission(b, { form: DVC, registry });

  it('reads back clean, text kept as text, the total rate written', () => {
    const r = check(book);
    expect(r.findings).toEqual([]);
    expect(r.submission.tables['DichVu']?.rows[0]?.texts).toEqual({ connected: 'Đã kết nối', note: '=HYPERLINK("x")' });
    expect(getCell(book, 'DichVu', 'I6')).toBeCloseTo(9 / 15);
    expect(book.sheets[0]?.name).toBe('Thong tin chung');
  });

  it('reports an enum value that is not allowed, and forgives its case', () => {
    const r = check(setCell(book, 'DichVu', 'C4', 'Có'));
    expect(where(r)).toEqual(['value_not_allowed error DichVu!C4']);
    expect(r.findings[0]?.params).toEqual({ value: 'Có', allowed: 'Đã kết nối, Chưa kết nối' });
    const lower = check(setCell(book, 'DichVu', 'C4', 'chưa  kết nối'));
    expect(lower.findings).toEqual([]);
    expect(lower.submission.tables['DichVu']?.rows[1]?.texts['connected']).toBe('Chưa kết nối');
  });

  it('reports a column larger than the one it must not exceed (lte)', () => {
    const r = check(setCells(book, 'DichVu', { F3: 11, F6: 16 }));
    // The total rate written before the change (9/15) is now stale: a warning, PHU recomputes it.
    expect(where(r)).toEqual(['rule_exceeds error DichVu!F3', 'rule_exceeds error DichVu!F6', 'done_exceeds_target error DichVu!F3', 'done_exceeds_target error DichVu!F6', 'rate_stated_wrong warning DichVu!I6']);
    expect(r.findings[0]?.params).toEqual({ left: 'online', right: 'received', leftValue: 11, rightValue: 10 });
  });

  it('reports parts that do not add up to their total (sumEquals), with the rule severity', () => {
    const r = check(setCells(book, 'DichVu', { H5: 2, H6: 3 }));
    expect(where(r)).toEqual(['rule_sum_mismatch warning DichVu!E5', 'rule_sum_mismatch warning DichVu!E6']);
    expect(r.findings[0]?.params).toEqual({ parts: 'on_time + late', total: 'received', sum: 7, totalValue: 5 });
    expect(r.ok).toBe(true);
  });

  it('reports another form id against the second form', () => {
    const r = validateSubmission(renderSubmission(FORM_4PHU_2024, communeData()), { form: DVC, registry });
    expect(where(r)).toEqual(['sheet_missing error Thong tin chung!A1', 'sheet_missing error DichVu!A1']);
    const renamed = { sheets: renderSubmission(FORM_4PHU_2024, communeData()).sheets.map((s) => (s.name === 'ThongTin' ? { ...s, name: 'Thong tin chung' } : s)) };
    expect(where(validateSubmission(renamed, { form: DVC, registry }))).toEqual([
      'form_mismatch error Thong tin chung!C2',
      'form_version_mismatch error Thong tin chung!C3',
      'period_unknown error Thong tin chung!C8',
      'sheet_missing error DichVu!A1',
    ]);
  });
});

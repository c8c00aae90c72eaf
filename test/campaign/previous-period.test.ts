import { fakeReport, fakeTotal } from '../fixtures/child-report-fixtures';
import { previousFromReports, previousFromWorkbook, previousPeriodOf } from '../../src/core/consolidate/previous-figures';
import { changeKey, progressColumns } from '../../src/core/consolidate/progress';
import { consolidate, type ConsolidationContext } from '../../src/core/consolidate/consolidate';
import { FORM_4PHU_2024 } from '../../src/core/forms/form-4phu-2024';
import { renderConsolidation } from '../../src/core/render/render-consolidation';
import { renderSubmission } from '../../src/core/render/render-submission';
import { nationalRegistry } from '../../src/core/units/national-registry';
import type { Unit } from '../../src/core/units/unit';
import { UnitRegistry } from '../../src/core/units/unit-registry';
import { communeData, getCell } from '../support/submission-fixtures';
import { validateSubmission } from '../../src/core/validate/validate-submission';
import { asGrid } from './campaign-fixtures';

const form = FORM_4PHU_2024;
/** Communes straight under the province (since mid-2025): a two-level chain. */
const units: Unit[] = [
  { code: '70', name: 'Tỉnh Bình Phước', shortName: 'Bình Phước', level: 'tinh' },
  { code: '25216', name: 'Phường Thác Mơ', shortName: 'Thác Mơ', level: 'xa', parentCode: '70' },
  { code: '25217', name: 'Phường Long Thủy', shortName: 'Long Thủy', level: 'xa', parentCode: '70' },
  { code: '25222', name: 'Xã Long Giang', shortName: 'Long Giang', level: 'xa', parentCode: '70' },
];
const registry = new UnitRegistry({ levels: ['tinh', 'xa'], units });
const [, a, b, c] = units as [Unit, Unit, Unit, Unit];
const ctx = (period: string, reportDate: string): ConsolidationContext => ({ form, registry, parentCode: '70', period, reportDate });

// Đợt 1: Long Giang has not reported; đợt 2: everyone has, one step further (seed + 1).
const d1 = consolidate([fakeReport(a, { seed: 1, period: 'D1', reportDate: '2024-05-09' }), fakeReport(b, { seed: 2, period: 'D1', reportDate: '2024-05-09' })], ctx('D1', '2024-05-10'));
const d1Book = asGrid(renderConsolidation(form, d1));
const d2Reports = [
  fakeReport(a, { seed: 2, period: 'D2', reportDate: '2024-06-10' }),
  fakeReport(b, { seed: 3, period: 'D2', reportDate: '2024-06-10' }),
  fakeReport(c, { seed: 1, period: 'D2', reportDate: '2024-06-10' }),
];

describe('the previous period', () => {
  it('follows the form: D2 after D1, TK after D2, nothing before D1', () => {
    expect(previousPeriodOf(form, 'd2')?.id).toBe('D1');
    expect(previousPeriodOf(form, 'TK')?.id).toBe('D2');
    expect(previousPeriodOf(form, 'D1')).toBeUndefined();
  });

  it("reads the previous consolidated workbook: each child's row and the parent's total, blank rows left out", () => {
    const { previous, findings } = previousFromWorkbook(d1Book, form, registry, 'tong-hop-d1.xlsx');
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(previous?.period).toBe('D1');
    expect(previous?.label).toBe('Đợt 1');
    expect(Object.keys(previous?.byUnit ?? {}).sort()).toEqual(['25216', '25217', '70']);
    expect(previous?.byUnit['25216']).toEqual(fakeTotal(1));
    expect(previous?.byUnit['70']?.cccd_done).toBe(fakeTotal(1).cccd_done + fakeTotal(2).cccd_done);
  });

  it("or the units' own previous submissions: the latest valid one per unit", () => {
    const older = fakeReport(a, { seed: 0, period: 'D1', reportDate: '2024-05-01', file: 'old.xlsx' });
    const previous = previousFromReports([older, fakeReport(a, { seed: 1, period: 'D1', reportDate: '2024-05-09' }), fakeReport(b, { seed: 2, period: 'D1' })], form);
    expect(previous?.period).toBe('D1');
    expect(previous?.byUnit['25216']).toEqual(fakeTotal(1));
    expect(previous?.byUnit['25217']).toEqual(fakeTotal(2));
    expect(previousFromReports([], form)).toBeUndefined();
  });

  it('is nothing to compare with when the workbook is not a submission', () => {
    expect(previousFromWorkbook({ sheets: [] }, form, registry).previous).toBeUndefined();
  });
});

describe('progress since the previous period', () => {
  const previous = previousFromWorkbook(d1Book, form, registry).previous;
  if (!previous) throw new Error('no previous period');
  const d2 = consolidate(d2Reports, { ...ctx('D2', '2024-06-11'), previous });

  it("gives each child its change, like for like in total", () => {
    const p = d2.progress;
    expect(p?.label).toBe('Đợt 1');
    expect(p?.units.map((u) => u.indicators['cccd']?.change)).toEqual([37, 37, null]);
    expect(p?.units[0]?.indicators['ddt']).toEqual({ before: 1910, now: 1820, change: -90, rateBefore: 1910 / 3010, rateNow: 1820 / 3020 });
    expect(p?.total['cccd']).toMatchObject({ before: 1111, now: 1185, change: 74, units: 2 });
  });

  it('writes the NhanXet paragraph before the completeness one', () => {
    expect(d2.narrative.at(-2)).toBe(
      'So với đợt 1 (02/03 đơn vị có số liệu cả hai kỳ): Căn cước công dân tăng 74 (từ 1.111 lên 1.185; tỷ lệ từ 48,30% xuống 47,40%), tăng nhiều nhất: Thác Mơ (+37), Long Thủy (+37); ' +
        'Định danh điện tử giảm 180 (từ 3.730 xuống 3.550; tỷ lệ từ 61,86% xuống 58,68%); ' +
        'Điện thoại thông minh 4G tăng 26 (từ 159 lên 185; tỷ lệ từ 79,50% lên 92,50%), tăng nhiều nhất: Thác Mơ (+13), Long Thủy (+13); ' +
        'Sim chính chủ + chữ ký số không đổi (0). ' +
        'Số liệu lũy kế giảm so với đợt 1, cần kiểm tra lại: Thác Mơ (Định danh điện tử 1.910 → 1.820), Long Thủy (Định danh điện tử 1.820 → 1.730).',
    );
    expect(d2.narrative.at(-1)).toMatch(/^Tình hình gửi báo cáo: 03\/03/);
    expect(consolidate(d2Reports, ctx('D2', '2024-06-11')).narrative).toHaveLength(d2.narrative.length - 1);
  });

  it('names a unit once with every indicator that fell', () => {
    const fell = consolidate([fakeReport(a, { seed: 0, period: 'D2', reportDate: '2024-06-10' }), fakeReport(b, { seed: 3, period: 'D2', reportDate: '2024-06-10' })], { ...ctx('D2', '2024-06-11'), previous });
    // Thác Mơ goes from seed 1 to seed 0: cccd and phone4g fall, ddt rises.
    expect(fell.narrative.at(-2)).toMatch(/cần kiểm tra lại: Thác Mơ \(Căn cước công dân 537 → 500; Điện thoại thông minh 4G 73 → 60\), Long Thủy \(Định danh điện tử 1\.820 → 1\.730\)\.$/);
  });

  it('says so when no unit has figures in both periods', () => {
    const none = consolidate([fakeReport(c, { seed: 1, period: 'D2', reportDate: '2024-06-10' })], { ...ctx('D2', '2024-06-11'), previous });
    expect(none.narrative.at(-2)).toBe('Chưa so sánh được so với đợt 1: không có đơn vị nào có số liệu hợp lệ ở cả hai kỳ.');
  });

  it('adds a change column per indicator after the status, and still reads back as a valid submission', () => {
    const book = renderConsolidation(form, d2);
    const so = book.sheets.find((s) => s.name === 'SoLieu');
    const keys = so?.rows[2] ?? [];
    expect(keys.slice(keys.indexOf('status'))).toEqual(['status', 'cccd_change', 'ddt_change', 'phone4g_change', 'simcks_change']);
    expect(so?.rows[1]?.[keys.indexOf('cccd_change')]).toBe('Tăng so với đợt 1');
    const at = (row: number, key: string): unknown => so?.rows[row]?.[keys.indexOf(key)];
    expect([at(3, 'cccd_change'), at(4, 'cccd_change'), at(5, 'cccd_change'), at(6, 'cccd_change')]).toEqual([37, 37, null, 74]);
    expect(at(3, 'ddt_change')).toBe(-90);
    expect(progressColumns(form, d2.progress ?? previous).map((col) => col.numFmt)).toEqual(Array(4).fill('+#,##0;-#,##0;0'));
    expect(changeKey(form.indicators[0] ?? (undefined as never))).toBe('cccd_change');
    const r = validateSubmission(asGrid(book), { form, registry, expect: { period: 'D2', level: 'tinh' } });
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('flags a cumulative figure that went down, on the file, through the whole previous table (not "declined", which shrinks as cases get done)', () => {
    // The commune's own file: its total row is found under its code in the previous figures.
    const book = renderSubmission(FORM_4PHU_2024, communeData());
    const done = getCell(book, 'SoLieu', 'E8') as number;
    const r = validateSubmission(book, { form, registry: nationalRegistry(), previous: { '25216': { cccd_done: done + 5, ddt_done: 1, cccd_declined: 10 ** 6 }, '688': { cccd_done: 10 ** 9 } } });
    expect(r.findings.map((f) => `${f.code} ${f.sheet ?? ''}!${f.cell ?? ''}`)).toEqual(['decreased_since_previous SoLieu!E8']);
    expect(r.findings[0]?.message_vi).toBe(`Cột "cccd_done" giảm so với kỳ trước (${String(done + 5)} → ${String(done)}), trong khi số liệu là lũy kế.`);
    expect(r.ok).toBe(true);
  });
});

import { computeTable } from '../../core/compute/compute-table';
import { competitionRank } from '../../core/indicators/competition-rank';
import { FORM_4PHU_2024 } from '../../core/forms/form-4phu-2024';
import { renderSubmission } from '../../core/render/render-submission';
import { nationalRegistry } from '../../core/units/national-registry';
import { unitsData } from '../../../test/support/submission-fixtures';
import { validateSubmission } from '../../core/validate/validate-submission';
import { FakeExcelHost, rangeAddress } from '../../../test/support/addin/fake-excel';
import { communeSubmission, faultyCommuneGrid, gridOfBook } from '../../../test/support/addin/sample-books';
import { computeInPlace, NARRATIVE_SHEET } from './compute-in-place';
import { createTemplate } from './create-template';

const registry = nationalRegistry();
const ctx = (h: FakeExcelHost): Excel.RequestContext => h.newContext() as unknown as Excel.RequestContext;
const RATE_KEYS = ['cccd_rate', 'ddt_rate', 'phone4g_rate', 'simcks_rate'];

/** The district of Phước Long (688) with one balanced row per commune. */
function districtGrid(): ReturnType<typeof gridOfBook> {
  return gridOfBook(renderSubmission(FORM_4PHU_2024, unitsData(registry, '688')));
}

describe('computeInPlace', () => {
  it('adds the rate and rank columns after the keyed ones, with the core’s values and formats', async () => {
    const h = new FakeExcelHost();
    const grid = districtGrid();
    h.loadGrid(grid);
    const out = await computeInPlace(ctx(h), { registry });
    expect(out.added).toEqual(['cccd_rate', 'cccd_rank', 'ddt_rate', 'ddt_rank', 'phone4g_rate', 'phone4g_rank', 'simcks_rate', 'simcks_rank']);
    expect(out.columns.cccd_rate).toBe(15);
    const s = h.sheet('SoLieu');
    expect(s.value(2, 15)).toBe('cccd_rate');
    expect(s.value(1, 15)).toBe('Tỷ lệ');
    const expected = computeTable(FORM_4PHU_2024, validateSubmission(grid, { form: FORM_4PHU_2024, registry }).submission.tables.SoLieu ?? { sheet: '', columns: {}, rows: [] });
    const children = registry.children('688');
    children.forEach((u, i) => {
      expect(s.value(3 + i, 15)).toBeCloseTo(expected[u.code]?.cccd_rate ?? NaN, 12);
      expect(s.value(3 + i, 16)).toBe(expected[u.code]?.cccd_rank);
      expect(s.numberFormat(3 + i, 15)).toBe('0.00%');
      expect(s.numberFormat(3 + i, 16)).toBe('0');
    });
    const totalRow = 3 + children.length;
    expect(s.value(totalRow, 0) ?? s.value(totalRow, 1)).toBe('TONG');
    expect(s.value(totalRow, 15)).toBeCloseTo(expected.TONG?.cccd_rate ?? NaN, 12);
    expect(s.value(totalRow, 16)).toBeNull();
    expect(h.stats.syncs).toBe(3);
  });

  it('writes the narrative to NhanXet, and re-running replaces instead of duplicating', async () => {
    const h = new FakeExcelHost();
    h.loadGrid(districtGrid());
    const first = await computeInPlace(ctx(h), { registry });
    const rules = (): string[] => h.sheet('SoLieu').conditionalFormats.map((cf) => `${cf.type}@${cf.ranges.map(rangeAddress).join(',')}`).sort();
    const afterFirst = rules();
    expect(afterFirst).toHaveLength(RATE_KEYS.length * 2);
    const second = await computeInPlace(ctx(h), { registry });
    expect(second.added).toEqual([]);
    expect(second.columns).toEqual(first.columns);
    expect(rules()).toEqual(afterFirst);
    expect(h.model.sheets.map((s) => s.name)).toEqual(['ThongTin', 'SoLieu', 'LyDo', 'PHU_MauBieu', NARRATIVE_SHEET]);
    const nx = h.sheet(NARRATIVE_SHEET);
    expect(first.narrative.length).toBeGreaterThan(3);
    first.narrative.forEach((p, i) => expect(nx.value(i, 0)).toBe(p));
    expect(nx.value(first.narrative.length, 0)).toBeNull();
    expect(String(nx.value(0, 0))).toMatch(/^Kết quả cấp căn cước công dân: đã thu nhận hồ sơ cấp CCCD được [\d.]+\/[\d.]+ trường hợp/);
  });

  it('fills the computed columns where they already are', async () => {
    const h = new FakeExcelHost();
    h.loadGrid(gridOfBook(renderSubmission(FORM_4PHU_2024, unitsData(registry, '688'), { withComputed: true })));
    const out = await computeInPlace(ctx(h), { registry });
    expect(out.added).toEqual([]);
    expect(out.columns.simcks_rank).toBe(22);
    expect(typeof h.sheet('SoLieu').value(3, 15)).toBe('number');
  });

  it('gives rows with an error a rate but no rank', async () => {
    const h = new FakeExcelHost();
    h.loadGrid(faultyCommuneGrid().grid);
    const out = await computeInPlace(ctx(h), { registry });
    const s = h.sheet('SoLieu');
    const rank = out.columns.cccd_rank as number;
    const rate = out.columns.cccd_rate as number;
    // Rows 4, 5 and 6 have an error (E4 text, F5 negative, E6 above target): rate where there is one, no rank.
    expect(typeof s.value(5, rate)).toBe('number');
    for (const r of [3, 4, 5]) expect(s.value(r, rank)).toBeNull();
    // The others are ranked among themselves only.
    const rates = [6, 7, 8].map((r) => s.value(r, rate) as number);
    expect([6, 7, 8].map((r) => s.value(r, rank))).toEqual(competitionRank(rates));
  });

  it('works on a protected template and protects it again', async () => {
    const h = new FakeExcelHost();
    h.loadGrid({ sheets: [{ name: 'Sheet1', rows: [] }] });
    await createTemplate(ctx(h), { form: FORM_4PHU_2024, registry, unitCode: '688', periodId: 'TK' });
    const s = h.sheet('SoLieu');
    s.protection = { ...s.protection };
    s.setValue(3, 3, 100);
    s.setValue(3, 4, 50);
    const out = await computeInPlace(ctx(h), { registry });
    expect(s.value(3, out.columns.cccd_rate as number)).toBe(0.5);
    expect(s.protection.protected).toBe(true);
  });

  it('takes a constant number of round trips, within the request limit, from 100 to 20,000 rows', async () => {
    const counts: number[] = [];
    for (const n of [100, 20_000]) {
      const h = new FakeExcelHost();
      h.loadGrid(gridOfBook(communeSubmission(n)));
      const out = await computeInPlace(ctx(h), { registry });
      expect(out.rows).toBe(n + 1);
      expect(h.stats.maxRequestBytes).toBeLessThan(h.payloadLimit);
      expect(h.stats.maxResponseBytes).toBeLessThan(h.payloadLimit);
      counts.push(h.stats.syncs);
    }
    expect(counts[0]).toBeLessThanOrEqual(4);
    expect(counts[1]).toBe(counts[0]);
  });
});

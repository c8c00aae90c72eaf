import { FORM_4PHU_2024 } from '../forms/form-4phu-2024';
import type { ParsedTable, TableRow } from '../submission/submission';
import { computeTable } from './compute-table';

const row = (code: string, r: number, cccd: [number | null, number | null], phone: [number | null, number | null]): TableRow => ({
  code,
  name: code,
  row: r,
  texts: {},
  values: { cccd_done: cccd[0], cccd_target: cccd[1], phone4g_done: phone[0], phone4g_target: phone[1] },
});

const table: ParsedTable = {
  sheet: 'SoLieu',
  columns: {},
  rows: [row('688', 3, [579, 837], [1882, 2716]), row('690', 4, [464, 1301], [807, 1922]), row('696', 5, [0, 0], [2258, 1182]), row('693', 6, [579, 837], [null, 1424])],
  total: row('TONG', 7, [1622, 2975], [4947, 7244]),
};

describe('computeTable', () => {
  it('computes rates for every row and the total, ranks among data rows', () => {
    const c = computeTable(FORM_4PHU_2024, table);
    expect(c['688']?.cccd_rate).toBeCloseTo(0.6918, 4);
    expect(c['688']?.cccd_rank).toBe(1);
    expect(c['693']?.cccd_rank).toBe(1);
    expect(c['690']?.cccd_rank).toBe(3);
    // 0/0 has no rate, and so no rank.
    expect(c['696']?.cccd_rate).toBeNull();
    expect(c['696']?.cccd_rank).toBeNull();
    expect(c['696']?.phone4g_rank).toBe(1);
    expect(c['693']?.phone4g_rate).toBeNull();
    expect(c.TONG?.cccd_rate).toBeCloseTo(1622 / 2975, 10);
    expect(c.TONG?.cccd_rank).toBeNull();
    // Indicators with no columns in the table get null rates, not 0.
    expect(c['688']?.ddt_rate).toBeNull();
    expect(Object.keys(c['688'] ?? {}).sort()).toEqual(['cccd_rank', 'cccd_rate', 'ddt_rank', 'ddt_rate', 'phone4g_rank', 'phone4g_rate', 'simcks_rank', 'simcks_rate']);
  });
  it('gives rows that are not valid a rate but no rank, and no place', () => {
    const c = computeTable(FORM_4PHU_2024, table, (r) => r.code !== '688');
    expect(c['688']?.cccd_rate).toBeCloseTo(0.6918, 4);
    expect(c['688']?.cccd_rank).toBeNull();
    expect(c['693']?.cccd_rank).toBe(1);
    expect(c['690']?.cccd_rank).toBe(2);
  });
  it('keeps rows without a code, or with a repeated code, under their row number', () => {
    const t: ParsedTable = { sheet: 'SoLieu', columns: {}, rows: [row('', 3, [1, 2], [1, 1]), row('', 4, [2, 2], [1, 1]), row('X', 5, [0, 2], [1, 1]), row('X', 6, [0, 2], [1, 1])] };
    const c = computeTable(FORM_4PHU_2024, t);
    expect(Object.keys(c)).toEqual(['@4', '@5', 'X', '@7']);
    expect(c['@5']?.cccd_rank).toBe(1);
    expect(c.TONG).toBeUndefined();
  });
  it('computes nothing for a table without indicators', () => {
    const c = computeTable(FORM_4PHU_2024, { sheet: 'LyDo', columns: {}, rows: [row('R01', 2, [1, 1], [1, 1])] });
    expect(c).toEqual({ R01: {} });
  });
});

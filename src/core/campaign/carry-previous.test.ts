import { FORM_4PHU_2024 } from '../forms/form-4phu-2024';
import { carryOf, type MapBridge, type Succession } from '../units/map-bridge';
import { UnitRegistry } from '../units/unit-registry';
import { carryPrevious, previousMapOf } from './carry-previous';
import type { PreviousFigures } from '../consolidate/previous-figures';

// A small reform: A1 (province A) and B1 (province B) merge whole into N1;
// S is split between N2 and N3; L's land went to N4, its people to N3; M merges whole into N4.
const edges: Succession[] = [
  { oldCode: 'A1', newCode: 'N1', change: 'Nhập toàn bộ' },
  { oldCode: 'B1', newCode: 'N1', change: 'Nhập toàn bộ' },
  { oldCode: 'S', newCode: 'N2', change: 'Nhập một phần' },
  { oldCode: 'S', newCode: 'N3', change: 'Nhập một phần' },
  { oldCode: 'L', newCode: 'N4', change: 'Nhập một phần diện tích' },
  { oldCode: 'L', newCode: 'N3', change: 'Nhập một phần diện tích, toàn bộ dân số' },
  { oldCode: 'M', newCode: 'N4', change: 'Giữ nguyên' },
  { oldCode: 'P', newCode: 'N5', change: 'Nhập toàn bộ' },
  { oldCode: 'Q', newCode: 'N5', change: 'Đổi tên' },
];
const bridge: MapBridge = {
  from: '2025-03-01',
  to: '2025-07-01',
  date: '2025-07-01',
  successors: (c) => edges.filter((e) => e.oldCode === c),
  predecessors: (c) => edges.filter((e) => e.newCode === c),
  carry: (e) => carryOf(e, edges.filter((x) => x.oldCode === e.oldCode)),
};
const target = new UnitRegistry({
  levels: ['tinh', 'xa'],
  units: [
    { code: 'T', name: 'Tỉnh T', shortName: 'T', level: 'tinh' },
    ...['N1', 'N2', 'N3', 'N4', 'N5', 'N6'].map((code) => ({ code, name: `Xã ${code}`, shortName: code, level: 'xa', parentCode: 'T' })),
  ],
});
const fig = (done: number, target_: number | null = 100): Record<string, number | null> => ({ ddt_done: done, ddt_target: target_ });
const previous: PreviousFigures = { period: 'TK', label: 'Tổng kết', byUnit: { A1: fig(10), B1: fig(20, null), S: fig(5), L: fig(7), M: fig(3), P: fig(1) } };

describe('carryPrevious', () => {
  const { previous: carried, findings } = carryPrevious(previous, bridge, target);

  it('sums the old communes merged whole, across old provinces, a blank staying blank', () => {
    expect(carried.byUnit['N1']).toEqual({ ddt_done: 30, ddt_target: null });
  });

  it('counts a commune whose people all came, and none for land alone', () => {
    expect(carried.byUnit['N4']).toEqual(fig(3));
    expect(findings.filter((f) => f.unitCode === 'N4')).toEqual([]);
  });

  it('gives no figure to a unit with part of a split commune, and says why', () => {
    expect(carried.byUnit['N2']).toBeUndefined();
    expect(carried.byUnit['N3']).toBeUndefined();
    const why = findings.filter((f) => f.code === 'previous_partial').map((f) => f.unitCode);
    expect(why).toEqual(['N2', 'N3']);
    expect(findings.find((f) => f.unitCode === 'N2')?.message_vi).toMatch(/Xã N2 \(N2\): không so sánh với kỳ trước vì một phần dân số đến từ .*S \(nhập một phần\)/);
  });

  it('gives none when an old commune merged whole has no figures, and is silent where nothing was known', () => {
    expect(carried.byUnit['N5']).toBeUndefined();
    expect(findings.find((f) => f.unitCode === 'N5')?.code).toBe('previous_incomplete');
    expect(findings.some((f) => f.unitCode === 'N6')).toBe(false);
    expect(carried.period).toBe('TK');
  });

  it('reads the 2024 form\'s previous period on the old map', () => {
    const tk = FORM_4PHU_2024.periods.find((p) => p.id === 'TK');
    expect(tk && previousMapOf(FORM_4PHU_2024, tk)).toBe('2025-03-01');
  });
});

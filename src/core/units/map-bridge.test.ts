import { carryOf, reformBridge, type Succession } from './map-bridge';

describe('reformBridge', () => {
  const bridge = reformBridge();

  it('goes from the old map to today\'s, both ways', () => {
    expect(bridge).toMatchObject({ from: '2025-03-01', to: '2025-07-01', date: '2025-07-01' });
    expect(bridge.predecessors('25217').map((s) => s.oldCode).sort()).toEqual(['25216', '25217', '25237', '25249']);
    expect(bridge.successors('99999')).toEqual([]);
  });

  it('carries a commune merged whole, and not one split between two new ones', () => {
    const thacMo = bridge.successors('25216')[0] as Succession;
    expect(bridge.carry(thacMo)).toBe('whole');
    // Phường Ngọc Hà (00016) went partly to Phường Ba Đình, partly to the new Phường Ngọc Hà.
    const split = bridge.successors('00016');
    expect(split.map((s) => s.newCode).sort()).toEqual(['00004', '00008']);
    for (const s of split) expect(bridge.carry(s)).toBe('part');
  });

  it('carries all the people where the table says so, none with the land alone', () => {
    const thuyKhue = bridge.successors('00112');
    const byNew = Object.fromEntries(thuyKhue.map((s) => [s.newCode, bridge.carry(s)]));
    expect(byNew).toEqual({ '00004': 'none', '00103': 'whole' });
  });

  it('knows what a new commune was made of, whole and in part', () => {
    // Phường Long An: five wards and a commune of Tân An merged whole, part of Xã Bình Thạnh.
    const longAn = bridge.predecessors('27694');
    expect(longAn.map((s) => s.oldCode)).toEqual(expect.arrayContaining(['27685', '27691', '28063']));
    expect(longAn.filter((s) => bridge.carry(s) === 'part').map((s) => s.oldCode)).toEqual(['28063']);
  });

  it('judges an edge by its siblings, whatever the wording of a single one', () => {
    const only: Succession = { oldCode: '1', newCode: 'A', change: 'Nhập một phần diện tích' };
    expect(carryOf(only, [only])).toBe('whole');
    const a: Succession = { oldCode: '1', newCode: 'A', change: 'Nhâp một phần diện tích' };
    const b: Succession = { oldCode: '1', newCode: 'B', change: 'Nhập một phần diện tích, toàn bộ dân số' };
    expect(carryOf(a, [a, b])).toBe('none');
    expect(carryOf(b, [a, b])).toBe('whole');
    const c: Succession = { oldCode: '1', newCode: 'C', change: 'Nhập một phần dân số' };
    expect(carryOf(c, [c, b])).toBe('part');
  });
});

import { fakeReport, fakeTotal } from '../../../test/fixtures/child-report-fixtures';
import { FORM_4PHU_2024 } from '../forms/form-4phu-2024';
import type { Unit } from '../units/unit';
import { UnitRegistry } from '../units/unit-registry';
import { consolidate } from './consolidate';

/** Since mid-2025 communes report straight to the province: two levels, no district. */
const units: Unit[] = [
  { code: '70', name: 'Tỉnh Bình Phước', shortName: 'Bình Phước', level: 'tinh' },
  { code: '25216', name: 'Phường Thác Mơ', shortName: 'Thác Mơ', level: 'xa', parentCode: '70' },
  { code: '25217', name: 'Phường Long Thủy', shortName: 'Long Thủy', level: 'xa', parentCode: '70' },
  { code: '25222', name: 'Xã Long Giang', shortName: 'Long Giang', level: 'xa', parentCode: '70' },
  { code: '80', name: 'Tỉnh Khác', shortName: 'Khác', level: 'tinh' },
  { code: '99001', name: 'Xã Ngoài', shortName: 'Ngoài', level: 'xa', parentCode: '80' },
];
const registry = new UnitRegistry({ levels: ['tinh', 'xa'], units });
const u = (i: number): Unit => units[i] as Unit;

describe('consolidate with a two-level registry', () => {
  const c = consolidate([fakeReport(u(1), { seed: 1 }), fakeReport(u(2), { seed: 2, reportDate: '2024-07-09' }), fakeReport(u(5), { seed: 3 })], {
    form: FORM_4PHU_2024,
    registry,
    parentCode: '70',
    period: 'TK',
    reportDate: '2024-07-10',
  });

  it('consolidates communes straight into the province', () => {
    expect(c.children.map((r) => [r.unit.code, r.status])).toEqual([
      ['25216', 'on_time'],
      ['25217', 'late'],
      ['25222', 'missing'],
    ]);
    expect(c.total.values.cccd_done).toBe(fakeTotal(1).cccd_done + fakeTotal(2).cccd_done);
    expect(c.sources.map((s) => s.status)).toEqual(['used', 'late', 'unexpected']);
    expect(c.completeness).toEqual({ expected: 3, onTime: 1, late: 1, missing: 1, invalid: 0 });
  });

  it('writes a province ThongTin with no parent', () => {
    expect(c.info).toMatchObject({ level: 'tinh', unit_code: '70', unit_name: 'Tỉnh Bình Phước', parent_code: '' });
  });

  it('names communes by their short names', () => {
    expect(c.narrative.at(-1)).toBe('Tình hình gửi báo cáo: 02/03 đơn vị đã gửi báo cáo, trong đó 01 đơn vị gửi trễ hạn: Long Thủy. Còn 01 đơn vị chưa gửi báo cáo: Long Giang.');
  });
});

import type { ChildReport } from '../src/core/consolidate/child-report';
import { consolidate } from '../src/core/consolidate/consolidate';
import { FORM_4PHU_2024 } from '../src/core/forms/form-4phu-2024';
import { nationalRegistry } from '../src/core/units/national-registry';
import { BINH_PHUOC_DISTRICTS } from '../src/sample/binh-phuoc-districts';
import { NOTICE_DISTRICT_QUOTES, quoteFragment, type IndicatorKey } from '../src/sample/binh-phuoc-notice';

/** The eleven districts' reports of the campaign's final period, all on time. */
const reports: ChildReport[] = BINH_PHUOC_DISTRICTS.map((d) => ({
  source: { file: `${d.code}.xlsx`, bytes: 20000, sha256: d.code.repeat(8) },
  findings: [],
  info: { form: '4PHU-2024', form_version: '1', level: 'huyen', unit_code: d.code, parent_code: '70', period: 'TK', report_date: '2024-07-05' },
  total: d.figures.values,
  items: { LyDo: { ...d.figures.items.LyDo } },
}));
const ctx = { form: FORM_4PHU_2024, registry: nationalRegistry(), parentCode: '70', period: 'TK', reportDate: '2024-07-08' };
const quotes = (ind: IndicatorKey, list: 'high' | 'low'): string[] => NOTICE_DISTRICT_QUOTES.filter((q) => q.indicator === ind && q.list === list).map(quoteFragment);

describe('the province notice, consolidated from its districts', () => {
  const c = consolidate(reports, ctx);

  it('gives the notice totals', () => {
    expect(c.narrative[0]).toContain('đã thu nhận hồ sơ cấp CCCD được 10.963/19.883 trường hợp (chiếm 55,14%); xử lý dữ liệu với 6.439/19.883 trường hợp (chiếm 32,38%) và 2.481/19.883 trường hợp');
    expect(c.narrative[2]).toContain('được 164.232/357.048 trường hợp (chiếm 46,00%); xử lý dữ liệu với 102.039/357.048 trường hợp (chiếm 28,58%) và 90.777/357.048 trường hợp');
    expect(c.narrative[4]).toContain('đã trang bị 22.471/22.095 chỉ tiêu được giao, đạt 101,70%.');
    expect(c.narrative[6]).toContain('đã thực hiện 251.743/374.443 chỉ tiêu được giao, đạt 67,23%.');
    expect(c.completeness).toEqual({ expected: 11, onTime: 11, late: 0, missing: 0, invalid: 0 });
    expect(c.narrative.at(-1)).toBe('Tình hình gửi báo cáo: 11/11 đơn vị đã gửi báo cáo đúng hạn.');
  });

  it('names the notice high and low districts, low in rank order (lowest last)', () => {
    const [h1, h2] = quotes('cccd', 'high');
    const [l1, l2] = quotes('cccd', 'low');
    // The notice lists CCCD's low pair lowest first; PHU keeps rank order as it does elsewhere.
    expect(c.narrative[1]).toBe(`Địa phương thu nhận hồ sơ cấp CCCD cao (chỉ tính số đã thu nhận): ${h1}, ${h2}. Địa phương có kết quả thu nhận hồ sơ cấp CCCD thấp: ${l2}, ${l1}.`);
    expect(c.narrative[3]).toBe(`Địa phương có kết quả cao (chỉ tính số đã thực hiện được): ${quotes('ddt', 'high').join(', ')}. Địa phương có kết quả thấp: ${quotes('ddt', 'low').join(', ')}.`);
  });

  it('reproduces the notice 4G sentence when asked for four best and three worst', () => {
    const four = consolidate(reports, { ...ctx, topN: 4 });
    const high = quotes('phone4g', 'high');
    expect(four.narrative[5]).toContain(`Địa phương thực hiện tốt: ${high.join(', ')}.`);
    const three = consolidate(reports, { ...ctx, topN: 3 });
    expect(three.narrative[5]).toContain(`Địa phương thực hiện chưa tốt: ${quotes('phone4g', 'low').join(', ')}.`);
    expect(three.narrative[5]).toBe(`Địa phương thực hiện tốt: ${high.slice(0, 3).join(', ')}. Địa phương thực hiện chưa tốt: ${quotes('phone4g', 'low').join(', ')}.`);
  });

  it('ranks Bình Long last for CCCD, 4G and SIM and Bù Đốp last for ĐDĐT', () => {
    const last = (key: string): string | undefined => c.children.find((r) => r.ranks[key] === 11)?.unit.code;
    expect([last('cccd'), last('ddt'), last('phone4g'), last('simcks')]).toEqual(['690', '693', '690', '690']);
  });
});

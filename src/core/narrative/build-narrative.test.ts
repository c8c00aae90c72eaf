import { FORM_4PHU_2024 } from '../forms/form-4phu-2024';
import { buildNarrative, fillTemplate, type NarrativeUnit } from './build-narrative';
import { nhanXetSentence } from './nhan-xet-sentence';

/**
 * The eleven districts' figures behind the province notice's ranking
 * sentences (`seeds/000_*`), where the notice gives them; other figures are
 * made up to fall between. Test data only.
 */
export const NOTICE_DISTRICTS: readonly NarrativeUnit[] = [
  { shortName: 'Phước Long', values: { cccd_done: 579, cccd_target: 837, ddt_done: 7263, ddt_target: 19711, phone4g_done: 1882, phone4g_target: 2716, simcks_done: 20000, simcks_target: 30000 } },
  { shortName: 'Đồng Xoài', values: { cccd_done: 900, cccd_target: 1800, ddt_done: 15000, ddt_target: 35000, phone4g_done: 2000, phone4g_target: 2100, simcks_done: 30000, simcks_target: 45000 } },
  { shortName: 'Bình Long', values: { cccd_done: 464, cccd_target: 1301, ddt_done: 9000, ddt_target: 21000, phone4g_done: 807, phone4g_target: 1922, simcks_done: 8466, simcks_target: 23920 } },
  { shortName: 'Bù Gia Mập', values: { cccd_done: 1000, cccd_target: 2000, ddt_done: 14000, ddt_target: 33000, phone4g_done: 2707, phone4g_target: 2343, simcks_done: 20000, simcks_target: 32000 } },
  { shortName: 'Lộc Ninh', values: { cccd_done: 1100, cccd_target: 2100, ddt_done: 23787, ddt_target: 44575, phone4g_done: 3433, phone4g_target: 2979, simcks_done: 38287, simcks_target: 37832 } },
  { shortName: 'Bù Đốp', values: { cccd_done: 493, cccd_target: 1017, ddt_done: 4759, ddt_target: 19050, phone4g_done: 892, phone4g_target: 1424, simcks_done: 12000, simcks_target: 20000 } },
  { shortName: 'Hớn Quản', values: { cccd_done: 1000, cccd_target: 1900, ddt_done: 15000, ddt_target: 33000, phone4g_done: 2057, phone4g_target: 1533, simcks_done: 20000, simcks_target: 30000 } },
  { shortName: 'Đồng Phú', values: { cccd_done: 1187, cccd_target: 1857, ddt_done: 16000, ddt_target: 34000, phone4g_done: 2000, phone4g_target: 2200, simcks_done: 43157, simcks_target: 40006 } },
  { shortName: 'Bù Đăng', values: { cccd_done: 1500, cccd_target: 3000, ddt_done: 20000, ddt_target: 45000, phone4g_done: 2258, phone4g_target: 1182, simcks_done: 25000, simcks_target: 40000 } },
  { shortName: 'Chơn Thành', values: { cccd_done: 800, cccd_target: 1500, ddt_done: 12664, ddt_target: 20828, phone4g_done: 1800, phone4g_target: 2000, simcks_done: 20000, simcks_target: 30000 } },
  { shortName: 'Phú Riềng', values: { cccd_done: 900, cccd_target: 1600, ddt_done: 15000, ddt_target: 33000, phone4g_done: 2000, phone4g_target: 2300, simcks_done: 20000, simcks_target: 30000 } },
];

const TOTAL = {
  cccd_target: 19883,
  cccd_done: 10963,
  cccd_processed: 6439,
  cccd_declined: 2481,
  ddt_target: 357048,
  ddt_done: 164232,
  ddt_processed: 102039,
  ddt_declined: 90777,
  phone4g_target: 22095,
  phone4g_done: 22471,
  simcks_target: 374443,
  simcks_done: 251743,
};

const cccd = FORM_4PHU_2024.indicators[0]!;

describe('fillTemplate', () => {
  it('fills counts and shares of the target', () => {
    expect(fillTemplate('{cccd_done}/{cccd_target} (chiếm {cccd_done%}); {cccd_processed%} và {cccd_declined%}', cccd, TOTAL)).toBe('10.963/19.883 (chiếm 55,14%); 32,38% và 12,48%');
    expect(fillTemplate('{done}/{target} đạt {rate}, {done%}', cccd, TOTAL)).toBe('10.963/19.883 đạt 55,14%, 55,14%');
  });
  it('leaves an unknown placeholder visible and a blank as a dash', () => {
    expect(fillTemplate('{nope} {cccd_done}', cccd, { cccd_done: null, cccd_target: 0 })).toBe('{nope} –');
    expect(fillTemplate('{cccd_done%}', cccd, { cccd_done: 5, cccd_target: 0 })).toBe('–');
  });
});

describe('buildNarrative', () => {
  const paras = buildNarrative(FORM_4PHU_2024, { total: TOTAL, units: NOTICE_DISTRICTS });

  it('writes each indicator total as the notice does', () => {
    expect(paras[0]).toBe(
      'Kết quả cấp căn cước công dân: đã thu nhận hồ sơ cấp CCCD được 10.963/19.883 trường hợp (chiếm 55,14%); xử lý dữ liệu với 6.439/19.883 trường hợp (chiếm 32,38%) và 2.481/19.883 trường hợp công dân chưa có nhu cầu cấp căn cước (chiếm 12,48%).',
    );
    expect(paras[4]).toContain('đã trang bị 22.471/22.095 chỉ tiêu được giao, đạt 101,70%.');
    expect(paras[6]).toContain('đã thực hiện 251.743/374.443 chỉ tiêu được giao, đạt 67,23%.');
  });

  it('names the two best and the two worst, the lowest last', () => {
    expect(paras[1]).toBe(
      'Địa phương thu nhận hồ sơ cấp CCCD cao (chỉ tính số đã thu nhận): Phước Long (579/837 đạt 69,18%), Đồng Phú (1.187/1.857 đạt 63,92%). Địa phương có kết quả thu nhận hồ sơ cấp CCCD thấp: Bù Đốp (493/1.017 đạt 48,48%), Bình Long (464/1.301 đạt 35,66%).',
    );
    expect(paras[3]).toBe(
      'Địa phương có kết quả cao (chỉ tính số đã thực hiện được): Chơn Thành (12.664/20.828 đạt 60,80%), Lộc Ninh (23.787/44.575 đạt 53,36%). Địa phương có kết quả thấp: Phước Long (7.263/19.711 đạt 36,85%), Bù Đốp (4.759/19.050 đạt 24,98%).',
    );
    expect(paras[5]).toBe(
      'Địa phương thực hiện tốt: Bù Đăng (2.258/1.182 đạt 191,03%), Hớn Quản (2.057/1.533 đạt 134,18%). Địa phương thực hiện chưa tốt: Bù Đốp (892/1.424 đạt 62,64%), Bình Long (807/1.922 đạt 41,99%).',
    );
    expect(paras).toHaveLength(8);
  });

  it('names as many as asked', () => {
    const p = buildNarrative(FORM_4PHU_2024, { total: TOTAL, units: NOTICE_DISTRICTS, topN: 4 });
    expect(p[5]).toContain('Bù Đăng (2.258/1.182 đạt 191,03%), Hớn Quản (2.057/1.533 đạt 134,18%), Bù Gia Mập (2.707/2.343 đạt 115,54%), Lộc Ninh (3.433/2.979 đạt 115,24%).');
  });

  it('never names a unit twice when there are few, and skips units without a rate', () => {
    const units = [
      { shortName: 'A', values: { cccd_done: 1, cccd_target: 2 } },
      { shortName: 'B', values: { cccd_done: 0, cccd_target: 0 } },
      { shortName: 'C', values: { cccd_done: 2, cccd_target: 2 } },
      { shortName: 'D', values: { cccd_done: 0, cccd_target: 4 } },
    ];
    const p = buildNarrative(FORM_4PHU_2024, { total: { cccd_done: 3, cccd_target: 8, cccd_processed: 0, cccd_declined: 0 }, units });
    expect(p[1]).toBe('Địa phương thu nhận hồ sơ cấp CCCD cao (chỉ tính số đã thu nhận): C (2/2 đạt 100,00%), A (1/2 đạt 50,00%). Địa phương có kết quả thu nhận hồ sơ cấp CCCD thấp: D (0/4 đạt 0,00%).');
    expect(p[1]).not.toContain('B (');
    // No ddt figures at all: a plain sentence, never 0%.
    expect(p[2]).toBe('Định danh điện tử: chưa có chỉ tiêu được giao nên chưa tính được tỷ lệ.');
    expect(p).toHaveLength(5);
  });

  it('ends with who reported, late, not at all, or invalid', () => {
    const p = buildNarrative(FORM_4PHU_2024, { total: TOTAL, units: NOTICE_DISTRICTS, expected: 11, missing: ['Bù Đốp', 'Phú Riềng'], late: ['Lộc Ninh'], invalid: ['Bình Long'] });
    expect(p.at(-1)).toBe(
      'Tình hình gửi báo cáo: 09/11 đơn vị đã gửi báo cáo, trong đó 01 đơn vị gửi trễ hạn: Lộc Ninh. Còn 02 đơn vị chưa gửi báo cáo: Bù Đốp, Phú Riềng. Có 01 đơn vị gửi báo cáo không hợp lệ, chưa được tổng hợp: Bình Long.',
    );
    const all = buildNarrative(FORM_4PHU_2024, { total: TOTAL, units: NOTICE_DISTRICTS, expected: 11 });
    expect(all.at(-1)).toBe('Tình hình gửi báo cáo: 11/11 đơn vị đã gửi báo cáo đúng hạn.');
  });
});

describe('nhanXetSentence', () => {
  it('names the best and worst in one sentence with short names', () => {
    const names = ['Thị xã Phước Long', 'Huyện Bù Đăng', 'Thị xã Bình Long', 'Huyện Hớn Quản', 'Huyện Bù Đốp'];
    const done = [1882, 2258, 807, 2057, 892];
    const target = [2716, 1182, 1922, 1533, 1424];
    expect(nhanXetSentence(names, done, target)).toBe(
      'Đơn vị thực hiện tốt: Bù Đăng (2.258/1.182 đạt 191,03%), Hớn Quản (2.057/1.533 đạt 134,18%); đơn vị thực hiện chưa tốt: Bù Đốp (892/1.424 đạt 62,64%), Bình Long (807/1.922 đạt 41,99%).',
    );
    expect(nhanXetSentence(names, done, target, 1)).toBe('Đơn vị thực hiện tốt: Bù Đăng (2.258/1.182 đạt 191,03%); đơn vị thực hiện chưa tốt: Bình Long (807/1.922 đạt 41,99%).');
  });
  it('says so when no unit has a rate, and names a lone unit once', () => {
    expect(nhanXetSentence(['A', 'B'], [0, null], [0, 5])).toBe('Chưa có đơn vị nào đủ số liệu để tính tỷ lệ.');
    expect(nhanXetSentence(['Xã A'], [1], [2])).toBe('Đơn vị thực hiện tốt: A (1/2 đạt 50,00%).');
  });
});

import { formatPercentVi } from '../core/format/format-number-vi';
import { BINH_PHUOC_DISTRICTS, binhPhuocProvinceFigures, type SampleDistrict } from './binh-phuoc-districts';
import { CCCD_MERGED_SPLIT, CCCD_REASONS_BY_CODE, DDT_REASONS_BY_CODE, NOTICE_CCCD_REASONS, NOTICE_DDT_REASONS, NOTICE_DISTRICT_QUOTES, NOTICE_TOTALS, quoteFragment } from './binh-phuoc-notice';
import { noticeDiscrepancies } from './notice-discrepancies';
import { itemColumnTotal } from './unit-figures';

/** A copy of the districts with one figure changed. */
function tampered(code: string, key: string, value: number, more: Readonly<Record<string, number>> = {}): SampleDistrict[] {
  return BINH_PHUOC_DISTRICTS.map((d) => (d.code === code ? { ...d, figures: { ...d.figures, values: { ...d.figures.values, [key]: value, ...more } } } : d));
}

describe('Bình Phước sample districts', () => {
  it('reproduce every figure, total, balance and ranking of the notice', () => {
    expect(noticeDiscrepancies(BINH_PHUOC_DISTRICTS)).toEqual([]);
  });

  it('sum to the notice totals and footnotes', () => {
    const p = binhPhuocProvinceFigures();
    expect(p.values).toMatchObject({ cccd_done: 10963, cccd_processed: 6439, cccd_declined: 2481, cccd_target: 19883, ddt_done: 164232, ddt_processed: 102039, ddt_declined: 90777, ddt_target: 357048, phone4g_done: 22471, phone4g_target: 22095, simcks_done: 251743, simcks_target: 374443 });
    expect(itemColumnTotal(p, 'LyDo', 'cccd')).toBe(6439);
    expect(itemColumnTotal(p, 'LyDo', 'ddt')).toBe(102039);
    for (const [code, n] of Object.entries(CCCD_REASONS_BY_CODE)) expect([code, p.items['LyDo']?.[code]?.['cccd']]).toEqual([code, n]);
    for (const [code, n] of Object.entries(DDT_REASONS_BY_CODE)) expect([code, p.items['LyDo']?.[code]?.['ddt']]).toEqual([code, n]);
  });

  it('keep the notice footnotes whole: 13 CCCD and 15 ĐDĐT reasons, the merged one split in two', () => {
    expect(NOTICE_CCCD_REASONS).toHaveLength(13);
    expect(NOTICE_DDT_REASONS).toHaveLength(15);
    expect(NOTICE_CCCD_REASONS.reduce((s, r) => s + r.count, 0)).toBe(NOTICE_TOTALS.cccd.processed);
    expect(NOTICE_DDT_REASONS.reduce((s, r) => s + r.count, 0)).toBe(NOTICE_TOTALS.ddt.processed);
    expect(CCCD_MERGED_SPLIT.R09 + CCCD_MERGED_SPLIT.R10).toBe(687);
    expect(new Set(NOTICE_DDT_REASONS.flatMap((r) => r.codes)).size).toBe(15);
    expect(CCCD_REASONS_BY_CODE['R15']).toBe(0);
  });

  it('write each quote as the notice does (two decimals)', () => {
    for (const q of NOTICE_DISTRICT_QUOTES) {
      const twoDecimals = /,\d\d%$/.test(q.rateInNotice);
      if (twoDecimals) expect(formatPercentVi(q.done / q.target)).toBe(q.rateInNotice);
    }
    expect(quoteFragment({ shortName: 'Bù Đăng', done: 2258, target: 1182 })).toBe('Bù Đăng (2.258/1.182 đạt 191,03%)');
    expect(quoteFragment({ shortName: 'Lộc Ninh', done: 38287, target: 37832 })).toBe('Lộc Ninh (38.287/37.832 đạt 101,20%)');
  });

  it('rejects figures that break the notice', () => {
    // A quoted figure changed.
    expect(noticeDiscrepancies(tampered('688', 'cccd_done', 580)).join('\n')).toMatch(/Phước Long: 580\/837 is not 579\/837/);
    // An unquoted district overtaking a quoted "high" one (Đồng Xoài above Lộc Ninh for ddt).
    const overtaken = tampered('689', 'ddt_done', 23000);
    expect(noticeDiscrepancies(overtaken).join('\n')).toMatch(/ddt: the best are/);
    // A tie with a quoted unit.
    expect(noticeDiscrepancies(tampered('689', 'phone4g_done', 1882, { phone4g_target: 2716 }))).toContain('phone4g: tied rates');
    // A district pushed over 100% for simcks.
    expect(noticeDiscrepancies(tampered('698', 'simcks_done', 44725)).join('\n')).toMatch(/simcks: 8 districts below 100%/);
    // Missing a district.
    expect(noticeDiscrepancies(BINH_PHUOC_DISTRICTS.slice(1)).join('\n')).toMatch(/are not/);
  });
});

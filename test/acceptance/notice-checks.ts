import { formatPercentVi } from '../../src/core/format/format-number-vi';
import { FORM_4PHU_2024 } from '../../src/core/forms/form-4phu-2024';
import type { WorkbookGrid } from '../../src/core/grid/sheet-grid';
import { competitionRank } from '../../src/core/indicators/competition-rank';
import { BINH_PHUOC_DISTRICTS, DISTRICT_COLUMNS } from '../../src/sample/binh-phuoc-districts';
import { CCCD_REASONS_BY_CODE, DDT_REASONS_BY_CODE, INDICATOR_KEYS, NOTICE_DISTRICT_QUOTES, NOTICE_LOWEST, NOTICE_TOTALS, quoteFragment, REASON_CODES } from '../../src/sample/binh-phuoc-notice';
import { infoValues, keyedTable, paragraphs } from './workbook-sheets';

/** The notice's province rates, two decimals as PHU writes them (the notice rounds its own way: 55%, 46%, 101,7%, 67,2%). */
export const NOTICE_RATES_2DP = { cccd: '55,14%', ddt: '46,00%', phone4g: '101,70%', simcks: '67,23%' } as const;

/** The total sentences' fragments, straight from the notice (with PHU's two decimals). */
export const NOTICE_TOTAL_FRAGMENTS: readonly string[] = [
  'đã thu nhận hồ sơ cấp CCCD được 10.963/19.883 trường hợp (chiếm 55,14%)',
  'xử lý dữ liệu với 6.439/19.883 trường hợp (chiếm 32,38%)',
  '2.481/19.883 trường hợp công dân chưa có nhu cầu cấp căn cước (chiếm 12,48%)',
  'đã hướng dẫn kích hoạt tài khoản được 164.232/357.048 trường hợp (chiếm 46,00%)',
  'xử lý dữ liệu với 102.039/357.048 trường hợp (chiếm 28,58%)',
  '90.777/357.048 trường hợp công dân chưa có nhu cầu (chiếm 25,42%)',
  'đã trang bị 22.471/22.095 chỉ tiêu được giao, đạt 101,70%',
  'đã thực hiện 251.743/374.443 chỉ tiêu được giao, đạt 67,23%',
];

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/**
 * Checks every figure of the province notice on a province workbook as read
 * from its file: ThongTin, SoLieu (districts in catalogue order from row 4,
 * their figures, rates, ranks and status, the TONG row), LyDo (R01..R15 in
 * rows 3..17, TONG in row 18), NhanXet (the notice's sentences and quotes),
 * KiemTra (no finding) and NguonDuLieu (eleven files used on time).
 */
export function expectNoticeOnProvinceWorkbook(book: WorkbookGrid): void {
  const info = infoValues(book);
  expect(info).toMatchObject({ form: '4PHU-2024', form_version: '1', level: 'tinh', unit_code: '70', unit_name: 'Tỉnh Bình Phước', period: 'TK' });

  // SoLieu: key row 3, districts from row 4, TONG right after.
  const so = keyedTable(book, 'SoLieu', 3, 'unit_code');
  expect(so.rows.map((r) => r.row + 1)).toEqual(BINH_PHUOC_DISTRICTS.map((_, i) => 4 + i));
  expect(so.rows.map((r) => String(so.get(r.cells, 'unit_code')))).toEqual(BINH_PHUOC_DISTRICTS.map((d) => d.code));
  expect(so.total?.row).toBe(3 + BINH_PHUOC_DISTRICTS.length);
  BINH_PHUOC_DISTRICTS.forEach((d, i) => {
    const cells = so.rows[i]?.cells ?? [];
    for (const key of DISTRICT_COLUMNS) expect([d.shortName, key, so.get(cells, key)]).toEqual([d.shortName, key, d.figures.values[key]]);
    expect(so.get(cells, 'status')).toBe('Đúng hạn');
  });
  const total = so.total?.cells ?? [];
  for (const ind of INDICATOR_KEYS) {
    const t = NOTICE_TOTALS[ind];
    expect([ind, so.get(total, `${ind}_done`), so.get(total, `${ind}_target`)]).toEqual([ind, t.done, t.target]);
    if (t.processed !== undefined) expect(so.get(total, `${ind}_processed`)).toBe(t.processed);
    if (t.declined !== undefined) expect(so.get(total, `${ind}_declined`)).toBe(t.declined);
    const totalRate = num(so.get(total, `${ind}_rate`));
    expect(totalRate).toBeCloseTo(t.done / t.target, 12);
    expect(formatPercentVi(totalRate ?? NaN)).toBe(NOTICE_RATES_2DP[ind]);
    expect(so.get(total, `${ind}_rank`)).toBeNull();

    // Rates stored as numbers, ranks as competition ranks over the eleven.
    const rates = so.rows.map((r) => num(so.get(r.cells, `${ind}_rate`)));
    BINH_PHUOC_DISTRICTS.forEach((d, i) => expect(rates[i]).toBeCloseTo((d.figures.values[`${ind}_done`] ?? 0) / (d.figures.values[`${ind}_target`] ?? 1), 12));
    const ranks = so.rows.map((r) => so.get(r.cells, `${ind}_rank`));
    expect(ranks).toEqual(competitionRank(rates));
    const rankOf = (code: string): unknown => ranks[BINH_PHUOC_DISTRICTS.findIndex((d) => d.code === code)];
    const high = NOTICE_DISTRICT_QUOTES.filter((q) => q.indicator === ind && q.list === 'high');
    high.forEach((q, k) => expect([ind, q.shortName, rankOf(q.unitCode)]).toEqual([ind, q.shortName, k + 1]));
    const low = NOTICE_DISTRICT_QUOTES.filter((q) => q.indicator === ind && q.list === 'low');
    const n = BINH_PHUOC_DISTRICTS.length;
    expect(low.map((q) => rankOf(q.unitCode)).sort()).toEqual(low.map((_, k) => n - k).sort());
    expect(rankOf(NOTICE_LOWEST[ind])).toBe(n);
  }
  // "09/11 đơn vị còn lại" below 100% for simcks.
  expect(so.rows.filter((r) => (num(so.get(r.cells, 'simcks_rate')) ?? 0) < 1)).toHaveLength(9);

  // LyDo: key row 2, R01..R15 in rows 3..17, TONG in row 18.
  const ly = keyedTable(book, 'LyDo', 2, 'reason_code');
  expect(ly.rows.map((r) => [r.row + 1, ly.get(r.cells, 'reason_code')])).toEqual(REASON_CODES.map((c, i) => [3 + i, c]));
  expect(ly.total?.row).toBe(17);
  ly.rows.forEach((r) => {
    const code = String(ly.get(r.cells, 'reason_code'));
    const cccd = ly.get(r.cells, 'cccd');
    expect([code, code === 'R15' ? cccd : num(cccd) ?? 0]).toEqual([code, code === 'R15' ? null : CCCD_REASONS_BY_CODE[code]]);
    expect([code, ly.get(r.cells, 'ddt')]).toEqual([code, DDT_REASONS_BY_CODE[code]]);
  });
  expect([ly.get(ly.total?.cells ?? [], 'cccd'), ly.get(ly.total?.cells ?? [], 'ddt')]).toEqual([6439, 102039]);
  // The merged reason of the notice's footnote 1, "(9) chết, xóa khẩu ... quá 12 tháng: 687".
  const r09 = num(ly.get(ly.rows[8]?.cells ?? [], 'cccd')) ?? 0;
  const r10 = num(ly.get(ly.rows[9]?.cells ?? [], 'cccd')) ?? 0;
  expect(r09 + r10).toBe(687);

  // NhanXet: the notice's sentences.
  const text = paragraphs(book, 'NhanXet');
  const all = text.join('\n');
  for (const f of NOTICE_TOTAL_FRAGMENTS) expect(all).toContain(f);
  const indicators = FORM_4PHU_2024.indicators;
  for (const ind of indicators) {
    const key = ind.key as (typeof INDICATOR_KEYS)[number];
    const at = text.findIndex((p) => p.startsWith(ind.narrative.total.slice(0, 30)));
    expect([key, at]).not.toEqual([key, -1]);
    const lists = text[at + 1] ?? '';
    const highPrefix = ind.narrative.high.split('{units}')[0] ?? '';
    const lowPrefix = ind.narrative.low.split('{units}')[0] ?? '';
    const highPart = lists.slice(lists.indexOf(highPrefix), lists.indexOf(lowPrefix));
    const lowPart = lists.slice(lists.indexOf(lowPrefix));
    expect(highPart.startsWith(highPrefix)).toBe(true);
    const quotes = NOTICE_DISTRICT_QUOTES.filter((q) => q.indicator === key);
    // The best are named first, in the notice's order.
    const high = quotes.filter((q) => q.list === 'high').map(quoteFragment);
    expect(highPart).toContain(`${highPrefix}${high.join(', ')}`);
    for (const q of quotes.filter((x) => x.list === 'low')) expect([key, lowPart]).toEqual([key, expect.stringContaining(quoteFragment(q))]);
    // The lowest comes last.
    const lowest = quotes.find((q) => q.unitCode === NOTICE_LOWEST[key]);
    expect(lowPart.endsWith(`${quoteFragment(lowest ?? quotes[0]!)}.`)).toBe(true);
  }
  expect(all).toContain('Phước Long (579/837 đạt 69,18%)');
  expect(all).toContain('Bù Đăng (2.258/1.182 đạt 191,03%)');
  expect(text.at(-1)).toBe('Tình hình gửi báo cáo: 11/11 đơn vị đã gửi báo cáo đúng hạn.');

  // KiemTra: nothing to report; NguonDuLieu: the eleven district files, used.
  const kt = keyedTable(book, 'KiemTra', 1, 'file');
  expect(kt.rows.map((r) => r.cells.join(' | '))).toEqual([]);
  const src = keyedTable(book, 'NguonDuLieu', 1, 'file');
  expect(src.rows).toHaveLength(11);
  for (const r of src.rows) {
    expect(src.get(r.cells, 'status')).toBe('Đúng hạn');
    expect(String(src.get(r.cells, 'sha256'))).toMatch(/^[0-9a-f]{64}$/);
    expect(num(src.get(r.cells, 'bytes'))).toBeGreaterThan(0);
  }
}

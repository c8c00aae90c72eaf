import { formatNumberVi, formatPercentVi } from '../core/format/format-number-vi';

/**
 * The figures of the Bình Phước province notice on the 90-day "4 phủ" push
 * (04/4/2024 to 03/7/2024, `shared/seeds/000_*.txt`), as data: what the
 * sample province reproduces and what the acceptance test checks on the
 * consolidated province workbook. Only figures: no person is named here.
 */

/** The four indicators of form 4PHU-2024. */
export type IndicatorKey = 'cccd' | 'ddt' | 'phone4g' | 'simcks';

/** The indicators in the order of the form and of the notice. */
export const INDICATOR_KEYS: readonly IndicatorKey[] = ['cccd', 'ddt', 'phone4g', 'simcks'];

/** Statistics office code of Bình Phước. */
export const BINH_PHUOC_CODE = '70';

/** The notice reports the whole campaign: the form's closing period. */
export const NOTICE_PERIOD = 'TK';

/** An indicator's province total as the notice states it. */
export interface NoticeTotal {
  readonly done: number;
  readonly target: number;
  /** "xử lý dữ liệu" (cccd and ddt only). */
  readonly processed?: number;
  /** "chưa có nhu cầu" (cccd and ddt only). */
  readonly declined?: number;
  /** The rate as the notice prints it (rounded its own way: `55%`, `101,7%`). */
  readonly rateInNotice: string;
}

/** Province totals, section II.2 of the notice. */
export const NOTICE_TOTALS: Readonly<Record<IndicatorKey, NoticeTotal>> = {
  cccd: { done: 10963, target: 19883, processed: 6439, declined: 2481, rateInNotice: '55%' },
  ddt: { done: 164232, target: 357048, processed: 102039, declined: 90777, rateInNotice: '46%' },
  phone4g: { done: 22471, target: 22095, rateInNotice: '101,7%' },
  simcks: { done: 251743, target: 374443, rateInNotice: '67,2%' },
};

/** One reason of a footnote, as the notice numbers and words it, and the form codes it maps to. */
export interface NoticeReason {
  /** The notice's own number, `(1)`..`(15)`. */
  readonly order: number;
  readonly label: string;
  readonly count: number;
  /** Form 4PHU-2024 `LyDo` codes (two when the notice merges them). */
  readonly codes: readonly string[];
}

/** Footnote 1: the 13 reasons behind the 6.439 CCCD cases of "xử lý dữ liệu". */
export const NOTICE_CCCD_REASONS: readonly NoticeReason[] = [
  { order: 1, label: 'vắng mặt không rõ nơi đến', count: 2270, codes: ['R01'] },
  { order: 2, label: 'vắng mặt tại địa phương rõ nơi đến', count: 465, codes: ['R02'] },
  { order: 3, label: 'đi nước ngoài', count: 242, codes: ['R03'] },
  { order: 4, label: 'chấp hành án, cai nghiện bắt buộc', count: 516, codes: ['R04'] },
  { order: 5, label: 'hủy số định danh cá nhân', count: 53, codes: ['R05'] },
  { order: 6, label: 'tâm thần', count: 132, codes: ['R06'] },
  { order: 7, label: 'bệnh nặng đang chữa trị tại các bệnh viện', count: 79, codes: ['R07'] },
  { order: 8, label: 'xóa trùng dữ liệu', count: 594, codes: ['R08'] },
  { order: 9, label: 'chết, xóa khẩu do vắng mặt tại địa phương quá 12 tháng', count: 687, codes: ['R09', 'R10'] },
  { order: 10, label: 'chuyển khẩu đi tỉnh khác', count: 28, codes: ['R11'] },
  { order: 11, label: 'thông tin không đồng nhất', count: 112, codes: ['R12'] },
  { order: 12, label: 'xóa trùng sinh trắc học', count: 13, codes: ['R13'] },
  { order: 13, label: 'già yếu', count: 1248, codes: ['R14'] },
];

/** Footnote 2: the 15 reasons behind the 102.039 ĐDĐT cases, in the notice's (not the form's) order. */
export const NOTICE_DDT_REASONS: readonly NoticeReason[] = [
  { order: 1, label: 'vắng mặt không rõ nơi đến', count: 4260, codes: ['R01'] },
  { order: 2, label: 'vắng mặt tại địa phương rõ nơi đến', count: 17976, codes: ['R02'] },
  { order: 3, label: 'chưa có điện thoại thông minh, sim chính chủ', count: 59100, codes: ['R15'] },
  { order: 4, label: 'chết', count: 794, codes: ['R09'] },
  { order: 5, label: 'chấp hành án, cai nghiện bắt buộc', count: 1026, codes: ['R04'] },
  { order: 6, label: 'hủy số định danh cá nhân', count: 78, codes: ['R05'] },
  { order: 7, label: 'xóa trùng dữ liệu', count: 1030, codes: ['R08'] },
  { order: 8, label: 'xóa trùng sinh trắc', count: 23, codes: ['R13'] },
  { order: 9, label: 'chuyển khẩu đi tỉnh khác', count: 525, codes: ['R11'] },
  { order: 10, label: 'đi nước ngoài', count: 810, codes: ['R03'] },
  { order: 11, label: 'tâm thần', count: 436, codes: ['R06'] },
  { order: 12, label: 'xóa khẩu do vắng mặt tại địa phương quá 12 tháng', count: 861, codes: ['R10'] },
  { order: 13, label: 'thông tin không đồng nhất', count: 141, codes: ['R12'] },
  { order: 14, label: 'già yếu', count: 14448, codes: ['R14'] },
  { order: 15, label: 'bệnh nặng đang chữa trị tại các bệnh viện trên toàn quốc', count: 531, codes: ['R07'] },
];

/** The form's reason codes in `LyDo` order. */
export const REASON_CODES: readonly string[] = ['R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'R07', 'R08', 'R09', 'R10', 'R11', 'R12', 'R13', 'R14', 'R15'];

/**
 * How the notice's merged CCCD reason "(9) chết, xóa khẩu do vắng mặt tại
 * địa phương quá 12 tháng: 687" is split over the form's two rows. The
 * notice gives only the sum; the form keeps deaths (R09) and removals after
 * 12 months of absence (R10) apart, as the ĐDĐT footnote does (794 / 861).
 * 402 + 285 = 687; any split keeps every total of the notice.
 */
export const CCCD_MERGED_SPLIT: Readonly<Record<'R09' | 'R10', number>> = { R09: 402, R10: 285 };

function byCode(reasons: readonly NoticeReason[], split: Readonly<Record<string, number>> = {}): Readonly<Record<string, number>> {
  const out: Record<string, number> = Object.fromEntries(REASON_CODES.map((c) => [c, 0]));
  for (const r of reasons) {
    if (r.codes.length === 1) out[r.codes[0] as string] = r.count;
    else for (const c of r.codes) out[c] = split[c] ?? 0;
  }
  return out;
}

/** Province CCCD reasons by form code R01..R15 (R15 does not apply to CCCD: 0). */
export const CCCD_REASONS_BY_CODE: Readonly<Record<string, number>> = byCode(NOTICE_CCCD_REASONS, CCCD_MERGED_SPLIT);

/** Province ĐDĐT reasons by form code R01..R15. */
export const DDT_REASONS_BY_CODE: Readonly<Record<string, number>> = byCode(NOTICE_DDT_REASONS);

/** A district figure the notice quotes in a "high" or "low" list. */
export interface NoticeDistrictQuote {
  readonly indicator: IndicatorKey;
  readonly list: 'high' | 'low';
  /** Statistics office code of the district. */
  readonly unitCode: string;
  /** The name as the notice writes it. */
  readonly shortName: string;
  readonly done: number;
  readonly target: number;
  /** The rate as printed in the notice (`101,2%`: the notice drops a trailing zero once). */
  readonly rateInNotice: string;
}

const q = (indicator: IndicatorKey, list: 'high' | 'low', unitCode: string, shortName: string, done: number, target: number, rateInNotice: string): NoticeDistrictQuote => ({ indicator, list, unitCode, shortName, done, target, rateInNotice });

/** Every district figure of the notice, in the notice's order. */
export const NOTICE_DISTRICT_QUOTES: readonly NoticeDistrictQuote[] = [
  q('cccd', 'high', '688', 'Phước Long', 579, 837, '69,18%'),
  q('cccd', 'high', '695', 'Đồng Phú', 1187, 1857, '63,92%'),
  q('cccd', 'low', '690', 'Bình Long', 464, 1301, '35,66%'),
  q('cccd', 'low', '693', 'Bù Đốp', 493, 1017, '48,48%'),
  q('ddt', 'high', '697', 'Chơn Thành', 12664, 20828, '60,80%'),
  q('ddt', 'high', '692', 'Lộc Ninh', 23787, 44575, '53,36%'),
  q('ddt', 'low', '688', 'Phước Long', 7263, 19711, '36,85%'),
  q('ddt', 'low', '693', 'Bù Đốp', 4759, 19050, '24,98%'),
  q('phone4g', 'high', '696', 'Bù Đăng', 2258, 1182, '191,03%'),
  q('phone4g', 'high', '694', 'Hớn Quản', 2057, 1533, '134,18%'),
  q('phone4g', 'high', '691', 'Bù Gia Mập', 2707, 2343, '115,54%'),
  q('phone4g', 'high', '692', 'Lộc Ninh', 3433, 2979, '115,24%'),
  q('phone4g', 'low', '688', 'Phước Long', 1882, 2716, '69,29%'),
  q('phone4g', 'low', '693', 'Bù Đốp', 892, 1424, '62,64%'),
  q('phone4g', 'low', '690', 'Bình Long', 807, 1922, '41,99%'),
  q('simcks', 'high', '695', 'Đồng Phú', 43157, 40006, '107,88%'),
  q('simcks', 'high', '692', 'Lộc Ninh', 38287, 37832, '101,2%'),
  q('simcks', 'low', '690', 'Bình Long', 8466, 23920, '35,39%'),
];

/** The unit the notice calls the lowest of each indicator. */
export const NOTICE_LOWEST: Readonly<Record<IndicatorKey, string>> = { cccd: '690', ddt: '693', phone4g: '690', simcks: '690' };

/** "09/11 đơn vị còn lại" below 100% for simcks. */
export const NOTICE_SIMCKS_BELOW_TARGET = 9;

/**
 * A quote as PHU's narrative writes it, two decimals always:
 * `Phước Long (579/837 đạt 69,18%)`, `Lộc Ninh (38.287/37.832 đạt 101,20%)`.
 */
export function quoteFragment(quote: Pick<NoticeDistrictQuote, 'shortName' | 'done' | 'target'>): string {
  return `${quote.shortName} (${formatNumberVi(quote.done)}/${formatNumberVi(quote.target)} đạt ${formatPercentVi(quote.done / quote.target)})`;
}

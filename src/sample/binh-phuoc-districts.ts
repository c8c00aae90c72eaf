import { REASON_CODES } from './binh-phuoc-notice';
import { sumFigures, type UnitFigures } from './unit-figures';

/**
 * Figures for all 11 districts of Bình Phước at the end of the campaign
 * (period TK), chosen so that consolidating them gives back the province
 * notice exactly:
 *
 * - every district figure the notice quotes is here unchanged;
 * - the columns sum to the notice's province totals, and the reasons to its
 *   two footnotes (CCCD R09/R10 split as `CCCD_MERGED_SPLIT` says);
 * - ranked by done/target, the notice's named units are exactly the top and
 *   bottom of each indicator, in its order, and every other district lies
 *   strictly between them with no tie (simcks: 9 of 11 below 100%);
 * - for cccd and ddt, done + processed + declined = target in every
 *   district, and each district's reasons sum to its `processed`.
 *
 * The unquoted figures (targets of the districts the notice does not name,
 * processed/declined splits, reasons by district) are invented but
 * plausible: larger districts get larger targets.
 */

type Row = readonly [code: string, shortName: string, ...figures: number[]];

/** Column order of `ROWS` after code and name. */
export const DISTRICT_COLUMNS: readonly string[] = [
  'cccd_target', 'cccd_done', 'cccd_processed', 'cccd_declined',
  'ddt_target', 'ddt_done', 'ddt_processed', 'ddt_declined',
  'phone4g_target', 'phone4g_done',
  'simcks_target', 'simcks_done',
];

const ROWS: readonly Row[] = [
  //  code   name           cccd: target done proc decl   ddt: target  done   proc  decl   4G: target done  sim: target done
  ['688', 'Phước Long',   837,  579,  190,  68,  19711,  7263,  6846,  5602,  2716, 1882,  22150, 11583],
  ['689', 'Đồng Xoài',    2145, 1251, 605,  289, 38420,  19617, 9590,  9213,  2310, 2440,  41380, 29214],
  ['690', 'Bình Long',    1301, 464,  640,  197, 22410,  9871,  7022,  5517,  1922, 807,   23920, 8466],
  ['691', 'Bù Gia Mập',   2060, 1079, 727,  254, 30150,  12398, 9586,  8166,  2343, 2707,  31240, 17305],
  ['692', 'Lộc Ninh',     2654, 1489, 837,  328, 44575,  23787, 10810, 9978,  2979, 3433,  37832, 38287],
  ['693', 'Bù Đốp',       1017, 493,  391,  133, 19050,  4759,  8146,  6145,  1424, 892,   19870, 8062],
  ['694', 'Hớn Quản',     2118, 1139, 695,  284, 35760,  16752, 10074, 8934,  1533, 2057,  34560, 22341],
  ['695', 'Đồng Phú',     1857, 1187, 470,  200, 36905,  18311, 9310,  9284,  2045, 2290,  40006, 43157],
  ['696', 'Bù Đăng',      3012, 1547, 1082, 383, 52318,  20377, 17088, 14853, 1182, 2258,  49120, 23896],
  ['697', 'Chơn Thành',   1320, 812,  345,  163, 20828,  12664, 4000,  4164,  1486, 1456,  29640, 23281],
  ['698', 'Phú Riềng',    1562, 923,  457,  182, 36921,  18433, 9567,  8921,  2155, 2249,  44725, 26151],
];

/** Reasons by district, R01..R15 in form order (CCCD R15 is not applicable: 0, written blank). */
const REASONS: Readonly<Record<string, { readonly cccd: readonly number[]; readonly ddt: readonly number[] }>> = {
  '688': { cccd: [70, 11, 7, 19, 2, 4, 2, 20, 13, 10, 1, 3, 0, 28, 0], ddt: [322, 1029, 51, 65, 4, 34, 31, 47, 54, 52, 26, 7, 1, 717, 4406] },
  '689': { cccd: [189, 38, 28, 62, 6, 10, 8, 67, 36, 24, 3, 14, 2, 118, 0], ddt: [374, 1602, 58, 67, 6, 43, 37, 63, 77, 62, 54, 10, 2, 1214, 5921] },
  '690': { cccd: [266, 37, 18, 43, 5, 13, 10, 55, 45, 23, 3, 13, 1, 108, 0], ddt: [292, 1680, 59, 102, 6, 35, 50, 90, 71, 80, 37, 9, 2, 864, 3645] },
  '691': { cccd: [287, 58, 20, 56, 4, 16, 7, 69, 36, 29, 3, 10, 2, 130, 0], ddt: [409, 1677, 74, 111, 8, 43, 47, 100, 71, 88, 45, 18, 3, 1563, 5329] },
  '692': { cccd: [260, 53, 39, 50, 7, 16, 10, 67, 67, 41, 4, 18, 2, 203, 0], ddt: [504, 1477, 59, 92, 7, 51, 67, 75, 71, 77, 42, 17, 2, 1836, 6433] },
  '693': { cccd: [137, 29, 14, 35, 3, 8, 6, 29, 23, 22, 1, 4, 1, 79, 0], ddt: [404, 1627, 66, 86, 8, 27, 46, 92, 64, 69, 32, 13, 2, 781, 4829] },
  '694': { cccd: [248, 52, 20, 58, 6, 13, 6, 59, 40, 33, 3, 11, 1, 145, 0], ddt: [296, 1842, 88, 111, 7, 43, 36, 76, 56, 94, 59, 10, 2, 1577, 5777] },
  '695': { cccd: [144, 38, 24, 36, 5, 9, 7, 45, 28, 15, 2, 9, 1, 107, 0], ddt: [468, 1994, 73, 119, 10, 47, 46, 97, 63, 72, 53, 14, 2, 1110, 5142] },
  '696': { cccd: [409, 105, 37, 64, 7, 25, 15, 118, 73, 51, 5, 22, 2, 149, 0], ddt: [721, 3536, 129, 112, 11, 74, 96, 238, 157, 116, 118, 23, 4, 2904, 8849] },
  '697': { cccd: [102, 23, 16, 39, 4, 8, 4, 26, 17, 13, 1, 5, 1, 86, 0], ddt: [108, 476, 47, 56, 3, 9, 29, 54, 39, 38, 14, 7, 1, 536, 2583] },
  '698': { cccd: [158, 21, 19, 54, 4, 10, 4, 39, 24, 24, 2, 3, 0, 95, 0], ddt: [362, 1036, 106, 105, 8, 30, 46, 98, 71, 113, 45, 13, 2, 1346, 6186] },
};

/** One district of the sample province. */
export interface SampleDistrict {
  /** Statistics office code (688..698). */
  readonly code: string;
  /** Name without its type prefix, as the notice writes it. */
  readonly shortName: string;
  readonly figures: UnitFigures;
}

function toDistrict(row: Row): SampleDistrict {
  const [code, shortName, ...nums] = row;
  const values = Object.fromEntries(DISTRICT_COLUMNS.map((k, i) => [k, nums[i] ?? 0]));
  const r = REASONS[code];
  const lyDo = Object.fromEntries(REASON_CODES.map((c, i) => [c, { cccd: r?.cccd[i] ?? 0, ddt: r?.ddt[i] ?? 0 }]));
  return { code, shortName, figures: { values, items: { LyDo: lyDo } } };
}

/** The 11 districts of Bình Phước, in catalogue order, with figures that reproduce the notice. */
export const BINH_PHUOC_DISTRICTS: readonly SampleDistrict[] = ROWS.map(toDistrict);

/** District code -> figures, as `generateProvince` takes fixed figures. */
export function binhPhuocDistrictFigures(): ReadonlyMap<string, UnitFigures> {
  return new Map(BINH_PHUOC_DISTRICTS.map((d) => [d.code, d.figures]));
}

/** The province's figures: the sum of its districts (equal to the notice's totals). */
export function binhPhuocProvinceFigures(): UnitFigures {
  return sumFigures(BINH_PHUOC_DISTRICTS.map((d) => d.figures));
}

import { computeTable } from '../compute/compute-table';
import { formatNumberVi, formatPercentVi } from '../format/format-number-vi';
import type { Scalar } from '../grid/scalar';
import type { WorkbookGrid } from '../grid/sheet-grid';
import { renderSubmission } from '../render/render-submission';
import type { SubmissionData } from '../submission/submission-data';
import { nationalRegistry } from '../units/national-registry';
import { getCell, setCell } from '../../../test/support/submission-fixtures';
import { validateSubmission } from '../validate/validate-submission';
import type { ValidationResult } from '../validate/validation-context';
import { findForm } from './form-catalog';
import { FORM_DVC25_2023 } from './form-dvc25-2023';

const form = FORM_DVC25_2023;
const registry = nationalRegistry();
const where = (r: ValidationResult): string[] => r.findings.map((f) => `${f.code} ${f.severity} ${f.sheet ?? ''}!${f.cell ?? ''}`);

/** ThongTin of Thị xã Bình Long (690, Bình Phước) for the nine months of 2023, dated as its report 415. */
const info: SubmissionData['info'] = {
  form: 'DVC25-2023',
  form_version: '1',
  level: 'huyen',
  unit_code: '690',
  unit_name: 'Thị xã Bình Long',
  parent_code: '70',
  period: '9T',
  period_from: '2023-01-01',
  period_to: '2023-09-30',
  report_date: '2023-10-12',
};

type Row = readonly [no: string | null, name: string, connected: Scalar, total: Scalar, online: Scalar, rate: Scalar, onTime: Scalar, overdue: Scalar, difficulties: Scalar];

/**
 * Appendix 02 of the Bình Long report (415/BC-TCTTKĐA, 12/10/2023) typed
 * in as the report prints it, column for column, its rounded rates
 * included (`100%` is typed as 1). Names are the report's own spellings.
 * Only the total row's code is PHU's (`TONG`): the report leaves it blank.
 */
const SEED: readonly Row[] = [
  ['1', 'Xác nhận số Chứng minh nhân dân khi đã được cấp thẻ Căn cước công dân', 'Đã kết nối', 6, 6, 1, 6, 0, null],
  ['2', 'Cấp lại, đổi thẻ căn cước công dân', 'Đã kết nối', 2023, 78, 0.04, 78, 0, null],
  ['3', 'Đăng ký thường trú', 'Đã kết nối', 5480, 3362, 0.61, 3362, 0, null],
  ['4', 'Đăng ký tạm trú', 'Đã kết nối', 444, 417, 0.94, 417, 0, null],
  ['5', 'Khai báo tạm vắng', 'Đã kết nối', 6, 0, 0, 0, 0, null],
  ['6', 'Thông báo lưu trú', 'Đã kết nối', 1755, 1755, 1, 1755, 0, null],
  ['7', 'Đăng ký, cấp biển số mô tô, xe gắn máy', 'Đã kết nối', 1706, 1700, 1, 1700, 0, null],
  ['8', 'Thu tiền nộp phạt xử lý vi phạm hành chính trong lĩnh vực giao thông đường bộ qua thiết bị ghi hình (phạt nguội)', 'Đã kết nối', 0, 0, 0, 0, 0, null],
  ['9', 'Đăng ký khai sinh', 'Đã kết nối', 566, 566, 1, 566, 0, null],
  ['10', 'Đăng ký khai tử', 'Đã kết nối', 237, 237, 1, 237, 0, null],
  ['11', 'Đăng ký kết hôn', 'Đã kết nối', 360, 360, 1, 360, 0, null],
  ['12', 'Cấp, cấp lại, sửa đổi, bổ sung hộ chiếu phổ thông', null, null, null, null, null, null, 'Cấp tỉnh'],
  ['13', 'Thủ tục làm con dấu mới và cấp Giấy chứng nhận đã đăng ký mẫu dấu', null, null, null, null, null, null, 'Cấp tỉnh'],
  ['14', 'Thủ tục làm con dấu thu nhỏ, dấu nỗi, dấu xi và cấp Giấy chứng nhận đã đăng ký mẫu con dấu', null, null, null, null, null, null, 'Cấp tỉnh'],
  ['15', 'Liên thông đăng ký khai sinh đăng ký thường trú - cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi', 'Đã kết nối', 52, 52, 1, 52, 0, null],
  ['16', 'Liên thông đăng ký khai tử - Xóa đăng ký thường trú - Trợ cấp mai tang phí', 'Đã kết nối', 15, 15, 1, 15, 0, null],
  ['17', 'Tích hợp tính giảm trừ mức đóng trong gia hạn thẻ bảo hiểm y tế theo hộ gia đình', 'Đã kết nối', 0, null, 0, 0, null, null],
  ['18', 'Đăng ký thuế lần đầu, đăng ký thay đổi thông tin đăng ký thuế đối với người nộp thuế là hộ gia đình, cá nhân', 'Đã kết nối', 0, null, 0, null, null, null],
  [
    '19',
    'Đăng ký biến động về quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do thay đổi thông tin về người được cấp Giấy chứng nhận (đổi tên hoặc giấy tờ pháp nhân, giấy tờ nhân thân, địa chỉ).',
    'Đã kết nối',
    5149,
    2764,
    0.54,
    2673,
    91,
    null,
  ],
  ['20', 'Cấp đổi, cấp lại giấy phép lái xe', null, null, null, null, null, null, null],
  ['21', 'Đăng ký dự thi tốt nghiệp THPT quốc gia và xét tuyển đại học, cao đẳng', 0, null, null, 0, null, null, 'Cấp tỉnh'],
  ['22', 'Cấp phiếu lý lịch tư pháp', null, null, null, null, null, null, 'Cấp tỉnh'],
  ['23', 'Giải quyết hưởng trợ cấp thất nghiệp', 'Đã kết nối', null, null, 0, null, null, null],
  ['24', 'Cấp điện mới từ lưới điện hạ áp (220/380V) (Thí điểm cơ chế kết nối, chia sẻ dữ liệu trong dịch vụ cung cấp điện)', 'Đã kết nối', 464, 464, 1, 464, 0, null],
  ['25', 'Thay đổi chủ thẻ hợp đồng mua bán điện (Thí điểm cơ chế kết nối, chia sẻ dữ liệu trong dịch vụ cung cấp điện)', 'Đã kết nối', 118, 118, 1, 118, 0, null],
  ['TONG', 'Tổng', null, 18381, 11894, 0.65, 11803, 91, null],
];

/** The appendix's sheet in its own column order (the rate between online and on time), keys in row 3. */
function seedBook(): WorkbookGrid {
  const thongTin = renderSubmission(form, { info, tables: {} }).sheets[0];
  if (!thongTin) throw new Error('no ThongTin');
  const groups: Scalar[] = [null, null, null, 'Tổng số hồ sơ (bao gồm cả trực tiếp và trực tuyến)', null, null, 'Tình hình xử lý hồ sơ trực tuyến', null, null];
  const labels: Scalar[] = ['STT', 'Dịch vụ công trực tuyến', 'Kết nối với Cổng DVC quốc gia (đã kết nối, chưa kết nối)', 'Tổng hồ sơ', 'Trực tuyến', 'Tỷ lệ', 'Đúng hạn', 'Quá hạn', 'Khó khăn, vướng mắc'];
  const keys: Scalar[] = ['service_no', 'service_name', 'connected', 'total', 'online', 'online_rate', 'on_time', 'overdue', 'difficulties'];
  const rows = SEED.map((r): Scalar[] => [r[0] === null ? null : /^\d+$/.test(r[0]) ? Number(r[0]) : r[0], ...r.slice(1)]);
  return { sheets: [{ name: thongTin.name, rows: thongTin.rows }, { name: 'DVC25', rows: [groups, labels, keys, ...rows] }] };
}

describe('Form DVC25-2023: the seed appendix typed in', () => {
  const book = seedBook();
  const r = validateSubmission(book, { form, registry, file: 'binh-long-pl02.xlsx', expect: { period: '9T', level: 'huyen' } });
  const table = r.submission.tables['DVC25'];

  it("reads the appendix's totals: 18.381 records, 11.894 online, 64,71%", () => {
    const total = table?.total?.values ?? {};
    expect(formatNumberVi(total['total'] ?? Number.NaN)).toBe('18.381');
    expect(formatNumberVi(total['online'] ?? Number.NaN)).toBe('11.894');
    expect(total['on_time']).toBe(11803);
    expect(total['overdue']).toBe(91);
    const computed = table ? computeTable(form, table) : {};
    expect(formatPercentVi(computed['TONG']?.['online_rate'] ?? Number.NaN)).toBe('64,71%');
    expect(table?.rows.map((x) => x.code)).toEqual(Array.from({ length: 25 }, (_, i) => String(i + 1)));
  });

  it('gives 0/0 and blank services no rate at all, never 0% or 100%', () => {
    const computed = table ? computeTable(form, table) : {};
    for (const no of ['8', '12', '17', '18', '20', '21', '23']) expect(computed[no]?.['online_rate']).toBeNull();
    expect(computed['5']?.['online_rate']).toBe(0);
    expect(computed['7']?.['online_rate']).toBeCloseTo(1700 / 1706, 12);
  });

  it('finds what the appendix gets wrong, and nothing else', () => {
    // Service n is on row n + 3; C connected, F the typed rate.
    expect(where(r)).toEqual([
      'value_not_allowed error DVC25!C24',
      'rate_stated_wrong warning DVC25!F10',
      'rate_without_base warning DVC25!F11',
      'rate_without_base warning DVC25!F20',
      'rate_without_base warning DVC25!F21',
      'rate_without_base warning DVC25!F24',
      'rate_without_base warning DVC25!F26',
    ]);
    expect(r.findings[0]?.params).toEqual({ value: '0', allowed: 'Đã kết nối, Chưa kết nối' });
    expect(r.findings[1]?.message_vi).toBe('Hồ sơ trực tuyến: tỷ lệ ghi 100,00%, nhưng 1.700/1.706 đạt 99,65%: PHU dùng tỷ lệ tính lại.');
    expect(r.findings[2]?.message_vi).toBe('Hồ sơ trực tuyến: tỷ lệ ghi 0,00%, nhưng 0/0 không có tỷ lệ (không có số để chia): hãy để trống, không ghi 0% hay 100%.');
    expect(r.findings[4]?.params).toEqual({ indicator: 'Hồ sơ trực tuyến', stated: '0,00%', done: '–', target: 0 });
    // Rounded rates are not wrong: 4% for 3,86%, 65% for 64,71%.
    expect(r.ok).toBe(false);
  });

  it('accepts the appendix once the connection status of service 21 is fixed', () => {
    const fixed = validateSubmission(setCell(book, 'DVC25', 'C24', null), { form, registry });
    expect(fixed.ok).toBe(true);
    expect(fixed.findings.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('reports online above total and parts that do not add up to online', () => {
    // Service 4: 444 total, 417 online (E7), 417 on time (G7).
    const more = validateSubmission(setCell(setCell(book, 'DVC25', 'C24', null), 'DVC25', 'E7', 445), { form, registry });
    expect(where(more).filter((w) => w.includes('error'))).toEqual(['total_mismatch error DVC25!E29', 'rule_exceeds error DVC25!E7', 'rule_sum_mismatch error DVC25!E7']);
    expect(more.findings.find((f) => f.code === 'rule_exceeds')?.params).toEqual({ left: 'online', right: 'total', leftValue: 445, rightValue: 444 });
    const split = validateSubmission(setCell(setCell(book, 'DVC25', 'C24', null), 'DVC25', 'H22', 90), { form, registry });
    expect(where(split).filter((w) => w.includes('error'))).toEqual(['total_mismatch error DVC25!H29', 'rule_sum_mismatch error DVC25!E22']);
    expect(split.findings.find((f) => f.code === 'rule_sum_mismatch')?.params).toEqual({ parts: 'on_time + overdue', total: 'online', sum: 2763, totalValue: 2764 });
  });
});

describe('Form DVC25-2023: written by PHU', () => {
  const data: SubmissionData = {
    info,
    tables: {
      DVC25: [
        { code: '3', name: '', values: { total: 5480, online: 3362, on_time: 3362, overdue: 0 }, texts: { connected: 'Đã kết nối' } },
        { code: '8', name: '', values: { total: 0, online: 0, on_time: 0, overdue: 0 }, texts: { connected: 'Đã kết nối' } },
        { code: '12', name: '', values: {}, texts: { difficulties: 'Cấp tỉnh' } },
      ],
    },
  };

  it('is in the catalogue', () => {
    expect(findForm('dvc25-2023')).toBe(form);
  });

  it('renders all 25 services in form order with the computed rate, and reads back clean', () => {
    const out = renderSubmission(form, data, { withComputed: true });
    const sheet = out.sheets.find((s) => s.name === 'DVC25');
    expect(sheet?.rows[2]).toEqual(['service_no', 'service_name', 'connected', 'total', 'online', 'on_time', 'overdue', 'difficulties', 'online_rate']);
    expect(sheet?.rows.slice(3, 28).map((x) => x[0])).toEqual(Array.from({ length: 25 }, (_, i) => String(i + 1)));
    expect(sheet?.rows[27]?.[1]).toBe('Thay đổi chủ thể hợp đồng mua bán điện (Thí điểm cơ chế kết nối, chia sẻ dữ liệu trong dịch vụ cung cấp điện)');
    expect(getCell(out, 'DVC25', 'I29')).toBeCloseTo(3362 / 5480, 12);
    const result = validateSubmission(out, { form, registry, expect: { period: '9T' } });
    expect(result.findings).toEqual([]);
    expect(result.submission.tables['DVC25']?.rows[11]?.texts).toEqual({ difficulties: 'Cấp tỉnh' });
  });

  it('renders a template whose every count and text cell is open to typing, the status as a list', () => {
    const out = renderSubmission(form, { info, tables: {} }, { template: true });
    const sheet = out.sheets.find((s) => s.name === 'DVC25');
    expect(sheet?.protect).toBe(true);
    expect(sheet?.inputs).toEqual([3, 4, 5, 6].map((c) => ({ top: 3, left: c, bottom: 27, right: c })));
    expect(sheet?.textInputs).toEqual([
      { range: { top: 3, left: 2, bottom: 27, right: 2 }, values: ['Đã kết nối', 'Chưa kết nối'] },
      { range: { top: 3, left: 7, bottom: 27, right: 7 } },
    ]);
    expect(validateSubmission(out, { form, registry }).findings).toEqual([]);
  });
});

import { FORM_4PHU_2024 } from '../forms/form-4phu-2024';
import type { OutputSheet } from '../grid/output-book';
import type { SubmissionData } from '../submission/submission-data';
import { renderSubmission } from './render-submission';

const form = FORM_4PHU_2024;

const data: SubmissionData = {
  info: {
    form: '4PHU-2024',
    form_version: '1',
    level: 'xa',
    unit_code: '25216',
    unit_name: 'Phường Thác Mơ',
    parent_code: '688',
    period: 'D1',
    period_from: '2024-04-08',
    period_to: '2024-05-08',
    report_date: '2024-05-09',
    preparer: 'Cán bộ tổng hợp',
  },
  tables: {
    SoLieu: [
      { code: 'KP1', name: 'Khu phố 1', values: { cccd_target: 100, cccd_done: 60, cccd_processed: 30, cccd_declined: 10, phone4g_target: 50, phone4g_done: 40 } },
      { code: '', name: 'Khu phố 2', values: { cccd_target: 80, cccd_done: 50, cccd_processed: 20, cccd_declined: 10, phone4g_target: 50, phone4g_done: null } },
    ],
    LyDo: [
      { code: 'R03', name: 'ignored name', values: { cccd: 50, ddt: 1 } },
      { code: 'R15', name: 'x', values: { cccd: 7, ddt: 2 } },
    ],
  },
};

const sheet = (name: string, book = renderSubmission(form, data)): OutputSheet => {
  const s = book.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};

describe('renderSubmission', () => {
  it('writes ThongTin with the header, hidden key column and date cells', () => {
    const s = sheet('ThongTin');
    expect(s.rows[0]).toEqual(['Khóa', 'Nội dung', 'Giá trị']);
    expect(s.rows.map((r) => r[0])).toEqual(['Khóa', ...form.info.keys.map((k) => k.key)]);
    expect(s.columns?.[0]?.hidden).toBe(true);
    expect(s.columns?.[2]?.numFmt).toBe('dd/mm/yyyy');
    const from = s.rows.find((r) => r[0] === 'period_from')?.[2];
    expect(from).toBeInstanceOf(Date);
    expect((from as Date).toISOString()).toBe('2024-04-08T00:00:00.000Z');
    expect(s.rows.find((r) => r[0] === 'phone')?.[2]).toBeNull();
  });

  it('lays out SoLieu: groups merged, labels, hidden keys, numbered rows, one total row', () => {
    const s = sheet('SoLieu');
    expect(s.rows[0]?.slice(0, 8)).toEqual([null, null, null, 'Căn cước công dân', null, null, null, 'Định danh điện tử']);
    expect(s.merges).toContainEqual({ top: 0, left: 3, bottom: 0, right: 6 });
    expect(s.merges).toContainEqual({ top: 0, left: 13, bottom: 0, right: 14 });
    expect(s.rows[1]?.slice(0, 4)).toEqual(['STT', 'Mã đơn vị', 'Đơn vị', 'Chỉ tiêu']);
    expect(s.rows[2]).toEqual(form.tables[0]?.columns.map((c) => c.key));
    expect(s.hiddenRows).toEqual([2]);
    expect(s.rows[3]?.slice(0, 7)).toEqual([1, 'KP1', 'Khu phố 1', 100, 60, 30, 10]);
    expect(s.rows[4]?.slice(0, 3)).toEqual([2, '', 'Khu phố 2']);
    expect(s.rows).toHaveLength(6);
    expect(s.rows[5]?.slice(0, 8)).toEqual([null, 'TONG', 'Tổng cộng', 180, 110, 50, 20, null]);
    expect(s.rows[5]?.[12]).toBe(40);
    expect(s.totalRow).toBe(5);
    expect(s.frozen).toEqual({ rows: 3, columns: 3 });
    expect(s.filter).toEqual({ top: 2, left: 0, bottom: 4, right: 14 });
    expect(s.inputs).toBeUndefined();
    expect(s.protect).toBeUndefined();
  });

  it('lists every reason of LyDo in form order and blanks cells a reason does not apply to', () => {
    const s = sheet('LyDo');
    expect(s.rows[1]).toEqual(['reason_code', 'reason_name', 'cccd', 'ddt']);
    expect(s.rows.slice(2, 17).map((r) => r[0])).toEqual(form.tables[1]?.items?.map((i) => i.code));
    expect(s.rows[4]).toEqual(['R03', 'Đi nước ngoài', 50, 1]);
    expect(s.rows[16]).toEqual(['R15', 'Chưa có điện thoại thông minh, sim chính chủ', null, 2]);
    expect(s.rows[17]).toEqual(['TONG', 'Tổng cộng', 50, 3]);
    expect(s.rows).toHaveLength(18);
  });

  it('writes computed columns after the inputs with their formats, and the total rate', () => {
    const status = form.statusColumn;
    if (!status) throw new Error('form has a status column');
    const book = renderSubmission(
      form,
      { ...data, tables: { ...data.tables, SoLieu: (data.tables['SoLieu'] ?? []).map((r, i) => ({ ...r, computed: { cccd_rate: 0.6, cccd_rank: i + 1, status: 'Đúng hạn' } })) } },
      { withComputed: true, extraComputed: [status] },
    );
    const s = sheet('SoLieu', book);
    const keys = s.rows[2] ?? [];
    expect(keys.slice(15)).toEqual(['cccd_rate', 'cccd_rank', 'ddt_rate', 'ddt_rank', 'phone4g_rate', 'phone4g_rank', 'simcks_rate', 'simcks_rank', 'status']);
    expect(s.columns?.[15]?.numFmt).toBe('0.00%');
    expect(s.rows[3]?.[15]).toBe(0.6);
    expect(s.rows[4]?.[16]).toBe(2);
    expect(s.rows[3]?.[23]).toBe('Đúng hạn');
    expect(s.rows[5]?.[15]).toBeCloseTo(110 / 180);
    expect(s.rows[5]?.[16]).toBeNull();
    expect(s.rateColumns).toEqual([15, 17, 19, 21]);
    expect(s.merges).toContainEqual({ top: 0, left: 15, bottom: 0, right: 16 });
  });

  it('renders a template: count inputs, SUM formulas with results, protection', () => {
    const book = renderSubmission(form, data, { template: true });
    const s = sheet('SoLieu', book);
    expect(s.protect).toBe(true);
    expect(s.formulas).toContainEqual({ row: 5, col: 3, formula: 'SUM(D4:D5)', result: 180 });
    expect(s.formulas).toContainEqual({ row: 5, col: 7, formula: 'SUM(H4:H5)', result: 0 });
    // Targets already assigned are locked; blank ones stay open.
    expect(s.inputs).not.toContainEqual(expect.objectContaining({ left: 3 }));
    expect(s.inputs).toContainEqual({ top: 3, left: 4, bottom: 4, right: 4 });
    expect(s.inputs).toContainEqual({ top: 3, left: 7, bottom: 4, right: 7 });
    const lyDo = sheet('LyDo', book);
    // R15 (row 17) takes no cccd figure: the cccd inputs stop at R14.
    expect(lyDo.inputs).toContainEqual({ top: 2, left: 2, bottom: 15, right: 2 });
    expect(lyDo.inputs).toContainEqual({ top: 2, left: 3, bottom: 16, right: 3 });
    expect(lyDo.formulas).toContainEqual({ row: 17, col: 2, formula: 'SUM(C3:C17)', result: 50 });
  });

  it('uses a given total row as is', () => {
    const book = renderSubmission(form, { ...data, totals: { SoLieu: { code: 'x', name: 'y', values: { cccd_target: 999 } } } });
    expect(sheet('SoLieu', book).rows[5]?.slice(1, 4)).toEqual(['TONG', 'Tổng cộng', 999]);
  });
});

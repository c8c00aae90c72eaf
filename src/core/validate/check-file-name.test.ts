import { checkFileName } from './check-file-name';

describe('checkFileName', () => {
  const info = { unit_code: '25216', unit_name: 'Phường Thác Mơ' };

  it('warns when the leading code names another unit, keeping the ThongTin unit', () => {
    const [f, ...rest] = checkFileName('4PHU-2024/TK/688/25219 Phường Phước Bình.xlsx', info);
    expect(rest).toHaveLength(0);
    expect(f).toMatchObject({ code: 'file_name_mismatch', severity: 'warning', sheet: 'ThongTin', params: { expected: '25216 Phường Thác Mơ', actual: '25219 Phường Phước Bình.xlsx' } });
    expect(f?.message_vi).toContain('đã dùng đơn vị trong ThongTin');
  });

  it('passes the convention, names without a code, and a missing unit code', () => {
    expect(checkFileName('25216 Phường Thác Mơ.xlsx', info)).toEqual([]);
    expect(checkFileName('25216.xlsx', info)).toEqual([]);
    expect(checkFileName('Bao cao Thac Mo.xlsx', info)).toEqual([]);
    expect(checkFileName('25219 x.xlsx', {})).toEqual([]);
  });
});

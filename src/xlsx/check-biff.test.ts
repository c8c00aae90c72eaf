import { biff, label, mulrkRows, record, rk } from '../../test/support/biff-records';
import { checkBiff } from './check-biff';
import { DEFAULT_READ_LIMITS } from './read-limits';

describe('checkBiff', () => {
  it('passes a small workbook stream', () => {
    expect(checkBiff(biff([{ name: 'SoLieu', body: [label(0, 0, 'Ap 1'), rk(0, 1, 120)] }]), DEFAULT_READ_LIMITS)).toBeUndefined();
  });

  it('counts each number of a MULRK record and each blank of a MULBLANK, per sheet', () => {
    const limits = { ...DEFAULT_READ_LIMITS, maxCellsPerSheet: 1000 };
    expect(checkBiff(biff([{ name: 'A', body: mulrkRows(3) }]), limits)).toBeUndefined();
    const over = checkBiff(biff([{ name: 'A', body: mulrkRows(3) }, { name: 'B', body: mulrkRows(4) }]), limits);
    expect([over?.code, over?.sheet, over?.params]).toEqual(['sheet_too_large', 'B', { rows: 4, columns: 256, limit: 1000 }]);
    const blanks = new Uint8Array(6 + 2 * 1001);
    new DataView(blanks.buffer).setUint16(4 + 2 * 1001, 1000, true);
    expect(checkBiff(biff([{ name: 'A', body: [record(0x00be, blanks)] }]), limits)?.code).toBe('sheet_too_large');
  });

  it('sums the cells of every sheet against the workbook budget', () => {
    const limits = { ...DEFAULT_READ_LIMITS, maxCellsPerSheet: 1000, maxCellsPerWorkbook: 1500 };
    const r = checkBiff(biff([{ name: 'A', body: mulrkRows(3) }, { name: 'B', body: mulrkRows(3) }]), limits);
    expect([r?.code, r?.params]).toEqual(['workbook_too_large', { cells: 1536, limit: 1500 }]);
  });

  it('refuses two sheet entries pointing at the same records', () => {
    const r = checkBiff(biff([{ name: 'SoLieu', body: [rk(0, 1, 120)] }], { listed: 2 }), DEFAULT_READ_LIMITS);
    expect(r?.code).toBe('file_corrupt');
    expect(r?.message_vi).toContain('nhiều trang tính cùng trỏ tới dữ liệu');
  });
});

import { uniqueSheetNames } from './unique-sheet-names';

describe('uniqueSheetNames', () => {
  it('keeps valid names and fixes the rest', () => {
    expect(uniqueSheetNames(['SoLieu', 'KiemTra', "'Trích'", 'a[1]*?', 'History', ''])).toEqual(['SoLieu', 'KiemTra', 'Trích', 'a-1---', 'History-1', 'Sheet']);
  });

  it('cuts to 31 characters and makes names unique regardless of case', () => {
    const long = 'Huyện Bù Gia Mập - tổng hợp đợt 1 năm 2024';
    const out = uniqueSheetNames([long, long.toUpperCase(), 'soLieu', 'SOLIEU']);
    expect(out.every((n) => n.length <= 31)).toBe(true);
    expect(out[0]).toBe(long.slice(0, 31));
    expect(out[1]?.endsWith(' (2)')).toBe(true);
    expect(out.slice(2)).toEqual(['soLieu', 'SOLIEU (2)']);
  });
});

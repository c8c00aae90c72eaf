import { message, messageKeys } from './i18n';

describe('pane wording', () => {
  it('has every message in Vietnamese and English, with the same placeholders', () => {
    const holes = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
    for (const key of messageKeys()) {
      const vi = message('vi', key);
      const en = message('en', key);
      expect({ key, vi: vi.length > 0, en: en.length > 0 }).toEqual({ key, vi: true, en: true });
      expect({ key, holes: holes(en) }).toEqual({ key, holes: holes(vi) });
    }
  });
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(message('vi', 'checkSummary', { errors: 3, warnings: 1, form: '4PHU-2024' })).toBe('3 lỗi, 1 cảnh báo (mẫu 4PHU-2024).');
    expect(message('en', 'computeDone', { sheet: 'SoLieu' })).toBe('Rates and ranks written for {rows} {rows|row|rows} of SoLieu.');
  });
  it('says 1 warning and 2 warnings in English', () => {
    expect(message('en', 'checkSummary', { errors: 0, warnings: 1, form: 'F' })).toBe('0 errors, 1 warning (form F).');
    expect(message('en', 'checkSummary', { errors: 1, warnings: 2, form: 'F' })).toBe('1 error, 2 warnings (form F).');
    expect(message('en', 'uploadDone', { sent: 1, n: 1, exists: 0 })).toBe('1/1 file uploaded; 0 already existed and were not overwritten.');
  });
  it('English wording carries no Vietnamese letters', () => {
    const vietnamese = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;
    // Sheet names (ThongTin, SoLieu) and the campaign's name stay as they are in the workbook.
    for (const key of messageKeys()) expect({ key, text: vietnamese.test(message('en', key).replace(/4 phủ|Tiếng Việt/g, '')) }).toEqual({ key, text: false });
  });
});

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
    expect(message('en', 'highlighted', {})).toBe('{n} cells highlighted.');
  });
});

import { normalizeName, sameName } from './normalize-text';

describe('normalizeName', () => {
  it('puts the tone mark of an open oa, oe, uy in one place', () => {
    expect(normalizeName('Xã Hoà Bình')).toBe(normalizeName('Xã Hòa Bình'));
    expect(sameName('Phường Thuỷ Phương', 'phường  Thủy Phương')).toBe(true);
    expect(sameName('Khoẻ', 'Khỏe')).toBe(true);
  });

  it('leaves a closed syllable and "qu" alone, and keeps different names apart', () => {
    expect(normalizeName('Hoàng')).toBe('hoàng');
    expect(normalizeName('Quý')).toBe('quý');
    expect(sameName('Hòa Bình', 'Hà Bình')).toBe(false);
  });

  it('folds decomposed text, non-breaking spaces and case', () => {
    expect(normalizeName('Phu\u031bo\u031b\u0300ng\u00a0Tha\u0301c Mơ')).toBe('phường thác mơ');
  });
});

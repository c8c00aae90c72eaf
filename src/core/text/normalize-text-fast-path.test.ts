import fc from 'fast-check';
import { normalizeCode, normalizeText } from './normalize-text';

/** The definition normalizeText must keep, whatever shortcut it takes. */
function reference(s: string): string {
  return s.normalize('NFC').replace(/[\u00a0\u2007\u202f\s]+/g, ' ').trim();
}

const latin: number[] = [];
for (let c = 0x21; c < 0x7f; c++) latin.push(c);
for (let c = 0xc0; c <= 0x24f; c++) latin.push(c);
for (let c = 0x1e00; c <= 0x1eff; c++) latin.push(c);

describe('normalizeText shortcut', () => {
  it('agrees with the full normalisation on every character of the shortcut ranges, alone and in every pair', () => {
    const bad: string[] = [];
    for (const a of latin) {
      const one = String.fromCharCode(a);
      if (normalizeText(one) !== reference(one)) bad.push(one);
      for (const b of latin) {
        const two = one + String.fromCharCode(b);
        if (normalizeText(two) !== reference(two)) bad.push(two);
      }
    }
    expect(bad).toEqual([]);
  });

  it('still folds spaces, NBSP and tabs, trims, and composes decomposed Vietnamese', () => {
    expect(normalizeText('  Phường\u00a0 Thác   Mơ ')).toBe('Phường Thác Mơ');
    expect(normalizeText('Tô\u0309ng\tcô\u0323ng')).toBe('Tổng cộng');
    expect(normalizeText('A\u0300')).toBe('À');
    expect(normalizeText('Ê\u0301')).toBe('Ế');
    expect(normalizeText('')).toBe('');
    expect(normalizeText(' ')).toBe('');
    expect(normalizeCode(' 25 216\u00a0')).toBe('25216');
  });

  it('agrees with the full normalisation on any text mixing the shortcut ranges with spaces and marks', () => {
    const char = fc.oneof(
      fc.constantFrom(...latin).map((c) => String.fromCharCode(c)),
      fc.constantFrom(' ', '  ', '\u00a0', '\t', '\n', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u202f', 'Ǆ', '\u212b', '\u0340'),
    );
    fc.assert(fc.property(fc.array(char, { maxLength: 12 }), (parts) => normalizeText(parts.join('')) === reference(parts.join(''))), { numRuns: 5000 });
  });
});

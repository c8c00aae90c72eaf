import fc from 'fast-check';
import { apportion } from './apportion';

describe('apportion', () => {
  it('splits in proportion, largest remainder, earlier index first on ties', () => {
    expect(apportion(10, [1, 1, 2])).toEqual([3, 2, 5]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
    expect(apportion(5, [0, 0])).toEqual([3, 2]);
  });

  it('water-fills caps', () => {
    expect(apportion(10, [1, 1, 8], [5, 5, 2])).toEqual([4, 4, 2]);
    expect(apportion(4, [0, 1], [3, 1])).toEqual([3, 1]);
  });

  it('rejects what cannot be split', () => {
    expect(() => apportion(10, [1, 1], [4, 5])).toThrow(RangeError);
    expect(() => apportion(-1, [1])).toThrow(RangeError);
    expect(() => apportion(1.5, [1])).toThrow(RangeError);
    expect(() => apportion(3, [])).toThrow(RangeError);
  });

  it('copes with extreme weights', () => {
    expect(apportion(1, [5e-324], [2])).toEqual([1]);
    expect(apportion(10, [1e308, 1e308, 5e-324])).toEqual([5, 5, 0]);
  });

  it('always sums exactly and respects every cap', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ w: fc.double({ min: 0, max: 1000, noNaN: true }), cap: fc.nat(5000) }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (parts, share) => {
          const room = parts.reduce((s, p) => s + p.cap, 0);
          const total = Math.floor(room * share);
          const out = apportion(total, parts.map((p) => p.w), parts.map((p) => p.cap));
          expect(out.reduce((s, x) => s + x, 0)).toBe(total);
          out.forEach((x, i) => {
            expect(Number.isInteger(x)).toBe(true);
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(parts[i]?.cap ?? 0);
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});

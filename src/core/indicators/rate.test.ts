import { rate, remaining } from './rate';

describe('rate', () => {
  it('is done / target', () => {
    expect(rate(579, 837)).toBeCloseTo(0.691756, 6);
    expect(rate(2258, 1182)).toBeCloseTo(1.910321, 6);
    expect(rate(0, 837)).toBe(0);
  });
  it('has no rate for 0/0, a zero or blank target, or a blank done', () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(5, 0)).toBeNull();
    expect(rate(5, null)).toBeNull();
    expect(rate(null, 10)).toBeNull();
    expect(rate(undefined, 10)).toBeNull();
    expect(rate(5, -3)).toBeNull();
    expect(rate(Number.NaN, 10)).toBeNull();
    expect(rate(5, Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe('remaining', () => {
  it('is what is left, never negative', () => {
    expect(remaining(579, 837)).toBe(258);
    expect(remaining(837, 837)).toBe(0);
    expect(remaining(2258, 1182)).toBe(0);
  });
  it('is unknown when a figure is blank', () => {
    expect(remaining(null, 837)).toBeNull();
    expect(remaining(5, undefined)).toBeNull();
  });
});

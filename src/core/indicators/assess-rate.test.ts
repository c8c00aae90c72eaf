import { assessRate } from './assess-rate';
import { rate } from './rate';

describe('assessRate', () => {
  it('words a rate against the target', () => {
    expect(assessRate(rate(2258, 1182))).toBe('Vượt chỉ tiêu');
    expect(assessRate(rate(837, 837))).toBe('Đạt');
    expect(assessRate(rate(579, 837))).toBe('Chưa đạt');
    expect(assessRate(0)).toBe('Chưa đạt');
  });
  it('uses the threshold, forgiving float noise at equality', () => {
    expect(assessRate(0.95, 0.9)).toBe('Vượt chỉ tiêu');
    expect(assessRate((0.3 * 3) / 1, 0.9)).toBe('Đạt');
    expect(assessRate(rate(9, 10), 0.9)).toBe('Đạt');
    expect(assessRate(0.89, 0.9)).toBe('Chưa đạt');
  });
  it('has nothing to say without a rate', () => {
    expect(assessRate(rate(0, 0))).toBeNull();
    expect(assessRate(undefined)).toBeNull();
    expect(assessRate(Number.NaN)).toBeNull();
  });
});

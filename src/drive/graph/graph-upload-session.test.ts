import { firstExpected } from './graph-upload-session';

describe('firstExpected', () => {
  it('reads the start of the first expected range', () => {
    expect(firstExpected(['0-'])).toBe(0);
    expect(firstExpected(['427680-', '900000-1000000'])).toBe(427680);
    expect(firstExpected(['12-34'])).toBe(12);
  });
  it('is undefined for nothing or nonsense', () => {
    expect(firstExpected(undefined)).toBeUndefined();
    expect(firstExpected([])).toBeUndefined();
    expect(firstExpected(['abc'])).toBeUndefined();
    expect(firstExpected(['-5'])).toBeUndefined();
  });
});

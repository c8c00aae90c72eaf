import { fillPlaceholders } from './fill-placeholders';

describe('fillPlaceholders', () => {
  it('fills names and picks the word for a count', () => {
    expect(fillPlaceholders('{n} {n|lỗi|lỗi} trong "{file}"', { n: 2, file: 'a.xlsx' })).toBe('2 lỗi trong "a.xlsx"');
    expect(fillPlaceholders('{n} {n|error|errors}', { n: 1 })).toBe('1 error');
    expect(fillPlaceholders('{n} {n|error|errors}', { n: 0 })).toBe('0 errors');
  });

  it('leaves a placeholder without its parameter as written', () => {
    expect(fillPlaceholders('{n} {n|error|errors} in {file}', {})).toBe('{n} {n|error|errors} in {file}');
  });
});

import { parseNumberText } from './parse-number-text';

describe('parseNumberText', () => {
  it.each([
    ['12', 12],
    [' 12 ', 12],
    ['\u00a012\u00a0', 12],
    ['1.234', 1234],
    ['1.234.567', 1234567],
    ['1,234', 1234],
    ['1 234', 1234],
    ['1\u00a0234', 1234],
    ['007', 7],
    ['-5', -5],
    ['+5', 5],
    ['1.500,00', 1500],
  ])('reads %j as the whole number %d', (text, value) => {
    expect(parseNumberText(text)).toEqual({ kind: 'integer', value });
  });

  it.each([
    ['1,5', 1.5],
    ['1.5', 1.5],
    ['12,25', 12.25],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['1234.5', 1234.5],
  ])('reads %j as the decimal %d', (text, value) => {
    expect(parseNumberText(text)).toEqual({ kind: 'decimal', value });
  });

  it.each(['', 'abc', '12a', '1..2', '1.23.4', '--1', '1e3', '=1+1', '#REF!', '1.2345.6'])('rejects %j', (text) => {
    expect(parseNumberText(text)).toBeUndefined();
  });
});

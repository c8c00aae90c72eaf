import { excelInput, literalText, scalarFromExcel } from './excel-values';

describe('literalText', () => {
  it('marks text Excel would turn into a formula, number, date or boolean', () => {
    for (const s of ['=HYPERLINK("http://x")', '+84 912', '-5', '@SUM(A1)', '00123', '1.234', '08/05/2024', '50%', 'TRUE', 'false', 'Mar 5', "'quoted", ' =1']) {
      expect(literalText(s)).toBe(`'${s}`);
    }
  });
  it('leaves ordinary Vietnamese text alone', () => {
    for (const s of ['Phường Thác Mơ', 'Tổng cộng', 'Thôn 5', 'Đơn vị', 'Tỷ lệ']) expect(literalText(s)).toBe(s);
  });
});

describe('scalarFromExcel', () => {
  it('reads blanks, numbers, booleans, text and error texts', () => {
    expect(scalarFromExcel('')).toBeNull();
    expect(scalarFromExcel(12)).toBe(12);
    expect(scalarFromExcel(false)).toBe(false);
    expect(scalarFromExcel('Thôn 1')).toBe('Thôn 1');
    expect(scalarFromExcel('#REF!')).toEqual({ error: '#REF!' });
    expect(scalarFromExcel('#DIV/0!')).toEqual({ error: '#DIV/0!' });
    expect(scalarFromExcel('#REF! ')).toBe('#REF! ');
  });
  it('lets value types decide when a caller has them', () => {
    expect(scalarFromExcel('#N/A', 'String')).toBe('#N/A');
    expect(scalarFromExcel('#N/A', 'Error')).toEqual({ error: '#N/A' });
    expect(scalarFromExcel('', 'Empty')).toBeNull();
  });
});

describe('excelInput', () => {
  it('clears blanks, writes dates as serial days and never writes a formula', () => {
    expect(excelInput(null)).toBe('');
    expect(excelInput(new Date(Date.UTC(2024, 3, 8)))).toBe(45390);
    expect(excelInput('=1+1')).toBe("'=1+1");
    expect(excelInput({ error: '#REF!' })).toBe("'#REF!");
    expect(excelInput({ uncalculated: 'SUM(A1:A2)' })).toBe('SUM(A1:A2)');
    expect(excelInput(Number.NaN)).toBe('');
  });
});

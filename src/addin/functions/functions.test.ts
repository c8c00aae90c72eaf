import { FakeExcelHost } from '../../../test/support/addin/fake-excel';
import { chuoi, conlai, danhgia, nhanxet, top, tyle, xephang } from './functions';

new FakeExcelHost().install(globalThis as unknown as Record<string, unknown>);

/** An error cell as the fake runtime builds it. */
const err = (code: string, message?: RegExp): unknown => expect.objectContaining({ code, ...(message ? { message: expect.stringMatching(message) } : {}) });
const col = (...xs: unknown[]): unknown[][] => xs.map((x) => [x]);

describe('PHU.TYLE', () => {
  it('divides cell by cell and keeps the shape; blanks stay blank', () => {
    const out = tyle(col(579, 464, '', 5), col(837, 1301, 100, ''));
    expect(out).toHaveLength(4);
    expect(out[0]?.[0]).toBeCloseTo(579 / 837, 12);
    expect(out[1]?.[0]).toBeCloseTo(464 / 1301, 12);
    expect(out[2]).toEqual(['']);
    expect(out[3]).toEqual(['']);
  });
  it('is #DIV/0! for a zero target and #VALUE! with a reason for text and negatives', () => {
    const out = tyle(col(5, '1.234', -3, true), col(0, 10, 10, 10));
    expect(out).toEqual([[err('#DIV/0!', /Chỉ tiêu bằng 0/)], [err('#VALUE!', /là chữ \("1\.234"\)/)], [err('#VALUE!', /số âm \(-3\)/)], [err('#VALUE!', /đúng\/sai/)]]);
  });
  it('lets one cell stand for a whole range, and refuses ranges of different sizes', () => {
    expect(tyle(col(50, 100), [[200]])).toEqual([[0.25], [0.5]]);
    expect(tyle(col(1, 2, 3), col(1, 2))).toEqual([[err('#VALUE!', /3×1 và 2×1/)]]);
  });
  it('passes an error cell on', () => {
    const e = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable);
    expect(tyle([[e]], [[1]])).toEqual([[e]]);
  });
});

describe('PHU.CONLAI', () => {
  it('is what is left, never negative', () => {
    expect(conlai(col(579, 2258, 0, ''), col(837, 1182, 0, 5))).toEqual([[258], [0], [0], ['']]);
    expect(conlai([[1]], [['mười']])).toEqual([[err('#VALUE!', /Chỉ tiêu là chữ/)]]);
  });
});

describe('PHU.XEPHANG', () => {
  it('ranks like a competition, ignoring blanks, text and errors in the range', () => {
    const rates = col(0.9, 0.5, '', 0.5, 'n/a', new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero), 0.1);
    const out = xephang(rates, rates);
    expect(out.map((r) => r[0])).toEqual([1, 2, '', 2, err('#VALUE!'), err('#DIV/0!'), 4]);
  });
  it('ranks lowest first when asked, and says #N/A for a value outside the range', () => {
    expect(xephang(col(3, 1, 2), col(3, 1, 2), true)).toEqual([[3], [1], [2]]);
    expect(xephang([[7]], col(3, 1, 2))).toEqual([[err('#N/A', /không có trong vùng/)]]);
  });
});

describe('PHU.DANHGIA', () => {
  it('words each rate against the threshold', () => {
    expect(danhgia(col(2258 / 1182, 1, 579 / 837, ''))).toEqual([['Vượt chỉ tiêu'], ['Đạt'], ['Chưa đạt'], ['']]);
    expect(danhgia(col(0.95, 0.9, 0.89), 0.9)).toEqual([['Vượt chỉ tiêu'], ['Đạt'], ['Chưa đạt']]);
  });
  it('refuses a threshold that is not a positive number, and text rates', () => {
    expect(danhgia(col(1), 0)).toEqual([[err('#VALUE!', /Ngưỡng/)]]);
    expect(danhgia(col('cao'))).toEqual([[err('#VALUE!')]]);
  });
});

describe('PHU.CHUOI', () => {
  it('writes the notice’s fragment, with the short name', () => {
    expect(chuoi([[579]], [[837]], [['Thị xã Phước Long']])).toEqual([['Phước Long (579/837 đạt 69,18%)']]);
    expect(chuoi(col(2258, 7263), col(1182, 19711), col('Huyện Bù Đăng', 'Phước Long'))).toEqual([['Bù Đăng (2.258/1.182 đạt 191,03%)'], ['Phước Long (7.263/19.711 đạt 36,85%)']]);
  });
  it('leaves the name out when none is given, and errs on a zero target', () => {
    expect(chuoi([[579]], [[837]])).toEqual([['579/837 đạt 69,18%']]);
    expect(chuoi([[5]], [[0]], [['A']])).toEqual([[err('#DIV/0!')]]);
    expect(chuoi([['']], [['']], [['A']])).toEqual([['']]);
  });
});

describe('PHU.NHANXET', () => {
  it('names the best and the worst units in the notice’s words', () => {
    expect(nhanxet(col('Thị xã Phước Long', 'Huyện Bù Đăng'), col(579, 2258), col(837, 1182), 1)).toEqual([
      ['Đơn vị thực hiện tốt: Bù Đăng (2.258/1.182 đạt 191,03%); đơn vị thực hiện chưa tốt: Phước Long (579/837 đạt 69,18%).'],
    ]);
  });
  it('refuses ranges of different lengths, text figures and a bad count', () => {
    expect(nhanxet(col('A', 'B'), col(1), col(2, 3))).toEqual([[err('#VALUE!', /cùng số ô/)]]);
    expect(nhanxet(col('A'), col('x'), col(2))).toEqual([[err('#VALUE!', /là chữ/)]]);
    expect(nhanxet(col('A'), col(1), col(2), 0)).toEqual([[err('#VALUE!', /số nguyên/)]]);
  });
});

describe('PHU.TOP', () => {
  it('spills the top names, best first, or the bottom ones', () => {
    const names = col('A', 'B', 'C', 'D', 'E');
    const values = col(0.5, 0.9, '', 0.2, 0.7);
    expect(top(names, values, 2)).toEqual([['B'], ['E']]);
    expect(top(names, values, 2, true)).toEqual([['A'], ['D']]);
    expect(top(names, values)).toEqual([['B'], ['E'], ['A']]);
  });
  it('is #N/A when no unit has a value', () => {
    expect(top(col('A'), col(''))).toEqual([[err('#N/A')]]);
    expect(top(col('A', 'B'), col(1))).toEqual([[err('#VALUE!', /cùng số ô/)]]);
  });
});

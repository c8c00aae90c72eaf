import fc from 'fast-check';
import { BASE_PARTS, differentialProperty, outcome, packageOf } from '../../bench/differential-read';
import { readWorkbook } from '../../src/xlsx/read-workbook';

describe('PHU’s reader and ExcelJS read mutated files alike (differential, fixed seed; `npm run bench` runs it longer)', () => {
  it('the unmutated package is read by both, with every kind of cell', async () => {
    const bytes = packageOf(BASE_PARTS);
    const mine = await readWorkbook(bytes);
    expect(mine.findings).toEqual([]);
    expect(mine.book?.sheets[0]?.rows[0]).toEqual(['Mã đơn vị', 'Tổng cộng\r', 'Ấp 1', new Date(Date.UTC(2024, 3, 8))]);
    expect(outcome(await readWorkbook(bytes, { engine: 'exceljs' }))).toEqual(outcome(mine));
  });

  it('duplicate attributes, prefixed elements, control characters, stray markup: the same book or the same refusal', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await fc.assert(differentialProperty(), { numRuns: 300, seed: 20_251_203 });
    } finally {
      warn.mockRestore();
    }
  });
});

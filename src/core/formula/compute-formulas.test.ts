import type { Scalar } from '../grid/scalar';
import type { WorkbookGrid } from '../grid/sheet-grid';
import { computeFormulas } from './compute-formulas';
import { parseFormula } from './evaluate-formula';

const book = (rows: (Scalar[] | undefined)[]): WorkbookGrid => ({ sheets: [{ name: 'S', rows }] });
const u = (f: string): Scalar => ({ uncalculated: f });
const rowsOf = (b: WorkbookGrid): unknown => b.sheets[0]?.rows;

describe('computeFormulas', () => {
  it('computes the SUM totals of a template filled by a tool that does not calculate', () => {
    const out = computeFormulas(book([[10, 20], [5, null], ['ghi chú', 7], [u('SUM(A1:A3)'), u('=SUM($B$1:B3)')]]));
    expect(rowsOf(out)).toEqual([[10, 20], [5, null], ['ghi chú', 7], [15, 27]]);
  });

  it('computes + - * / of cells, parentheses, SUBTOTAL(9) and formulas that use other formulas', () => {
    const out = computeFormulas(book([[10, 4, u('A1-B1'), u('C1*2+(A1+B1)/2'), u('SUBTOTAL(9,A1:B1)'), u('-C1+SUM(A1,B1;3)')]]));
    expect(rowsOf(out)).toEqual([[10, 4, 6, 19, 14, 11]]);
  });

  it('treats a blank cell as 0 in + -, and leaves a text operand, an error, a cycle, another sheet or another function as it was', () => {
    const rows = [[u('A2+1'), u('B1'), 'x', u('C1+1'), { error: '#REF!' }, u('SUM(E1)'), u('F1+G1'), u('G1'), u('Other!A1'), u('ROUND(A1,0)'), u('A1/0')]];
    const out = computeFormulas(book(rows));
    expect(rowsOf(out)).toEqual([[1, u('B1'), 'x', u('C1+1'), { error: '#REF!' }, u('SUM(E1)'), u('F1+G1'), u('G1'), u('Other!A1'), u('ROUND(A1,0)'), u('A1/0')]]);
  });

  it('returns the very book when nothing needs computing, and never modifies its input', () => {
    const plain = book([[1, 2]]);
    expect(computeFormulas(plain)).toBe(plain);
    const withFormula = book([[1, u('A1+1')]]);
    computeFormulas(withFormula);
    expect(withFormula.sheets[0]?.rows[0]?.[1]).toEqual(u('A1+1'));
  });

  it('does not compute a SUM over more cells than a report could hold', () => {
    expect(rowsOf(computeFormulas(book([[u('SUM(A2:Z100000)')]])))).toEqual([[u('SUM(A2:Z100000)')]]);
  });
});

describe('computeFormulas on hostile formulas: bounded work, no stack overflow', () => {
  it('leaves a formula nested 5,000 deep or 100,000 terms long not calculated, without overflowing the stack', () => {
    const deep = `${'('.repeat(5000)}1${')'.repeat(5000)}`;
    const long = Array.from({ length: 100_000 }, () => 'C1').join('+');
    const chained = Array.from({ length: 4000 }, () => 'C1').join('+');
    const out = computeFormulas(book([[u(deep), u(long), 1, u(chained)]]));
    expect(rowsOf(out)).toEqual([[u(deep), u(long), 1, u(chained)]]);
  });

  it('computes what it can of a chain of 100,000 formulas and leaves the rest, without overflowing the stack', () => {
    const rows: Scalar[][] = Array.from({ length: 100_000 }, (_, r) => [u(`A${r + 2}+B${r + 1}`), 1]);
    const out = computeFormulas(book(rows)).sheets[0]?.rows ?? [];
    expect(out).toHaveLength(100_000);
    // The last cells of the chain are computed (A100000 = blank A100001 + 1), the start of it is too deep.
    expect(out[99_999]?.[0]).toBe(1);
    expect(out[99_990]?.[0]).toBe(10);
    expect(out[0]?.[0]).toEqual(u('A2+B1'));
  });

  it('stops reading cells once a sheet\'s formulas have read five million: the rest stay not calculated', () => {
    const rows: Scalar[][] = Array.from({ length: 20_000 }, (_, r) => [u('SUM(B1:B100000)'), r + 1]);
    const out = computeFormulas(book(rows)).sheets[0]?.rows ?? [];
    const total = (20_000 * 20_001) / 2;
    const computed = out.filter((r) => r?.[0] === total).length;
    expect(computed).toBeGreaterThan(10);
    expect(computed).toBeLessThan(100);
    expect(out[19_999]?.[0]).toEqual(u('SUM(B1:B100000)'));
  });

  it('leaves self-references and cycles not calculated', () => {
    expect(rowsOf(computeFormulas(book([[u('A1+1'), u('C1'), u('B1')]])))).toEqual([[u('A1+1'), u('C1'), u('B1')]]);
  });
});

describe('parseFormula', () => {
  it.each(['SUM(D4:D6)', '=D4+D5-D6', ' SUM( D4 : D6 ) + 1 ', 'sum(d4:d6)', '$A$1*2', '(A1)'])('parses %s', (f) => {
    expect(parseFormula(f)).toBeDefined();
  });
  it.each(['VLOOKUP(A1,B1:C3,2,0)', 'Sheet2!A1', 'A1:B2', 'SUM(A1:B2', 'A1&"x"', 'IF(A1>0,1,0)', 'SUBTOTAL(1,A1:A3)', 'LOG10(A1)', '"text"', 'A1 B1'])('refuses %s', (f) => {
    expect(f === 'A1:B2' ? computeFormulas(book([[u(f)]])).sheets[0]?.rows[0]?.[0] : parseFormula(f)).toEqual(f === 'A1:B2' ? u(f) : undefined);
  });
});

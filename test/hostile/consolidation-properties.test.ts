import fc from 'fast-check';
import { consolidate } from '../../src/core/consolidate/consolidate';
import { reportFromValidation } from '../../src/core/consolidate/report-from-validation';
import type { ChildReport } from '../../src/core/consolidate/child-report';
import { FORM_4PHU_2024 } from '../../src/core/forms/form-4phu-2024';
import type { OutputBook } from '../../src/core/grid/output-book';
import type { Scalar } from '../../src/core/grid/scalar';
import { renderSubmission } from '../../src/core/render/render-submission';
import { nationalRegistry } from '../../src/core/units/national-registry';
import { validateSubmission } from '../../src/core/validate/validate-submission';
import { generateProvince } from '../../src/sample/generate-province';

const form = FORM_4PHU_2024;
const registry = nationalRegistry();
const COUNTS = form.tables[0]?.columns.filter((c) => c.kind === 'count').map((c) => c.key) ?? [];
/** Small districts of different provinces, so runs stay fast and still vary. */
const DISTRICTS = ['688', '690', '693', '001', '760', '953'].filter((c) => registry.children(c).length > 0);

function reportOf(book: OutputBook, file: string): ChildReport {
  const result = validateSubmission(book, { form, registry, file, expect: { period: 'TK' } });
  return reportFromValidation({ file, bytes: 0, sha256: file }, [], result, form);
}

/** Sum of one column over every data row of a book's SoLieu, read from the cells themselves. */
function columnSum(book: OutputBook, key: string): number {
  const sheet = book.sheets.find((s) => s.name === 'SoLieu');
  const keys = sheet?.rows[2] ?? [];
  const col = keys.indexOf(key);
  let sum = 0;
  for (const row of sheet?.rows.slice(3) ?? []) if (row[keys.indexOf('unit_code')] !== 'TONG' && typeof row[col] === 'number') sum += row[col];
  return sum;
}

describe('consolidation (property)', () => {
  it('random valid submissions consolidate to the sum of their parts', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DISTRICTS), fc.integer({ min: 1, max: 2 ** 30 }), (district, seed) => {
        const generated = generateProvince({ rootCode: district, seed });
        const books = generated.files.map((f) => renderSubmission(form, f.data));
        const reports = books.map((b, i) => reportOf(b, `${i}.xlsx`));
        expect(reports.flatMap((r) => r.findings).filter((f) => f.severity === 'error')).toEqual([]);
        const c = consolidate(reports, { form, registry, parentCode: district, period: 'TK', reportDate: '2024-07-08' });
        for (const key of COUNTS) expect(c.total.values[key]).toBe(books.reduce((s, b) => s + columnSum(b, key), 0));
        expect(c.children.every((ch) => ch.status === 'on_time')).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  const scalar: fc.Arbitrary<Scalar> = fc.oneof(
    fc.integer({ min: -5, max: 100000 }),
    fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
    fc.constantFrom('1.234', ' 12 ', '\u00a07', '1,5', 'abc', '=SUM(A1)', '', 'TONG', '25216'),
    fc.constant(null),
    fc.boolean(),
    fc.constantFrom({ error: '#REF!' }, { error: '#DIV/0!' }, { uncalculated: 'SUM(D4:D9)' }),
  );

  it('random cell changes never crash validation, and whatever passes still sums exactly', () => {
    const district = '688';
    const generated = generateProvince({ rootCode: district, seed: 3 });
    const books = generated.files.map((f) => renderSubmission(form, f.data));
    fc.assert(
      fc.property(fc.nat({ max: books.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), scalar), { minLength: 1, maxLength: 6 }), (which, changes) => {
        const original = books[which];
        if (!original) return;
        const sheets = original.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]) }));
        for (const [s, r, c, v] of changes) {
          const sheet = sheets[s % sheets.length];
          const row = sheet?.rows[r % sheet.rows.length];
          if (row && row.length > 0) row[c % row.length] = v;
        }
        const mutated = { sheets };
        const reports = books.map((b, i) => reportOf(i === which ? mutated : b, `${i}.xlsx`));
        for (const f of reports[which]?.findings ?? []) expect(f.message_vi.length).toBeGreaterThan(0);
        const c = consolidate(reports, { form, registry, parentCode: district, period: 'TK', reportDate: '2024-07-08' });
        const statusOf = (i: number): string | undefined => c.sources.find((s) => s.file === `${i}.xlsx`)?.status;
        const used = reports.filter((_r, i) => statusOf(i) === 'used' || statusOf(i) === 'late');
        expect(c.sources).toHaveLength(reports.length);
        for (const key of COUNTS) expect(c.total.values[key]).toBe(used.reduce((s, r) => s + (r.total?.[key] ?? 0), 0));
      }),
      { numRuns: 200 },
    );
  });
});

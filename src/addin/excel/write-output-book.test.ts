import { FORM_4PHU_2024 } from '../../core/forms/form-4phu-2024';
import type { OutputBook } from '../../core/grid/output-book';
import { renderSubmission } from '../../core/render/render-submission';
import { nationalRegistry } from '../../core/units/national-registry';
import { validateSubmission } from '../../core/validate/validate-submission';
import { unitTemplateData } from '../../core/campaign/unit-template-data';
import { FakeExcelHost, rangeAddress } from '../testing/fake-excel';
import { communeSubmission, gridOfBook } from '../testing/sample-books';
import { queueSheetRead, sheetGridOf } from './read-sheets';
import type { SheetInfo } from './sheet-list';
import { clashingSheets, writeOutputBook } from './write-output-book';

const registry = nationalRegistry();
const blank: SheetInfo[] = [{ name: 'Sheet1', protected: false, protectionOptions: {} }];

function host(): FakeExcelHost {
  const h = new FakeExcelHost();
  h.loadGrid({ sheets: [{ name: 'Sheet1', rows: [] }] });
  return h;
}

async function readBack(h: FakeExcelHost, names: readonly string[]): Promise<ReturnType<typeof gridOfBook>> {
  const c = h.newContext() as unknown as Excel.RequestContext;
  const reads = names.map((n) => queueSheetRead(c, n));
  await c.sync();
  return { sheets: reads.map(sheetGridOf) };
}

describe('writeOutputBook', () => {
  it('writes a submission that reads back and validates like the original', async () => {
    const h = host();
    const book = communeSubmission(8);
    await writeOutputBook(h.newContext() as unknown as Excel.RequestContext, book, blank);
    const back = await readBack(h, ['ThongTin', 'SoLieu', 'LyDo']);
    const again = validateSubmission(back, { form: FORM_4PHU_2024, registry });
    expect(again.findings).toEqual([]);
    expect(again.submission).toEqual(validateSubmission(gridOfBook(book), { form: FORM_4PHU_2024, registry }).submission);
    // Dates arrive as serial days formatted as dates.
    const info = h.sheet('ThongTin');
    const dateRow = back.sheets[0]?.rows.findIndex((r) => r?.[0] === 'period_from') ?? -1;
    expect(info.value(dateRow, 2)).toBe(45390);
    expect(info.numberFormat(dateRow, 2)).toBe('dd/mm/yyyy');
  });

  it('keeps text literal: formulas, leading zeros and numbers as text stay text', async () => {
    const h = host();
    const book: OutputBook = { sheets: [{ name: 'T', rows: [['=HYPERLINK("http://evil")', '00123', '+84 912 000', 'TRUE', 'Thôn 1', 5]] }] };
    await writeOutputBook(h.newContext() as unknown as Excel.RequestContext, book, blank);
    const t = h.sheet('T');
    expect([0, 1, 2, 3, 4, 5].map((c) => t.value(0, c))).toEqual(['=HYPERLINK("http://evil")', '00123', '+84 912 000', 'TRUE', 'Thôn 1', 5]);
    expect(t.formulas.size).toBe(0);
  });

  it('lays a template out as the form says: protected, inputs unlocked with whole-number validation, SUM totals', async () => {
    const h = host();
    const unit = registry.get('688');
    const period = FORM_4PHU_2024.periods[0];
    if (!unit || !period) throw new Error('fixture');
    const book = renderSubmission(FORM_4PHU_2024, unitTemplateData(FORM_4PHU_2024, registry, unit, period), { template: true });
    await writeOutputBook(h.newContext() as unknown as Excel.RequestContext, book, blank);
    const s = h.sheet('SoLieu');
    const sheet = book.sheets.find((x) => x.name === 'SoLieu');
    expect(s.protection.protected).toBe(true);
    expect(s.hiddenRows.has(2)).toBe(true);
    expect(s.frozen).toEqual(sheet?.frozen);
    expect(s.merges.map(rangeAddress)).toEqual((sheet?.merges ?? []).map(rangeAddress));
    for (const input of sheet?.inputs ?? []) {
      expect(s.isLocked(input.top, input.left)).toBe(false);
      expect(s.dataValidations.some((d) => rangeAddress(d.range) === rangeAddress(input) && JSON.stringify(d.rule).includes('GreaterThanOrEqualTo'))).toBe(true);
    }
    expect(s.isLocked(2, 3)).toBe(true);
    for (const f of sheet?.formulas ?? []) expect(s.formula(f.row, f.col)).toBe(`=${f.formula.replace(/^=/, '')}`);
    expect(s.columnWidths.get(2)).toBeGreaterThan(s.columnWidths.get(0) ?? 0);
    expect(s.autoFilter).toEqual(sheet?.filter);
  });

  it('replaces sheets of the same name only when asked, leaving other sheets alone', async () => {
    const h = new FakeExcelHost();
    h.loadGrid({ sheets: [{ name: 'Ghi chú', rows: [['giữ nguyên']] }, { name: 'solieu', rows: [['cũ']] }] });
    const book = communeSubmission(2);
    const existing: SheetInfo[] = [
      { name: 'Ghi chú', protected: false, protectionOptions: {} },
      { name: 'solieu', protected: false, protectionOptions: {} },
    ];
    expect(clashingSheets(book, existing)).toEqual(['SoLieu']);
    await expect(writeOutputBook(h.newContext() as unknown as Excel.RequestContext, book, existing)).rejects.toThrow(/SoLieu/);
    expect(h.model.sheets.map((s) => s.name)).toEqual(['Ghi chú', 'solieu']);
    await writeOutputBook(h.newContext() as unknown as Excel.RequestContext, book, existing, { replace: true });
    expect(h.model.sheets.map((s) => s.name).sort()).toEqual(['Ghi chú', 'LyDo', 'SoLieu', 'ThongTin']);
    expect(h.sheet('Ghi chú').value(0, 0)).toBe('giữ nguyên');
    expect(h.sheet('SoLieu').value(0, 0)).not.toBe('cũ');
  });

  it('splits a large write into round trips under the request limit', async () => {
    // A host refusing requests over 1.2 MB, and a writer told to keep under 1 MB.
    const h = new FakeExcelHost({ payloadLimit: 1_200_000 });
    h.loadGrid({ sheets: [{ name: 'Sheet1', rows: [] }] });
    const book = communeSubmission(20_000);
    const done: number[] = [];
    const out = await writeOutputBook(h.newContext() as unknown as Excel.RequestContext, book, blank, { chunkBytes: 1_000_000, onProgress: (d) => done.push(d) });
    expect(out.syncs).toBeGreaterThan(3);
    expect(h.stats.syncs).toBe(out.syncs);
    expect(h.stats.maxRequestBytes).toBeLessThan(1_200_000);
    expect(done[done.length - 1]).toBe(book.sheets.reduce((n, s) => n + s.rows.length, 0));
    expect(h.sheet('SoLieu').value(20_003, 1)).toBe('TONG');
  });

  it('writes 20,000 rows in one round trip when they fit under Excel on the web’s 5 MB', async () => {
    const h = host();
    const out = await writeOutputBook(h.newContext() as unknown as Excel.RequestContext, communeSubmission(20_000), blank);
    expect(out.syncs).toBe(1);
    expect(h.stats.maxRequestBytes).toBeLessThan(h.payloadLimit);
  });
});

import { FORM_4PHU_2024 } from '../../core/forms/form-4phu-2024';
import { FORM_DVC25_2023 } from '../../core/forms/form-dvc25-2023';
import { ALL_CAPABILITIES } from './host-capabilities';
import type { OutputBook } from '../../core/grid/output-book';
import { renderSubmission } from '../../core/render/render-submission';
import { nationalRegistry } from '../../core/units/national-registry';
import { validateSubmission } from '../../core/validate/validate-submission';
import { unitTemplateData } from '../../core/campaign/unit-template-data';
import { FakeExcelHost, rangeAddress } from '../../../test/support/addin/fake-excel';
import { communeSubmission, gridOfBook } from '../../../test/support/addin/sample-books';
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
    expect(h.model.sheets.map((s) => s.name).sort()).toEqual(['Ghi chú', 'LyDo', 'PHU_MauBieu', 'SoLieu', 'ThongTin']);
    expect(h.sheet('Ghi chú').value(0, 0)).toBe('giữ nguyên');
    expect(h.sheet('SoLieu').value(0, 0)).not.toBe('cũ');
    // The form the workbook carries cannot be unhidden from Excel's menus; the others stay visible.
    expect(h.model.sheets.filter((s) => s.visibility !== 'Visible').map((s) => [s.name, s.visibility])).toEqual([['PHU_MauBieu', 'VeryHidden']]);
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

describe('writeOutputBook text inputs', () => {
  it('unlocks text cells and gives an enum a drop-down list, as the files PHU writes do', async () => {
    const h = host();
    const book: OutputBook = {
      sheets: [
        {
          name: 'DV',
          rows: [['Dịch vụ', 'Kết nối', 'Khó khăn'], ['A', null, null], ['B', null, null]],
          textInputs: [
            { range: { top: 1, left: 1, bottom: 2, right: 1 }, values: ['Đã kết nối', 'Chưa kết nối'] },
            { range: { top: 1, left: 2, bottom: 2, right: 2 } },
            // Words Excel cannot list inline: open text, no list.
            { range: { top: 1, left: 0, bottom: 1, right: 0 }, values: ['có, không', 'khác'] },
          ],
          protect: true,
        },
      ],
    };
    await writeOutputBook(h.newContext() as unknown as Excel.RequestContext, book, blank);
    const s = h.sheet('DV');
    expect(s.protection.protected).toBe(true);
    for (const [r, c] of [[1, 1], [2, 1], [1, 2], [2, 2], [1, 0]] as const) expect(s.isLocked(r, c)).toBe(false);
    expect(s.isLocked(0, 1)).toBe(true);
    expect(s.isLocked(2, 0)).toBe(true);
    expect(s.dataValidations.map((d) => ({ range: rangeAddress(d.range), rule: d.rule }))).toEqual([{ range: 'B2:B3', rule: { list: { inCellDropDown: true, source: 'Đã kết nối,Chưa kết nối' } } }]);
    expect(JSON.stringify(s.dataValidations[0]?.errorAlert)).toContain('Đã kết nối, Chưa kết nối');
  });

  it('lets a DVC25 template be filled where it should: connection from the list, difficulties as text, counts as whole numbers', async () => {
    const h = host();
    const unit = registry.get('690');
    const period = FORM_DVC25_2023.periods[0];
    if (!unit || !period) throw new Error('fixture');
    const book = renderSubmission(FORM_DVC25_2023, unitTemplateData(FORM_DVC25_2023, registry, unit, period), { template: true });
    const main = book.sheets.find((x) => x.name === FORM_DVC25_2023.mainTable);
    const lists = (main?.textInputs ?? []).filter((t) => t.values);
    expect(lists.length).toBeGreaterThan(0);
    await writeOutputBook(h.newContext() as unknown as Excel.RequestContext, book, blank);
    const s = h.sheet(FORM_DVC25_2023.mainTable);
    for (const t of main?.textInputs ?? []) expect(s.isLocked(t.range.top, t.range.left)).toBe(false);
    const listed = s.dataValidations.filter((d) => JSON.stringify(d.rule).includes('"list"'));
    expect(listed.map((d) => rangeAddress(d.range))).toEqual(lists.map((t) => rangeAddress(t.range)));
    expect(s.dataValidations.some((d) => JSON.stringify(d.rule).includes('GreaterThanOrEqualTo'))).toBe(true);
  });

  it('leaves text cells open but without a list where the host has no data validation', async () => {
    const h = host();
    const book: OutputBook = { sheets: [{ name: 'DV', rows: [['x', null]], textInputs: [{ range: { top: 0, left: 1, bottom: 0, right: 1 }, values: ['Có', 'Không'] }], protect: true }] };
    await writeOutputBook(h.newContext() as unknown as Excel.RequestContext, book, blank, { capabilities: { ...ALL_CAPABILITIES, dataValidation: false } });
    expect(h.sheet('DV').isLocked(0, 1)).toBe(false);
    expect(h.sheet('DV').dataValidations).toEqual([]);
  });
});

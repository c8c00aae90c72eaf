import { nationalRegistry } from '../../core/units/national-registry';
import { HIGHLIGHT_MARKER, MAX_HIGHLIGHTED_CELLS } from '../excel/highlight-findings';
import { writeOutputBook } from '../excel/write-output-book';
import { FakeExcelHost, rangeAddress } from '../../../test/support/addin/fake-excel';
import { communeSubmission, faultyCommuneGrid, gridOfBook } from '../../../test/support/addin/sample-books';
import { checkOpenWorkbook } from './check-workbook';
import { createTemplate } from './create-template';
import { FORM_4PHU_2024 } from '../../core/forms/form-4phu-2024';

const registry = nationalRegistry();
const ctx = (h: FakeExcelHost): Excel.RequestContext => h.newContext() as unknown as Excel.RequestContext;

/** PHU's highlight rules of a sheet: severity tag -> highlighted A1 cells. */
function highlights(h: FakeExcelHost, sheet: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const cf of h.sheet(sheet).conditionalFormats) {
    if (!cf.formula?.includes(HIGHLIGHT_MARKER)) continue;
    const tag = /"([^"]+)"/.exec(cf.formula)?.[1] ?? '';
    out[tag] = [...(out[tag] ?? []), ...cf.ranges.map(rangeAddress)].sort();
  }
  return out;
}

describe('checkOpenWorkbook', () => {
  it('passes a clean submission in two round trips, marking nothing', async () => {
    const h = new FakeExcelHost();
    h.loadGrid(gridOfBook(communeSubmission(5)));
    const out = await checkOpenWorkbook(ctx(h), { registry });
    expect(out.result.ok).toBe(true);
    expect(out.result.findings).toEqual([]);
    expect(out.highlighted).toBe(0);
    expect(h.stats.syncs).toBe(2);
    expect(h.sheet('SoLieu').conditionalFormats).toEqual([]);
  });

  it('lists the findings of a faulty sheet and highlights exactly their cells, errors over warnings', async () => {
    const h = new FakeExcelHost();
    h.loadGrid(faultyCommuneGrid().grid);
    const out = await checkOpenWorkbook(ctx(h), { registry });
    expect(out.result.ok).toBe(false);
    const located = out.result.findings.map((f) => `${f.code}@${f.sheet ?? ''}!${f.cell ?? ''}`);
    expect(located).toEqual(expect.arrayContaining(['number_as_text@SoLieu!E4', 'number_negative@SoLieu!F5', 'done_exceeds_target@SoLieu!E6']));
    expect(highlights(h, 'SoLieu')).toEqual({
      'PHU-KIEMTRA-LOI': ['D6', 'E4', 'E6', 'F10', 'F5'],
      'PHU-KIEMTRA-CANHBAO': ['D5'],
    });
    expect(out.highlighted).toBe(6);
    expect(h.stats.syncs).toBe(3);
  });

  it('replaces its previous highlights on the next run and leaves the user’s own formatting alone', async () => {
    const h = new FakeExcelHost();
    const { grid } = faultyCommuneGrid();
    h.loadGrid(grid);
    const solieu = h.sheet('SoLieu');
    // The user's own fill and rule, on a flagged cell and elsewhere.
    solieu.setFill(3, 4, '#00B050');
    solieu.conditionalFormats.push({ type: 'Custom', ranges: [{ top: 3, left: 1, bottom: 9, right: 2 }], formula: '=B4=""', fill: '#DDEBF7' });
    await checkOpenWorkbook(ctx(h), { registry });
    // The user fixes E4 and F5 back to the consistent figures.
    const clean = gridOfBook(communeSubmission(6)).sheets[1]?.rows ?? [];
    solieu.setValue(3, 4, clean[3]?.[4] as number);
    solieu.setValue(4, 5, clean[4]?.[5] as number);
    const again = await checkOpenWorkbook(ctx(h), { registry });
    expect(again.highlightsRemoved).toBe(2);
    const now = highlights(h, 'SoLieu');
    expect(now['PHU-KIEMTRA-LOI']).not.toContain('E4');
    expect(now['PHU-KIEMTRA-LOI']).not.toContain('F5');
    expect(now['PHU-KIEMTRA-LOI']).toContain('E6');
    expect(solieu.fill(3, 4)).toBe('#00B050');
    expect(solieu.conditionalFormats.filter((cf) => cf.formula === '=B4=""')).toHaveLength(1);
    // Fixing F5 also settled the balance warning of D5: one rule is left, none piled up.
    expect(solieu.conditionalFormats.filter((cf) => cf.formula?.includes(HIGHLIGHT_MARKER))).toHaveLength(1);
  });

  it('removes every highlight once the sheet is clean', async () => {
    const h = new FakeExcelHost();
    const clean = gridOfBook(communeSubmission(6));
    h.loadGrid(faultyCommuneGrid().grid);
    await checkOpenWorkbook(ctx(h), { registry });
    const s = h.sheet('SoLieu');
    for (const [r, row] of (clean.sheets[1]?.rows ?? []).entries()) row?.forEach((v, c) => s.setValue(r, c, v instanceof Date || (typeof v === 'object' && v !== null) ? null : v));
    const out = await checkOpenWorkbook(ctx(h), { registry });
    expect(out.result.ok).toBe(true);
    expect(s.conditionalFormats).toEqual([]);
  });

  it('highlights a protected template and protects it again', async () => {
    const h = new FakeExcelHost();
    h.loadGrid({ sheets: [{ name: 'Sheet1', rows: [] }] });
    await createTemplate(ctx(h), { form: FORM_4PHU_2024, registry, unitCode: '688', periodId: 'D1' });
    expect(h.sheet('SoLieu').protection.protected).toBe(true);
    h.resetStats();
    const out = await checkOpenWorkbook(ctx(h), { registry });
    expect(out.highlightError).toBeUndefined();
    expect(out.highlighted).toBeGreaterThan(0);
    expect(h.sheet('ThongTin').conditionalFormats.some((cf) => cf.formula?.includes(HIGHLIGHT_MARKER))).toBe(true);
    expect(h.sheet('SoLieu').protection.protected).toBe(true);
    expect(h.sheet('ThongTin').protection.protected).toBe(false);
  });

  it('caps the highlights and says how many were left out', async () => {
    const h = new FakeExcelHost();
    const grid = gridOfBook(communeSubmission(1200));
    const s = grid.sheets[1];
    // Every village's cccd_done typed as text: one error per row.
    s?.rows.forEach((row, r) => {
      if (r >= 3 && r < 3 + 1200 && row) (row as unknown[])[4] = String(row[4]) + ' ';
    });
    h.loadGrid(grid);
    const out = await checkOpenWorkbook(ctx(h), { registry });
    expect(out.highlighted).toBe(MAX_HIGHLIGHTED_CELLS);
    expect(out.highlightsSkipped).toBeGreaterThan(0);
    expect(h.stats.syncs).toBe(3);
    expect(h.stats.maxRequestBytes).toBeLessThan(h.payloadLimit);
  });

  it('skips highlights when the host lacks the requirement set, still validating', async () => {
    const h = new FakeExcelHost();
    h.loadGrid(faultyCommuneGrid().grid);
    const out = await checkOpenWorkbook(ctx(h), { registry, capabilities: { core: true, conditionalFormats: true, dataValidation: true, createWorkbook: true, charts: true, highlights: false, autoFilter: false } });
    expect(out.result.ok).toBe(false);
    expect(h.sheet('SoLieu').conditionalFormats).toEqual([]);
    expect(h.stats.syncs).toBe(2);
  });

  it('writes a faulty file back unchanged apart from highlights', async () => {
    const h = new FakeExcelHost();
    h.loadGrid({ sheets: [{ name: 'Sheet1', rows: [] }] });
    const book = communeSubmission(3);
    const c = h.newContext() as unknown as Excel.RequestContext;
    await writeOutputBook(c, book, [{ name: 'Sheet1', protected: false, protectionOptions: {} }]);
    const before = JSON.stringify(h.sheet('SoLieu').usedRange(true));
    await checkOpenWorkbook(ctx(h), { registry });
    expect(JSON.stringify(h.sheet('SoLieu').usedRange(true))).toBe(before);
  });
});

import { FORM_4PHU_2024 } from '../../core/forms/form-4phu-2024';
import { parseForm } from '../../core/forms/parse-form';
import type { SubmissionDataRow } from '../../core/submission/submission-data';
import { nationalRegistry } from '../../core/units/national-registry';
import { balancedRow, infoFor, reasonRows } from '../../../test/support/submission-fixtures';
import { renderSubmission } from '../../core/render/render-submission';
import { FakeExcelHost } from '../../../test/support/addin/fake-excel';
import { gridOfBook } from '../../../test/support/addin/sample-books';
import { checkOpenWorkbook } from './check-workbook';
import { computeInPlace } from './compute-in-place';
import { openWorkbookForm } from './read-form-sheets';

const registry = nationalRegistry();
const ctx = (h: FakeExcelHost): Excel.RequestContext => h.newContext() as unknown as Excel.RequestContext;

/** A form PHU does not ship: 4PHU-2024 renamed, its main sheet called DuLieu. */
function customForm() {
  const json = JSON.parse(JSON.stringify(FORM_4PHU_2024)) as { id: string; mainTable: string; tables: Array<{ sheet: string }>; indicators: Array<{ table: string }>; rules: Array<{ otherTable?: string }> };
  json.id = 'DA06-2026';
  json.mainTable = 'DuLieu';
  json.tables[0]!.sheet = 'DuLieu';
  json.indicators.forEach((i) => (i.table = 'DuLieu'));
  json.rules.forEach((r) => (r.otherTable = 'DuLieu'));
  const { form, findings } = parseForm(json);
  if (!form) throw new Error(findings.map((f) => f.message_en).join(' '));
  return form;
}

function customWorkbook() {
  const form = customForm();
  const rows: SubmissionDataRow[] = Array.from({ length: 4 }, (_, i) => balancedRow(`T${i + 1}`, `Thôn ${i + 1}`, i + 1));
  const sum = (k: string): number => rows.reduce((s, r) => s + (r.values[k] ?? 0), 0);
  const info = { ...infoFor('xa', '25216', 'Phường Thác Mơ', '688'), form: form.id };
  return gridOfBook(renderSubmission(form, { info, tables: { DuLieu: rows, LyDo: reasonRows(sum('cccd_processed'), sum('ddt_processed')) } }));
}

describe('the pane with a workbook made from a form PHU does not ship', () => {
  it('Kiểm tra checks it against the form it carries, sheets of other names included', async () => {
    const h = new FakeExcelHost();
    h.loadGrid(customWorkbook());
    const out = await checkOpenWorkbook(ctx(h), { registry });
    expect(out.form.id).toBe('DA06-2026');
    expect(out.result.findings).toEqual([]);
  });

  it('Tính toán computes its rates on the carried form main sheet', async () => {
    const h = new FakeExcelHost();
    h.loadGrid(customWorkbook());
    const out = await computeInPlace(ctx(h), { registry });
    expect(out.added).toContain('cccd_rate');
    expect(h.sheet('DuLieu').value(2, 15)).toBe('cccd_rate');
  });

  it('Tạo biểu mẫu can take the form the open workbook carries; a workbook without one gives none, and no finding', async () => {
    const h = new FakeExcelHost();
    h.loadGrid(customWorkbook());
    expect((await openWorkbookForm(ctx(h))).form?.id).toBe('DA06-2026');
    const plain = new FakeExcelHost();
    plain.loadGrid({ sheets: [{ name: 'Sheet1', rows: [['x']] }] });
    expect(await openWorkbookForm(ctx(plain))).toEqual({ findings: [] });
    const edited = customWorkbook();
    const formRows = edited.sheets.find((s) => s.name === 'PHU_MauBieu')?.rows as unknown[][] | undefined;
    if (!formRows?.[1]) throw new Error('no form sheet');
    formRows[1][0] = String(formRows[1][0]).replace('DuLieu', 'SoLieu');
    const bad = new FakeExcelHost();
    bad.loadGrid(edited);
    const got = await openWorkbookForm(ctx(bad));
    expect(got.form).toBeUndefined();
    expect(got.findings.map((f) => f.code)).toEqual(['form_carried_invalid', 'form_reference_unknown']);
  });
});

import { FORM_4PHU_2024 } from '../../core/forms/form-4phu-2024';
import { nationalRegistry } from '../../core/units/national-registry';
import { validateSubmission } from '../../core/validate/validate-submission';
import { queueSheetRead, sheetGridOf } from '../excel/read-sheets';
import { FakeExcelHost } from '../../../test/support/addin/fake-excel';
import { createTemplate } from './create-template';

const registry = nationalRegistry();
const form = FORM_4PHU_2024;

function freshHost(): FakeExcelHost {
  const h = new FakeExcelHost();
  h.loadGrid({ sheets: [{ name: 'Sheet1', rows: [] }] });
  return h;
}

describe('createTemplate', () => {
  it('prefills and locks the targets of a target table, leaving the other inputs open', async () => {
    const h = freshHost();
    const [a, b] = registry.children('688');
    if (!a || !b) throw new Error('fixture');
    const out = await createTemplate(h.newContext() as unknown as Excel.RequestContext, { form, registry, unitCode: '688', periodId: 'D1', targets: { [a.code]: { cccd_target: 1250, ddt_target: 900 } } });
    expect('written' in out).toBe(true);
    const s = h.sheet('SoLieu');
    const keys = Array.from({ length: 30 }, (_, c) => s.value(2, c));
    const col = (k: string): number => keys.indexOf(k);
    expect([s.value(3, 1), s.value(3, col('cccd_target')), s.value(3, col('ddt_target'))]).toEqual([a.code, 1250, 900]);
    expect(s.isLocked(3, col('cccd_target'))).toBe(true);
    expect(s.isLocked(3, col('cccd_done'))).toBe(false);
    expect([s.value(4, 1), s.value(4, col('cccd_target'))]).toEqual([b.code, null]);
    expect(s.isLocked(4, col('cccd_target'))).toBe(false);
  });

  it('makes a province template that reads back as a valid blank submission of the province', async () => {
    const h = freshHost();
    await createTemplate(h.newContext() as unknown as Excel.RequestContext, { form, registry, unitCode: '70', periodId: 'D2' });
    const c = h.newContext() as unknown as Excel.RequestContext;
    const reads = ['ThongTin', 'SoLieu', 'LyDo'].map((n) => queueSheetRead(c, n));
    await c.sync();
    const result = validateSubmission({ sheets: reads.map(sheetGridOf) }, { form, registry });
    expect(result.submission.info).toMatchObject({ unit_code: '70', level: 'tinh', period: 'D2' });
    // Only what the unit types: the report date (parent code VN is the country, accepted).
    expect(result.findings.map((f) => `${f.code} ${f.cell ?? ''}`)).toEqual([expect.stringMatching(/^info_missing /)]);
    expect(result.submission.tables.SoLieu?.rows.map((r) => r.code)).toEqual(registry.children('70').map((u) => u.code));
  });
});

import { campaignTemplates } from '../../src/core/campaign/campaign-templates';
import { completenessRows } from '../../src/core/campaign/completeness-table';
import { previousFromWorkbook } from '../../src/core/consolidate/previous-figures';
import { renderTargetTable } from '../../src/core/campaign/render-target-table';
import { readTargetTable } from '../../src/core/campaign/target-table';
import type { ChildReport } from '../../src/core/consolidate/child-report';
import { consolidate } from '../../src/core/consolidate/consolidate';
import type { Consolidation } from '../../src/core/consolidate/consolidation';
import { reportFromValidation } from '../../src/core/consolidate/report-from-validation';
import { FORM_4PHU_2024 } from '../../src/core/forms/form-4phu-2024';
import type { PeriodDef } from '../../src/core/forms/form-schema';
import { renderConsolidation } from '../../src/core/render/render-consolidation';
import type { Unit } from '../../src/core/units/unit';
import { UnitRegistry } from '../../src/core/units/unit-registry';
import { validateSubmission } from '../../src/core/validate/validate-submission';
import type { ValidationContext } from '../../src/core/validate/validation-context';
import { asGrid, fillCommune, targetsFor } from './campaign-fixtures';

/**
 * Since mid-2025 communes report straight to the province. A two-level
 * registry (province -> communes) runs the whole campaign with the same
 * code as the shipped three-level one: targets, templates, submissions,
 * consolidation, the next period.
 */
const form = FORM_4PHU_2024;
const units: Unit[] = [
  { code: '70', name: 'Tỉnh Bình Phước', shortName: 'Bình Phước', level: 'tinh' },
  { code: '25216', name: 'Phường Thác Mơ', shortName: 'Thác Mơ', level: 'xa', parentCode: '70' },
  { code: '25217', name: 'Phường Long Thủy', shortName: 'Long Thủy', level: 'xa', parentCode: '70' },
  { code: '25222', name: 'Xã Long Giang', shortName: 'Long Giang', level: 'xa', parentCode: '70' },
];
const registry = new UnitRegistry({ levels: ['tinh', 'xa'], units });
const province = units[0] as Unit;
const communes = registry.children('70');
const [d1, d2] = form.periods as [PeriodDef, PeriodDef];

const table = readTargetTable(asGrid(renderTargetTable(form, [province, ...communes], targetsFor(registry, communes, [province]))), form, registry, { file: 'chi-tieu-70.xlsx' });

/** Each commune's file of a period, read and validated as the province would. */
function reportsOf(period: PeriodDef, share: (code: string) => number | undefined, previous?: ValidationContext['previous']): ChildReport[] {
  return campaignTemplates(form, registry, province, period, { targets: table.targets, villageRows: 4 }).flatMap((t) => {
    const s = share(t.unit.code);
    if (s === undefined) return [];
    const date = period.id === 'D1' ? '2024-05-09' : '2024-06-10';
    const grid = fillCommune(asGrid(t.book), date, s);
    const result = validateSubmission(grid, { form, registry, file: t.path, expect: { period: period.id }, targets: table.targets, ...(previous ? { previous } : {}) });
    return [reportFromValidation({ file: t.path, bytes: 1, sha256: t.path }, [], result, form)];
  });
}

describe('a campaign on a two-level registry (communes straight into the province)', () => {
  let c1: Consolidation;

  it('writes one prefilled template per commune of the province, with its own targets in the total row', () => {
    expect(table.findings).toEqual([]);
    const files = campaignTemplates(form, registry, province, d1, { targets: table.targets });
    expect(files.map((f) => f.path)).toEqual(communes.map((u) => `4PHU-2024/D1/70 Tỉnh Bình Phước/${u.code} ${u.name}.xlsx`));
    const so = files[0]?.book.sheets.find((s) => s.name === 'SoLieu');
    expect(so?.rows.at(-1)?.[3]).toBe(table.targets['25216']?.cccd_target);
  });

  it('consolidates the communes into the province: valid, targets checked, completeness counted', () => {
    // Long Giang does not report in đợt 1.
    const reports = reportsOf(d1, (code) => (code === '25222' ? undefined : 0.3));
    expect(reports.flatMap((r) => r.findings).filter((f) => f.severity === 'error')).toEqual([]);
    c1 = consolidate(reports, { form, registry, parentCode: '70', period: 'D1', reportDate: '2024-05-10' });
    expect(c1.children.map((r) => [r.unit.code, r.status])).toEqual([
      ['25216', 'on_time'],
      ['25217', 'on_time'],
      ['25222', 'missing'],
    ]);
    expect(c1.total.values.cccd_target).toBe((table.targets['25216']?.cccd_target ?? 0) + (table.targets['25217']?.cccd_target ?? 0));
    expect(completenessRows(c1).total).toMatchObject({ expected: 3, submitted: 2, onTime: 2, missing: 1 });
    // Targets are checked on the communes' files: the province's total only sums the communes that reported.
    const back = validateSubmission(asGrid(renderConsolidation(form, c1, { completeness: true })), { form, registry, expect: { period: 'D1', level: 'tinh' } });
    expect(back.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(back.submission.info).toMatchObject({ unit_code: '70', level: 'tinh' });
    expect(back.submission.info.parent_code).toBeUndefined();
  });

  it('refuses a commune whose target differs from the one assigned', () => {
    const [first] = campaignTemplates(form, registry, province, d1, { targets: table.targets });
    const grid = fillCommune(asGrid(first?.book ?? { sheets: [] }), '2024-05-09', 0.3);
    const so = grid.sheets.find((s) => s.name === 'SoLieu');
    const total = so?.rows.at(-1) as unknown[] | undefined;
    if (total) total[3] = (table.targets['25216']?.cccd_target ?? 0) + 30;
    const r = validateSubmission(grid, { form, registry, targets: table.targets });
    expect(r.findings.filter((f) => f.code === 'target_mismatch').map((f) => f.params)).toEqual([{ column: 'cccd_target', assigned: table.targets['25216']?.cccd_target, submitted: (table.targets['25216']?.cccd_target ?? 0) + 30 }]);
    expect(r.ok).toBe(false);
  });

  it('measures đợt 2 against đợt 1 and flags a figure that went down', () => {
    const previous = previousFromWorkbook(asGrid(renderConsolidation(form, c1)), form, registry).previous;
    if (!previous) throw new Error('no previous period');
    // Long Thủy's đợt 2 file says less than its đợt 1 one.
    const reports = reportsOf(d2, (code) => (code === '25217' ? 0.2 : 0.6), previous.byUnit);
    const thuy = reports.find((r) => r.info?.unit_code === '25217');
    expect(thuy?.findings.map((f) => `${f.code} ${f.cell ?? ''} ${String(f.params['column' as keyof typeof f.params] ?? '')}`)).toEqual([
      'decreased_since_previous E8 cccd_done',
      'decreased_since_previous I8 ddt_done',
      'decreased_since_previous M8 phone4g_done',
      'decreased_since_previous O8 simcks_done',
    ]);
    const c2 = consolidate(reports, { form, registry, parentCode: '70', period: 'D2', reportDate: '2024-06-11', previous });
    expect(c2.progress?.units.map((u) => u.indicators['cccd']?.change === null)).toEqual([false, false, true]);
    expect((c2.progress?.units[0]?.indicators['cccd']?.change ?? 0) > 0).toBe(true);
    expect((c2.progress?.units[1]?.indicators['cccd']?.change ?? 0) < 0).toBe(true);
    expect(c2.narrative.at(-2)).toMatch(/^So với đợt 1 \(02\/03 đơn vị có số liệu cả hai kỳ\): .* cần kiểm tra lại: Long Thủy \(/);
  });
});

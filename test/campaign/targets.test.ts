import ExcelJS from 'exceljs';
import { campaignTemplates } from '../../src/core/campaign/campaign-templates';
import { renderTargetTable } from '../../src/core/campaign/render-target-table';
import { readTargetTable, TARGET_SHEET } from '../../src/core/campaign/target-table';
import { templatePath } from '../../src/core/campaign/template-path';
import { FORM_4PHU_2024 } from '../../src/core/forms/form-4phu-2024';
import type { WorkbookGrid } from '../../src/core/grid/sheet-grid';
import { nationalRegistry } from '../../src/core/units/national-registry';
import { getCell, setCell, setCells } from '../support/submission-fixtures';
import { validateSubmission } from '../../src/core/validate/validate-submission';
import type { ValidationResult } from '../../src/core/validate/validation-context';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { writeWorkbook } from '../../src/xlsx/write-workbook';
import { asGrid, targetsFor, targetsOf, unitOf } from './campaign-fixtures';

const form = FORM_4PHU_2024;
const registry = nationalRegistry();
const d1 = form.periods[0] ?? (undefined as never);
const phuocLong = unitOf(registry, '688');
const communes = registry.children('688');
const where = (r: { findings: ValidationResult['findings'] }): string[] => r.findings.map((f) => `${f.code} ${f.severity} ${f.sheet ?? ''}!${f.cell ?? ''}`);

describe('target table (ChiTieu)', () => {
  const assigned = targetsFor(registry, communes, [phuocLong]);
  const sheet = asGrid(renderTargetTable(form, [phuocLong, ...communes], assigned));

  it('reads back what was written: every unit, every target column', () => {
    const t = readTargetTable(sheet, form, registry, { file: 'chi-tieu.xlsx' });
    expect(t.findings).toEqual([]);
    expect(t.columns).toEqual(['cccd_target', 'ddt_target', 'phone4g_target', 'simcks_target']);
    expect(t.rows.map((r) => r.code)).toEqual(['688', ...communes.map((c) => c.code)]);
    expect(t.targets).toEqual(assigned);
  });

  it('accepts columns in any order, a partial table, codes typed as numbers, blanks as not assigned', () => {
    const grid: WorkbookGrid = {
      sheets: [
        {
          name: 'chi tieu',
          rows: [['Ghi chú: bảng chỉ tiêu đợt 1'], ['Chỉ tiêu 4G', 'Mã', 'Tên'], ['phone4g_target', 'unit_code', 'unit_name'], [120, 25216, 'Thác Mơ'], [null, '25217', 'Phường Long Thủy'], [], [90, ' 25219 ', null]],
        },
      ],
    };
    const t = readTargetTable(grid, form, registry);
    expect(t.findings).toEqual([]);
    expect(t.targets).toEqual({ '25216': { phone4g_target: 120 }, '25217': {}, '25219': { phone4g_target: 90 } });
  });

  it('reports every problem with its cell, and keeps the good rows', () => {
    const bad = setCells(sheet, TARGET_SHEET, {
      G2: 'cccd_done',
      A4: '99999',
      C5: '1.250',
      A6: '25217',
      B7: 'Xã Không Tên',
      D3: (getCell(sheet, TARGET_SHEET, 'D3') as number) + 1,
    });
    const t = readTargetTable(bad, form, registry, { file: 'chi-tieu.xlsx' });
    expect(where(t)).toEqual([
      'target_column_unknown error ChiTieu!G2',
      'unit_unknown error ChiTieu!A4',
      'number_as_text error ChiTieu!C5',
      'row_duplicate error ChiTieu!A6',
      'unit_name_mismatch warning ChiTieu!B7',
    ]);
    expect(t.findings.every((f) => f.file === 'chi-tieu.xlsx')).toBe(true);
    expect(t.findings[0]?.params).toEqual({ key: 'cccd_done', allowed: 'cccd_target, ddt_target, phone4g_target, simcks_target' });
    expect(t.findings[2]?.params).toEqual({ value: '1.250', intended: 1250 });
    expect(t.targets['25217']).toBeDefined();
    expect(t.targets['25217']?.cccd_target).toBeUndefined();
  });

  it("reports a unit's own target that differs from the sum over its units", () => {
    const t = readTargetTable(setCell(sheet, TARGET_SHEET, 'D3', 1), form, registry);
    expect(where(t)).toEqual(['target_split_mismatch error ChiTieu!D3']);
    expect(t.findings[0]?.message_vi).toBe(`Chỉ tiêu "ddt_target" giao cho 688 là 1, nhưng tổng chỉ tiêu giao cho các đơn vị trực thuộc là ${String(assigned['688']?.ddt_target).replace(/\B(?=(\d{3})+$)/g, '.')}.`);
  });

  it('reports a missing sheet, a missing code column, no target column', () => {
    expect(where(readTargetTable({ sheets: [] }, form, registry))).toEqual(['sheet_missing error ChiTieu!A1']);
    const noCode = readTargetTable({ sheets: [{ name: 'ChiTieu', rows: [[], ['ma', 'unit_name', 'cccd_target']] }] }, form, registry);
    expect(where(noCode)).toEqual(['target_column_unknown error ChiTieu!A2', 'column_missing error ChiTieu!A2']);
    const noTargets = readTargetTable({ sheets: [{ name: 'ChiTieu', rows: [[], ['unit_code', 'unit_name']] }] }, form, registry);
    expect(where(noTargets)).toEqual(['column_missing error ChiTieu!C2']);
  });
});

describe('campaignTemplates: one prefilled submission per unit', () => {
  const table = readTargetTable(asGrid(renderTargetTable(form, [phuocLong, ...communes], targetsFor(registry, communes, [phuocLong]))), form, registry);

  it('writes one template per commune of the district, named by the folder convention', () => {
    const files = campaignTemplates(form, registry, phuocLong, d1, { targets: table.targets });
    expect(files.map((f) => f.path)).toEqual(communes.map((c) => `4PHU-2024/D1/688 Thị xã Phước Long/${c.code} ${c.name}.xlsx`));
    expect(templatePath(form, d1, phuocLong, unitOf(registry, '25216'))).toBe('4PHU-2024/D1/688 Thị xã Phước Long/25216 Phường Thác Mơ.xlsx');
    expect(files.every((f) => f.assigned.length === 4)).toBe(true);
  });

  // A commune's SoLieu: 10 village rows (4-13), the total row 14; D cccd_target, L phone4g_target.
  const thacMo = campaignTemplates(form, registry, phuocLong, d1, { targets: table.targets })[0];
  const so = thacMo?.book.sheets.find((s) => s.name === 'SoLieu');
  const own = targetsOf('25216');

  it("puts the commune's assigned targets in its locked total row, the villages' split open, key rows protected", () => {
    expect(so?.protect).toBe(true);
    expect(so?.hiddenRows).toEqual([2]);
    expect(so?.rows[13]?.[3]).toBe(own.cccd_target);
    expect(so?.rows[13]?.[11]).toBe(own.phone4g_target);
    // Targets are values, the rest are sums of the villages.
    expect(so?.formulas?.map((f) => f.col)).toEqual([4, 5, 6, 8, 9, 10, 12, 14]);
    expect(so?.inputs).toContainEqual({ top: 3, left: 3, bottom: 12, right: 3 });
    expect(so?.inputs?.some((r) => r.bottom >= 13)).toBe(false);
    expect(so?.textInputs).toEqual([
      { range: { top: 3, left: 1, bottom: 12, right: 1 } },
      { range: { top: 3, left: 2, bottom: 12, right: 2 } },
    ]);
  });

  it('reads back: a filled template passes, a changed target is an error naming both values', () => {
    const dated = setCell(asGrid(thacMo?.book ?? { sheets: [] }), 'ThongTin', 'C11', new Date(Date.UTC(2024, 4, 9)));
    const filled = setCells(dated, 'SoLieu', {
      B4: 'KP1',
      C4: 'Khu phố 1',
      D4: own.cccd_target - 100,
      H4: own.ddt_target,
      L4: own.phone4g_target,
      N4: own.simcks_target,
      C5: 'Khu phố 2',
      D5: 100,
    });
    const ok = validateSubmission(filled, { form, registry, targets: table.targets, expect: { period: 'D1' } });
    expect(ok.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const changed = validateSubmission(setCell(filled, 'SoLieu', 'D14', own.cccd_target + 5), { form, registry, targets: table.targets });
    const mismatch = changed.findings.find((f) => f.code === 'target_mismatch');
    expect(mismatch).toMatchObject({ severity: 'error', sheet: 'SoLieu', cell: 'D14', params: { column: 'cccd_target', assigned: own.cccd_target, submitted: own.cccd_target + 5 } });
    expect(changed.ok).toBe(false);
    // Villages that do not add up to the commune's target: the total row says so.
    const short = validateSubmission(setCell(filled, 'SoLieu', 'D5', 99), { form, registry, targets: table.targets });
    expect(where(short).filter((w) => w.includes('error'))).toEqual(['total_mismatch error SoLieu!D14']);
  });

  it("fills a district's template with its communes' targets, locked", () => {
    const districts = campaignTemplates(form, registry, unitOf(registry, '70'), d1, { targets: table.targets });
    const pl = districts.find((f) => f.unit.code === '688');
    expect(pl?.path).toBe('4PHU-2024/D1/70 Tỉnh Bình Phước/688 Thị xã Phước Long.xlsx');
    const sheet = pl?.book.sheets.find((s) => s.name === 'SoLieu');
    expect(sheet?.rows.slice(3, 10).map((r) => r[3])).toEqual(communes.map((c) => targetsOf(c.code).cccd_target));
    expect(sheet?.inputs?.some((r) => r.left === 3)).toBe(false);
    expect(sheet?.formulas?.find((f) => f.col === 3)?.result).toBe(targetsFor(registry, communes, [phuocLong])['688']?.cccd_target);
    // Districts the table says nothing about: target cells open to the district.
    const other = districts.find((f) => f.unit.code === '689')?.book.sheets.find((s) => s.name === 'SoLieu');
    expect(other?.inputs).toContainEqual({ top: 3, left: 3, bottom: 10, right: 3 });
    expect(districts.find((f) => f.unit.code === '689')?.assigned).toEqual([]);
  });

  it('survives the xlsx round trip: targets locked, village names and figures open', async () => {
    const bytes = await writeWorkbook(thacMo?.book ?? { sheets: [] });
    const read = await readWorkbook(bytes);
    expect(read.findings).toEqual([]);
    const r = validateSubmission(read.book ?? { sheets: [] }, { form, registry, targets: table.targets });
    // A blank template lacks only what its unit types: the report date, and villages to split the targets over.
    expect(where(r)).toEqual([
      'info_missing error ThongTin!C11',
      'total_mismatch error SoLieu!D14',
      'total_mismatch error SoLieu!H14',
      'total_mismatch error SoLieu!L14',
      'total_mismatch error SoLieu!N14',
      'balance_short warning SoLieu!D14',
      'balance_short warning SoLieu!H14',
    ]);
    expect(r.submission.tables['SoLieu']?.total?.values['cccd_target']).toBe(own.cccd_target);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('SoLieu');
    expect(ws?.getCell('D14').protection?.locked).not.toBe(false);
    expect(ws?.getCell('C4').protection?.locked).toBe(false);
    expect(ws?.getCell('D4').protection?.locked).toBe(false);
    expect(ws?.getCell('E14').value).toEqual({ formula: 'SUM(E4:E13)' });
  });
});

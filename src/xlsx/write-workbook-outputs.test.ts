import ExcelJS from 'exceljs';
import { consolidate } from '../core/consolidate/consolidate';
import { reportFromValidation } from '../core/consolidate/report-from-validation';
import { FORM_4PHU_2024 } from '../core/forms/form-4phu-2024';
import { renderConsolidation } from '../core/render/render-consolidation';
import { renderSubmission } from '../core/render/render-submission';
import { nationalRegistry } from '../core/units/national-registry';
import { validateSubmission } from '../core/validate/validate-submission';
import { generateProvince } from '../sample/generate-province';
import { readWorkbook } from './read-workbook';
import { writeWorkbook } from './write-workbook';

type CfSheet = { conditionalFormattings: Array<{ ref: string; rules: Array<{ type: string }> }> };

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

describe("PHU's own outputs, read back by ExcelJS", () => {
  const form = FORM_4PHU_2024;
  const registry = nationalRegistry();
  const generated = generateProvince({ rootCode: '688', seed: 2 });
  let consolidated: ExcelJS.Workbook;
  let template: ExcelJS.Workbook;
  let communeCount = 0;

  beforeAll(async () => {
    const reports = [];
    for (const f of generated.files) {
      const bytes = await writeWorkbook(renderSubmission(form, f.data));
      const read = await readWorkbook(bytes);
      const validation = read.book ? validateSubmission(read.book, { form, registry, file: f.fileName }) : undefined;
      reports.push(reportFromValidation({ file: f.fileName, bytes: bytes.length, sha256: '' }, read.findings, validation, form));
    }
    const c = consolidate(reports, { form, registry, parentCode: '688', period: 'TK', reportDate: '2024-07-08' });
    communeCount = c.children.length;
    consolidated = await load(await writeWorkbook(renderConsolidation(form, c, { completeness: true })));
    const first = generated.files[0];
    if (!first) throw new Error('no file generated');
    template = await load(await writeWorkbook(renderSubmission(form, first.data, { template: true })));
  });

  it('prints SoLieu on A4 landscape, one page wide, with its group, label and key rows on every page', () => {
    const ws = consolidated.getWorksheet('SoLieu');
    expect(ws?.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:3' });
    expect(ws?.getRow(3).hidden).toBe(true);
    expect(ws?.model.merges.length).toBeGreaterThan(0);
    expect(ws?.getCell('D1').alignment).toMatchObject({ wrapText: true, horizontal: 'center' });
  });

  it('puts one data bar on each rate column, from the first data row (below the key row) to the last unit', () => {
    const last = 3 + communeCount;
    const formats = (consolidated.getWorksheet('SoLieu') as unknown as CfSheet).conditionalFormattings;
    expect(formats.length).toBe(4);
    for (const f of formats) {
      expect(f.ref).toMatch(new RegExp(`^[A-Z]+4:[A-Z]+${last}$`));
      expect(f.rules.map((r) => r.type)).toEqual(['dataBar']);
    }
  });

  it('wraps NhanXet and prints every list sheet with its header row repeated', () => {
    const notes = consolidated.getWorksheet('NhanXet');
    expect(notes?.getCell('A1').alignment).toMatchObject({ wrapText: true });
    expect(notes?.pageSetup).toMatchObject({ orientation: 'portrait', fitToPage: true });
    for (const name of ['KiemTra', 'NguonDuLieu']) expect([name, consolidated.getWorksheet(name)?.pageSetup.printTitlesRow]).toEqual([name, '1:1']);
    expect(consolidated.getWorksheet('TinhHinhNop')?.pageSetup.printTitlesRow).toBe('1:2');
  });

  it('keeps a template protected with its count cells open to whole numbers >= 0 and its totals as SUM formulas', () => {
    const ws = template.getWorksheet('SoLieu');
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean } } | undefined)?.sheetProtection).toMatchObject({ sheet: true });
    expect(ws?.getCell('E4').protection?.locked).toBe(false);
    expect(ws?.getCell('E4').dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(ws?.getCell('A4').protection?.locked).not.toBe(false);
    const total = ws?.getRow(ws.rowCount).getCell(4).value;
    expect(total).toMatchObject({ formula: expect.stringMatching(/^SUM\(D4:D\d+\)$/) as unknown as string });
    expect(ws?.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  });
});

import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { forgeZip } from '../../test/corpus/forge-zip';
import { consolidate } from '../core/consolidate/consolidate';
import { reportFromValidation } from '../core/consolidate/report-from-validation';
import { FORM_4PHU_2024 } from '../core/forms/form-4phu-2024';
import { renderConsolidation } from '../core/render/render-consolidation';
import { renderSubmission } from '../core/render/render-submission';
import { nationalRegistry } from '../core/units/national-registry';
import { validateSubmission } from '../core/validate/validate-submission';
import { generateProvince } from '../sample/generate-province';
import { preflightWorkbook } from './preflight-workbook';
import { resolveReadLimits } from './read-limits';
import { readValues } from './read-values';
import { readWorkbook } from './read-workbook';
import { writeWorkbook } from './write-workbook';

const limits = resolveReadLimits();

/** Whether PHU's own reader took the file (rather than handing it to ExcelJS). */
function direct(bytes: Uint8Array): boolean {
  const checked = preflightWorkbook(bytes, limits).checked;
  if (!checked) throw new Error('refused by the preflight');
  return readValues(checked, limits.maxXmlDepth) !== undefined;
}

/** Both readers give the same grids and findings. */
async function sameAsExcelJS(bytes: Uint8Array): Promise<void> {
  const mine = await readWorkbook(bytes);
  const theirs = await readWorkbook(bytes, { engine: 'exceljs' });
  expect(mine).toStrictEqual(theirs);
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A one-sheet package written by hand, with shared strings and styles when given. */
function handMade(sheetData: string, opts: { strings?: string[] | string; styles?: string; workbookPr?: string; sheetName?: string; after?: string } = {}): Uint8Array {
  const strings =
    opts.strings === undefined ? undefined : typeof opts.strings === 'string' ? opts.strings : `<sst xmlns="${MAIN}">${opts.strings.map((s) => `<si>${s}</si>`).join('')}</sst>`;
  const rels = [`<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`];
  if (strings !== undefined) rels.push(`<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (opts.styles !== undefined) rels.push(`<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>`);
  const entries = [
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>' },
    { name: '_rels/.rels', data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', data: `<workbook xmlns="${MAIN}" xmlns:r="${REL}">${opts.workbookPr ?? ''}<sheets><sheet name="${opts.sheetName ?? 'SoLieu'}" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>` },
    { name: 'xl/worksheets/sheet1.xml', data: `<worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData>${opts.after ?? ''}</worksheet>` },
    ...(strings === undefined ? [] : [{ name: 'xl/sharedStrings.xml', data: strings }]),
    ...(opts.styles === undefined ? [] : [{ name: 'xl/styles.xml', data: opts.styles }]),
  ];
  return forgeZip(entries);
}

/** Cell styles: 0 General, 1 built-in date (14), 2 custom date, 3 custom text with a quoted "d", 4 percent. */
const STYLES =
  `<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="&quot;ngày&quot;\\ 0"/></numFmts>` +
  '<cellXfs count="5"><xf numFmtId="14"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="10"/></cellXfs></styleSheet>';

describe('readValues gives what ExcelJS gives', () => {
  it("reads PHU's own files itself: commune submissions with faults, templates, a district consolidation", async () => {
    const registry = nationalRegistry();
    const generated = generateProvince({ rootCode: '688', seed: 4, faults: { invalid: 1, late: 1, staleDuplicate: 1 } });
    const files: Uint8Array[] = [];
    const reports = [];
    for (const f of generated.files) {
      const bytes = await writeWorkbook(renderSubmission(FORM_4PHU_2024, f.data));
      files.push(bytes);
      const read = await readWorkbook(bytes);
      const validation = read.book ? validateSubmission(read.book, { form: FORM_4PHU_2024, registry, file: f.fileName }) : undefined;
      reports.push(reportFromValidation({ file: f.fileName, bytes: bytes.length, sha256: '' }, read.findings, validation, FORM_4PHU_2024));
    }
    const first = generated.files[0];
    if (first) files.push(await writeWorkbook(renderSubmission(FORM_4PHU_2024, first.data, { template: true })));
    files.push(await writeWorkbook(renderConsolidation(FORM_4PHU_2024, consolidate(reports, { form: FORM_4PHU_2024, registry, parentCode: '688', period: 'TK', reportDate: '2024-07-08' }))));
    for (const bytes of files) {
      expect(direct(bytes)).toBe(true);
      await sameAsExcelJS(bytes);
    }
  });

  it('reads dates by their cell style as ExcelJS does, 1904 dates, and never style 0', async () => {
    const sheet =
      '<row r="1"><c r="A1" s="1"><v>45390</v></c><c r="B1" s="2"><v>45390.5</v></c><c r="C1" s="3"><v>12</v></c><c r="D1" s="4"><v>0.5514</v></c><c r="E1" s="0"><v>45390</v></c><c r="F1"><v>45390</v></c></row>' +
      '<row r="2"><c r="A2" s="2" t="str"><f>TEXT(1,"0")</f><v>abc</v></c><c r="B2" s="2"><f>A1+1</f><v>45391</v></c><c r="C2" s="9"><v>7</v></c></row>';
    for (const workbookPr of ['', '<workbookPr date1904="1"/>']) {
      const bytes = handMade(sheet, { styles: STYLES, workbookPr });
      expect(direct(bytes)).toBe(true);
      await sameAsExcelJS(bytes);
    }
    const rows = (await readWorkbook(handMade(sheet, { styles: STYLES }))).book?.sheets[0]?.rows ?? [];
    expect(rows[0]?.[0]).toEqual(new Date(Date.UTC(2024, 3, 8)));
    expect(rows[0]?.slice(2)).toEqual([12, 0.5514, 45390, 45390]);
    // A date format on a formula with a text result: ExcelJS makes an invalid date of it.
    expect(rows[1]?.[0]).toEqual({ error: '#NUM!' });
  });

  it('reads shared strings, rich text, phonetic runs, escapes, entities, booleans, errors and formula results alike', async () => {
    const strings = [
      '<t>Phường Thác Mơ</t>',
      '<r><t>Ấp </t></r><r><rPr><b/></rPr><t xml:space="preserve">1 </t></r>',
      '<t>Tổng</t><rPh sb="0" eb="1"><t>X</t></rPh><phoneticPr fontId="1"/>',
      '<t>dòng_x000D_hai &amp; &lt;ba&gt; &#7871;</t>',
      '<t></t>',
      '<t/>',
    ];
    const sheet =
      '<row r="1">' + strings.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join('') + '</row>' +
      '<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="b"><v>0</v></c><c r="C3" t="e"><v>#N/A</v></c><c r="D3" t="str"><v>a &amp;amp;lt; b</v></c><c r="E3" t="inlineStr"><is><t xml:space="preserve"> Ấp 2 </t></is></c><c r="F3" t="n"><v> 12.50 </v></c><c r="G3"><v>abc</v></c></row>' +
      '<row r="5"><c r="B5" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C5" t="b"><f>TRUE()</f><v>1</v></c><c r="D5" t="str"><f>"x"</f><v>x &amp;amp; y</v></c><c r="E5"><f t="shared" ref="E5:E6" si="0">A1</f><v>3</v></c></row>' +
      '<row r="6"><c r="E6"><f t="shared" si="0"/><v>4</v></c><c r="F6" s="1"/><c r="G6"><v></v></c></row>';
    const bytes = handMade(sheet, { strings, styles: STYLES });
    expect(direct(bytes)).toBe(true);
    await sameAsExcelJS(bytes);
    const rows = (await readWorkbook(bytes)).book?.sheets[0]?.rows ?? [];
    expect(rows[0]).toEqual(['Phường Thác Mơ', 'Ấp 1 ', 'Tổng', 'dòng\rhai & <ba> ế', '', '']);
    expect(rows[1]).toBeUndefined();
    expect(rows[2]).toEqual([true, false, { error: '#N/A' }, 'a &lt; b', ' Ấp 2 ', 12.5, { error: '#NUM!' }]);
    expect(rows[4]).toEqual([null, { error: '#DIV/0!' }, true, 'x & y', 3]);
    expect(rows[5]).toEqual([null, null, null, null, 4]);
  });

  it('keeps a merged range value in its top-left cell only', async () => {
    const sheet = '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row><row r="2"><c r="A2"><v>4</v></c><c r="B2"><v>5</v></c></row><row r="3"><c r="B3"><v>6</v></c></row>';
    const bytes = handMade(sheet, { after: '<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="B3:C3"/></mergeCells>' });
    expect(direct(bytes)).toBe(true);
    await sameAsExcelJS(bytes);
    expect((await readWorkbook(bytes)).book?.sheets[0]?.rows).toEqual([[1, null, 3], undefined, [null, 6]]);
  });

  it('reads inline rich text itself, as ExcelJS joins its runs', async () => {
    for (const bytes of [
      handMade('<row r="1"><c r="A1" t="inlineStr"><is><r><t>Ấp </t></r><r><rPr><b/></rPr><t xml:space="preserve">1 </t></r></is></c></row>'),
      handMade('<row r="1"><c r="A1" t="inlineStr"><is><r><t></t></r></is></c><c r="B1" t="inlineStr"><is><r><t/></r><r><t>x</t></r></is></c></row>'),
    ]) {
      expect(direct(bytes)).toBe(true);
      await sameAsExcelJS(bytes);
    }
    expect((await readWorkbook(handMade('<row r="1"><c r="A1" t="inlineStr"><is><r><t>Ấp </t></r><r><t>1</t></r></is></c></row>'))).book?.sheets[0]?.rows).toEqual([['Ấp 1']]);
  });

  it('refuses, like ExcelJS, overlapping merges and entities XML does not define', async () => {
    for (const bytes of [
      handMade('<row r="1"><c r="A1"><v>1</v></c></row>', { after: '<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>' }),
      handMade('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', { strings: ['<t>a&nbsp;b</t>'] }),
    ]) {
      const mine = await readWorkbook(bytes);
      const theirs = await readWorkbook(bytes, { engine: 'exceljs' });
      expect(mine.book).toBeUndefined();
      expect(mine.findings.map((f) => f.code)).toEqual(['file_corrupt']);
      expect(theirs).toStrictEqual(mine);
    }
  });

  it('hands ExcelJS what it does not handle, and the result is still ExcelJS own', async () => {
    // ExcelJS warns on the console when it truncates a long sheet name.
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const cases: Uint8Array[] = [
      // A formula without a cached result: its text is needed.
      handMade('<row r="1"><c r="A1"><f>SUM(B1:C1)</f></c></row>'),
      handMade('<row r="1"><c r="A1"><f t="shared" ref="A1:A2" si="0">B1</f></c></row><row r="2"><c r="A2"><f t="shared" si="0"/></c></row>'),
      // CDATA.
      handMade('<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a<b]]></t></is></c></row>'),
      // Cells out of order, a shared string index out of range.
      handMade('<row r="1"><c r="B1"><v>2</v></c><c r="A1"><v>1</v></c></row>'),
      handMade('<row r="2"><c r="A2"><v>2</v></c></row><row r="1"><c r="A1"><v>1</v></c></row>'),
      handMade('<row r="1"><c r="A1" t="s"><v>5</v></c></row>', { strings: ['<t>a</t>'] }),
      // Sheet names ExcelJS truncates or refuses; styles without cell formats.
      handMade('<row r="1"><c r="A1"><v>1</v></c></row>', { sheetName: 'Một tên trang tính dài hơn ba mươi mốt ký tự' }),
      handMade('<row r="1"><c r="A1"><v>1</v></c></row>', { sheetName: 'History' }),
      handMade('<row r="1"><c r="A1" s="1"><v>1</v></c></row>', { styles: `<styleSheet xmlns="${MAIN}"/>` }),
    ];
    try {
      for (const bytes of cases) {
        expect(direct(bytes)).toBe(false);
        await sameAsExcelJS(bytes);
      }
    } finally {
      warn.mockRestore();
    }
  });

  it('agrees with ExcelJS on any grid ExcelJS writes: numbers, text, booleans, dates, errors, formulas, merges', async () => {
    const scalar = fc.oneof(
      fc.constant(null),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -1e6, max: 1e9 }),
      fc.string({ unit: fc.constantFrom('a', 'Ấ', 'ơ', ' ', '&', '<', '>', '"', "'", '_x000D_', '\n', '\t', '1', '.', ',', 'đ', '#', '=') }),
      fc.boolean(),
      fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2090, 0, 1)), noInvalidDate: true }).map((d) => new Date(Math.round(d.getTime() / 1000) * 1000)),
      fc.constantFrom({ error: '#N/A' }, { error: '#DIV/0!' }, { error: '#REF!' }),
      fc.record({ formula: fc.constant('1+1'), result: fc.oneof(fc.integer(), fc.constant('có'), fc.boolean()) }),
    );
    const grid = fc.array(fc.array(scalar, { maxLength: 6 }), { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(grid, fc.boolean(), async (rows, merge) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('SoLieu');
        rows.forEach((r, i) => r.forEach((v, j) => {
          if (v !== null) ws.getCell(i + 1, j + 1).value = v as ExcelJS.CellValue;
        }));
        if (merge && rows.length > 1) ws.mergeCells(1, 1, 2, 2);
        const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
        expect(direct(bytes)).toBe(true);
        await sameAsExcelJS(bytes);
      }),
      { numRuns: 150 },
    );
  });
});

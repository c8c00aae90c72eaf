import type ExcelJS from 'exceljs';
import type { SheetGrid } from '../../src/core/grid/sheet-grid';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { alterZip, forgeZip, zipText } from './forge-zip';
import { excelBytes, handWrittenPackage } from './sample-workbooks';

/** The grids of a file that must be read without any finding. */
async function grids(bytes: Uint8Array): Promise<readonly SheetGrid[]> {
  const r = await readWorkbook(bytes);
  expect(r.findings).toEqual([]);
  if (!r.book) throw new Error('no book');
  return r.book.sheets;
}

async function oneSheet(build: (ws: ExcelJS.Worksheet) => void): Promise<SheetGrid['rows']> {
  const [sheet] = await grids(await excelBytes((wb) => build(wb.addWorksheet('SoLieu'))));
  return sheet?.rows ?? [];
}

const sheetPart = (rows: string): string => `<sheetData>${rows}</sheetData>`;

describe('strange but valid workbooks', () => {
  it('a sheet saved by LibreOffice after a row was deleted: dimension A1:O1048576 and empty rows down to row 1,048,576', async () => {
    const cells = '<row r="1" spans="1:15"><c r="A1"><v>1</v></c><c r="O1"><v>2</v></c></row><row r="2" spans="1:15"><c r="B2"><v>3</v></c></row>';
    const padding: string[] = [];
    for (let r = 3; r <= 1_048_576; r++) padding.push(r % 2 ? `<row r="${r}" spans="1:15" ht="12.8" customHeight="false"/>` : `<row r="${r}" spans="1:15" ht="12.8"></row>`);
    const bytes = forgeZip(handWrittenPackage(`<dimension ref="A1:O1048576"/>${sheetPart(cells + padding.join(''))}`));
    const [sheet] = await grids(bytes);
    expect(sheet?.rows).toEqual([[1, null, null, null, null, null, null, null, null, null, null, null, null, null, 2], [null, 3]]);
  });

  it('merged cells in data rows keep their value in the top-left cell only', async () => {
    const rows = await oneSheet((ws) => {
      ws.addRows([
        ['unit_code', 'unit_name', 'cccd_target', 'cccd_done'],
        ['25216', 'Phường Thác Mơ', 120, 80],
        ['25217', 'Xã Phước Tín', 95, null],
      ]);
      ws.mergeCells('C3:D3');
      ws.mergeCells('A2:A3');
    });
    expect(rows).toEqual([
      ['unit_code', 'unit_name', 'cccd_target', 'cccd_done'],
      ['25216', 'Phường Thác Mơ', 120, 80],
      [null, 'Xã Phước Tín', 95],
    ]);
  });

  it('hidden rows and columns are read like the others', async () => {
    const rows = await oneSheet((ws) => {
      ws.addRows([
        ['STT', 'Mã đơn vị', 'Đơn vị'],
        ['stt', 'unit_code', 'unit_name'],
        [1, '25216', 'Phường Thác Mơ'],
      ]);
      ws.getRow(2).hidden = true;
      ws.getColumn(2).hidden = true;
    });
    expect(rows[1]).toEqual(['stt', 'unit_code', 'unit_name']);
    expect(rows[2]).toEqual([1, '25216', 'Phường Thác Mơ']);
  });

  it('numbers typed as text stay text (the core names the intended number)', async () => {
    const rows = await oneSheet((ws) => ws.addRow(['1.234', '0120', ' 45 ', 1234]));
    expect(rows[0]).toEqual(['1.234', '0120', ' 45 ', 1234]);
  });

  it('rich text and hyperlinks become their plain text', async () => {
    const rows = await oneSheet((ws) => {
      ws.getCell('A1').value = { richText: [{ text: 'Phường ' }, { text: 'Thác Mơ', font: { bold: true, color: { argb: 'FFFF0000' } } }] };
      ws.getCell('B1').value = { text: 'Cổng dịch vụ công', hyperlink: 'https://example.org/dvc' };
      ws.getCell('C1').value = { text: { richText: [{ text: 'Ấp ' }, { text: '1' }] }, hyperlink: '#SoLieu!A1' } as unknown as ExcelJS.CellHyperlinkValue;
    });
    expect(rows[0]).toEqual(['Phường Thác Mơ', 'Cổng dịch vụ công', 'Ấp 1']);
  });

  it('formulas give their cached results, errors included, and are never evaluated', async () => {
    const rows = await oneSheet((ws) => {
      ws.getCell('A1').value = 80;
      ws.getCell('B1').value = 0;
      ws.getCell('C1').value = { formula: 'A1/B1', result: { error: '#DIV/0!' } };
      ws.getCell('D1').value = { formula: 'A1*2', result: 999 };
      ws.getCell('E1').value = { formula: 'IF(A1>0,"có","không")', result: 'có' };
      ws.getCell('F1').value = { formula: 'A1>0', result: true };
      ws.getCell('G1').value = { formula: '#REF!+1', result: { error: '#REF!' } };
    });
    // D1 keeps the stale cached 999: PHU reads what the file says, it does not recalculate.
    expect(rows[0]).toEqual([80, 0, { error: '#DIV/0!' }, 999, 'có', true, { error: '#REF!' }]);
  });

  it('formulas without a cached value are uncalculated, not zero', async () => {
    const rows = await oneSheet((ws) => {
      ws.getCell('A1').value = 5;
      ws.getCell('B1').value = { formula: 'SUM(A1:A1)' } as ExcelJS.CellFormulaValue;
    });
    expect(rows[0]).toEqual([5, { uncalculated: 'SUM(A1:A1)' }]);
  });

  it('shared formulas: cached results, and the translated formula when a result is missing', async () => {
    const bytes = forgeZip(
      handWrittenPackage(
        sheetPart(
          '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c></row>' +
            '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/></c></row>' +
            '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>6</v></c></row>',
        ),
      ),
    );
    const [sheet] = await grids(bytes);
    expect(sheet?.rows).toEqual([
      [1, 2],
      [2, { uncalculated: 'A2*2' }],
      [3, 6],
    ]);
  });

  it('dates are Dates; error and boolean cells keep their kind', async () => {
    const rows = await oneSheet((ws) => {
      ws.getCell('A1').value = new Date(Date.UTC(2024, 3, 8));
      ws.getCell('A1').numFmt = 'dd/mm/yyyy';
      ws.getCell('B1').value = { error: '#N/A' };
      ws.getCell('C1').value = false;
    });
    expect(rows[0]).toEqual([new Date(Date.UTC(2024, 3, 8)), { error: '#N/A' }, false]);
  });

  it('a workbook in the 1904 date system gives the same dates', async () => {
    const bytes = await excelBytes((wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet('ThongTin');
      ws.getCell('A1').value = new Date(Date.UTC(2024, 4, 8));
      ws.getCell('A1').numFmt = 'dd/mm/yyyy';
    });
    expect(zipText(bytes, 'xl/workbook.xml')).toContain('date1904="1"');
    const [sheet] = await grids(bytes);
    expect(sheet?.rows[0]).toEqual([new Date(Date.UTC(2024, 4, 8))]);
  });

  it('NBSP inside codes and NFD text are kept exactly as typed (the core normalises)', async () => {
    const nfd = 'Phường Thác Mơ'.normalize('NFD');
    const rows = await oneSheet((ws) => ws.addRow(['25\u00a0216', nfd, '\u00a0TONG\u00a0']));
    expect(rows[0]).toEqual(['25\u00a0216', nfd, '\u00a0TONG\u00a0']);
    expect((rows[0]?.[1] as string).length).toBeGreaterThan('Phường Thác Mơ'.length);
  });

  it('extra sheets and sheets in another order come in file order, hidden ones included', async () => {
    const sheets = await grids(
      await excelBytes((wb) => {
        wb.addWorksheet('LyDo').getCell('A1').value = 'reason_code';
        wb.addWorksheet('Hướng dẫn').getCell('A1').value = 'Nhập số liệu vào các ô trắng';
        wb.addWorksheet('SoLieu').getCell('A1').value = 'stt';
        wb.addWorksheet('ThongTin', { state: 'hidden' }).getCell('A1').value = 'Khóa';
        wb.addWorksheet('Trống');
      }),
    );
    expect(sheets.map((s) => s.name)).toEqual(['LyDo', 'Hướng dẫn', 'SoLieu', 'ThongTin', 'Trống']);
    expect(sheets[3]?.rows).toEqual([['Khóa']]);
    expect(sheets[4]?.rows).toEqual([]);
  });

  it('whole-column validations, conditional formats, defined names and huge column ranges are not expanded', async () => {
    // Written by hand: ExcelJS itself would expand these while building the file.
    const bytes = await excelBytes((wb) => {
      const ws = wb.addWorksheet('SoLieu');
      ws.addRow(['cccd_target', 'cccd_done']);
      ws.addRow([120, 80]);
    });
    const sheet = zipText(bytes, 'xl/worksheets/sheet1.xml')
      .replace('<sheetData>', '<cols><col min="1" max="1000000000" width="9"/></cols><sheetData>')
      .replace(
        '</sheetData>',
        '</sheetData><conditionalFormatting sqref="A2:XFD1048576"><cfRule type="expression" priority="1"><formula>A2&lt;0</formula></cfRule></conditionalFormatting>' +
          '<dataValidations count="1"><dataValidation type="whole" operator="greaterThanOrEqual" sqref="A2:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>' +
          '<hyperlinks><hyperlink ref="A1:XFD1048576" location="SoLieu!A1"/></hyperlinks>',
      );
    const workbook = zipText(bytes, 'xl/workbook.xml').replace('</sheets>', '</sheets><definedNames><definedName name="TatCa">SoLieu!$A$1:$XFD$1048576</definedName></definedNames>');
    const [grid] = await grids(alterZip(bytes, { 'xl/worksheets/sheet1.xml': sheet, 'xl/workbook.xml': workbook }));
    expect(grid?.rows).toEqual([
      ['cccd_target', 'cccd_done'],
      [120, 80],
    ]);
  });

  it('inline strings, str formula results and ISO date cells (t="d")', async () => {
    const bytes = forgeZip(
      handWrittenPackage(
        sheetPart(
          '<row r="1"><c r="A1" t="inlineStr"><is><t>Ấp 1</t></is></c><c r="B1" t="str"><f>A1</f><v>Ấp 1</v></c>' +
            '<c r="C1" t="d"><v>2024-04-08T00:00:00Z</v></c><c r="D1" t="d"><v>2024-05-08</v></c></row>',
        ),
      ),
    );
    const [sheet] = await grids(bytes);
    expect(sheet?.rows[0]).toEqual(['Ấp 1', 'Ấp 1', new Date(Date.UTC(2024, 3, 8)), new Date(Date.UTC(2024, 4, 8))]);
  });

  it('cells and rows without their optional r reference', async () => {
    const bytes = forgeZip(handWrittenPackage(sheetPart('<row><c><v>1</v></c><c><v>2</v></c></row><row r="3"><c><v>3</v></c><c r="D3"><v>4</v></c><c><v>5</v></c></row>')));
    const [sheet] = await grids(bytes);
    expect(sheet?.rows).toEqual([[1, 2], undefined, [3, null, null, 4, 5]]);
  });

  it('SpreadsheetML written with a namespace prefix (x:worksheet, x:sst)', async () => {
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const files = handWrittenPackage('', { sharedStrings: '' }).map((e) => {
      if (e.name === 'xl/worksheets/sheet1.xml') {
        return { ...e, data: `<x:worksheet xmlns:x="${ns}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>` };
      }
      if (e.name === 'xl/sharedStrings.xml') return { ...e, data: `<x:sst xmlns:x="${ns}"><x:si><x:t>Ấp 2</x:t></x:si></x:sst>` };
      return e;
    });
    const [sheet] = await grids(forgeZip(files));
    expect(sheet?.rows).toEqual([['Ấp 2', 7]]);
  });

  it('parts with other names, absolute targets and a leading slash, found through the relationships', async () => {
    const files = handWrittenPackage(sheetPart('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), { sharedStrings: '<sst><si><t>TONG</t></si></sst>' }).map((e) => {
      if (e.name === 'xl/worksheets/sheet1.xml') return { ...e, name: '/xl/worksheets/Data Sheet.xml' };
      if (e.name === 'xl/sharedStrings.xml') return { ...e, name: 'xl/strings.xml' };
      if (e.name === 'xl/_rels/workbook.xml.rels') {
        return { ...e, data: e.data.replace('Target="worksheets/sheet1.xml"', 'Target="/xl/worksheets/Data%20Sheet.xml"').replace('Target="sharedStrings.xml"', 'Target="strings.xml"') };
      }
      return e;
    });
    const [sheet] = await grids(forgeZip(files));
    expect(sheet).toEqual({ name: 'SoLieu', rows: [['TONG']] });
  });

  it('sheet names with XML entities and Vietnamese letters', async () => {
    const files = handWrittenPackage(sheetPart('<row r="1"><c r="A1"><v>1</v></c></row>')).map((e) =>
      e.name === 'xl/workbook.xml' ? { ...e, data: e.data.replace('name="SoLieu"', 'name="Số liệu &amp; &quot;Ghi chú&quot;"') } : e,
    );
    const [sheet] = await grids(forgeZip(files));
    expect(sheet?.name).toBe('Số liệu & "Ghi chú"');
  });

  it('bytes that are a view into a larger buffer (a Node Buffer from a pool)', async () => {
    const bytes = await excelBytes((wb) => wb.addWorksheet('SoLieu').addRow(['TONG', 215]));
    const big = new Uint8Array(bytes.length + 13);
    big.set(bytes, 7);
    const [sheet] = await grids(Buffer.from(big.buffer, 7, bytes.length));
    expect(sheet?.rows).toEqual([['TONG', 215]]);
  });

  it('a workbook with no worksheet at all is a book without sheets', async () => {
    const files = handWrittenPackage('').map((e) => (e.name === 'xl/workbook.xml' ? { ...e, data: e.data.replace(/<sheets>.*<\/sheets>/, '<sheets/>') } : e));
    expect(await grids(forgeZip(files))).toEqual([]);
  });
});

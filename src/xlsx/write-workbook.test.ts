import ExcelJS from 'exceljs';
import type { OutputBook, OutputSheet } from '../core/grid/output-book';
import { readWorkbook } from './read-workbook';
import { writeWorkbook } from './write-workbook';
import { readZipDirectory } from './zip-directory';
import { readZipEntryData } from './zip-entry-data';

function partText(bytes: Uint8Array, name: string): string {
  const dir = readZipDirectory(bytes, 1000);
  if (!dir.ok) throw new Error(JSON.stringify(dir));
  const entry = dir.entries.find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name}`);
  const data = readZipEntryData(bytes, entry);
  if (!data.ok) throw new Error(JSON.stringify(data));
  return new TextDecoder().decode(data.data);
}

/** The `<c>` element of one cell in a sheet part. */
function cellXml(sheetXml: string, ref: string): string {
  const m = new RegExp(`<c r="${ref}"[^>]*?(/>|>.*?</c>)`).exec(sheetXml);
  return m ? m[0] : '';
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

const INJECTIONS = ['=HYPERLINK("http://example.org/x","Bấm vào đây")', "+cmd|' /C calc'!A0", '-1+1', '@SUM(A1:A2)', '=1+1', '\t=2+3'];

const report: OutputSheet = {
  name: 'SoLieu',
  rows: [
    ['Tổng hợp kết quả', null, null, null, null],
    ['STT', 'Mã đơn vị', 'Đơn vị', 'Chỉ tiêu', 'Tỷ lệ'],
    ['stt', 'unit_code', 'unit_name', 'cccd_target', 'cccd_rate'],
    [1, '25216', 'Phường Thác Mơ', 120, 0.6667],
    [2, '25217', 'Xã Phước Tín', 95, 0.5514],
    [null, 'TONG', 'Tổng cộng', 215, 0.6186],
  ],
  columns: [{ width: 6, hidden: true }, { width: 12 }, { width: 30 }, { width: 12, numFmt: '#,##0' }, { width: 10, numFmt: '0.00%' }],
  hiddenRows: [2],
  headerRows: [0, 1, 2],
  totalRow: 5,
  frozen: { rows: 3, columns: 3 },
  merges: [{ top: 0, left: 0, bottom: 0, right: 4 }],
  filter: { top: 2, left: 0, bottom: 4, right: 4 },
  rateColumns: [4],
  inputs: [{ top: 3, left: 3, bottom: 4, right: 3 }],
  protect: true,
  formulas: [{ row: 5, col: 3, formula: 'SUM(D4:D5)', result: 215 }],
};

describe('writeWorkbook', () => {
  let bytes: Uint8Array;
  let sheetXml: string;
  beforeAll(async () => {
    const book: OutputBook = {
      sheets: [
        report,
        {
          name: 'KiemTra',
          rows: [['message'], ...INJECTIONS.map((s) => [s]), ['_x0041_ giữ nguyên'], [{ error: '#REF!' }], [true], [new Date(Date.UTC(2024, 4, 8))]],
          columns: [{ width: 60 }],
        },
      ],
    };
    bytes = await writeWorkbook(book);
    sheetXml = partText(bytes, 'xl/worksheets/sheet1.xml');
  });

  it('writes text that looks like a formula as literal text: no <f> element, read back identical', async () => {
    const xml = partText(bytes, 'xl/worksheets/sheet2.xml');
    INJECTIONS.forEach((_, i) => {
      const c = cellXml(xml, `A${i + 2}`);
      expect(c).toMatch(/t="s"|t="inlineStr"/);
      expect(c).not.toContain('<f');
    });
    expect((xml.match(/<f[ >]/g) ?? []).length).toBe(0);
    const r = await readWorkbook(bytes);
    expect(r.book?.sheets[1]?.rows.slice(1, 1 + INJECTIONS.length).map((row) => row?.[0])).toEqual(INJECTIONS);
  });

  it('only the formulas PHU lists become formulas, with their cached result', async () => {
    expect((sheetXml.match(/<f>/g) ?? []).length).toBe(1);
    expect(cellXml(sheetXml, 'D6')).toContain('<f>SUM(D4:D5)</f><v>215</v>');
    const r = await readWorkbook(bytes);
    expect(r.book?.sheets[0]?.rows[5]).toEqual([null, 'TONG', 'Tổng cộng', 215, 0.6186]);
  });

  it('round-trips values: numbers, text, errors, booleans, dates and escaped-looking text', async () => {
    const r = await readWorkbook(bytes);
    expect(r.findings).toEqual([]);
    const rows = r.book?.sheets[1]?.rows ?? [];
    expect(rows.slice(-4)).toEqual([['_x0041_ giữ nguyên'], [{ error: '#REF!' }], [true], [new Date(Date.UTC(2024, 4, 8))]]);
    expect(r.book?.sheets[0]?.rows[3]).toEqual([1, '25216', 'Phường Thác Mơ', 120, 0.6667]);
  });

  it('gives dates a date format (the column\'s, else dd/mm/yyyy)', async () => {
    const wb = await load(bytes);
    expect(wb.getWorksheet('KiemTra')?.getCell('A11').numFmt).toBe('dd/mm/yyyy');
  });

  it('writes column widths, formats and hidden columns, hidden rows, bold header and total rows', async () => {
    const ws = (await load(bytes)).getWorksheet('SoLieu');
    if (!ws) throw new Error('no sheet');
    expect(ws.getColumn(3).width).toBe(30);
    expect(ws.getColumn(1).hidden).toBe(true);
    expect(ws.getCell('D4').numFmt).toBe('#,##0');
    expect(ws.getCell('E4').numFmt).toBe('0.00%');
    expect(ws.getRow(3).hidden).toBe(true);
    expect(ws.getRow(4).hidden).toBe(false);
    for (const ref of ['B2', 'C3', 'B6', 'D6']) expect(ws.getCell(ref).font?.bold).toBe(true);
    expect(ws.getCell('B4').font?.bold).toBeFalsy();
  });

  it('writes frozen panes, merges and the autofilter', async () => {
    const ws = (await load(bytes)).getWorksheet('SoLieu');
    expect(ws?.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 3 });
    expect(ws?.model.merges).toEqual(['A1:E1']);
    expect(sheetXml).toContain('<autoFilter ref="A3:E5"/>');
  });

  it('puts one visual, a data bar from 0 to 100%, on the data rows of rate columns only', async () => {
    const cf = /<conditionalFormatting sqref="([^"]+)">(.*?)<\/conditionalFormatting>/.exec(sheetXml);
    expect(cf?.[1]).toBe('E4:E5');
    const rules = cf?.[2] ?? '';
    expect(rules).not.toContain('colorScale');
    expect(rules).toContain('<cfvo type="num" val="0"/><cfvo type="num" val="1"/>');
    expect(sheetXml).toContain('<x14:dataBar minLength="0" maxLength="100" gradient="0">');
    const ws = (await load(bytes)).getWorksheet('SoLieu') as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ type: string; gradient?: boolean }> }> };
    expect(ws.conditionalFormattings.map((f) => [f.ref, f.rules.map((r) => [r.type, r.gradient])])).toEqual([['E4:E5', [['dataBar', false]]]]);
  });

  it('starts rate formats below a hidden key row that is not a header', async () => {
    const out = await writeWorkbook({ sheets: [{ ...report, headerRows: [0, 1], filter: { top: 2, left: 0, bottom: 4, right: 4 } }] });
    expect(/<conditionalFormatting sqref="([^"]+)">/.exec(partText(out, 'xl/worksheets/sheet1.xml'))?.[1]).toBe('E4:E5');
  });

  it('makes inputs unlocked whole numbers >= 0 and protects the sheet without a password', async () => {
    const ws = (await load(bytes)).getWorksheet('SoLieu');
    expect(ws?.getCell('D4').protection?.locked).toBe(false);
    expect(ws?.getCell('D5').protection?.locked).toBe(false);
    expect(ws?.getCell('C4').protection?.locked).not.toBe(false);
    expect(sheetXml).toMatch(/<dataValidation type="whole" operator="greaterThanOrEqual"[^>]*sqref="D4:D5"><formula1>0<\/formula1>/);
    const protection = /<sheetProtection [^>]*\/>/.exec(sheetXml)?.[0] ?? '';
    expect(protection).toContain('sheet="1"');
    expect(protection).not.toMatch(/hashValue|password/);
  });

  it('writes empty input cells too, unlocked, so that a blank template can be filled', async () => {
    const out = await writeWorkbook({ sheets: [{ name: 'A', rows: [['a', null, null]], inputs: [{ top: 1, left: 1, bottom: 2, right: 2 }], textInputs: [{ range: { top: 3, left: 0, bottom: 3, right: 0 } }], protect: true }] });
    const ws = (await load(out)).getWorksheet('A');
    for (const ref of ['B2', 'C3', 'A4']) expect([ref, ws?.getCell(ref).protection?.locked]).toEqual([ref, false]);
    expect(ws?.getCell('A2').protection?.locked).not.toBe(false);
    expect((await readWorkbook(out)).book?.sheets[0]?.rows).toEqual([['a']]);
  });

  it('records PHU as the author', () => {
    expect(partText(bytes, 'docProps/core.xml')).toContain('<dc:creator>PHU</dc:creator>');
  });

  it('makes sheet names Excel would refuse valid and unique, in order', async () => {
    const out = await writeWorkbook({
      sheets: [
        { name: 'Tổng hợp: Quý 1/2024', rows: [['a']] },
        { name: 'tổng hợp- quý 1-2024', rows: [['b']] },
        { name: 'Một tên trang tính rất dài vượt quá ba mươi mốt ký tự', rows: [] },
        { name: '', rows: [] },
      ],
    });
    const r = await readWorkbook(out);
    expect(r.book?.sheets.map((s) => s.name)).toEqual(['Tổng hợp- Quý 1-2024', 'tổng hợp- quý 1-2024 (2)', 'Một tên trang tính rất dài vượt', 'Sheet']);
  });

  it('cuts text beyond Excel\'s 32,767 characters per cell', async () => {
    const out = await writeWorkbook({ sheets: [{ name: 'A', rows: [['x'.repeat(40_000)]] }] });
    const v = (await readWorkbook(out)).book?.sheets[0]?.rows[0]?.[0];
    expect(typeof v === 'string' && v.length).toBe(32_767);
  });

  it('strips characters XML 1.0 forbids, so that a U+FFFF in a unit name leaves the file well-formed', async () => {
    const out = await writeWorkbook({ sheets: [{ name: 'Xã\uFFFF\u0001A', rows: [['Phường\uFFFF Thác\u0000 Mơ\uD800', 'tab\there\nline']], columns: [{ width: 10 }] }] });
    const xml = partText(out, 'xl/sharedStrings.xml');
    expect([...xml].filter((ch) => (ch < ' ' && !'\t\n\r'.includes(ch)) || ch === '\uFFFF')).toEqual([]);
    const r = await readWorkbook(out);
    expect(r.findings).toEqual([]);
    expect(r.book?.sheets[0]?.name).toBe('XãA');
    expect(r.book?.sheets[0]?.rows[0]).toEqual(['Phường Thác Mơ', 'tab\there\nline']);
    expect((await load(out)).getWorksheet('XãA')?.getCell('A1').value).toBe('Phường Thác Mơ');
  });

  it('keeps carriage returns and edge spaces of text', async () => {
    const out = await writeWorkbook({ sheets: [{ name: 'A', rows: [['  hai dòng\r\nở đây ', '<b>&amp;</b>']] }] });
    expect((await readWorkbook(out)).book?.sheets[0]?.rows[0]).toEqual(['  hai dòng\r\nở đây ', '<b>&amp;</b>']);
  });

  it('writes the sheet state: hidden and veryHidden sheets, the first visible one active', async () => {
    const out = await writeWorkbook({ sheets: [{ name: 'Form', rows: [['x']], state: 'veryHidden' }, { name: 'An', rows: [['y']], state: 'hidden' }, { name: 'SoLieu', rows: [['z']] }] });
    const wb = await load(out);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([['Form', 'veryHidden'], ['An', 'hidden'], ['SoLieu', 'visible']]);
    expect(partText(out, 'xl/workbook.xml')).toContain('activeTab="2"');
    expect(partText(out, 'xl/worksheets/sheet3.xml')).toContain('tabSelected="1"');
    const all = await writeWorkbook({ sheets: [{ name: 'Form', rows: [['x']], state: 'veryHidden' }] });
    expect((await load(all)).worksheets.map((w) => w.state)).toEqual(['visible']);
  });

  it('writes the print set-up: A4, landscape, fit to one page wide, header rows repeated, page numbers', async () => {
    const out = await writeWorkbook({ sheets: [{ ...report, print: { orientation: 'landscape', fitToWidth: true, repeatRows: { top: 0, bottom: 2 } } }, { name: 'B', rows: [['x']] }] });
    const ws = (await load(out)).getWorksheet('SoLieu');
    expect(ws?.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:3' });
    expect(partText(out, 'xl/workbook.xml')).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'SoLieu'!$1:$3</definedName>`);
    expect(partText(out, 'xl/worksheets/sheet1.xml')).toContain('<oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter>');
    expect(partText(out, 'xl/worksheets/sheet2.xml')).not.toContain('fitToPage');
  });

  it('wraps a wrapped column and header rows, and gives their rows the height their text needs', async () => {
    const paragraph = 'Đến ngày báo cáo, toàn huyện đã cấp '.repeat(10);
    const out = await writeWorkbook({ sheets: [{ name: 'NhanXet', rows: [[paragraph], ['ngắn']], columns: [{ width: 100, wrap: true }] }] });
    const ws = (await load(out)).getWorksheet('NhanXet');
    expect(ws?.getCell('A1').alignment).toMatchObject({ wrapText: true });
    expect(ws?.getRow(1).height).toBe(60);
    expect(ws?.getRow(2).height).toBeUndefined();
    const header = await load(await writeWorkbook({ sheets: [{ ...report, rows: [[null, null, null, 'Căn cước công dân gắn chíp điện tử', null], ...report.rows.slice(1)], merges: [{ top: 0, left: 3, bottom: 0, right: 4 }] }] }));
    const h = header.getWorksheet('SoLieu');
    expect(h?.getCell('D1').alignment).toMatchObject({ wrapText: true, horizontal: 'center' });
    expect(h?.getRow(1).height).toBe(30);
  });

  it('does not load ExcelJS to write', () => {
    const seen: string[] = [];
    jest.isolateModules(() => {
      jest.doMock('exceljs', () => {
        seen.push('exceljs');
        return {};
      });
      require('./write-workbook');
    });
    expect(seen).toEqual([]);
  });
});

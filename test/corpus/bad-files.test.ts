import { deflateRawSync } from 'node:zlib';
import type { Finding } from '../../src/core/findings/finding';
import { formatNumberVi } from '../../src/core/format/format-number-vi';
import { readWorkbook, type ReadResult } from '../../src/xlsx/read-workbook';
import type { ReadLimits } from '../../src/xlsx/read-limits';
import { forgeOle } from './forge-ole';
import { alterZip, concat, forgeZip, zipEntries } from './forge-zip';
import { handWrittenPackage, smallSubmission } from './sample-workbooks';

const MIB = 1024 * 1024;
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

async function read(bytes: Uint8Array, limits?: Partial<ReadLimits>): Promise<ReadResult> {
  return readWorkbook(bytes, limits ? { limits } : {});
}

/** The file is refused with exactly one error, of this code, and no book. */
function refusal<C extends Finding['code']>(r: ReadResult, code: C): Extract<Finding, { code: C }> {
  expect(r.book).toBeUndefined();
  const errors = r.findings.filter((f) => f.severity === 'error');
  expect(errors.map((f) => f.code)).toEqual([code]);
  return errors[0] as Extract<Finding, { code: C }>;
}

function sheetXml(rows: string): string {
  return `<sheetData>${rows}</sheetData>`;
}

describe('not a workbook', () => {
  it('an empty file', async () => {
    const f = refusal(await read(new Uint8Array(0)), 'file_empty');
    expect(f.message_vi).toBe('Tệp rỗng (0 byte): hãy gửi lại tệp Excel đã lưu đầy đủ.');
  });

  it('a CSV file named .xlsx (UTF-8 with BOM, semicolons, Vietnamese)', async () => {
    const csv = '\uFEFFSTT;Mã đơn vị;Đơn vị;Chỉ tiêu\r\n1;25216;Phường Thác Mơ;120\r\n2;25217;Xã Phước Tín;95\r\n';
    const f = refusal(await read(utf8(csv)), 'file_not_workbook');
    expect(f.params).toEqual({ detected: 'csv' });
    expect(f.message_en).toContain('but a CSV text file:');
    expect(f.message_vi).toBe('Tệp không phải bảng tính (.xlsx, .xls, .ods) mà là tệp văn bản CSV: hãy mở bằng Excel, LibreOffice hoặc WPS và lưu lại dạng .xlsx (Excel Workbook).');
  });

  it('a "Unicode text" export (UTF-16 with tabs) named .xlsx', async () => {
    const text = '\uFEFFSTT\tĐơn vị\r\n1\tẤp 1\r\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) new DataView(bytes.buffer).setUint16(2 * i, text.charCodeAt(i), true);
    const f = refusal(await read(bytes), 'file_not_workbook');
    expect(f.message_vi).toContain('mà là tệp văn bản CSV');
  });

  it('plain text named .xlsx', async () => {
    const f = refusal(await read(utf8('Báo cáo kết quả thực hiện 4 phủ\nKính gửi: Ủy ban nhân dân huyện\n')), 'file_not_workbook');
    expect(f.message_vi).toContain('mà là tệp văn bản:');
  });

  it('an HTML page saved by a web system as a spreadsheet', async () => {
    const html = '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8"></head><body><table><tr><td>Ấp 1</td><td>120</td></tr></table></body></html>';
    const f = refusal(await read(utf8(html)), 'file_not_workbook');
    expect(f.message_vi).toContain('mà là trang web HTML');
  });

  it('an Excel 2003 XML spreadsheet', async () => {
    const xml = '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="SoLieu"/></Workbook>';
    const f = refusal(await read(utf8(xml)), 'file_not_workbook');
    expect(f.message_vi).toContain('mà là bảng tính XML 2003 (SpreadsheetML)');
  });

  it('a PDF', async () => {
    const f = refusal(await read(utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj\n')), 'file_not_workbook');
    expect(f.message_vi).toContain('mà là tệp PDF');
  });

  it('a Word document (.docx) renamed .xlsx', async () => {
    const docx = forgeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: '_rels/.rels', data: '<Relationships/>' },
      { name: 'word/document.xml', data: '<w:document/>' },
    ]);
    const f = refusal(await read(docx), 'file_not_workbook');
    expect(f.message_vi).toContain('mà là tài liệu Word (.docx)');
  });

  it('an .xlsb binary workbook', async () => {
    const xlsb = forgeZip([
      { name: '_rels/.rels', data: '<Relationships/>' },
      { name: 'xl/workbook.bin', data: new Uint8Array([1, 2, 3]) },
    ]);
    const f = refusal(await read(xlsb), 'file_not_workbook');
    expect(f.message_vi).toContain('sổ làm việc nhị phân Excel (.xlsb)');
  });

  it('a zip of other files', async () => {
    const f = refusal(await read(forgeZip([{ name: 'anh/ap1.jpg', data: new Uint8Array([0xff, 0xd8, 0xff]) }])), 'file_not_workbook');
    expect(f.message_vi).toContain('mà là tệp nén ZIP');
  });

  it('an .xls whose Workbook stream is not BIFF is refused as damaged', async () => {
    const f = refusal(await read(forgeOle(['Workbook', '\u0005SummaryInformation'])), 'file_corrupt');
    expect(f.params).toMatchObject({ reason: 'unreadable', part: '' });
    expect(f.message_vi).toContain('nội dung không đọc được');
  });

  it('an OLE file whose directory cannot be followed is reported as an unreadable .xls', async () => {
    const bytes = forgeOle(['Workbook']);
    new DataView(bytes.buffer).setUint32(0x30, 0x7fffffff, true);
    const f = refusal(await read(bytes), 'file_xls_binary');
    expect(f.message_vi).toBe('Tệp dạng .xls (Excel 97-2003) không đọc được: hãy mở bằng Excel, LibreOffice hoặc WPS và lưu lại dạng .xlsx (Excel Workbook).');
  });

  it('an encrypted workbook whose directory is cut short is still recognised', async () => {
    const full = forgeOle(['EncryptionInfo', 'EncryptedPackage']);
    refusal(await read(full.subarray(0, 1024 + 3 * 128)), 'file_encrypted');
    const broken = full.slice();
    new DataView(broken.buffer).setUint32(0x30, 0x7fffffff, true);
    refusal(await read(broken), 'file_encrypted');
  });

  it('an old Word .doc renamed .xlsx', async () => {
    const f = refusal(await read(forgeOle(['WordDocument', '1Table'])), 'file_not_workbook');
    expect(f.message_vi).toContain('tài liệu Word cũ (.doc)');
  });

  it('a password-encrypted workbook (EncryptionInfo and EncryptedPackage streams)', async () => {
    const f = refusal(await read(forgeOle(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage'])), 'file_encrypted');
    expect(f.message_vi.startsWith('Tệp được mã hóa bằng mật khẩu: hãy lưu lại không có mật khẩu')).toBe(true);
  });

  it('a zip whose entries are encrypted', async () => {
    const bytes = forgeZip([{ name: 'xl/workbook.xml', data: 'xxxx', flags: 0x1 }]);
    refusal(await read(bytes), 'file_encrypted');
  });
});

describe('damaged files', () => {
  it('a truncated workbook (download cut short): no end of central directory', async () => {
    const ok = await smallSubmission();
    const f = refusal(await read(ok.subarray(0, Math.floor(ok.length * 0.6))), 'file_corrupt');
    expect(f.params).toEqual({ reason: 'zip_truncated', part: '', extra: '' });
    expect(f.message_vi).toBe('Tệp bị hỏng hoặc không đầy đủ (không tìm thấy mục lục cuối tệp nén, tệp có thể bị cắt cụt): hãy gửi lại tệp gốc.');
    expect(f.message_en).toBe('The file is damaged or incomplete (the end of the ZIP directory is missing; the file may be cut short): send the original file again.');
  });

  it('a workbook missing only its last bytes', async () => {
    const ok = await smallSubmission();
    refusal(await read(ok.subarray(0, ok.length - 10)), 'file_corrupt');
  });

  it('random bytes', async () => {
    let x = 12345;
    const bytes = Uint8Array.from({ length: 4096 }, () => ((x = (x * 1103515245 + 12345) >>> 0) >>> 24) & 0xff);
    bytes[0] = 0x01;
    const f = refusal(await read(bytes), 'file_corrupt');
    expect(f.params.reason).toBe('not_zip');
  });

  it('a sheet whose compressed data is damaged (CRC or inflate error)', async () => {
    const ok = await smallSubmission();
    const entries = zipEntries(ok);
    const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet2.xml');
    if (!sheet) throw new Error('fixture');
    const raw = new Uint8Array(deflateRawSync(sheet.data));
    const mid = Math.floor(raw.length / 2);
    raw[mid] = (raw[mid] ?? 0) ^ 0xff;
    const bytes = forgeZip(entries.map((e) => (e === sheet ? { name: e.name, data: e.data, raw } : e)));
    const f = refusal(await read(bytes), 'file_corrupt');
    expect(f.params.part).toBe('xl/worksheets/sheet2.xml');
    expect(['entry_inflate_failed', 'entry_crc_mismatch', 'entry_size_mismatch']).toContain(f.params.reason);
    expect(f.message_vi).toContain('xl/worksheets/sheet2.xml');
  });

  it('a central directory pointing past the end of the file', async () => {
    const ok = await smallSubmission();
    const bytes = ok.slice();
    const v = new DataView(bytes.buffer);
    v.setUint32(bytes.length - 22 + 16, bytes.length * 2, true);
    const f = refusal(await read(bytes), 'file_corrupt');
    expect(f.params.reason).toBe('zip_directory_outside');
  });

  it('two entries with the same name', async () => {
    const entries = zipEntries(await smallSubmission());
    const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml');
    if (!sheet) throw new Error('fixture');
    const f = refusal(await read(forgeZip([...entries, { name: 'XL/worksheets/sheet1.xml', data: sheet.data }])), 'file_corrupt');
    expect(f.params).toEqual({ reason: 'entry_duplicate', part: 'XL/worksheets/sheet1.xml', extra: '' });
  });

  it('an unsupported compression method', async () => {
    const entries = zipEntries(await smallSubmission()).map((e) => (e.name === 'xl/styles.xml' ? { ...e, method: 12 } : e));
    const f = refusal(await read(forgeZip(entries)), 'file_corrupt');
    expect(f.params).toEqual({ reason: 'entry_method_unsupported', part: 'xl/styles.xml', extra: '12' });
    expect(f.message_en).toContain('entry "xl/styles.xml": uses an unsupported compression method: 12');
  });

  it('a package without its workbook part', async () => {
    const bytes = alterZip(await smallSubmission(), { 'xl/workbook.xml': null, '_rels/.rels': '<Relationships/>', 'xl/other.xml': '<x/>' });
    const f = refusal(await read(bytes), 'file_corrupt');
    expect(f.params).toEqual({ reason: 'workbook_part_missing', part: 'xl/workbook.xml', extra: '' });
  });

  it('malformed sheet XML', async () => {
    const bytes = forgeZip(handWrittenPackage(sheetXml('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2" t="s"')));
    const f = refusal(await read(bytes), 'file_corrupt');
    expect(f.params).toEqual({ reason: 'xml_tag_invalid', part: 'xl/worksheets/sheet1.xml', extra: '' });
    expect(f.sheet).toBe('SoLieu');
  });

  it('a DOCTYPE (entity expansion attack) in the shared strings', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>' +
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol3;</t></si></sst>';
    const bytes = forgeZip(handWrittenPackage(sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), { sharedStrings: laughs }));
    const f = refusal(await read(bytes), 'file_corrupt');
    expect(f.params).toEqual({ reason: 'xml_doctype', part: 'xl/sharedStrings.xml', extra: '' });
  });
});

describe('resource limits', () => {
  it('a file over the size limit (default 20 MiB)', async () => {
    const big = new Uint8Array(21 * MIB);
    big.set([0x50, 0x4b, 3, 4]);
    const f = refusal(await read(big), 'file_too_large');
    expect(f.message_vi).toBe('Tệp quá lớn (22.020.096 byte, giới hạn 20.971.520 byte): biểu mẫu báo cáo không cần lớn như vậy, hãy kiểm tra lại tệp.');
  });

  it('the size limit is configurable', async () => {
    const ok = await smallSubmission();
    refusal(await read(ok, { maxFileBytes: 1000 }), 'file_too_large');
    expect((await read(ok, { maxFileBytes: ok.length })).book).toBeDefined();
  });

  it('a zip bomb: entries declaring 1 GiB in total are refused before inflating anything', async () => {
    const entries = zipEntries(await smallSubmission()).map((e) =>
      e.name === 'xl/worksheets/sheet2.xml' ? { ...e, declaredSize: 1024 * MIB } : e,
    );
    const f = refusal(await read(forgeZip(entries)), 'zip_bomb');
    expect(f.params.limit).toBe(100 * MIB);
    expect(f.message_vi).toMatch(/^Nội dung nén của tệp giải nén ra quá lớn \(1\.07\d\.\d{3}\.\d{3} byte, giới hạn 104\.857\.600 byte\): tệp bị từ chối để bảo vệ máy tính\.$/);
  });

  it('a zip bomb declaring more than 4 GiB through a ZIP64 field', async () => {
    const entries = zipEntries(await smallSubmission()).map((e) => (e.name === 'xl/styles.xml' ? { ...e, declaredSize: 10 * 1024 * MIB } : e));
    const f = refusal(await read(forgeZip(entries)), 'zip_bomb');
    expect(Number(f.params.expanded)).toBeGreaterThan(10 * 1024 * MIB);
  });

  it('a zip bomb: one entry compressed more than 200:1 (50 MiB of zeros)', async () => {
    const zeros = new Uint8Array(50 * MIB);
    const entries = [...zipEntries(await smallSubmission()), { name: 'xl/media/image1.png', data: zeros }];
    const f = refusal(await read(forgeZip(entries)), 'zip_bomb');
    expect(f.params.expanded).toBe(50 * MIB);
    expect(Number(f.params.limit)).toBeLessThan(50 * MIB);
  });

  it('a zip bomb lying about its size: inflation stops near the declared size', async () => {
    const zeros = new Uint8Array(120 * MIB);
    const raw = new Uint8Array(deflateRawSync(zeros));
    const entries = zipEntries(await smallSubmission()).map((e) =>
      e.name === 'xl/worksheets/sheet2.xml' ? { name: e.name, data: e.data, raw } : e,
    );
    const f = refusal(await read(forgeZip(entries)), 'zip_bomb');
    // Inflation stops at twice the declared size plus 1 MiB, far below the 120 MiB inside.
    const declared = entries.find((e) => e.name === 'xl/worksheets/sheet2.xml')?.data.length ?? 0;
    const cap = Number(f.params.limit);
    expect(cap).toBe(2 * declared + MIB);
    expect(f.params.expanded).toBe(`> ${cap}`);
    expect(f.message_vi).toBe(`Nội dung nén của tệp giải nén ra quá lớn (> ${formatNumberVi(cap)} byte, giới hạn ${formatNumberVi(cap)} byte): tệp bị từ chối để bảo vệ máy tính.`);
    expect(f.message_en).toBe(`The file expands to too much data (> ${cap.toLocaleString('en-US')} bytes, limit ${cap.toLocaleString('en-US')}): refused to protect the computer.`);
  });

  it('a damaged entry that inflates past its declared size is damaged, not a bomb', async () => {
    const entries = zipEntries(await smallSubmission());
    const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet2.xml');
    if (!sheet) throw new Error('fixture');
    const bytes = forgeZip(entries.map((e) => (e === sheet ? { ...e, declaredSize: e.data.length - 100 } : e)));
    const f = refusal(await read(bytes), 'file_corrupt');
    expect(f.params).toEqual({ reason: 'entry_size_mismatch', part: 'xl/worksheets/sheet2.xml', extra: '' });
  });

  it('too many zip entries', async () => {
    const entries = [...zipEntries(await smallSubmission()), ...Array.from({ length: 60 }, (_, i) => ({ name: `xl/x/${i}.xml`, data: '<x/>' }))];
    const f = refusal(await read(forgeZip(entries), { maxZipEntries: 50 }), 'zip_entries_too_many');
    expect(f.message_vi).toContain('giới hạn 50');
  });

  it('a sheet claiming a huge dimension (A1:XFD1048576) is read: sizes are what the sheet holds', async () => {
    const bytes = forgeZip(handWrittenPackage('<dimension ref="A1:XFD1048576"/>' + sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>')));
    const r = await read(bytes);
    expect(r.findings).toEqual([]);
    expect(r.book?.sheets[0]?.rows).toEqual([[1]]);
  });

  it('a sheet with a stray cell in its last row and column is read, its cells counted as they exist', async () => {
    const bytes = forgeZip(handWrittenPackage(sheetXml('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>')));
    const rows = (await read(bytes)).book?.sheets[0]?.rows;
    expect(rows?.length).toBe(1_048_576);
    expect(rows?.[1_048_575]?.[16_383]).toBe(2);
    // Laid out, the last row is 16,384 cells wide: that is what the limit counts.
    const f = refusal(await read(bytes, { maxCellsPerSheet: 16_000 }), 'sheet_too_large');
    expect(f.params).toMatchObject({ rows: 1_048_576, columns: 16_384 });
  });

  it('a sheet with more rows than the limit', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const bytes = forgeZip(handWrittenPackage(sheetXml(rows)));
    refusal(await read(bytes, { maxCellsPerSheet: 2000 }), 'sheet_too_large');
    expect((await read(bytes)).book?.sheets[0]?.rows.length).toBe(3000);
  });

  it('a sheet with millions of rows (2.1 million empty rows)', async () => {
    const bytes = forgeZip(handWrittenPackage(sheetXml('<row/>'.repeat(2_100_000))));
    // Such regular XML compresses 1000:1: the ratio limit alone refuses it, so it is lifted to reach the row count.
    refusal(await read(bytes), 'zip_bomb');
    const f = refusal(await read(bytes, { maxCompressionRatio: 1e6 }), 'sheet_too_large');
    expect(f.sheet).toBe('SoLieu');
  });

  it('a merged range covering the whole sheet (a parser would create every cell)', async () => {
    const bytes = forgeZip(handWrittenPackage(sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') + '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'));
    refusal(await read(bytes), 'sheet_too_large');
  });

  it('a cell beyond Excel\'s last row', async () => {
    const bytes = forgeZip(handWrittenPackage(sheetXml('<row r="2000000"><c r="A2000000"><v>1</v></c></row>')));
    const f = refusal(await read(bytes, { maxCellsPerSheet: 10_000_000 }), 'file_corrupt');
    expect(f.params).toEqual({ reason: 'cell_out_of_range', part: 'SoLieu', extra: '' });
    expect(f.sheet).toBe('SoLieu');
  });

  it('enormous shared strings (declared over 20 MiB) are refused before inflating', async () => {
    const sst = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Ấp 1</t></si></sst>';
    const entries = handWrittenPackage(sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), { sharedStrings: sst }).map((e) =>
      e.name === 'xl/sharedStrings.xml' ? { ...e, declaredSize: 25 * MIB } : e,
    );
    const f = refusal(await read(forgeZip(entries)), 'strings_too_large');
    expect(f.message_vi).toBe('Phần văn bản của tệp quá lớn (26.214.400 byte, giới hạn 20.971.520 byte): tệp bị từ chối.');
  });

  it('shared strings over a configured limit', async () => {
    const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${'<si><t>Phường Thác Mơ</t></si>'.repeat(200)}</sst>`;
    const bytes = forgeZip(handWrittenPackage(sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), { sharedStrings: sst }));
    refusal(await read(bytes, { maxSharedStringsBytes: 1000 }), 'strings_too_large');
  });

  it('deeply nested shared strings', async () => {
    const depth = 100_000;
    const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si>${'<r>'.repeat(depth)}<t>x</t>${'</r>'.repeat(depth)}</si></sst>`;
    const bytes = forgeZip(handWrittenPackage(sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), { sharedStrings: sst }));
    const f = refusal(await read(bytes), 'xml_too_deep');
    expect(f.params).toEqual({ part: 'xl/sharedStrings.xml', depth: 65, limit: 64 });
    expect(f.message_vi).toBe('Phần "xl/sharedStrings.xml" của tệp có cấu trúc lồng quá sâu (65 cấp, giới hạn 64): tệp bị từ chối để bảo vệ máy tính.');
  });
});

describe('ignored content', () => {
  it('macros are reported and ignored; the values are read', async () => {
    const bytes = alterZip(await smallSubmission(), { 'xl/vbaProject.bin': concat([forgeOle(['VBA', 'PROJECT'])]) });
    const r = await read(bytes);
    expect(r.book?.sheets.map((s) => s.name)).toEqual(['ThongTin', 'SoLieu']);
    expect(r.findings.map((f) => f.code)).toEqual(['macros_ignored']);
    expect(r.findings[0]?.message_vi).toBe('Tệp có macro (VBA): macro không được chạy và đã bị bỏ qua.');
  });

  it('external links are reported and ignored; the cached values are read', async () => {
    const link = '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook/></externalLink>';
    const sheet = sheetXml('<row r="1"><c r="A1"><f>[1]SoLieu!D4</f><v>120</v></c></row>');
    const bytes = forgeZip(handWrittenPackage(sheet, { extra: { 'xl/externalLinks/externalLink1.xml': link, 'xl/externalLinks/externalLink2.xml': link } }));
    const r = await read(bytes);
    expect(r.book?.sheets[0]?.rows[0]).toEqual([120]);
    expect(r.findings.map((f) => f.code)).toEqual(['external_links_ignored']);
    expect(r.findings[0]?.message_vi).toBe('Tệp có 2 liên kết ngoài: đã bỏ qua, chỉ dùng giá trị đã lưu trong tệp.');
  });
});

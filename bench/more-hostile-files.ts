import * as XLSX from '@e965/xlsx';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { deflateRawSync } from 'node:zlib';
import { forgeZip, type ForgedEntry } from '../test/corpus/forge-zip';
import { handWrittenPackage } from '../test/corpus/sample-workbooks';
import { record, u16s, join, label, rk, biff, mulrkRows } from '../test/support/biff-records';
import { letters } from './hostile-files';

/**
 * Hostile files of kinds beyond the containment issue's table, for the three
 * formats PHU reads (.xlsx by its own reader, .xls and .ods through
 * SheetJS): what an attacker would try next. The tests read each under the
 * consolidation's budget and assert the outcome; the benchmark measures
 * each one's time and peak memory in a fresh process.
 */
export interface MoreHostileFile {
  readonly name: string;
  /** The extension it is saved with in a folder. */
  readonly ext: 'xlsx' | 'xls' | 'ods';
  /**
   * The outcomes that are right: `read` (no error finding), or the one
   * finding code it is refused with. Files whose cost is near the budget
   * list the budget's own findings too (`file_read_too_long`,
   * `file_too_complex`): on a slower or busier machine the deadline is the
   * right answer.
   */
  readonly expect: readonly string[];
  readonly bytes: Uint8Array;
}

const enc = new TextEncoder();
const ROW1 = '<row r="1"><c r="A1" t="inlineStr"><is><t>Ấp 1</t></is></c><c r="B1"><v>120</v></c></row>';

/** An .xlsx with one sheet and extra parts (deflated by forgeZip, or forged entries as given). */
function xlsx(sheetBody: string, opts: { sharedStrings?: string; styles?: string; extra?: Record<string, string>; forged?: ForgedEntry[] } = {}): Uint8Array {
  const styled = opts.styles;
  const parts: ForgedEntry[] = handWrittenPackage(sheetBody, { ...opts, extra: { ...opts.extra, ...(styled === undefined ? {} : { 'xl/styles.xml': styled }) } }).map((p) =>
    styled !== undefined && p.name === 'xl/_rels/workbook.xml.rels'
      ? { ...p, data: p.data.replace('</Relationships>', '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>') }
      : p,
  );
  return forgeZip([...parts, ...(opts.forged ?? [])]);
}

/** Letters that do not repeat (a long run of one letter would be judged a zip bomb). */
function noise(length: number): string {
  let next = 12345;
  return Array.from({ length }, () => {
    next = (next * 1103515245 + 12345) % 2147483648;
    return String.fromCharCode(97 + (next >> 16) % 26);
  }).join('');
}

/** A package of `count` sheets, each with an empty `<sheetData/>` but the first. */
function manySheets(count: number, body: string = ''): Uint8Array {
  const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const files: Zippable = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    '_rels/.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${Array.from({ length: count }, (_, i) => `<sheet name="T${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${Array.from({ length: count }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
    ),
  };
  for (let i = 0; i < count; i++) files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`<worksheet xmlns="${MAIN}"><sheetData>${i === 0 ? ROW1 : ''}${body}</sheetData></worksheet>`);
  return zipSync(files, { level: 6 });
}

/** Rows of uncalculated formulas in column A (values in B), as a sheet body. */
function formulaSheet(rows: number, formula: (r: number) => string): string {
  const out: string[] = ['<sheetData>'];
  for (let r = 1; r <= rows; r++) out.push(`<row r="${r}"><c r="A${r}"><f>${formula(r)}</f></c><c r="B${r}"><v>${r}</v></c></row>`);
  out.push('</sheetData>');
  return out.join('');
}

// ---------------------------------------------------------------- .xls (BIFF8 in an OLE compound file)

/** The workbook stream in an OLE compound file, as Excel 97-2003 saves it. */
function ole(workbook: Uint8Array): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, 'Workbook', workbook);
  const out = XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number>;
  return out instanceof Uint8Array ? out : new Uint8Array(out);
}

/** A small valid .xls: one sheet, a label and a number. */
function smallXls(): Uint8Array {
  // Padded past 4,096 bytes so that the stream lives in regular sectors, whose chain the forgeries below bend.
  const pad = Array.from({ length: 200 }, (_, i) => label(2 + i, 0, `dong ${i}`));
  return ole(biff([{ name: 'SoLieu', body: [label(0, 0, 'Ap 1'), rk(0, 1, 120), ...pad] }]));
}

/** Little-endian helpers over an OLE file's bytes. */
function oleView(bytes: Uint8Array): { v: DataView; sector: (n: number) => number; fat: (n: number) => number; setFat: (n: number, value: number) => void; workbookEntry: number } {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = 1 << v.getUint16(0x1e, true);
  const sector = (n: number): number => (n + 1) * size;
  const fatSectors: number[] = [];
  for (let k = 0; k < 109; k++) {
    const s = v.getUint32(0x4c + 4 * k, true);
    if (s < 0xfffffffa) fatSectors.push(s);
  }
  const fatAt = (n: number): number => sector(fatSectors[Math.floor(n / (size / 4))] ?? 0) + 4 * (n % (size / 4));
  let dir = v.getUint32(0x30, true);
  let workbookEntry = -1;
  const seen = new Set<number>();
  while (dir < 0xfffffffa && !seen.has(dir) && workbookEntry < 0) {
    seen.add(dir);
    for (let e = 0; e < size; e += 128) {
      const at = sector(dir) + e;
      let name = '';
      for (let c = 0; c < v.getUint16(at + 0x40, true) - 2; c += 2) name += String.fromCharCode(v.getUint16(at + c, true));
      if (name === 'Workbook') workbookEntry = at;
    }
    dir = v.getUint32(fatAt(dir), true);
  }
  return { v, sector, fat: (n) => v.getUint32(fatAt(n), true), setFat: (n, value) => v.setUint32(fatAt(n), value, true), workbookEntry };
}

/** The .xls with the last sector of its Workbook stream chained back to the first: a loop in the FAT. */
function xlsFatLoop(): Uint8Array {
  const bytes = smallXls();
  const o = oleView(bytes);
  const start = o.v.getUint32(o.workbookEntry + 0x74, true);
  let s = start;
  for (let k = 0; k < 10_000 && o.fat(s) < 0xfffffffa; k++) s = o.fat(s);
  o.setFat(s, start);
  // The stream claims to be far longer than the file, so that a reader following the loop would go on.
  o.v.setUint32(o.workbookEntry + 0x78, 0x7fffffff, true);
  return bytes;
}

/** The .xls whose header claims two billion FAT and mini-FAT sectors and whose Workbook stream claims 4 GiB. */
function xlsHugeCounts(): Uint8Array {
  const bytes = smallXls();
  const o = oleView(bytes);
  o.v.setUint32(0x2c, 0x7fffffff, true);
  o.v.setUint32(0x40, 0x7fffffff, true);
  o.v.setUint32(0x48, 0x7fffffff, true);
  o.v.setUint32(o.workbookEntry + 0x78, 0xffffffff, true);
  return bytes;
}

/** An SST of `count` short strings, split over CONTINUE records at string boundaries; `claimed` is the count it declares. */
function sst(count: number, claimed: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let chunk: Uint8Array[] = [];
  let len = 8;
  const head = new Uint8Array(8);
  new DataView(head.buffer).setUint32(0, claimed, true);
  new DataView(head.buffer).setUint32(4, claimed, true);
  chunk.push(head);
  let type = 0x00fc;
  for (let i = 0; i < count; i++) {
    const text = `s${i}`;
    const s = join([u16s(text.length), new Uint8Array([0]), enc.encode(text)]);
    if (len + s.length > 8224) {
      out.push(record(type, join(chunk)));
      type = 0x003c;
      chunk = [];
      len = 0;
    }
    chunk.push(s);
    len += s.length;
  }
  out.push(record(type, join(chunk)));
  return out;
}

/** A LABELSST cell. */
function labelSst(row: number, col: number, index: number): Uint8Array {
  const d = new Uint8Array(10);
  const v = new DataView(d.buffer);
  v.setUint16(0, row, true);
  v.setUint16(2, col, true);
  v.setUint32(6, index, true);
  return record(0x00fd, d);
}

/** A DIMENSIONS record claiming the whole BIFF8 grid, then a ROW record for each of its 65,536 rows. */
function hugeDimensionsXls(): Uint8Array {
  const dims = new Uint8Array(14);
  const dv = new DataView(dims.buffer);
  dv.setUint32(4, 65_536, true);
  dv.setUint16(10, 256, true);
  const rows = Array.from({ length: 65_536 }, (_, r) => record(0x0208, join([u16s(r, 0, 256, 0x00ff, 0, 0), u16s(0x0100, 0x000f)])));
  return ole(biff([{ name: 'SoLieu', body: [record(0x0200, dims), label(0, 0, 'Ap 1'), rk(0, 1, 120), ...rows, rk(65_535, 255, 1)] }]));
}

// ---------------------------------------------------------------- .ods

const ODS_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"';

/** An .ods whose spreadsheet body (inside `<office:spreadsheet>`) is given; extra entries may be forged. */
function ods(tables: string, forged: readonly ForgedEntry[] = []): Uint8Array {
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ODS_NS}><office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`;
  const manifest =
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>';
  return forgeZip([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 'store' },
    { name: 'content.xml', data: content },
    { name: 'META-INF/manifest.xml', data: manifest },
    ...(forged.some((f) => f.name === 'styles.xml') ? [] : [{ name: 'styles.xml', data: ODS_STYLES }]),
    ...forged,
  ]);
}

const ODS_STYLES = `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${ODS_NS}/>`;

const ODS_ROW1 = '<table:table-row><table:table-cell office:value-type="string"><text:p>Ấp 1</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="120"><text:p>120</text:p></table:table-cell></table:table-row>';

/** A table of the given rows. */
function odsTable(name: string, rows: string): string {
  return `<table:table table:name="${name}">${rows}</table:table>`;
}

/** The deflate stream of `bytes` zero bytes, built without holding them: stored as repeated compressed blocks. */
function zerosDeflated(megabytes: number): Uint8Array {
  return new Uint8Array(deflateRawSync(Buffer.alloc(megabytes * 1024 * 1024)));
}

// ---------------------------------------------------------------- the list

/** Every further hostile file, built afresh. */
export function moreHostileFiles(): MoreHostileFile[] {
  const manyStrings = 800_000;
  const stringsXml = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4294967295" uniqueCount="4294967295">${Array.from({ length: manyStrings }, (_, i) => `<si><t>${i.toString(36)}</t></si>`).join('')}</sst>`;
  const xfs = 600_000;
  const stylesXml = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="${xfs}">${Array.from({ length: xfs }, (_, i) => `<xf numFmtId="${i % 7 === 0 ? 164 : i % 50}" fontId="0" fillId="0" borderId="0" xfId="0"/>`).join('')}</cellXfs></styleSheet>`;
  const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('')}]>`;
  const bigString = 'Ấ'.repeat(32_767);
  const validations = Array.from({ length: 20_000 }, (_, i) => `<dataValidation type="whole" sqref="A1:XFD1048576 ${letters(1 + (i % 16_000))}1"><formula1>0</formula1></dataValidation>`).join('');
  const conditional = Array.from({ length: 20_000 }, (_, i) => `<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="cellIs" dxfId="0" priority="${i + 1}" operator="greaterThan"><formula>0</formula></cfRule></conditionalFormatting>`).join('');
  const sheetWith = (after: string): string => `<sheetData>${ROW1}</sheetData>${after}`;
  const reversedCells = (() => {
    const rows: string[] = [];
    for (let r = 20_000; r >= 1; r--) rows.push(`<row r="${r}">${Array.from({ length: 5 }, (_, c) => `<c r="${letters(5 - c)}${r}"><v>${r + c}</v></c>`).join('')}</row>`);
    return `<sheetData>${rows.join('')}</sheetData>`;
  })();
  const underCap = (() => {
    // Just under the limits: 1.9 million cells of distinct numbers (a sheet's limit is 2 million).
    const rows: string[] = [];
    let next = 7;
    for (let r = 1; r <= 190_000; r++) {
      const cells: string[] = [];
      for (let c = 0; c < 10; c++) {
        next = (next * 1103515245 + 12345) % 2147483648;
        cells.push(`<c r="${String.fromCharCode(65 + c)}${r}"><v>${next % 100_000}</v></c>`);
      }
      rows.push(`<row r="${r}">${cells.join('')}</row>`);
    }
    return `<sheetData>${rows.join('')}</sheetData>`;
  })();
  const zeros = zerosDeflated(200);

  const emptyRepeatedRows = (n: number): string => `<table:table-row table:number-rows-repeated="${n}"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>`;
  const nestedRows = `<table:table-row-group><table:table-header-rows><table:table-row table:visibility="collapse" table:number-rows-repeated="1048576"><table:covered-table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row></table:table-header-rows></table:table-row-group>`;
  const subtable = `<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="1000" office:value-type="float" office:value="1"><table:table table:name="con"><table:table-row><table:table-cell/></table:table-row></table:table></table:table-cell></table:table-row>`;

  return [
    // .xlsx
    {
      name: 'xlsx: 800,000 tiny shared strings, count claiming 4 billion',
      ext: 'xlsx',
      expect: ['read', 'file_read_too_long'],
      bytes: xlsx(`<sheetData><row r="1"><c r="A1" t="s"><v>${manyStrings - 1}</v></c><c r="B1"><v>120</v></c></row></sheetData>`, { sharedStrings: stringsXml }),
    },
    { name: 'xlsx: styles with 600,000 cell formats', ext: 'xlsx', expect: ['read', 'file_read_too_long'], bytes: xlsx(`<sheetData><row r="1"><c r="A1" s="${xfs - 1}"><v>45000</v></c></row></sheetData>`, { styles: stylesXml }) },
    { name: 'xlsx: billion laughs (entities in a DOCTYPE) in the shared strings', ext: 'xlsx', expect: ['file_corrupt'], bytes: xlsx(`<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>`, { sharedStrings: `<?xml version="1.0"?>${laughs}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>` }) },
    {
      name: 'xlsx: external entity (SYSTEM file:///etc/passwd) in a sheet',
      ext: 'xlsx',
      expect: ['file_corrupt'],
      bytes: forgeZip(handWrittenPackage('<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData>').map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, data: `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${p.data.replace(/^<\?xml[^>]*\?>/, '')}` } : p))),
    },
    { name: 'xlsx: 100,000 cells in reverse order (rows and columns)', ext: 'xlsx', expect: ['read', 'file_read_too_long'], bytes: xlsx(reversedCells) },
    { name: 'xlsx: a cell reference with huge column letters (ZZZZZZZZ1)', ext: 'xlsx', expect: ['sheet_too_large'], bytes: xlsx(`<sheetData><row r="1"><c r="ZZZZZZZZ1"><v>1</v></c></row></sheetData>`) },
    { name: 'xlsx: 20,000 whole-sheet data validations', ext: 'xlsx', expect: ['read'], bytes: xlsx(sheetWith(`<dataValidations count="20000">${validations}</dataValidations>`)) },
    { name: 'xlsx: 20,000 whole-sheet conditional formats', ext: 'xlsx', expect: ['read'], bytes: xlsx(sheetWith(conditional)) },
    {
      name: 'xlsx: a comments part declaring 1 kB that inflates to 200 MB',
      ext: 'xlsx',
      expect: ['read'],
      bytes: xlsx(sheetWith(''), { forged: [{ name: 'xl/comments1.xml', data: new Uint8Array(0), raw: zeros, declaredSize: 1000, crc: 0 }] }),
    },
    {
      name: 'xlsx: a drawing part in ZIP64 declaring 1 TiB',
      ext: 'xlsx',
      expect: ['zip_bomb'],
      bytes: xlsx(sheetWith(''), { forged: [{ name: 'xl/drawings/drawing1.xml', data: new Uint8Array(0), raw: zeros, declaredSize: 2 ** 40, crc: 0 }] }),
    },
    { name: 'xlsx: the sheet declaring 2 kB that inflates to 200 MB', ext: 'xlsx', expect: ['zip_bomb'], bytes: forgeZip(handWrittenPackage('<sheetData/>').map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, raw: zeros, declaredSize: 2000, crc: 0 } : p))) },
    { name: 'xlsx: two directory entries pointing at one local entry', ext: 'xlsx', expect: ['file_corrupt'], bytes: overlappingEntries() },
    { name: 'xlsx: central directory disagreeing with the local headers', ext: 'xlsx', expect: ['read'], bytes: mismatchedHeaders() },
    { name: 'xlsx: 4,000 empty sheets', ext: 'xlsx', expect: ['read'], bytes: manySheets(4_000) },
    { name: 'xlsx: 200 sheets with one cell in the last row', ext: 'xlsx', expect: ['workbook_too_large'], bytes: manySheets(200, '<row r="1048576"><c r="A1048576"><v>1</v></c></row>') },
    { name: 'xlsx: 1.9 million distinct numbers (just under the sheet limit)', ext: 'xlsx', expect: ['read', 'file_read_too_long', 'file_too_complex'], bytes: xlsx(underCap) },
    { name: 'xlsx: a cell of 32,767 characters and one of 1,000,000', ext: 'xlsx', expect: ['read'], bytes: xlsx(`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${bigString}</t></is></c><c r="B1" t="inlineStr"><is><t>${noise(1_000_000)}</t></is></c></row></sheetData>`) },
    { name: 'xlsx: a formula that refers to itself, saved without a result', ext: 'xlsx', expect: ['read'], bytes: xlsx('<sheetData><row r="1"><c r="A1"><f>A1+1</f></c><c r="B1"><f>C1</f></c><c r="C1"><f>B1</f></c></row></sheetData>') },
    { name: 'xlsx: a chain of 100,000 formulas without results', ext: 'xlsx', expect: ['read', 'file_read_too_long'], bytes: xlsx(formulaSheet(100_000, (r) => `A${r + 1}+B${r}`)) },
    { name: 'xlsx: 20,000 formulas each summing 100,000 cells', ext: 'xlsx', expect: ['read', 'file_read_too_long'], bytes: xlsx(formulaSheet(20_000, () => 'SUM(B1:B100000)')) },
    { name: 'xlsx: formulas nested 5,000 deep and 100,000 terms long', ext: 'xlsx', expect: ['read', 'file_read_too_long'], bytes: xlsx(`<sheetData><row r="1"><c r="A1"><f>${'('.repeat(5000)}1${')'.repeat(5000)}</f></c><c r="B1"><f>${Array.from({ length: 100_000 }, () => 'C1').join('+')}</f></c><c r="C1"><v>1</v></c></row></sheetData>`) },
    {
      name: 'xlsx: a unit name with bidi controls, NUL and U+FFFE',
      ext: 'xlsx',
      expect: ['file_corrupt'],
      bytes: xlsx('<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Xã \u202eAn\u202c Bình \u0000\ufffe</t></is></c></row></sheetData>'),
    },
    // .xls
    { name: 'xls: the FAT chains the Workbook stream into a loop', ext: 'xls', expect: ['read'], bytes: xlsFatLoop() },
    { name: 'xls: the header claims two billion FAT sectors, the stream 4 GiB', ext: 'xls', expect: ['file_corrupt'], bytes: xlsHugeCounts() },
    { name: 'xls: DIMENSIONS and ROW records over the whole grid', ext: 'xls', expect: ['read', 'file_read_too_long'], bytes: hugeDimensionsXls() },
    { name: 'xls: 3 million numbers in MULRK records (6 bytes a cell)', ext: 'xls', expect: ['sheet_too_large'], bytes: ole(biff([{ name: 'SoLieu', body: mulrkRows(12_000) }])) },
    { name: 'xls: a shared string table of 1,000,000 strings', ext: 'xls', expect: ['read', 'file_read_too_long'], bytes: ole(biff([{ name: 'SoLieu', body: [labelSst(0, 0, 999_999), rk(0, 1, 120)] }], { globals: sst(1_000_000, 1_000_000) })) },
    { name: 'xls: a shared string table claiming 4 billion strings', ext: 'xls', expect: ['read'], bytes: ole(biff([{ name: 'SoLieu', body: [labelSst(0, 0, 1), rk(0, 1, 120)] }], { globals: sst(2, 0xffffffff) })) },
    { name: 'xls: 10,000 empty sheets', ext: 'xls', expect: ['read', 'file_read_too_long'], bytes: ole(biff(Array.from({ length: 10_000 }, (_, i) => ({ name: `T${i + 1}`, body: i === 0 ? [label(0, 0, 'Ap 1'), rk(0, 1, 120)] : [] })))) },
    { name: 'xls: 20,000 sheets pointing at one substream', ext: 'xls', expect: ['file_corrupt'], bytes: ole(biff([{ name: 'SoLieu', body: [label(0, 0, 'Ap 1'), rk(0, 1, 120)] }], { listed: 20_000 })) },
    // .ods
    { name: 'ods: empty rows and columns repeated over the whole grid, in 200 tables', ext: 'ods', expect: ['workbook_too_large'], bytes: ods(Array.from({ length: 200 }, (_, i) => odsTable(`T${i + 1}`, `${i === 0 ? ODS_ROW1 : ''}${emptyRepeatedRows(1_048_575)}${ODS_ROW1}`)).join('')) },
    { name: 'ods: a valued cell repeated over the grid in hidden rows inside a row group', ext: 'ods', expect: ['sheet_too_large'], bytes: ods(odsTable('SoLieu', ODS_ROW1 + nestedRows)) },
    { name: 'ods: a table inside a cell of a row repeated a million times', ext: 'ods', expect: ['file_corrupt'], bytes: ods(odsTable('SoLieu', ODS_ROW1 + subtable)) },
    { name: 'ods: content.xml declaring 2 kB that inflates to 200 MB', ext: 'ods', expect: ['zip_bomb'], bytes: odsWithContentBomb(zeros) },
    { name: 'ods: styles.xml declaring 2 kB that inflates to 200 MB', ext: 'ods', expect: ['zip_bomb'], bytes: ods(odsTable('SoLieu', ODS_ROW1), [{ name: 'styles.xml', data: new Uint8Array(0), raw: zeros, declaredSize: 2000, crc: 0 }]) },
    { name: 'ods: billion laughs in content.xml', ext: 'ods', expect: ['file_corrupt'], bytes: odsWithDoctype(laughs) },
  ];
}

/** A package whose directory lists the sheet twice under two names, both at the same local entry. */
function overlappingEntries(): Uint8Array {
  const parts = handWrittenPackage(`<sheetData>${ROW1}</sheetData>`);
  const bytes = forgeZip(parts);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Point the workbook.xml directory entry at the sheet's local header.
  const offsets = new Map<string, number>();
  let p = v.getUint32(bytes.length - 22 + 16, true);
  const central: { name: string; at: number }[] = [];
  while (v.getUint32(p, true) === 0x02014b50) {
    const nameLen = v.getUint16(p + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
    offsets.set(name, v.getUint32(p + 42, true));
    central.push({ name, at: p });
    p += 46 + nameLen + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  const sheetAt = offsets.get('xl/worksheets/sheet1.xml') ?? 0;
  for (const c of central) if (c.name === 'xl/workbook.xml') v.setUint32(c.at + 42, sheetAt, true);
  return bytes;
}

/** A package whose sheet's local header says "stored" and another size while the directory says "deflated". */
function mismatchedHeaders(): Uint8Array {
  const bytes = forgeZip(handWrittenPackage(`<sheetData>${ROW1}</sheetData>`));
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let p = 0;
  while (v.getUint32(p, true) === 0x04034b50) {
    const nameLen = v.getUint16(p + 26, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 30, p + 30 + nameLen));
    const compressed = v.getUint32(p + 18, true);
    if (name === 'xl/worksheets/sheet1.xml') {
      v.setUint16(p + 8, 0, true);
      v.setUint32(p + 22, 7, true);
    }
    p += 30 + nameLen + v.getUint16(p + 28, true) + compressed;
  }
  return bytes;
}

function odsWithContentBomb(zeros: Uint8Array): Uint8Array {
  const manifest =
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>';
  return forgeZip([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 'store' },
    { name: 'content.xml', data: new Uint8Array(0), raw: zeros, declaredSize: 2000, crc: 0 },
    { name: 'styles.xml', data: ODS_STYLES },
    { name: 'META-INF/manifest.xml', data: manifest },
  ]);
}

function odsWithDoctype(doctype: string): Uint8Array {
  const bytes = ods(odsTable('SoLieu', ODS_ROW1));
  const content = `<?xml version="1.0" encoding="UTF-8"?>${doctype.replace('lolz', 'office:document-content')}<office:document-content ${ODS_NS}><office:body><office:spreadsheet>${odsTable('SoLieu', `<table:table-row><table:table-cell office:value-type="string"><text:p>&lol9;</text:p></table:table-cell></table:table-row>`)}</office:spreadsheet></office:body></office:document-content>`;
  void bytes;
  return forgeZip([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 'store' },
    { name: 'content.xml', data: content },
    { name: 'styles.xml', data: ODS_STYLES },
    { name: 'META-INF/manifest.xml', data: '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>' },
  ]);
}

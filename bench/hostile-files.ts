import { strToU8, zipSync, type Zippable } from 'fflate';

/**
 * The hostile files of the containment issue that concern the reader, built
 * in code: the tests read each and assert the outcome, the benchmark
 * measures each one's time and peak memory in a fresh process.
 */
export interface HostileFile {
  readonly name: string;
  /** What happens to it: `refused` with this finding code, or `read`. */
  readonly expect: { readonly refused: string } | 'read';
  readonly bytes: Uint8Array;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * A deflated package of the given sheets (names and their XML inside
 * `<worksheet>`), or of `sheetEntries` `<sheet>` entries all pointing at
 * the first sheet's part.
 *
 * @example hostilePackage([{ name: 'A', body: '<sheetData/>' }])
 */
export function hostilePackage(sheets: readonly { readonly name: string; readonly body: string }[], opts: { readonly sheetEntries?: number } = {}): Uint8Array {
  const entries = opts.sheetEntries ?? sheets.length;
  const listed = Array.from({ length: entries }, (_, i) => `<sheet name="${opts.sheetEntries === undefined ? (sheets[i]?.name ?? '') : `S${i + 1}`}" sheetId="${i + 1}" r:id="rId${opts.sheetEntries === undefined ? i + 1 : 1}"/>`);
  const files: Zippable = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    '_rels/.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${listed.join('')}</sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
    ),
  };
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}">${s.body}</worksheet>`);
  });
  return zipSync(files, { level: 6 });
}

const data = '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Ấp 1</t></is></c><c r="B1"><v>120</v></c></row></sheetData>';

/** Column letters of a 1-based column number. */
export function letters(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Every hostile file of the table, built afresh. */
export function hostileFiles(): HostileFile[] {
  const merges100k = Array.from({ length: 100_000 }, (_, i) => {
    const row = Math.floor(i / 100) + 1;
    const col = (i % 100) * 2 + 1;
    return `<mergeCell ref="${letters(col)}${row}:${letters(col + 1)}${row}"/>`;
  }).join('');
  const emptyCells = (n: number): string => {
    const rows: string[] = [];
    for (let r = 1; r * 50 <= n; r++) rows.push(`<row r="${r}">${Array.from({ length: 50 }, (_, c) => `<c r="${letters(c + 1)}${r}" s="0"/>`).join('')}</row>`);
    return rows.join('');
  };
  const richCell = '<row r="1"><c r="A1" t="inlineStr"><is><r><t>Ấp </t></r><r><rPr><b/></rPr><t>1</t></r></is></c></row>';
  const sheets95 = Array.from({ length: 95 }, (_, i) => ({ name: `T${i + 1}`, body: `<sheetData>${i === 0 ? richCell : ''}${emptyCells(5_000).replace(i === 0 ? /^<row r="1">.*?<\/row>/ : /^$/, '')}</sheetData>` }));
  return [
    {
      name: 'a whole-sheet merge wrapped in an unknown element',
      expect: { refused: 'file_corrupt' },
      bytes: hostilePackage([{ name: 'SoLieu', body: `${data}<mergeCells count="1"><x><mergeCell ref="A1000:XFD1048576"/></x></mergeCells>` }]),
    },
    {
      name: 'a whole-sheet merge with a loose ref (A1000:XFD1048576,A1)',
      expect: { refused: 'file_corrupt' },
      bytes: hostilePackage([{ name: 'SoLieu', body: `${data}<mergeCells count="1"><mergeCell ref="A1000:XFD1048576,A1"/></mergeCells>` }]),
    },
    {
      name: 'a whole-sheet merge (A1000:XFD1048576)',
      expect: { refused: 'sheet_too_large' },
      bytes: hostilePackage([{ name: 'SoLieu', body: `${data}<mergeCells count="1"><mergeCell ref="A1000:XFD1048576"/></mergeCells>` }]),
    },
    {
      name: '100,000 small merges',
      expect: 'read',
      bytes: hostilePackage([{ name: 'SoLieu', body: `${data}<mergeCells count="100000">${merges100k}</mergeCells>` }]),
    },
    { name: '95 sheets of empty cells, one inline rich text cell', expect: 'read', bytes: hostilePackage(sheets95) },
    { name: '3,000 <sheet> entries pointing at one part', expect: { refused: 'file_corrupt' }, bytes: hostilePackage([{ name: 'SoLieu', body: data }], { sheetEntries: 3000 }) },
  ];
}

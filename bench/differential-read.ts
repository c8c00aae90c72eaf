import fc from 'fast-check';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { readWorkbook, type ReadResult } from '../src/xlsx/read-workbook';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts a mutation may touch: a sheet with every kind of cell the reader handles, shared strings and styles. */
export const BASE_PARTS: Readonly<Record<string, string>> = {
  'xl/worksheets/sheet1.xml':
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:E4"/><sheetData>` +
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Ấp 1</t></is></c><c r="D1" s="1"><v>45390</v></c></row>' +
    '<row r="2"><c r="A2"><v>120</v></c><c r="B2"><v>80.5</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#DIV/0!</v></c><c r="E2"><f>A2+B2</f><v>200.5</v></c></row>' +
    '<row r="3"><c r="A3" t="str"><f>"x"</f><v>x &amp; y</v></c><c r="B3" t="inlineStr"><is><r><t>rich </t></r><r><rPr><b/></rPr><t>text</t></r></is></c><c r="C3" s="2"><v>3</v></c></row>' +
    '<row r="4"><c r="A4"><v>1</v></c><c r="B4"><v>2</v></c></row>' +
    '</sheetData><mergeCells count="1"><mergeCell ref="A4:B4"/></mergeCells></worksheet>',
  'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="${MAIN}" count="2" uniqueCount="2"><si><t>Mã đơn vị</t></si><si><r><t>Tổng </t></r><r><t>cộng_x000D_</t></r></si></sst>`,
  'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8"?>\n<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>`,
};

/** A stored package of the parts (stored, so that mutations reach the XML itself). */
export function packageOf(parts: Readonly<Record<string, string>>): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    '_rels/.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="SoLieu" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
        `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
  };
  for (const [name, text] of Object.entries(parts)) files[name] = strToU8(text);
  return zipSync(files, { level: 0 });
}

/** One change to a part's text, as the fuzzers that found the disagreements made them. */
export type Mutation =
  | { readonly kind: 'duplicateAttribute' | 'prefixElement' | 'swapCase' | 'deleteChar'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string };

const INSERTS = ['\u0001', '\u000b', '\u001f', '\uffff', '\ufffe', '&#1;', '&#xFFFF;', '&#9;', '&#x1F600;', '&', '&amp;', '&nbsp;', '<', '>', '"', "'", '=', '/', ' ', '\r', '\r\n', '\t', '<![CDATA[x]]>', '<!-- c -->', '<x/>', '<b>', '</b>', '_x0041_', 'é', '\ud800'];

/** fast-check's generator of mutations. */
export function mutationArb(): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ kind: fc.constantFrom('duplicateAttribute' as const, 'prefixElement' as const, 'swapCase' as const, 'deleteChar' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...INSERTS) }),
  );
}

/** The text with one mutation applied (positions wrap around its length). */
export function applyMutation(text: string, m: Mutation): string {
  const at = m.at % Math.max(1, text.length);
  switch (m.kind) {
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'deleteChar':
      return text.slice(0, at) + text.slice(at + 1);
    case 'duplicateAttribute': {
      const attrs = [...text.matchAll(/ ([A-Za-z:]+)="[^"]*"/g)];
      const a = attrs[at % Math.max(1, attrs.length)];
      if (!a || a.index === undefined) return text;
      const end = a.index + a[0].length;
      return text.slice(0, end) + a[0] + text.slice(end);
    }
    case 'prefixElement': {
      const tags = [...text.matchAll(/<(\/?)([A-Za-z]+)([ >/])/g)];
      const t = tags[at % Math.max(1, tags.length)];
      if (!t || t.index === undefined) return text;
      const name = t[2] ?? '';
      // The open tag and its close tag both get the prefix (a well-formed but unknown element).
      return text.replace(new RegExp(`<(/?)${name}([ >/])`, 'g'), (_m, slash: string, after: string) => `<${slash}y:${name}${after}`);
    }
    case 'swapCase': {
      const tags = [...text.matchAll(/<\/?([A-Za-z]+)/g)];
      const t = tags[at % Math.max(1, tags.length)];
      if (!t || t.index === undefined) return text;
      const s = t.index + t[0].length - (t[1] ?? '').length;
      const c = text.charAt(s);
      return text.slice(0, s) + (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()) + text.slice(s + 1);
    }
  }
}

/** What two reads must agree on: the book, and the codes of the findings (ExcelJS words its own errors). */
export function outcome(r: ReadResult): { book: ReadResult['book']; codes: string[] } {
  return { book: r.book, codes: r.findings.map((f) => f.code) };
}

/**
 * The differential property: whatever the mutations, PHU's reader and
 * ExcelJS (both after the same preflight) give the same book, or refuse
 * alike.
 */
export function differentialProperty(): fc.IAsyncProperty<[string, Mutation[]]> {
  return fc.asyncProperty(fc.constantFrom(...Object.keys(BASE_PARTS)), fc.array(mutationArb(), { minLength: 1, maxLength: 3 }), async (part, mutations) => {
    const text = mutations.reduce(applyMutation, BASE_PARTS[part] ?? '');
    const bytes = packageOf({ ...BASE_PARTS, [part]: text });
    const mine = outcome(await readWorkbook(bytes));
    const theirs = outcome(await readWorkbook(bytes, { engine: 'exceljs' }));
    if (JSON.stringify(mine) !== JSON.stringify(theirs)) {
      throw new Error(`the readers disagree on ${part}:\n${text}\nPHU: ${JSON.stringify(mine)}\nExcelJS: ${JSON.stringify(theirs)}`);
    }
  });
}

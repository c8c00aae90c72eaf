import { deflateSync } from 'fflate';
import type { OutputBook } from '../core/grid/output-book';
import { deflateZip, nativeDeflateRaw } from './deflate-zip';
import { SharedStrings } from './shared-strings';
import { sheetXml, type SheetPart } from './sheet-xml';
import { MAIN_NS, StyleTable, XML_DECLARATION } from './style-table';
import { uniqueSheetNames } from './unique-sheet-names';
import { xmlAttr, xmlSafe, xmlText } from './xml-text';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/**
 * Writes an OutputBook as .xlsx bytes: values, formats, layout, data bars,
 * validation, protection and page set-up exactly as the sheets describe
 * them, as SpreadsheetML written directly and deflated once. Every string
 * is written as literal text, whatever it starts with (`=`, `+`, `-`, `@`):
 * only the `formulas` PHU itself lists become formulas. Characters XML 1.0
 * forbids are dropped, text is cut at Excel's 32,767 characters per cell,
 * and sheet names Excel would refuse are made valid (forbidden characters
 * replaced, 31 characters, unique).
 *
 * @example await fs.writeFile('688.xlsx', await writeWorkbook(renderConsolidation(form, c)))
 */
export function writeWorkbook(book: OutputBook, when: Date = new Date()): Promise<Uint8Array> {
  return Promise.resolve(writeWorkbookBytes(book, when));
}

/**
 * The parts of the package, uncompressed, in the order they are zipped: what
 * `writeWorkbook` deflates. Exposed so that the cost of writing can be set
 * against a plain deflate of the same XML (`npm run bench`).
 */
export function workbookParts(book: OutputBook, when: Date = new Date()): Array<{ name: string; data: Uint8Array }> {
  const styles = new StyleTable();
  const strings = new SharedStrings();
  const names = uniqueSheetNames(book.sheets.map((s) => xmlSafe(s.name)));
  // Excel refuses a workbook whose sheets are all hidden: the first one then shows.
  let active = book.sheets.findIndex((s) => (s.state ?? 'visible') === 'visible');
  const forceVisible = active < 0 && book.sheets.length > 0;
  if (active < 0) active = 0;
  const sheets: SheetPart[] = book.sheets.map((s, i) => sheetXml(s, { styles, strings, selected: i === active, index: i }));
  const enc = new TextEncoder();
  const parts: Array<{ name: string; data: string | Uint8Array }> = [
    { name: '[Content_Types].xml', data: contentTypes(sheets.length) },
    { name: '_rels/.rels', data: rootRels() },
    { name: 'docProps/core.xml', data: coreProps(when) },
    { name: 'docProps/app.xml', data: appProps() },
    { name: 'xl/workbook.xml', data: workbookXml(book, names, sheets, active, forceVisible) },
    { name: 'xl/_rels/workbook.xml.rels', data: workbookRels(sheets.length) },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: s.xml })),
    { name: 'xl/sharedStrings.xml', data: strings.xml() },
    { name: 'xl/styles.xml', data: styles.xml() },
  ];
  return parts.map((p) => ({ name: p.name, data: typeof p.data === 'string' ? enc.encode(p.data) : p.data }));
}

/**
 * `writeWorkbook` without the promise, for callers that write many books in a loop.
 *
 * @example const bytes = writeWorkbookBytes(renderSubmission(form, data))
 */
export function writeWorkbookBytes(book: OutputBook, when: Date = new Date()): Uint8Array {
  // Native zlib where the runtime has it (several times faster than deflate in JavaScript), fflate elsewhere.
  const deflateRaw = nativeDeflateRaw() ?? ((data: Uint8Array, opts: { level: number }): Uint8Array => deflateSync(data, { level: opts.level as 6 }));
  return deflateZip(workbookParts(book, when), deflateRaw, 6, when);
}

function contentTypes(sheetCount: number): string {
  const sheets = Array.from({ length: sheetCount }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`).join('');
  return (
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>${sheets}` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>'
  );
}

function rootRels(): string {
  return (
    `${XML_DECLARATION}<Relationships xmlns="${PKG_REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    `<Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/></Relationships>`
  );
}

function coreProps(when: Date): string {
  const at = Number.isNaN(when.getTime()) ? '' : when.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    '<dc:creator>PHU</dc:creator><cp:lastModifiedBy>PHU</cp:lastModifiedBy>' +
    (at ? `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` : '') +
    '</cp:coreProperties>'
  );
}

function appProps(): string {
  return `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>PHU</Application></Properties>`;
}

/** A sheet name inside a formula: always quoted, its apostrophes doubled. */
function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function workbookXml(book: OutputBook, names: readonly string[], sheets: readonly SheetPart[], active: number, forceVisible: boolean): string {
  const entries = book.sheets
    .map((s, i) => {
      const state = forceVisible && i === active ? 'visible' : (s.state ?? 'visible');
      return `<sheet name="${xmlAttr(names[i] ?? `Sheet${i + 1}`)}" sheetId="${i + 1}"${state === 'visible' ? '' : ` state="${state}"`} r:id="rId${i + 1}"/>`;
    })
    .join('');
  const defined: string[] = [];
  sheets.forEach((s, i) => {
    const sheet = quotedSheet(names[i] ?? `Sheet${i + 1}`);
    if (s.filterRef) defined.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(`${sheet}!${s.filterRef}`)}</definedName>`);
    if (s.printTitles) defined.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(`${sheet}!${s.printTitles}`)}</definedName>`);
  });
  return (
    `${XML_DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<bookViews><workbookView${active > 0 ? ` firstSheet="0" activeTab="${active}"` : ''}/></bookViews>` +
    `<sheets>${entries}</sheets>` +
    (defined.length > 0 ? `<definedNames>${defined.join('')}</definedNames>` : '') +
    '<calcPr calcId="191029"/></workbook>'
  );
}

function workbookRels(sheetCount: number): string {
  const sheets = Array.from({ length: sheetCount }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  return (
    `${XML_DECLARATION}<Relationships xmlns="${PKG_REL_NS}">${sheets}` +
    `<Relationship Id="rId${sheetCount + 1}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
    `<Relationship Id="rId${sheetCount + 2}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`
  );
}

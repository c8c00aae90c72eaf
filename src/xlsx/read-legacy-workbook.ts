import { corruptParams, quotedError, type Corruption } from '../core/findings/corrupt-reasons';
import { createFinding, type Finding } from '../core/findings/finding';
import type { Scalar } from '../core/grid/scalar';
import type { SheetGrid, WorkbookGrid } from '../core/grid/sheet-grid';
import { checkBiff } from './check-biff';
import { oleStreamNames } from './ole-stream-names';
import type { ReadLimits } from './read-limits';
import { attributeValue, localNameIs, scanXml, TagKind } from './scan-xml';
import { readZipDirectory, type ZipEntry } from './zip-directory';
import { readZipEntryData } from './zip-entry-data';

/** The workbook formats read through SheetJS rather than PHU's own .xlsx reader. */
export type LegacyFormat = 'xls' | 'ods';

/** What readLegacyWorkbook gives: the same shape as readWorkbook's result. */
export interface LegacyRead {
  readonly book?: WorkbookGrid;
  readonly findings: readonly Finding[];
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

/**
 * Whether the bytes are an Excel 97-2003 workbook (BIFF5/BIFF8 in an OLE
 * compound file, not a password-encrypted .xlsx, which shares the
 * container) or an OpenDocument spreadsheet (a zip whose `mimetype` says
 * so): the files LibreOffice, WPS and old Excel save. Undefined for
 * anything else, which the .xlsx reader judges as before.
 *
 * @example legacyFormat(await readFile('25308.xls')) // 'xls'
 */
export function legacyFormat(bytes: Uint8Array): LegacyFormat | undefined {
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    const names = oleStreamNames(bytes) ?? [];
    if (names.includes('EncryptionInfo') || names.includes('EncryptedPackage')) return undefined;
    return names.includes('Workbook') || names.includes('Book') ? 'xls' : undefined;
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return undefined;
  // A spreadsheet has a handful of entries: a longer or unreadable directory is judged by the file's head alone.
  const dir = readZipDirectory(bytes, 64);
  const mime = dir.ok ? dir.entries.find((e) => e.name === 'mimetype') : undefined;
  if (!mime || mime.uncompressedSize > 200) return odsByMimetypeHead(bytes);
  const data = readZipEntryData(bytes, mime);
  return data.ok && new TextDecoder().decode(data.data).trim() === ODS_MIME ? 'ods' : undefined;
}

/** ODF writes `mimetype` first and uncompressed, so its text sits at byte 38 of the file. */
function odsByMimetypeHead(bytes: Uint8Array): LegacyFormat | undefined {
  const head = new TextDecoder().decode(bytes.subarray(30, 38 + ODS_MIME.length));
  return head === `mimetype${ODS_MIME}` ? 'ods' : undefined;
}

/** Thrown inside the reader to stop at the first check that refuses the file; never escapes it. */
class Refusal {
  constructor(readonly finding: Finding) {}
}

function refuse(finding: Finding): never {
  throw new Refusal(finding);
}

/** A `file_corrupt` finding for a problem the zip reader, a scanner or SheetJS reported. */
function corrupt(c: Corruption): Finding {
  return createFinding('file_corrupt', corruptParams(c));
}

/**
 * Reads an .xls or .ods file into the same WorkbookGrid as an .xlsx, through
 * SheetJS (`@e965/xlsx`, loaded on first use so that the browser fetches it
 * only for such files), behind the same limits: file size; for .ods the
 * zip's entries, sizes, ratios, XML depth and the cells each sheet holds,
 * all judged before SheetJS parses anything; for .xls the cells each
 * sheet's records make and sheets listed twice, judged on the workbook
 * stream before SheetJS reads it (checkBiff), and the cells of each sheet
 * once read. Password-protected files are refused as encrypted. Never throws.
 *
 * @example const { book, findings } = await readLegacyWorkbook(bytes, 'ods', DEFAULT_READ_LIMITS);
 */
export async function readLegacyWorkbook(bytes: Uint8Array, format: LegacyFormat, limits: ReadLimits): Promise<LegacyRead> {
  try {
    if (bytes.byteLength > limits.maxFileBytes) refuse(createFinding('file_too_large', { bytes: bytes.byteLength, limit: limits.maxFileBytes }));
    if (format === 'ods') checkOds(bytes, limits);
    const XLSX = await import(/* webpackChunkName: "sheetjs" */ '@e965/xlsx');
    if (format === 'xls') {
      const problem = checkBiff(workbookStream(XLSX.CFB, bytes), limits);
      if (problem) refuse(problem);
    }
    const wb = quietly(() => XLSX.read(nodeBuffer(bytes) ?? bytes, { type: nodeBuffer(bytes) ? 'buffer' : 'array', dense: true, cellFormula: true, cellHTML: false, cellText: false, cellNF: true, cellStyles: false }));
    const date1904 = wb.Workbook?.WBProps?.date1904 === true;
    const sheets: SheetGrid[] = wb.SheetNames.map((name) => {
      const ws = wb.Sheets[name];
      const data = (ws?.['!data'] ?? []) as unknown as ReadonlyArray<ReadonlyArray<SheetCell | undefined> | undefined>;
      const cells = data.reduce((n, row) => n + (row ? row.filter((c) => c !== undefined && c !== null).length : 0), 0);
      if (cells > limits.maxCellsPerSheet) {
        const columns = data.reduce((m, row) => Math.max(m, row?.length ?? 0), 0);
        refuse(createFinding('sheet_too_large', { rows: data.length, columns, limit: limits.maxCellsPerSheet }, { sheet: name }));
      }
      return { name, rows: gridRows(data, (z) => XLSX.SSF.is_date(z), date1904) };
    });
    return { book: { sheets }, findings: [] };
  } catch (e) {
    if (e instanceof Refusal) return { findings: [e.finding] };
    const why = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(why)) return { findings: [createFinding('file_encrypted', {})] };
    return { findings: [corrupt({ reason: 'unreadable', extra: quotedError(e) })] };
  }
}

/** The entries of a compound file as SheetJS's CFB reader gives them (its types say `any`). */
interface CfbContainer {
  readonly FileIndex: ReadonlyArray<{ readonly name: string; readonly content?: ArrayLike<number> }>;
}

/**
 * The `Workbook` (BIFF8) or `Book` (BIFF5) stream of an .xls, read by
 * SheetJS's compound-file reader (the one its workbook reader then uses),
 * which walks each sector chain once.
 */
function workbookStream(cfb: { read(data: Uint8Array, opts: { type: 'array' | 'buffer' }): unknown }, bytes: Uint8Array): Uint8Array {
  const buffer = nodeBuffer(bytes);
  const container = (buffer ? cfb.read(buffer, { type: 'buffer' }) : cfb.read(bytes, { type: 'array' })) as CfbContainer;
  const entry = container.FileIndex.find((f) => f.name === 'Workbook') ?? container.FileIndex.find((f) => f.name === 'Book');
  const content = entry?.content;
  if (!content) return new Uint8Array(0);
  return content instanceof Uint8Array ? content : Uint8Array.from(content);
}

/**
 * The bytes as a Node Buffer over the same memory, where there is one.
 * SheetJS joins an OLE stream's sectors as Buffers when given one, but as a
 * plain array of numbers otherwise: 4.4 s instead of 0.7 s for an 18 MB
 * .xls. A browser has no Buffer and keeps the slower path.
 */
function nodeBuffer(bytes: Uint8Array): Uint8Array | undefined {
  return typeof Buffer === 'function' ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : undefined;
}

/** A SheetJS cell, as far as PHU reads it. */
interface SheetCell {
  readonly t?: string;
  readonly v?: unknown;
  readonly f?: string;
  readonly z?: string | number;
  readonly w?: string;
}

/**
 * SheetJS's dense rows as grid rows: numbers in a date format become Dates
 * the way the .xlsx reader makes them (UTC midnight of the serial day),
 * errors keep their text, a formula without a saved result is
 * `{ uncalculated }`, and trailing blanks are dropped.
 */
function gridRows(data: ReadonlyArray<ReadonlyArray<SheetCell | undefined> | undefined>, isDate: (z: string | number) => boolean, date1904: boolean): (Scalar[] | undefined)[] {
  const rows: (Scalar[] | undefined)[] = [];
  for (const row of data) {
    if (!row) {
      rows.push(undefined);
      continue;
    }
    const out: Scalar[] = [];
    row.forEach((cell, c) => {
      const v = cell ? scalarOf(cell, isDate, date1904) : null;
      if (v === null) return;
      while (out.length < c) out.push(null);
      out[c] = v;
    });
    rows.push(out.length > 0 ? out : undefined);
  }
  while (rows.length > 0 && rows[rows.length - 1] === undefined) rows.pop();
  return rows;
}

function scalarOf(cell: SheetCell, isDate: (z: string | number) => boolean, date1904: boolean): Scalar {
  const v = cell.v;
  if (v === undefined || v === null) return cell.f ? { uncalculated: cell.f } : null;
  switch (cell.t) {
    case 'n': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return { error: '#NUM!' };
      // Past 9999-12-31 a date format shows ##### over the number typed (a phone number): the number it is.
      if (cell.z !== undefined && isDate(cell.z) && v >= 0 && v <= 2_958_465) return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
      return v;
    }
    case 's':
      return typeof v === 'string' ? v : String(v);
    case 'b':
      return v === true;
    case 'e':
      return { error: cell.w ?? '#N/A' };
    case 'd':
      return v instanceof Date && !Number.isNaN(v.getTime()) ? v : { error: '#NUM!' };
    default:
      return null;
  }
}

/**
 * SheetJS writes some notes about ODS number formats to the console; a
 * command-line run or the pane has no use for them. The read is
 * synchronous, so nothing else can log meanwhile.
 */
function quietly<T>(read: () => T): T {
  const error = console.error;
  console.error = (): void => undefined;
  try {
    return read();
  } finally {
    console.error = error;
  }
}

/**
 * The checks an .ods passes before SheetJS parses it: the zip's entries and
 * declared sizes, the compression ratio of its content, encryption (ODF
 * says so in its manifest, not in the zip flags), the XML's depth, and the
 * cells each table holds once its repeated rows and columns are expanded.
 */
function checkOds(bytes: Uint8Array, limits: ReadLimits): void {
  const dir = readZipDirectory(bytes, limits.maxZipEntries);
  if (!dir.ok) {
    if (dir.tooManyEntries !== undefined) refuse(createFinding('zip_entries_too_many', { count: dir.tooManyEntries, limit: limits.maxZipEntries }));
    refuse(corrupt(dir));
  }
  const total = dir.entries.reduce((n, e) => n + e.uncompressedSize, 0);
  if (total > limits.maxUncompressedBytes) refuse(createFinding('zip_bomb', { expanded: total, limit: limits.maxUncompressedBytes }));
  for (const e of dir.entries) {
    if (e.uncompressedSize > limits.ratioGraceBytes && e.uncompressedSize / Math.max(1, e.compressedSize) > limits.maxCompressionRatio) {
      refuse(createFinding('zip_bomb', { expanded: e.uncompressedSize, limit: Math.floor(e.compressedSize * limits.maxCompressionRatio) }));
    }
    if (e.method !== 0 && e.method !== 8) refuse(corrupt({ reason: 'entry_method_unsupported', part: e.name, extra: String(e.method) }));
  }
  const entry = (name: string): ZipEntry | undefined => dir.entries.find((e) => e.name === name);
  const part = (name: string): Uint8Array | undefined => {
    const e = entry(name);
    if (!e) return undefined;
    const read = readZipEntryData(bytes, e);
    if (!read.ok) refuse(read.problem === 'over_cap' ? createFinding('zip_bomb', { expanded: `> ${e.uncompressedSize}`, limit: e.uncompressedSize }) : corrupt(read));
    return read.data;
  };
  // SheetJS inflates every entry it finds: each must inflate to no more than it declared (judged above).
  for (const e of dir.entries) if (e.name !== 'content.xml' && e.uncompressedSize > 0) part(e.name);
  const manifest = part('META-INF/manifest.xml');
  if (manifest && new TextDecoder().decode(manifest).includes('encryption-data')) refuse(createFinding('file_encrypted', {}));
  const content = part('content.xml');
  if (!content) refuse(corrupt({ reason: 'part_missing', part: 'content.xml' }));
  checkOdsCells(content, limits);
}

/**
 * Walks content.xml counting, per table, the cells that hold something
 * (a value type or text), with `number-rows-repeated` and
 * `number-columns-repeated` applied: a few bytes can repeat a cell over a
 * whole sheet, which SheetJS would then build cell by cell.
 */
function checkOdsCells(content: Uint8Array, limits: ReadLimits): void {
  let table = '';
  let tables = 0;
  let lastValuedRow = 0;
  let bookCells = 0;
  let cells = 0;
  let rowRepeat = 1;
  let rowCells = 0;
  let rows = 0;
  let columns = 0;
  let rowColumns = 0;
  let cellRepeat = 1;
  let cellHasValue = false;
  const repeat = (ts: number, te: number, name: string): number => {
    const n = parseInt(attributeValue(content, ts, te, name, true) ?? '1', 10);
    return Number.isFinite(n) && n > 1 ? n : 1;
  };
  const tooLarge = (): never => refuse(createFinding('sheet_too_large', { rows, columns, limit: limits.maxCellsPerSheet }, { sheet: table }));
  const scan = scanXml(content, limits.maxXmlDepth, (kind, ns, ne, ts, te) => {
    if (localNameIs(content, ns, ne, 'table')) {
      if (kind !== TagKind.Close) {
        // A table inside a cell would restart the counts of the table around it (and SheetJS loses the outer one).
        if (tables > 0) refuse(createFinding('file_corrupt', corruptParams({ reason: 'table_in_cell', part: 'content.xml', extra: attributeValue(content, ts, te, 'name', true) ?? '' }), { sheet: table }));
        table = attributeValue(content, ts, te, 'name', true) ?? '';
        cells = rows = columns = lastValuedRow = 0;
      }
      if (kind === TagKind.Open) tables++;
      if (kind === TagKind.Close) {
        tables--;
        // Every row down to the last one holding a value is laid out by SheetJS and in the grid.
        bookCells += cells + lastValuedRow;
        if (bookCells > limits.maxCellsPerWorkbook) refuse(createFinding('workbook_too_large', { cells: bookCells, limit: limits.maxCellsPerWorkbook }));
      }
    } else if (localNameIs(content, ns, ne, 'table-row')) {
      if (kind === TagKind.Close) {
        rows += rowRepeat;
        if (rowCells > 0) {
          lastValuedRow = rows;
          cells += rowCells * rowRepeat;
          columns = Math.max(columns, rowColumns);
          if (cells > limits.maxCellsPerSheet) tooLarge();
        }
      } else {
        rowRepeat = repeat(ts, te, 'number-rows-repeated');
        rowCells = rowColumns = 0;
        if (kind === TagKind.Empty) rows += rowRepeat;
      }
    } else if (localNameIs(content, ns, ne, 'table-cell') || localNameIs(content, ns, ne, 'covered-table-cell')) {
      if (kind === TagKind.Close) {
        if (cellHasValue) rowCells += cellRepeat;
        rowColumns += cellRepeat;
      } else {
        cellRepeat = repeat(ts, te, 'number-columns-repeated');
        cellHasValue = attributeValue(content, ts, te, 'value-type', true) !== undefined || attributeValue(content, ts, te, 'formula', true) !== undefined;
        if (kind === TagKind.Empty) {
          if (cellHasValue) rowCells += cellRepeat;
          rowColumns += cellRepeat;
        }
      }
    } else if (kind !== TagKind.Close && localNameIs(content, ns, ne, 'p')) {
      cellHasValue = true;
    }
  });
  if (!scan.ok) {
    if (scan.tooDeep !== undefined) refuse(createFinding('xml_too_deep', { part: 'content.xml', depth: scan.tooDeep, limit: limits.maxXmlDepth }));
    refuse(corrupt({ reason: scan.reason, part: 'content.xml' }));
  }
}

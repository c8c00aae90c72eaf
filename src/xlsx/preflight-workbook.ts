import { corruptParams, type Corruption } from '../core/findings/corrupt-reasons';
import { createFinding, type Finding } from '../core/findings/finding';
import { containsUtf16, oleStreamNames } from './ole-stream-names';
import type { ReadLimits } from './read-limits';
import { readPackage } from './read-package';
import type { CheckedSheet, CheckedWorkbook } from './checked-workbook';
import { xmlCharProblem } from './scan-xml';
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS, scanWorksheet } from './scan-worksheet';
import { stripRootPrefix } from './strip-root-prefix';
import { sniffFormat } from './sniff-format';
import { readZipDirectory, type ZipEntry } from './zip-directory';
import { readZipEntryData } from './zip-entry-data';

/** What the preflight decided about a file. */
export interface Preflight {
  /** Every finding about the file itself; warnings may come with an accepted file. */
  readonly findings: readonly Finding[];
  /**
   * The parts that hold values, each inflated once and checked, handed
   * straight to the value readers. Absent when the file is refused.
   */
  readonly checked?: CheckedWorkbook;
}

/** Thrown inside the preflight to stop at the first check that refuses the file; never escapes it. */
class Refusal {
  constructor(readonly errors: readonly Finding[]) {}
}

/**
 * Everything checked before ExcelJS is allowed to touch a file: what it is
 * (empty, text, old .xls, encrypted, not a zip), what its zip directory
 * declares (entry count, sizes, compression ratios), then, inflating only
 * the parts that hold values and never beyond their declared sizes, how
 * deep their XML nests and how many cells each sheet holds or claims. Time
 * and memory stay proportional to the limits, not to what a file claims.
 */
export function preflightWorkbook(bytes: Uint8Array, limits: ReadLimits): Preflight {
  const findings: Finding[] = [];
  try {
    return { findings, ...check(bytes, limits, findings) };
  } catch (e) {
    if (e instanceof Refusal) return { findings: [...findings, ...e.errors] };
    throw e;
  }
}

function refuse(finding: Finding): never {
  throw new Refusal([finding]);
}

function check(bytes: Uint8Array, limits: ReadLimits, findings: Finding[]): { checked: CheckedWorkbook } {
  if (bytes.byteLength === 0) refuse(createFinding('file_empty', {}));
  if (bytes.byteLength > limits.maxFileBytes) refuse(createFinding('file_too_large', { bytes: bytes.byteLength, limit: limits.maxFileBytes }));

  const sniffed = sniffFormat(bytes);
  if (sniffed.kind === 'ole') refuse(oleFinding(bytes));
  if (sniffed.kind === 'other') refuse(createFinding('file_not_workbook', { detected: sniffed.detected }));
  if (sniffed.kind === 'unknown') refuse(corrupt({ reason: 'not_zip' }));

  const dir = readZipDirectory(bytes, limits.maxZipEntries);
  if (!dir.ok) {
    if (dir.tooManyEntries !== undefined) refuse(createFinding('zip_entries_too_many', { count: dir.tooManyEntries, limit: limits.maxZipEntries }));
    refuse(corrupt(dir));
  }
  const entries = dir.entries.filter((e) => !(e.name.endsWith('/') && e.uncompressedSize === 0));
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) {
    const key = e.name.toLowerCase();
    if (byName.has(key)) refuse(corrupt({ reason: 'entry_duplicate', part: e.name }));
    byName.set(key, e);
  }
  // Bit 0: traditional zip encryption; bit 6: strong encryption.
  if (entries.some((e) => (e.flags & 0x41) !== 0)) refuse(createFinding('file_encrypted', {}));

  const other = otherZipFormat(byName);
  if (other) refuse(createFinding('file_not_workbook', { detected: other }));

  if (entries.some((e) => /(^|\/)vbaProject\.bin$/i.test(e.name))) findings.push(createFinding('macros_ignored', {}));
  const links = entries.filter((e) => /^xl\/externalLinks\/[^/]+\.xml$/i.test(e.name)).length;
  if (links > 0) findings.push(createFinding('external_links_ignored', { count: links }));

  checkDeclaredSizes(entries, byName, limits);

  const cache = new Map<string, Uint8Array>();
  const part = (name: string): Uint8Array | undefined => {
    const entry = byName.get(name.toLowerCase());
    if (!entry) return undefined;
    const cached = cache.get(entry.name);
    if (cached) return cached;
    const read = readZipEntryData(bytes, entry);
    if (!read.ok && read.problem === 'over_cap') {
      // The header lied, or the data is damaged: a second inflation tells a
      // bomb from a broken file. It stops at what the limits allow this
      // entry, and at twice its declared size plus 1 MiB, so that memory
      // stays proportional to what was declared (and judged) even then.
      const allowed = Math.min(limits.maxUncompressedBytes, Math.max(limits.ratioGraceBytes, entry.compressedSize * limits.maxCompressionRatio));
      const cap = Math.min(allowed, 2 * entry.uncompressedSize + 1024 * 1024);
      const again = readZipEntryData(bytes, entry, cap);
      if (!again.ok && again.problem === 'over_cap') refuse(createFinding('zip_bomb', { expanded: `> ${cap}`, limit: cap }));
      refuse(corrupt({ reason: 'entry_size_mismatch', part: entry.name }));
    }
    if (!read.ok) refuse(corrupt(read));
    // Characters a conforming XML parser refuses are refused here, whichever reader reads the part.
    const bad = xmlCharProblem(read.data);
    if (bad !== undefined) refuse(corrupt({ ...bad, part: entry.name }));
    cache.set(entry.name, read.data);
    return read.data;
  };

  const read = readPackage(part, limits.maxXmlDepth);
  if (!read.ok) refuse(corrupt(read));
  const pkg = read.pkg;

  const seenParts = new Set<string>();
  for (const sheet of pkg.sheets) {
    const key = sheet.part.toLowerCase();
    if (seenParts.has(key)) refuse(corrupt({ reason: 'part_listed_twice', part: sheet.part }));
    seenParts.add(key);
  }

  const sheets: CheckedSheet[] = [];
  let bookCells = 0;
  for (const sheet of pkg.sheets) {
    const data = part(sheet.part);
    if (!data) refuse(corrupt({ reason: 'sheet_part_missing', part: sheet.name }));
    const scan = scanWorksheet(data, limits.maxXmlDepth, limits.maxCellsPerSheet);
    const tooLarge = (rows: number, columns: number): Finding =>
      createFinding('sheet_too_large', { rows, columns, limit: limits.maxCellsPerSheet }, { sheet: sheet.name });
    if (!scan.ok) {
      if (scan.over) refuse(tooLarge(scan.over.maxRow, Math.max(1, scan.over.maxCol)));
      refuse(xmlProblem(scan, sheet.part, limits, sheet.name));
    }
    const s = scan.stats;
    if (Math.max(s.cells, s.gridCells, s.rows, s.mergedCells) > limits.maxCellsPerSheet) refuse(tooLarge(s.maxRow, Math.max(1, s.maxCol)));
    if (s.maxRow > EXCEL_MAX_ROWS || s.maxCol > EXCEL_MAX_COLS) {
      refuse(corrupt({ reason: 'cell_out_of_range', part: sheet.name }, { sheet: sheet.name }));
    }
    // The grid holds a row, even an empty one, down to the last cell: 200 sheets with one cell in row 1,048,576 are 200 million rows.
    bookCells += s.gridCells + s.mergedCells + s.lastCellRow;
    if (bookCells > limits.maxCellsPerWorkbook) refuse(createFinding('workbook_too_large', { cells: bookCells, limit: limits.maxCellsPerWorkbook }));
    sheets.push({ name: sheet.name, state: sheet.state, values: scan.values, merges: scan.merges, isoDates: scan.isoDates });
  }

  let sharedStrings: Uint8Array | undefined;
  if (pkg.sharedStringsPart) {
    const entry = byName.get(pkg.sharedStringsPart.toLowerCase());
    if (entry && entry.uncompressedSize > limits.maxSharedStringsBytes) {
      refuse(createFinding('strings_too_large', { bytes: entry.uncompressedSize, limit: limits.maxSharedStringsBytes }));
    }
    const data = part(pkg.sharedStringsPart);
    if (data) {
      const clean = stripRootPrefix(data, limits.maxXmlDepth);
      if (!clean.ok) refuse(xmlProblem(clean, pkg.sharedStringsPart, limits));
      sharedStrings = clean.bytes;
    }
  }
  let styles: Uint8Array | undefined;
  if (pkg.stylesPart) {
    const data = part(pkg.stylesPart);
    if (data) {
      const clean = stripRootPrefix(data, limits.maxXmlDepth);
      if (!clean.ok) refuse(xmlProblem(clean, pkg.stylesPart, limits));
      styles = clean.bytes;
    }
  }
  return { checked: { sheets, date1904: pkg.date1904, ...(sharedStrings ? { sharedStrings } : {}), ...(styles ? { styles } : {}) } };
}

/**
 * Judges the sizes the zip directory declares, before anything is
 * inflated, and refuses with every problem found: the total, the shared
 * strings, the worst compression ratio, an unsupported method.
 */
function checkDeclaredSizes(entries: readonly ZipEntry[], byName: ReadonlyMap<string, ZipEntry>, limits: ReadLimits): void {
  const errors: Finding[] = [];
  const total = entries.reduce((n, e) => n + e.uncompressedSize, 0);
  if (total > limits.maxUncompressedBytes) errors.push(createFinding('zip_bomb', { expanded: total, limit: limits.maxUncompressedBytes }));
  const strings = byName.get('xl/sharedstrings.xml');
  if (strings && strings.uncompressedSize > limits.maxSharedStringsBytes) {
    errors.push(createFinding('strings_too_large', { bytes: strings.uncompressedSize, limit: limits.maxSharedStringsBytes }));
  }
  if (errors.length === 0) {
    const ratio = (e: ZipEntry): number => e.uncompressedSize / Math.max(1, e.compressedSize);
    const worst = entries
      .filter((e) => e.uncompressedSize > limits.ratioGraceBytes && ratio(e) > limits.maxCompressionRatio)
      .sort((a, b) => ratio(b) - ratio(a))[0];
    if (worst) {
      errors.push(createFinding('zip_bomb', { expanded: worst.uncompressedSize, limit: Math.floor(worst.compressedSize * limits.maxCompressionRatio) }));
    }
  }
  const bad = entries.find((e) => e.method !== 0 && e.method !== 8);
  if (bad) errors.push(corrupt({ reason: 'entry_method_unsupported', part: bad.name, extra: String(bad.method) }));
  if (errors.length > 0) throw new Refusal(errors);
}

/**
 * An OLE compound file is an old .xls, or an .xlsx encrypted with a password
 * (Excel then wraps it in `EncryptionInfo` and `EncryptedPackage` streams),
 * or another Office 97-2003 document.
 */
function oleFinding(bytes: Uint8Array): Finding {
  const listed = oleStreamNames(bytes);
  const names = listed ?? [];
  if (names.includes('EncryptionInfo') || names.includes('EncryptedPackage')) return createFinding('file_encrypted', {});
  if (!listed && containsUtf16(bytes, 'EncryptionInfo') && containsUtf16(bytes, 'EncryptedPackage')) return createFinding('file_encrypted', {});
  if (!names.includes('Workbook') && !names.includes('Book')) {
    if (names.includes('WordDocument')) return createFinding('file_not_workbook', { detected: 'doc' });
    if (names.includes('PowerPoint Document')) return createFinding('file_not_workbook', { detected: 'ppt' });
  }
  return createFinding('file_xls_binary', {});
}

/** What a zip that is not a workbook is, judged by its entry names, or undefined for a workbook. */
function otherZipFormat(byName: ReadonlyMap<string, ZipEntry>): string | undefined {
  const has = (n: string): boolean => byName.has(n);
  if (has('xl/workbook.xml')) return undefined;
  if (has('xl/workbook.bin')) return 'xlsb';
  if (has('word/document.xml')) return 'docx';
  if (has('ppt/presentation.xml')) return 'pptx';
  if (has('content.xml') && has('mimetype')) return 'odf';
  if (!has('_rels/.rels')) return 'zip';
  return undefined;
}

function xmlProblem(scan: { readonly tooDeep?: number } & Corruption, partName: string, limits: ReadLimits, sheet?: string): Finding {
  const where = sheet === undefined ? {} : { sheet };
  if (scan.tooDeep !== undefined) return createFinding('xml_too_deep', { part: partName, depth: scan.tooDeep, limit: limits.maxXmlDepth }, where);
  return corrupt({ reason: scan.reason, part: partName, ...(scan.extra === undefined ? {} : { extra: scan.extra }) }, where);
}

/** A `file_corrupt` finding for a problem the zip reader or a scanner reported. */
function corrupt(c: Corruption, where: { readonly sheet?: string } = {}): Finding {
  return createFinding('file_corrupt', corruptParams(c), where);
}

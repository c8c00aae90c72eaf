import { corruptParams, quotedError } from '../core/findings/corrupt-reasons';
import { createFinding, type Finding } from '../core/findings/finding';
import type { SheetGrid, WorkbookGrid } from '../core/grid/sheet-grid';
import { preflightWorkbook } from './preflight-workbook';
import { legacyFormat, readLegacyWorkbook } from './read-legacy-workbook';
import { resolveReadLimits, type ReadLimits } from './read-limits';
import { readValues } from './read-values';
import type { IsoDateCell } from './scan-worksheet';

/** A file read: the workbook when it could be read, and every finding about the file itself. */
export interface ReadResult {
  /** Absent when the file is refused (not a workbook, encrypted, damaged, over a limit). */
  readonly book?: WorkbookGrid;
  readonly findings: readonly Finding[];
}

/** Options of readWorkbook. */
export interface ReadWorkbookOptions {
  /** Overrides of DEFAULT_READ_LIMITS. */
  readonly limits?: Partial<ReadLimits>;
  /**
   * Who reads the values once the preflight has passed: `auto` (default)
   * reads them straight from the XML (`readValues`, several times faster)
   * and lets ExcelJS read what that does not handle; `exceljs` always uses
   * ExcelJS (the reference, for comparisons). Either way both read the
   * parts the preflight inflated and checked; ExcelJS is loaded only when
   * it reads.
   */
  readonly engine?: 'auto' | 'exceljs';
}

/**
 * Reads an .xlsx file's bytes (or an .xls or .ods, see readLegacyWorkbook) into a WorkbookGrid. Never throws for what is
 * in the file: empty, text, old .xls, encrypted, damaged or oversized files
 * come back as findings without a book, after a preflight that refuses
 * them in bounded time and memory before any reader parses anything. The
 * file's bytes are read once: the preflight inflates each part it needs
 * once and hands the checked parts to the value reader. Macros
 * and external links are ignored (with a warning); formulas are never
 * evaluated, their cached results are read.
 */
export async function readWorkbook(bytes: Uint8Array, opts: ReadWorkbookOptions = {}): Promise<ReadResult> {
  const limits = resolveReadLimits(opts.limits);
  const legacy = legacyFormat(bytes);
  if (legacy) return readLegacyWorkbook(bytes, legacy, limits);
  let pre;
  try {
    pre = preflightWorkbook(bytes, limits);
  } catch (e) {
    return { findings: [corrupt(e)] };
  }
  const checked = pre.checked;
  if (!checked) return { findings: pre.findings };
  try {
    const direct = opts.engine === 'exceljs' ? undefined : readValues(checked, limits.maxXmlDepth);
    const grids = direct?.sheets ?? (await (await import('./read-with-exceljs')).readWithExcelJS(checked));
    const book: WorkbookGrid = { sheets: grids.map((g, i) => withIsoDates(g, checked.sheets[i]?.isoDates ?? [])) };
    return { book, findings: pre.findings };
  } catch (e) {
    return { findings: [...pre.findings, corrupt(e)] };
  }
}

/**
 * The grid with its `t="d"` cells read as dates: ExcelJS turns their ISO
 * text into a number (`2024-04-08` -> 2024). Text that is not a date is
 * left as the text it is.
 */
function withIsoDates(grid: SheetGrid, cells: readonly IsoDateCell[]): SheetGrid {
  if (cells.length === 0) return grid;
  const rows = grid.rows.map((r) => (r ? [...r] : r));
  for (const c of cells) {
    const row = rows[c.row];
    if (!row || row[c.col] === null || row[c.col] === undefined) continue;
    const t = c.text.trim();
    const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(t) ? `${t}T00:00:00Z` : /[zZ]|[+-]\d{2}:?\d{2}$/.test(t) || !t.includes('T') ? t : `${t}Z`);
    row[c.col] = Number.isNaN(d.getTime()) ? t : d;
  }
  return { name: grid.name, rows };
}

function corrupt(e: unknown): Finding {
  return createFinding('file_corrupt', corruptParams({ reason: 'unreadable', extra: quotedError(e) }));
}

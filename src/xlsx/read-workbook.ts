import ExcelJS from 'exceljs';
import { createFinding, type Finding } from '../core/findings/finding';
import type { WorkbookGrid } from '../core/grid/sheet-grid';
import { preflightWorkbook } from './preflight-workbook';
import { resolveReadLimits, type ReadLimits } from './read-limits';
import { worksheetToGrid } from './worksheet-to-grid';

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
}

/**
 * Reads an .xlsx file's bytes into a WorkbookGrid. Never throws for what is
 * in the file: empty, text, old .xls, encrypted, damaged or oversized files
 * come back as findings without a book, after a preflight that refuses
 * them in bounded time and memory before ExcelJS parses anything. Macros
 * and external links are ignored (with a warning); formulas are never
 * evaluated, their cached results are read.
 */
export async function readWorkbook(bytes: Uint8Array, opts: ReadWorkbookOptions = {}): Promise<ReadResult> {
  const limits = resolveReadLimits(opts.limits);
  let pre;
  try {
    pre = preflightWorkbook(bytes, limits);
  } catch (e) {
    return { findings: [corrupt(e)] };
  }
  if (!pre.excelPackage) return { findings: pre.findings };
  try {
    const wb = new ExcelJS.Workbook();
    const pkg = pre.excelPackage;
    await wb.xlsx.load(Buffer.from(pkg.buffer, pkg.byteOffset, pkg.byteLength) as unknown as ExcelJS.Buffer);
    const book: WorkbookGrid = { sheets: wb.worksheets.map(worksheetToGrid) };
    return { book, findings: pre.findings };
  } catch (e) {
    return { findings: [...pre.findings, corrupt(e)] };
  }
}

function corrupt(e: unknown): Finding {
  const why = e instanceof Error ? e.message : String(e);
  const short = why.replace(/\s+/g, ' ').trim().slice(0, 160);
  return createFinding('file_corrupt', { detail: `nội dung không đọc được${short ? `: ${short}` : ''}` });
}

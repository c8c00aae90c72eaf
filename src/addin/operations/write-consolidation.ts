import type { ConsolidatedBook } from '../../app/consolidate-files';
import { ALL_CAPABILITIES, type HostCapabilities } from '../excel/host-capabilities';
import { queueRateCharts } from '../excel/queue-rate-charts';
import { queueSheetList } from '../excel/sheet-list';
import { clashingSheets, writeOutputBook, type WriteBookResult } from '../excel/write-output-book';

/** How a consolidation is written into the open workbook. */
export interface WriteConsolidationOptions {
  /** Replace sheets of the same names; otherwise their names come back and nothing is written. */
  readonly replace?: boolean;
  readonly capabilities?: HostCapabilities;
  /** The sheet to show when done. */
  readonly activate?: string;
  readonly onProgress?: (rowsDone: number, rowsTotal: number) => void;
}

/** Written (with how many charts, none when the host cannot draw them), or stopped by sheets of the same names. */
export type WriteConsolidationOutcome = { readonly clashes: readonly string[] } | { readonly written: WriteBookResult; readonly charts: number; readonly chartsSupported: boolean };

/**
 * Writes a consolidation into the open workbook: its sheets, then `BieuDo`
 * with one chart per indicator (rate bars per unit, the goal as a line)
 * where the host supports charts (ExcelApi 1.7). Existing sheets of the same
 * names are replaced only when asked.
 */
export async function writeConsolidation(context: Excel.RequestContext, result: ConsolidatedBook, opts: WriteConsolidationOptions = {}): Promise<WriteConsolidationOutcome> {
  const caps = opts.capabilities ?? ALL_CAPABILITIES;
  const book = { sheets: [...result.book.sheets, result.charts.sheet] };
  const list = queueSheetList(context);
  await context.sync();
  const existing = list();
  const clashes = clashingSheets(book, existing);
  if (clashes.length > 0 && !opts.replace) return { clashes };
  const written = await writeOutputBook(context, book, existing, {
    replace: true,
    capabilities: caps,
    ...(opts.activate !== undefined ? { activate: opts.activate } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  if (!caps.charts || result.charts.charts.length === 0) return { written, charts: 0, chartsSupported: caps.charts };
  queueRateCharts(context.workbook.worksheets.getItem(result.charts.sheet.name), result.charts.charts);
  await context.sync();
  return { written, charts: result.charts.charts.length, chartsSupported: true };
}

import { rateCharts, type RateChart } from '../core/campaign/rate-charts';
import type { ChildReport } from '../core/consolidate/child-report';
import { consolidate } from '../core/consolidate/consolidate';
import type { Consolidation } from '../core/consolidate/consolidation';
import type { Finding } from '../core/findings/finding';
import type { OutputBook, OutputSheet } from '../core/grid/output-book';
import { renderConsolidation } from '../core/render/render-consolidation';
import type { InputFile } from './input-file';
import { readReports, type ReadReportsOptions, type ReportRequest } from './read-reports';

/** What a consolidation reads the files against, and whose report it makes. */
export interface ConsolidateRequest extends ReportRequest {
  readonly period: string;
  /** Code of the unit consolidating (the parent of the files' units). */
  readonly parentCode: string;
  /** Findings about the run itself (the map in use, the previous period carried across maps), listed first. */
  readonly notes?: readonly Finding[];
  /** The parent's report date, `yyyy-mm-dd` (today when absent). */
  readonly reportDate?: string;
}

/** A consolidation with its workbook: what every face saves, opens or pushes up. */
export interface ConsolidatedBook {
  readonly consolidation: Consolidation;
  /** The parent's workbook (with `TinhHinhNop`). */
  readonly book: OutputBook;
  /** `BieuDo` and its charts: drawn where the face can (Excel), not in files. */
  readonly charts: { readonly sheet: OutputSheet; readonly charts: readonly RateChart[] };
}

/**
 * The consolidation of reports already read, its workbook (with the
 * completeness sheet) and its rate charts.
 *
 * @example const { book } = consolidateReports(reports, { form, registry, period: 'TK', parentCode: '688' });
 */
export function consolidateReports(reports: readonly ChildReport[], req: ConsolidateRequest): ConsolidatedBook {
  const consolidation = consolidate(reports, {
    form: req.form,
    registry: req.registry,
    parentCode: req.parentCode,
    period: req.period,
    ...(req.reportDate !== undefined ? { reportDate: req.reportDate } : {}),
    ...(req.previous ? { previous: req.previous } : {}),
    ...(req.notes ? { notes: req.notes } : {}),
  });
  return { consolidation, book: renderConsolidation(req.form, consolidation, { completeness: true }), charts: rateCharts(req.form, consolidation) };
}

/**
 * The main use case: these files become one consolidated workbook. Reads
 * every input into a small report (readReports), then consolidates them.
 *
 * @example const { book, consolidation } = await consolidateFiles(await inputsFromDrive(drive, ''), req, { reader });
 */
export async function consolidateFiles(files: readonly InputFile[], req: ConsolidateRequest, opts: ReadReportsOptions): Promise<ConsolidatedBook & { readonly reports: readonly ChildReport[] }> {
  const reports = await readReports(files, req, opts);
  return { ...consolidateReports(reports, req), reports };
}

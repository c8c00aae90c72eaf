import { parseCellAddress } from '../../core/grid/cell-address';
import type { FormDef } from '../../core/forms/form-schema';
import type { UnitRegistry } from '../../core/units/unit-registry';
import { validateSubmission } from '../../core/validate/validate-submission';
import type { ValidationResult } from '../../core/validate/validation-context';
import { pickHighlightCells, queueHighlightScan, queueHighlightUpdate, type HighlightCell, type HighlightScan } from '../excel/highlight-findings';
import { ALL_CAPABILITIES, type HostCapabilities } from '../excel/host-capabilities';
import { queueSheetList } from '../excel/sheet-list';
import { formOfBook } from '../../app/check-file';
import { presentFormSheets, readFormSheets, withCarriedFormSheets } from './read-form-sheets';

/** What checking the open workbook found and did. */
export interface CheckOutcome {
  readonly form: FormDef;
  readonly result: ValidationResult;
  /** Cells highlighted now, and findings over the highlight cap left unhighlighted. */
  readonly highlighted: number;
  readonly highlightsSkipped: number;
  /** PHU highlights of the previous run removed. */
  readonly highlightsRemoved: number;
  /** Why highlighting failed (a sheet protected with a password), when it did. */
  readonly highlightError?: string;
}

export interface CheckDeps {
  readonly registry: UnitRegistry;
  readonly forms?: readonly FormDef[];
  readonly capabilities?: HostCapabilities;
}

/**
 * Validates the open workbook against its form and marks the cells of its
 * findings, replacing the previous run's marks. Three round trips whatever
 * the size: the sheet list, the form sheets' values with PHU's previous
 * highlights, then the highlight changes (none when nothing changes).
 */
export async function checkOpenWorkbook(context: Excel.RequestContext, deps: CheckDeps): Promise<CheckOutcome> {
  const caps = deps.capabilities ?? ALL_CAPABILITIES;
  const list = queueSheetList(context);
  await context.sync();
  const sheets = list();
  const names = presentFormSheets(sheets, deps.forms);
  let scans: HighlightScan[] = [];
  const first = await readFormSheets(context, names, () => {
    if (caps.highlights) scans = queueHighlightScan(context, names);
  });
  const grid = await withCarriedFormSheets(context, sheets, first, names);
  const form = formOfBook(grid, deps.forms);
  const result = validateSubmission(grid, { form, registry: deps.registry });
  if (!caps.highlights) return { form, result, highlighted: 0, highlightsSkipped: 0, highlightsRemoved: 0 };

  const present = new Set(names);
  const cells: HighlightCell[] = [];
  for (const f of result.findings) {
    if (f.sheet === undefined || f.cell === undefined || !present.has(f.sheet) || !parseCellAddress(f.cell)) continue;
    cells.push({ sheet: f.sheet, cell: f.cell, severity: f.severity });
  }
  const pick = pickHighlightCells(cells);
  const removed = queueHighlightUpdate(context, scans, pick.cells, sheets);
  if (removed === 0 && pick.cells.length === 0) return { form, result, highlighted: 0, highlightsSkipped: pick.skipped, highlightsRemoved: 0 };
  try {
    await context.sync();
  } catch (e) {
    return { form, result, highlighted: 0, highlightsSkipped: pick.skipped + pick.cells.length, highlightsRemoved: 0, highlightError: e instanceof Error ? e.message : String(e) };
  }
  return { form, result, highlighted: pick.cells.length, highlightsSkipped: pick.skipped, highlightsRemoved: removed };
}

import type { FormDef } from '../../core/forms/form-schema';
import type { OutputBook } from '../../core/grid/output-book';
import type { UnitRegistry } from '../../core/units/unit-registry';
import type { UnitTemplateOptions } from '../../core/campaign/unit-template-data';
import { unitTemplate } from '../../app/make-templates';
import type { HostCapabilities } from '../excel/host-capabilities';
import { queueSheetList } from '../excel/sheet-list';
import { clashingSheets, writeOutputBook, type WriteBookResult } from '../excel/write-output-book';

/** A blank submission to create in the open workbook. */
export interface TemplateRequest {
  readonly form: FormDef;
  readonly registry: UnitRegistry;
  readonly unitCode: string;
  readonly periodId: string;
  readonly villageRows?: number;
  /** Assigned targets by unit code (a target table read with `readTargetTable`): prefilled and locked. */
  readonly targets?: UnitTemplateOptions['targets'];
  /** Replace the form's sheets when the workbook has them already. */
  readonly replace?: boolean;
  readonly capabilities?: HostCapabilities;
}

/** Either written, or stopped because the workbook already has the form's sheets. */
export type TemplateOutcome = { readonly written: WriteBookResult; readonly book: OutputBook } | { readonly clashes: readonly string[] };

/** Why a template cannot be made: a failure value, worded by `errorText`. */
export { TemplateError } from '../../app/make-templates';

/**
 * Writes a blank submission of a unit for a period into the open workbook:
 * the form's exact layout with ThongTin filled in, one row per child unit
 * (with its assigned targets, locked, when a target table was given),
 * input cells unlocked and limited to whole numbers >= 0, key rows locked
 * (sheets protected without a password), totals as SUM formulas. Existing
 * sheets of the same names are only replaced when asked.
 */
export async function createTemplate(context: Excel.RequestContext, req: TemplateRequest): Promise<TemplateOutcome> {
  const opts: UnitTemplateOptions = { ...(req.villageRows !== undefined ? { villageRows: req.villageRows } : {}), ...(req.targets ? { targets: req.targets } : {}) };
  const { book } = unitTemplate(req.form, req.registry, req.unitCode, req.periodId, opts);
  const list = queueSheetList(context);
  await context.sync();
  const sheets = list();
  const clashes = clashingSheets(book, sheets);
  if (clashes.length > 0 && !req.replace) return { clashes };
  const written = await writeOutputBook(context, book, sheets, { replace: true, activate: req.form.mainTable, ...(req.capabilities ? { capabilities: req.capabilities } : {}) });
  return { written, book };
}

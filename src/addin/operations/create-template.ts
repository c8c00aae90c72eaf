import type { FormDef } from '../../core/forms/form-schema';
import { findPeriod, periodsHint } from '../../core/forms/form-periods';
import type { OutputBook } from '../../core/grid/output-book';
import { renderSubmission } from '../../core/render/render-submission';
import type { UnitRegistry } from '../../core/units/unit-registry';
import { unitTemplateData, type UnitTemplateOptions } from '../../core/campaign/unit-template-data';
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

/** Why a template cannot be made: shown to the user as is. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

/**
 * Writes a blank submission of a unit for a period into the open workbook:
 * the form's exact layout with ThongTin filled in, one row per child unit
 * (with its assigned targets, locked, when a target table was given),
 * input cells unlocked and limited to whole numbers >= 0, key rows locked
 * (sheets protected without a password), totals as SUM formulas. Existing
 * sheets of the same names are only replaced when asked.
 */
export async function createTemplate(context: Excel.RequestContext, req: TemplateRequest): Promise<TemplateOutcome> {
  const unit = req.registry.get(req.unitCode);
  if (!unit) throw new TemplateError(`Không có đơn vị mã "${req.unitCode}" trong danh mục hành chính.`);
  const period = findPeriod(req.form, req.periodId);
  if (!period) throw new TemplateError(`Kỳ "${req.periodId}" không có trong mẫu ${req.form.id} (${periodsHint(req.form)}).`);
  const opts: UnitTemplateOptions = { ...(req.villageRows !== undefined ? { villageRows: req.villageRows } : {}), ...(req.targets ? { targets: req.targets } : {}) };
  const book = renderSubmission(req.form, unitTemplateData(req.form, req.registry, unit, period, opts), { template: true });
  const list = queueSheetList(context);
  await context.sync();
  const sheets = list();
  const clashes = clashingSheets(book, sheets);
  if (clashes.length > 0 && !req.replace) return { clashes };
  const written = await writeOutputBook(context, book, sheets, { replace: true, activate: req.form.mainTable, ...(req.capabilities ? { capabilities: req.capabilities } : {}) });
  return { written, book };
}

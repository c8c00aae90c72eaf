import { campaignTemplates, type CampaignTemplate } from '../core/campaign/campaign-templates';
import { unitTemplateData, type UnitTemplateOptions } from '../core/campaign/unit-template-data';
import { failureText } from '../core/failures/failure-text';
import { failure, type Failure } from '../core/failures/failure-codes';
import type { FormDef, PeriodDef } from '../core/forms/form-schema';
import { findPeriod, periodsHint } from '../core/forms/form-periods';
import type { OutputBook } from '../core/grid/output-book';
import type { SubmissionData } from '../core/submission/submission-data';
import { renderSubmission } from '../core/render/render-submission';
import type { Unit } from '../core/units/unit';
import type { UnitRegistry } from '../core/units/unit-registry';

/**
 * Why a template cannot be made (an unknown unit or period), as a failure
 * value: each face words it in its language (`errorText`); the message is
 * the Vietnamese wording.
 */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(readonly failure: Failure) {
    super(failureText(failure, 'vi'));
  }
}

/** The unit and period a template is made for, looked up once for every face. */
function templateFor(form: FormDef, registry: UnitRegistry, unitCode: string, periodId: string): { unit: Unit; period: PeriodDef } {
  const code = unitCode.trim();
  const unit = registry.get(code);
  if (!unit) throw new TemplateError(failure('unit_unknown', { unit: code, map: registry.map ?? '' }));
  const period = findPeriod(form, periodId);
  if (!period) throw new TemplateError(failure('period_unknown', { period: periodId, form: form.id, periods: periodsHint(form) }));
  return { unit, period };
}

/** One unit's blank submission: its data, its rendered book and the file name to save it under. */
export interface UnitTemplate {
  readonly unit: Unit;
  readonly period: PeriodDef;
  /** `<unit code> <unit name>.xlsx` */
  readonly name: string;
  readonly data: SubmissionData;
  readonly book: OutputBook;
}

/**
 * The blank submission of one unit for one period: the form's layout with
 * ThongTin filled in, one row per child unit (its assigned targets filled
 * and locked) or blank village rows for a commune. Used by `phu template
 * --out`, the pane's "create a template" and the web page.
 * Throws a TemplateError for an unknown unit or period.
 *
 * @example unitTemplate(FORM_4PHU_2024, registry, '688', 'TK').name === '688 Thị xã Phước Long.xlsx'
 */
export function unitTemplate(form: FormDef, registry: UnitRegistry, unitCode: string, periodId: string, opts: UnitTemplateOptions = {}): UnitTemplate {
  const { unit, period } = templateFor(form, registry, unitCode, periodId);
  const data = unitTemplateData(form, registry, unit, period, opts);
  return { unit, period, name: `${unit.code} ${unit.name}.xlsx`, data, book: renderSubmission(form, data, { template: true }) };
}

/**
 * One prefilled template per unit under `parentCode`, each with its path by
 * the folder convention (`<form>/<period>/<parent>/<unit>.xlsx`): what `phu
 * template --out-dir` writes to a folder and the pane uploads to a drive.
 * Empty for a parent without units. Throws a TemplateError for an unknown
 * unit or period.
 *
 * @example childTemplates(FORM_4PHU_2024, registry, '688', 'D1', { targets: table.targets }).templates.length === 7
 */
export function childTemplates(form: FormDef, registry: UnitRegistry, parentCode: string, periodId: string, opts: UnitTemplateOptions = {}): { parent: Unit; period: PeriodDef; templates: CampaignTemplate[] } {
  const { unit, period } = templateFor(form, registry, parentCode, periodId);
  return { parent: unit, period, templates: campaignTemplates(form, registry, unit, period, opts) };
}

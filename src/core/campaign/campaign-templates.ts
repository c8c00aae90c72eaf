import type { FormDef, PeriodDef } from '../forms/form-schema';
import type { OutputBook } from '../grid/output-book';
import { renderSubmission } from '../render/render-submission';
import type { Unit } from '../units/unit';
import type { UnitRegistry } from '../units/unit-registry';
import { templatePath } from './template-path';
import { unitTemplateData, type UnitTemplateOptions } from './unit-template-data';

/** One unit's prefilled submission and where it goes. */
export interface CampaignTemplate {
  readonly unit: Unit;
  /** `<form>/<period>/<parent code> <parent name>/<unit code> <unit name>.xlsx` */
  readonly path: string;
  readonly book: OutputBook;
  /** Target column keys assigned to the unit or its rows (empty: nothing assigned yet). */
  readonly assigned: readonly string[];
}

/**
 * One prefilled submission per unit under `parent`, in catalogue order:
 * its targets filled and locked, key rows hidden and protected, whole
 * numbers >= 0 only in the cells to type (see `unitTemplateData`), each
 * named by the folder convention. Nothing for a parent without units.
 *
 * @example campaignTemplates(FORM_4PHU_2024, registry, registry.get('688'), d1, { targets: table.targets })
 */
export function campaignTemplates(form: FormDef, registry: UnitRegistry, parent: Unit, period: PeriodDef, opts: UnitTemplateOptions = {}): CampaignTemplate[] {
  return registry.children(parent.code).map((unit) => {
    const data = unitTemplateData(form, registry, unit, period, opts);
    const assigned = new Set<string>();
    for (const row of [...Object.values(data.tables).flat(), ...Object.values(data.totals ?? {})]) for (const k of Object.keys(row.values)) assigned.add(k);
    return { unit, path: templatePath(form, period, parent, unit), book: renderSubmission(form, data, { template: true }), assigned: [...assigned] };
  });
}

import type { FormDef, PeriodDef } from '../forms/form-schema';
import type { SubmissionData, SubmissionDataRow } from '../submission/submission-data';
import type { Unit } from '../units/unit';
import type { UnitRegistry } from '../units/unit-registry';
import { targetColumns } from './target-table';

/** Blank village rows of a commune's template unless told otherwise. */
export const DEFAULT_VILLAGE_ROWS = 10;

/** What a unit's template is prefilled with. */
export interface UnitTemplateOptions {
  /** Assigned targets by unit code (`readTargetTable(...).targets`). */
  readonly targets?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Blank rows for villages when the registry knows no units below (default 10). */
  readonly villageRows?: number;
}

/**
 * A unit's submission to fill, as data for `renderSubmission(form, data,
 * { template: true })`: ThongTin filled but for the report date and
 * preparer; one row per unit below it in the registry, each with the
 * targets assigned to it (locked in the template), or, for a commune whose
 * villages the registry does not know, blank rows to name them, the
 * commune's own assigned targets standing in its total row for the
 * villages to be split over. An item table (reasons, services) always
 * shows the form's items.
 *
 * @example renderSubmission(form, unitTemplateData(form, registry, registry.get('25216'), period, { targets }), { template: true })
 */
export function unitTemplateData(form: FormDef, registry: UnitRegistry, unit: Unit, period: PeriodDef, opts: UnitTemplateOptions = {}): SubmissionData {
  const keys = targetColumns(form).map((c) => c.key);
  const assigned = (code: string): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const k of keys) {
      const v = opts.targets?.[code]?.[k];
      if (v !== undefined) out[k] = v;
    }
    return out;
  };
  const main = form.tables.find((t) => t.sheet === form.mainTable);
  const children = registry.children(unit.code);
  const tables: Record<string, readonly SubmissionDataRow[]> = {};
  const totals: Record<string, SubmissionDataRow> = {};
  if (main?.rows === 'units') {
    if (children.length > 0) {
      tables[main.sheet] = children.map((c) => ({ code: c.code, name: c.name, values: assigned(c.code) }));
    } else {
      tables[main.sheet] = Array.from({ length: opts.villageRows ?? DEFAULT_VILLAGE_ROWS }, () => ({ code: '', name: '', values: {} }));
      const own = assigned(unit.code);
      if (Object.keys(own).length > 0) totals[main.sheet] = { code: main.total.code, name: main.total.name, values: own };
    }
  }
  return {
    info: {
      form: form.id,
      form_version: form.version,
      level: unit.level,
      unit_code: unit.code,
      unit_name: unit.name,
      ...(unit.parentCode !== undefined ? { parent_code: unit.parentCode } : {}),
      period: period.id,
      period_from: period.from,
      period_to: period.to,
      ...(registry.map !== undefined ? { map: registry.map } : {}),
    },
    tables,
    ...(Object.keys(totals).length > 0 ? { totals } : {}),
  };
}

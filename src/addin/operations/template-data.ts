import type { FormDef, PeriodDef } from '../../core/forms/form-schema';
import type { SubmissionData, SubmissionDataRow } from '../../core/submission/submission-data';
import type { Unit } from '../../core/units/unit';
import type { UnitRegistry } from '../../core/units/unit-registry';

/** Blank village rows in a commune's template (villages have no national code). */
export const DEFAULT_VILLAGE_ROWS = 10;

/**
 * A blank submission of `unit` for `period`, as the `phu template` command
 * makes it: ThongTin filled in except the report date and preparer, one row
 * per child unit, or nameless rows for a commune's villages.
 */
export function templateData(form: FormDef, registry: UnitRegistry, unit: Unit, period: PeriodDef, villageRows = DEFAULT_VILLAGE_ROWS): SubmissionData {
  const children = registry.children(unit.code);
  const rows: SubmissionDataRow[] =
    children.length > 0 ? children.map((c) => ({ code: c.code, name: c.name, values: {} })) : Array.from({ length: villageRows }, () => ({ code: '', name: '', values: {} }));
  return {
    info: {
      form: form.id,
      form_version: form.version,
      level: unit.level,
      unit_code: unit.code,
      unit_name: unit.name,
      ...(unit.parentCode !== undefined && unit.parentCode !== 'VN' ? { parent_code: unit.parentCode } : {}),
      period: period.id,
      period_from: period.from,
      period_to: period.to,
    },
    tables: { [form.mainTable]: rows },
  };
}

import { createFinding, type Finding } from '../findings/finding';
import { formatDateVi } from '../format/iso-date';
import { findPeriod, periodsHint } from '../forms/form-periods';
import type { SubmissionInfo } from '../submission/submission';
import { sameName } from '../text/normalize-text';
import { explainUnit } from '../units/explain-unit';
import { parseMapId } from '../units/unit-maps';
import type { Unit } from '../units/unit';
import type { UnitRegistry } from '../units/unit-registry';
import type { InfoRead } from './read-info';
import type { ValidationContext } from './validation-context';

/** ThongTin checked: the info with codes in their canonical spelling, the unit when known, findings. */
export interface InfoCheck {
  readonly info: SubmissionInfo;
  readonly unit?: Unit;
  readonly findings: readonly Finding[];
}

/**
 * Checks ThongTin: required keys, form and version, level, unit, parent,
 * name and period. Codes come back as the registry and the form spell them
 * (`1` -> `01`, `d1` -> `D1`) so that later steps compare like with like.
 */
export function checkInfo(read: InfoRead, ctx: Pick<ValidationContext, 'form' | 'registry' | 'expect'>): InfoCheck {
  const { form, registry } = ctx;
  const findings: Finding[] = [];
  const info: Record<string, string> = { ...(read.info as Record<string, string>) };
  const at = (key: string): { sheet: string; cell: string } => ({ sheet: read.sheet, cell: read.cells[key] ?? 'A1' });
  if (!read.found) return { info, findings };

  if (info['form'] !== undefined && info['form'].toUpperCase() !== form.id.toUpperCase()) {
    findings.push(createFinding('form_mismatch', { expected: form.id, actual: info['form'] }, at('form')));
  }
  if (info['form_version'] !== undefined && info['form_version'] !== form.version) {
    findings.push(createFinding('form_version_mismatch', { expected: form.version, actual: info['form_version'] }, at('form_version')));
  }

  const level = info['level'] !== undefined ? registry.levels.find((l) => l.toLowerCase() === info['level']?.toLowerCase()) : undefined;
  if (info['level'] !== undefined) {
    if (level === undefined) findings.push(createFinding('level_invalid', { value: info['level'], allowed: registry.levels.join(', ') }, at('level')));
    else if (ctx.expect?.level !== undefined && level !== ctx.expect.level) findings.push(createFinding('level_invalid', { value: level, allowed: ctx.expect.level }, at('level')));
    else info['level'] = level;
  }

  let unit: Unit | undefined;
  const code = info['unit_code'];
  if (code !== undefined && level !== undefined) {
    unit = registry.getAt(code, level);
    if (!unit) findings.push(explainUnit(registry, code, info['unit_name'], at('unit_code')) ?? createFinding('unit_unknown', { code, level }, at('unit_code')));
  }
  const name = info['unit_name'];
  if (unit && code !== undefined && name !== undefined && !sameName(name, unit.name) && !sameName(name, unit.shortName)) {
    // The same code may be another unit on the other map (25217 was Phường Long Thủy): the name tells.
    const other = explainUnit(registry, code, name, at('unit_code'));
    if (other) {
      findings.push(other);
      unit = undefined;
    } else findings.push(createFinding('unit_name_mismatch', { expected: unit.name, actual: name }, at('unit_name')));
  }
  if (unit) {
    info['unit_code'] = unit.code;
    findings.push(...checkParent(unit, info, registry, at('parent_code')));
  }

  const fileMap = info['map'] !== undefined ? parseMapId(info['map']) : undefined;
  if (fileMap !== undefined && registry.map !== undefined && fileMap !== registry.map) {
    findings.push(createFinding('map_mismatch', { fileMap: formatDateVi(fileMap), map: formatDateVi(registry.map) }, at('map')));
  }

  const period = info['period'];
  if (period !== undefined) {
    const def = findPeriod(form, period);
    if (!def) findings.push(createFinding('period_unknown', { value: period, allowed: periodsHint(form) }, at('period')));
    else {
      info['period'] = def.id;
      if (ctx.expect?.period !== undefined && def.id.toUpperCase() !== ctx.expect.period.trim().toUpperCase()) findings.push(createFinding('period_mismatch', { expected: ctx.expect.period, actual: def.id }, at('period')));
    }
  }

  for (const k of form.info.keys) {
    const date = k.kind === 'date' ? info[k.key] : undefined;
    if (date !== undefined && (date < PLAUSIBLE_DATES.from || date > PLAUSIBLE_DATES.to)) {
      findings.push(createFinding('date_implausible', { value: formatDateVi(date), from: formatDateVi(PLAUSIBLE_DATES.from), to: formatDateVi(PLAUSIBLE_DATES.to) }, at(k.key)));
    }
  }

  for (const k of form.info.keys) {
    if (!k.required || info[k.key] !== undefined || read.unreadable.has(k.key)) continue;
    // A unit right under the root (a province under the country) or the root itself may leave its parent blank.
    if (k.key === 'parent_code' && unit && parentMayBeBlank(unit, registry)) continue;
    findings.push(createFinding('info_missing', { key: k.key }, at(k.key)));
  }
  return { info, ...(unit ? { unit } : {}), findings };
}

/**
 * Dates a report can carry. An Excel serial of 0 or 1 (a blank cell a
 * formula turned into a date: 1899-12-30, 1900-01-01) or a mistyped year
 * would otherwise decide on time or late; the campaign forms exist since
 * 2024, and a date past 2099 is a typing slip.
 */
const PLAUSIBLE_DATES = { from: '2000-01-01', to: '2099-12-31' } as const;

function parentMayBeBlank(unit: Unit, registry: UnitRegistry): boolean {
  const parent = registry.parent(unit);
  return parent === undefined || registry.parent(parent) === undefined;
}

function checkParent(unit: Unit, info: Record<string, string>, registry: UnitRegistry, at: { sheet: string; cell: string }): Finding[] {
  const given = info['parent_code'];
  if (given === undefined) return [];
  // A parent outside the registry (a two-level registry's provinces) is still named by the unit.
  const expected = registry.parent(unit)?.code ?? unit.parentCode;
  if (expected !== undefined && (registry.get(given)?.code ?? given) === expected) {
    info['parent_code'] = expected;
    return [];
  }
  return [createFinding('parent_mismatch', { expected: expected ?? '', actual: given }, at)];
}

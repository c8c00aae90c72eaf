import { createFinding, type Finding } from '../findings/finding';
import type { FormDef, PeriodDef } from '../forms/form-schema';
import type { MapBridge } from '../units/map-bridge';
import { mapForDate, registryFor, type MapId } from '../units/unit-maps';
import type { UnitRegistry } from '../units/unit-registry';
import { previousPeriodOf, type Figures, type PreviousFigures } from '../consolidate/previous-figures';

/** Previous figures carried onto another map, what each new unit was made of, and why some have none. */
export interface CarriedPrevious {
  readonly previous: PreviousFigures;
  /** `previous_partial`, `previous_incomplete`: one per new unit left without a previous figure. */
  readonly findings: readonly Finding[];
}

/**
 * The map the previous period's figures are on: the one of the last day of
 * the period before `period` in the form (or of `period` itself when it is
 * the first: the same period of the campaign before).
 *
 * @example previousMapOf(FORM_4PHU_2024, tk) === '2025-03-01'
 */
export function previousMapOf(form: FormDef, period: PeriodDef): MapId {
  return mapForDate((previousPeriodOf(form, period.id) ?? period).to);
}

/**
 * Carries figures kept on the old map onto the new map's communes through
 * the conversion table. A new commune's previous figure is the sum of the
 * old communes whose people all went into it (merged whole, kept, renamed,
 * part of the area with all of the population); an edge that carried only
 * land counts nothing. When part of its people came from a split commune
 * (`Nhập một phần`, `Nhập một phần dân số`), or an old commune merged whole
 * has no figures, it gets no previous figure and a warning says why. New
 * communes none of whose old communes has figures are left out silently
 * (the previous period covered another area). A column is blank in the sum
 * when any old commune left it blank.
 *
 * @example carryPrevious(prevOnOldMap, reformBridge(), registryFor('2025-07-01')).previous.byUnit['25217']
 */
export function carryPrevious(previous: PreviousFigures, bridge: MapBridge, target: UnitRegistry, units: readonly string[] = target.atLevel('xa').map((u) => u.code)): CarriedPrevious {
  const byUnit: Record<string, Figures> = {};
  const findings: Finding[] = [];
  const old = registryFor(bridge.from);
  const named = (c: string): string => `${old.get(c)?.name ?? 'mã'} ${c}`;
  for (const code of units) {
    const made = bridge.predecessors(code);
    if (!made.some((s) => previous.byUnit[s.oldCode] !== undefined)) continue;
    const unit = target.get(code);
    const name = unit?.name ?? code;
    const parts = made.filter((s) => bridge.carry(s) === 'part');
    if (parts.length > 0) {
      findings.push(createFinding('previous_partial', { code, name, parts: parts.map((s) => `${named(s.oldCode)} (${s.change.toLocaleLowerCase('vi')})`).join(', ') }, { unitCode: code }));
      continue;
    }
    const whole = made.filter((s) => bridge.carry(s) === 'whole');
    const missing = whole.filter((s) => previous.byUnit[s.oldCode] === undefined);
    if (missing.length > 0) {
      findings.push(createFinding('previous_incomplete', { code, name, missing: missing.map((s) => named(s.oldCode)).join(', ') }, { unitCode: code }));
      continue;
    }
    byUnit[code] = sumFigures(whole.map((s) => previous.byUnit[s.oldCode] ?? {}));
  }
  return { previous: { ...previous, byUnit }, findings };
}

/** Column by column: the sum, or null when any of them is blank there. */
function sumFigures(list: readonly Figures[]): Figures {
  const keys = new Set(list.flatMap((f) => Object.keys(f)));
  const out: Record<string, number | null> = {};
  for (const k of keys) {
    let sum: number | null = 0;
    for (const f of list) {
      const v = f[k];
      sum = sum === null || v === undefined || v === null ? null : sum + v;
    }
    out[k] = sum;
  }
  return out;
}

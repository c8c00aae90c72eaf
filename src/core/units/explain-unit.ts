import { createFinding, type Finding, type FindingLocation } from '../findings/finding';
import { formatDateVi } from '../format/iso-date';
import { normalizeName, sameName } from '../text/normalize-text';
import type { Unit } from './unit';
import { reformBridge } from './map-bridge';
import { mapInfo, mapOfRegistry, registryFor } from './unit-maps';
import type { UnitRegistry } from './unit-registry';

/**
 * Why a commune a file names is not on the registry's map, when the other
 * map explains it: a commune of the old map merged away (`unit_abolished`,
 * naming its successors and the date), or a commune of the new map in a
 * period on the old one (`unit_not_yet`, naming what it was made of).
 * Codes were mostly kept across the reform, so the same code can be a
 * different unit on each map (25217 was Phường Long Thủy, is Phường Phước
 * Long): when the code is on both maps the file's unit name decides.
 * Undefined when the other map does not explain it (a typo stays
 * `unit_unknown`), or the registry is not a shipped map.
 *
 * @example explainUnit(registryFor('2025-07-01'), '25216')?.params.successors === 'Phường Phước Long (25217)'
 */
export function explainUnit(registry: UnitRegistry, code: string, name?: string, at: FindingLocation = {}): Finding | undefined {
  const map = mapOfRegistry(registry);
  if (map === undefined) return undefined;
  const bridge = reformBridge();
  const date = formatDateVi(bridge.date);
  const label = formatDateVi(mapInfo(map).date);
  const here = registry.get(code);
  const fits = (u: Unit): boolean => name === undefined || sameName(name, u.name) || sameName(name, u.shortName) || normalizeName(u.name).endsWith(` ${normalizeName(name)}`);
  // A name that fits the unit here needs no explanation.
  if (here && (name === undefined || fits(here))) return undefined;
  if (map === bridge.to) {
    const old = registryFor(bridge.from).get(code);
    if (!old || old.level !== 'xa' || (here && !fits(old))) return undefined;
    const to = registry;
    const successors = bridge.successors(old.code).map((s) => `${to.get(s.newCode)?.name ?? s.newCode} (${s.newCode})${bridge.carry(s) === 'whole' ? '' : ' (một phần)'}`);
    if (successors.length === 0) return undefined;
    return createFinding('unit_abolished', { code: old.code, name: old.name, successors: successors.join(', '), date, map: label }, at);
  }
  const next = registryFor(bridge.to).get(code);
  if (!next || next.level !== 'xa' || (here && !fits(next))) return undefined;
  const from = registryFor(bridge.from);
  const parts = bridge.predecessors(next.code).map((s) => `${from.get(s.oldCode)?.name ?? s.oldCode} (${s.oldCode})`);
  return createFinding('unit_not_yet', { code: next.code, name: next.name, predecessors: parts.join(', '), date, map: label }, at);
}

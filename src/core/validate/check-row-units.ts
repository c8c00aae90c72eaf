import { createFinding, type Finding } from '../findings/finding';
import type { Unit } from '../units/unit';
import type { UnitRegistry } from '../units/unit-registry';
import type { TableRead } from './read-table';
import { cellOf } from './table-cells';

/**
 * Rows of a units table must be children of the reporting unit when the
 * registry knows its children (a district's communes). Below the registry
 * (a commune's villages) rows have no national code: anything goes.
 */
export function checkRowUnits(read: TableRead, unit: Unit | undefined, registry: UnitRegistry): Finding[] {
  if (read.def.rows !== 'units' || !unit || registry.children(unit.code).length === 0) return [];
  const findings: Finding[] = [];
  for (const row of read.table.rows) {
    const child = row.code === '' ? undefined : registry.get(row.code);
    if (child?.parentCode !== unit.code) {
      findings.push(createFinding('row_not_child', { code: row.code || row.name, parent: unit.code }, cellOf(read, row, read.def.keyColumn)));
    }
  }
  return findings;
}

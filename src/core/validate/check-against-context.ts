import { createFinding, type Finding } from '../findings/finding';
import type { TableRead } from './read-table';
import { allRows, cellOf, readable } from './table-cells';
import type { ValidationContext } from './validation-context';

/**
 * The main table against what is known from outside the file: the same
 * unit's previous period (cumulative figures never go down; targets may be
 * revised and outcomes such as "declined" shrink as cases get done, so
 * neither is compared) and the targets assigned from above.
 * The total row is looked up as `TONG`, else under the reporting unit's own
 * code (`unitCode`): so one whole target table, or one previous
 * consolidation keyed by unit code, serves every file of a folder.
 */
export function checkAgainstContext(read: TableRead | undefined, ctx: Pick<ValidationContext, 'previous' | 'targets'> & Partial<Pick<ValidationContext, 'form'>>, unitCode?: string): Finding[] {
  if (!read?.found) return [];
  const findings: Finding[] = [];
  // Outcomes that account for the rest of a target (processed, declined) are a state, not a running count: they shrink as cases get done.
  const states = new Set(ctx.form?.indicators.flatMap((i) => i.accountedBy) ?? []);
  const counts = read.def.columns.filter((c) => c.kind === 'count' && !states.has(c.key));
  for (const row of allRows(read)) {
    const own = row === read.table.total && unitCode !== undefined ? unitCode : undefined;
    const previous = ctx.previous?.[row.code] ?? (own !== undefined ? ctx.previous?.[own] : undefined);
    if (previous) {
      for (const col of counts) {
        const before = previous[col.key];
        const now = row.values[col.key] ?? null;
        if (col.target || before === null || before === undefined || now === null || !readable(read, row, col.key)) continue;
        if (now < before) findings.push(createFinding('decreased_since_previous', { column: col.key, previous: before, current: now }, cellOf(read, row, col.key)));
      }
    }
    const assigned = ctx.targets?.[row.code] ?? (own !== undefined ? ctx.targets?.[own] : undefined);
    if (assigned) {
      for (const [key, value] of Object.entries(assigned)) {
        if (read.table.columns[key] === undefined || !readable(read, row, key)) continue;
        const submitted = row.values[key] ?? null;
        if (submitted !== value) findings.push(createFinding('target_mismatch', { column: key, assigned: value, submitted: submitted ?? 0 }, cellOf(read, row, key)));
      }
    }
  }
  return findings;
}

import { createFinding, type Finding } from '../findings/finding';
import type { FormDef, RuleDef } from '../forms/form-schema';
import type { TableRow } from '../submission/submission';
import type { TableRead } from './read-table';
import { allRows, cellOf, readable, sameValue } from './table-cells';

/**
 * The total row equals the column sums of the rows, blanks counting 0. A
 * column with a cell that could not be read (text, `#REF!`) has no known
 * sum: that cell has its own finding, and the total is not compared.
 */
export function checkTotals(read: TableRead): Finding[] {
  const total = read.table.total;
  if (!total) return [];
  const findings: Finding[] = [];
  for (const col of read.def.columns) {
    if (col.kind !== 'count' || allRows(read).some((r) => !readable(read, r, col.key))) continue;
    const expected = read.table.rows.reduce((s, r) => s + (r.values[col.key] ?? 0), 0);
    const actual = total.values[col.key] ?? 0;
    if (!sameValue(expected, actual)) findings.push(createFinding('total_mismatch', { column: col.key, expected, actual }, cellOf(read, total, col.key)));
  }
  return findings;
}

/** The form's rules between columns: `lte` and `sumEquals` on every row, `crossTotal` between tables' totals. */
export function checkRules(form: FormDef, reads: ReadonlyMap<string, TableRead>): Finding[] {
  const findings: Finding[] = [];
  for (const rule of form.rules) {
    const read = reads.get(rule.table);
    if (!read?.found) continue;
    const withSeverity = (f: Finding): Finding => ({ ...f, severity: rule.severity });
    if (rule.kind === 'crossTotal') {
      const f = crossTotal(rule, read, reads.get(rule.otherTable));
      if (f) findings.push(withSeverity(f));
      continue;
    }
    for (const row of allRows(read)) {
      const f = rule.kind === 'lte' ? lte(rule, read, row) : sumEquals(rule, read, row);
      if (f) findings.push(withSeverity(f));
    }
  }
  return findings;
}

function lte(rule: Extract<RuleDef, { kind: 'lte' }>, read: TableRead, row: TableRow): Finding | undefined {
  if (!readable(read, row, rule.left) || !readable(read, row, rule.right)) return undefined;
  const left = row.values[rule.left];
  if (left === null || left === undefined) return undefined;
  const right = row.values[rule.right] ?? 0;
  if (left <= right) return undefined;
  return createFinding('rule_exceeds', { left: rule.left, right: rule.right, leftValue: left, rightValue: right }, cellOf(read, row, rule.left));
}

function sumEquals(rule: Extract<RuleDef, { kind: 'sumEquals' }>, read: TableRead, row: TableRow): Finding | undefined {
  const keys = [...rule.parts, rule.total];
  if (keys.some((k) => !readable(read, row, k)) || keys.every((k) => (row.values[k] ?? null) === null)) return undefined;
  const sum = rule.parts.reduce((s, k) => s + (row.values[k] ?? 0), 0);
  const totalValue = row.values[rule.total] ?? 0;
  if (sameValue(sum, totalValue)) return undefined;
  return createFinding('rule_sum_mismatch', { parts: rule.parts.join(' + '), total: rule.total, sum, totalValue }, cellOf(read, row, rule.total));
}

/** A column total of one table against another table's total row (both as written: their own sums are checked apart). */
function crossTotal(rule: Extract<RuleDef, { kind: 'crossTotal' }>, read: TableRead, other: TableRead | undefined): Finding | undefined {
  const otherTotal = other?.table.total;
  const total = read.table.total;
  if (!other || !otherTotal || !total || !readable(read, total, rule.column) || !readable(other, otherTotal, rule.otherColumn)) return undefined;
  const actual = total.values[rule.column] ?? 0;
  const expected = otherTotal.values[rule.otherColumn] ?? 0;
  if (sameValue(actual, expected)) return undefined;
  const where = cellOf(other, otherTotal, rule.otherColumn);
  return createFinding('cross_total_mismatch', { column: rule.column, expected, actual, other: `"${rule.otherColumn}" (${where.sheet}!${where.cell})` }, cellOf(read, total, rule.column));
}

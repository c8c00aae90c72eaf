import { createFinding, type Finding, type FindingLocation } from '../findings/finding';
import type { ColumnDef, FormDef } from '../forms/form-schema';
import { cellAddress } from '../grid/cell-address';
import { cellAt, findSheet, type WorkbookGrid } from '../grid/sheet-grid';
import { normalizeCode, sameName } from '../text/normalize-text';
import type { UnitRegistry } from '../units/unit-registry';
import { isBlank, readCode, readCount, readText } from '../validate/read-cell';

/** The sheet of a target table (bảng chỉ tiêu). */
export const TARGET_SHEET = 'ChiTieu';

/** Keys of the two identity columns of a target table. */
export const TARGET_CODE_KEY = 'unit_code';
export const TARGET_NAME_KEY = 'unit_name';

/** How far down the sheet the key row is looked for when rows were inserted above it. */
const KEY_ROW_SEARCH = 10;

/** One unit's row of a target table. */
export interface TargetRow {
  /** The unit's code as the registry spells it (leading zeros restored). */
  readonly code: string;
  readonly name: string;
  /** Target column key -> assigned value; a blank cell assigns nothing. */
  readonly values: Readonly<Record<string, number>>;
  /** 0-based sheet row. */
  readonly row: number;
}

/** A target table as read. */
export interface TargetTable {
  /** Target column keys found in the key row, in sheet order. */
  readonly columns: readonly string[];
  readonly rows: readonly TargetRow[];
  /**
   * Unit code -> target column key -> value: what `ValidationContext.targets`
   * takes, for any file of any level (rows are matched by their unit code,
   * the total row by the reporting unit's).
   */
  readonly targets: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Every problem of the table; templates should not be written while one is an error. */
  readonly findings: readonly Finding[];
}

/** The target columns of the form's main table (`cccd_target`, ...), in form order. */
export function targetColumns(form: FormDef): ColumnDef[] {
  return (form.tables.find((t) => t.sheet === form.mainTable)?.columns ?? []).filter((c) => c.kind === 'count' && c.target === true);
}

/**
 * Reads a target table: sheet `ChiTieu`, row 1 labels, row 2 keys
 * (`unit_code`, `unit_name`, then any of the form's target column keys, in
 * any order), one row per unit below. Units of any level may be mixed (a
 * province assigns its districts and their communes in one sheet). Collects
 * every finding, never stops at the first: a missing sheet or code column,
 * an unknown key, a unit the registry does not know, a name that differs
 * from the registry's (warning), a code twice, a cell that is not a whole
 * number >= 0, and a unit whose own target differs from the sum of the
 * targets of its units when all of them are listed.
 *
 * @example readTargetTable(grid, FORM_4PHU_2024, nationalRegistry(), { file: 'chi-tieu.xlsx' }).targets['25216'] // { cccd_target: 1250, ... }
 */
export function readTargetTable(book: WorkbookGrid, form: FormDef, registry: UnitRegistry, opts: { readonly file?: string } = {}): TargetTable {
  const file: FindingLocation = opts.file !== undefined ? { file: opts.file } : {};
  const grid = findSheet(book, TARGET_SHEET);
  const sheet = grid?.name ?? TARGET_SHEET;
  const findings: Finding[] = [];
  const empty = (): TargetTable => ({ columns: [], rows: [], targets: {}, findings });
  if (!grid) {
    findings.push(createFinding('sheet_missing', { expected: TARGET_SHEET }, { ...file, sheet, cell: 'A1' }));
    return empty();
  }
  const allowed = targetColumns(form).map((c) => c.key);
  const keyRow = locateKeyRow(grid.rows);
  const columns = new Map<string, number>();
  (grid.rows[keyRow] ?? []).forEach((v, c) => {
    if (isBlank(v)) return;
    const key = normalizeCode(String(v)).toLowerCase();
    const at = { ...file, sheet, cell: cellAddress(keyRow, c) };
    if (columns.has(key)) findings.push(createFinding('row_duplicate', { code: key, first: cellAddress(keyRow, columns.get(key) ?? 0) }, at));
    else if (key === TARGET_CODE_KEY || key === TARGET_NAME_KEY || allowed.includes(key)) columns.set(key, c);
    else findings.push(createFinding('target_column_unknown', { key, allowed: allowed.join(', ') }, at));
  });
  const codeCol = columns.get(TARGET_CODE_KEY);
  if (codeCol === undefined) findings.push(createFinding('column_missing', { key: TARGET_CODE_KEY }, { ...file, sheet, cell: cellAddress(keyRow, 0) }));
  const keys = allowed.filter((k) => columns.has(k));
  if (keys.length === 0) findings.push(createFinding('column_missing', { key: allowed.join(' | ') }, { ...file, sheet, cell: cellAddress(keyRow, 2) }));
  if (codeCol === undefined || keys.length === 0) return { ...empty(), columns: keys };

  const nameCol = columns.get(TARGET_NAME_KEY);
  const rows: TargetRow[] = [];
  const firstAt = new Map<string, string>();
  for (let r = keyRow + 1; r < grid.rows.length; r++) {
    const watched = [codeCol, ...(nameCol !== undefined ? [nameCol] : []), ...keys.map((k) => columns.get(k) as number)];
    if (watched.every((c) => isBlank(cellAt(grid, r, c)))) continue;
    const codeAt = { ...file, sheet, cell: cellAddress(r, codeCol) };
    const codeRead = readCode(cellAt(grid, r, codeCol), codeAt);
    const nameRead = nameCol === undefined ? { value: null } : readText(cellAt(grid, r, nameCol), { ...file, sheet, cell: cellAddress(r, nameCol) });
    for (const f of [codeRead.finding, nameRead.finding]) if (f) findings.push(f);
    const typed = codeRead.value ?? '';
    const unit = typed === '' ? undefined : registry.get(typed);
    if (!unit) {
      if (!codeRead.finding) findings.push(createFinding('unit_unknown', { code: typed || (nameRead.value ?? ''), level: registry.levels.join(', ') }, codeAt));
      continue;
    }
    const first = firstAt.get(unit.code);
    if (first !== undefined) {
      findings.push(createFinding('row_duplicate', { code: unit.code, first }, codeAt));
      continue;
    }
    const name = nameRead.value ?? '';
    if (name !== '' && !sameName(name, unit.name) && !sameName(name, unit.shortName)) {
      findings.push(createFinding('unit_name_mismatch', { expected: unit.name, actual: name }, { ...file, unitCode: unit.code, sheet, cell: cellAddress(r, nameCol ?? codeCol) }));
    }
    firstAt.set(unit.code, codeAt.cell);
    const values: Record<string, number> = {};
    for (const key of keys) {
      const col = columns.get(key) as number;
      const read = readCount(cellAt(grid, r, col), { ...file, unitCode: unit.code, sheet, cell: cellAddress(r, col) });
      if (read.finding) findings.push(read.finding);
      else if (read.value !== null) values[key] = read.value;
    }
    rows.push({ code: unit.code, name: unit.name, values, row: r });
  }
  findings.push(...checkSplits(rows, keys, columns, registry, { ...file, sheet }));
  const targets: Record<string, Readonly<Record<string, number>>> = {};
  for (const row of rows) targets[row.code] = row.values;
  return { columns: keys, rows, targets, findings };
}

/** The key row: row 2, or the first near the top that holds `unit_code`. */
function locateKeyRow(rows: WorkbookGrid['sheets'][number]['rows']): number {
  const holds = (r: number): boolean => (rows[r] ?? []).some((v) => typeof v === 'string' && normalizeCode(v).toLowerCase() === TARGET_CODE_KEY);
  if (holds(1)) return 1;
  for (let r = 0; r < Math.min(KEY_ROW_SEARCH, rows.length); r++) if (holds(r)) return r;
  return 1;
}

/**
 * A unit's own target against the sum over its units, when the table
 * assigns that column to every one of them: otherwise no file could match
 * both (its total row is the sum of its rows).
 */
function checkSplits(rows: readonly TargetRow[], keys: readonly string[], columns: ReadonlyMap<string, number>, registry: UnitRegistry, at: FindingLocation & { sheet: string }): Finding[] {
  const byCode = new Map(rows.map((r) => [r.code, r] as const));
  const findings: Finding[] = [];
  for (const row of rows) {
    const children = registry.children(row.code).map((u) => byCode.get(u.code));
    if (children.length === 0) continue;
    for (const key of keys) {
      const assigned = row.values[key];
      if (assigned === undefined || children.some((c) => c?.values[key] === undefined)) continue;
      const sum = children.reduce((s, c) => s + (c?.values[key] ?? 0), 0);
      if (sum !== assigned) findings.push(createFinding('target_split_mismatch', { code: row.code, column: key, assigned, sum }, { ...at, unitCode: row.code, cell: cellAddress(row.row, columns.get(key) ?? 0) }));
    }
  }
  return findings;
}

import { cellAddress } from '../grid/cell-address';
import { cellAt, findSheet, type SheetGrid, type WorkbookGrid } from '../grid/sheet-grid';
import { createFinding, type Finding } from '../findings/finding';
import type { ColumnDef, ItemDef, TableDef } from '../forms/form-schema';
import { normalizeCode, sameName } from '../text/normalize-text';
import type { ParsedTable, TableRow } from '../submission/submission';
import { isBlank, readCode, readCount, readText } from './read-cell';

/** A table as read, with what the checks after reading need. */
export interface TableRead {
  readonly def: TableDef;
  /** The sheet's name as found in the file (or the form's name when absent). */
  readonly sheet: string;
  readonly found: boolean;
  readonly table: ParsedTable;
  /** A1 cells holding something that is not a number where one belongs: no sum is checked against them. */
  readonly unreadable: ReadonlySet<string>;
  readonly findings: readonly Finding[];
}

/** How far down a sheet the key row is looked for when it is not where the form puts it. */
const KEY_ROW_SEARCH = 30;

/**
 * Reads one table of the form by its key row: columns in any order, extra
 * columns ignored, blank rows skipped, the total row told apart by its code
 * (or its name when the code cell is blank). Every cell is read even after
 * a problem, so every finding is collected. Item tables are checked against
 * the form's items; units tables are left to the identity checks.
 *
 * @param canonical maps a row code to the registry's spelling (leading zeros Excel dropped)
 */
export function readTable(book: WorkbookGrid, def: TableDef, canonical: (code: string) => string = (c) => c): TableRead {
  const grid = findSheet(book, def.sheet);
  const sheet = grid?.name ?? def.sheet;
  const findings: Finding[] = [];
  const unreadable = new Set<string>();
  if (!grid) {
    findings.push(createFinding('sheet_missing', { expected: def.sheet }, { sheet, cell: 'A1' }));
    return { def, sheet, found: false, table: { sheet, columns: {}, rows: [] }, unreadable, findings };
  }

  const located = locateKeyRow(grid, def);
  let keyRow = located ?? def.keyRow - 1;
  let firstData = def.firstDataRow - 1 + (keyRow - (def.keyRow - 1));
  let columns: Record<string, number> = {};
  if (located !== undefined) {
    (grid.rows[keyRow] ?? []).forEach((v, c) => {
      if (typeof v !== 'string') return;
      const k = normalizeCode(v).toLowerCase();
      if (k !== '' && columns[k] === undefined) columns[k] = c;
    });
  }
  if (located === undefined || !def.columns.every((col) => columns[col.key] !== undefined)) {
    // No key row, or one with keys lost or mistyped (deleted, or edited in a spreadsheet program): the labels say
    // where the columns are, when they are the form's. A key row whose column was deleted has no such labels either.
    const byLabels = columnsByLabels(grid, def);
    if (!byLabels && located === undefined) {
      findings.push(createFinding('key_row_missing', { row: def.keyRow }, { sheet, cell: cellAddress(def.keyRow - 1, 0) }));
      return { def, sheet, found: false, table: { sheet, columns: {}, rows: [] }, unreadable, findings };
    }
    if (byLabels) {
      findings.push(createFinding('key_row_read_by_labels', { row: def.keyRow, labelRow: byLabels.labelRow + 1 }, { sheet, cell: cellAddress(byLabels.labelRow, 0) }));
      columns = byLabels.columns;
      keyRow = byLabels.labelRow;
      firstData = byLabels.labelRow + (def.firstDataRow - def.keyRow);
      // What is left of a damaged key row is not data.
      while (holdsKeys(grid, firstData, def)) firstData++;
    }
  }
  def.columns.forEach((col, i) => {
    if (columns[col.key] === undefined) findings.push(createFinding('column_missing', { key: col.key }, { sheet, cell: cellAddress(keyRow, i) }));
  });
  const known: Record<string, number> = {};
  for (const col of [...def.columns, ...def.computed]) if (columns[col.key] !== undefined) known[col.key] = columns[col.key] as number;

  const codeCol = known[def.keyColumn];
  const nameCol = known[def.nameColumn];
  const counts = def.columns.filter((c) => c.kind === 'count' && known[c.key] !== undefined);
  const texts = def.columns.filter((c) => (c.kind === 'text' || c.kind === 'enum') && known[c.key] !== undefined);
  const items = def.rows === 'items' ? (def.items ?? []) : undefined;

  const rows: TableRow[] = [];
  let total: TableRow | undefined;
  let totalCell: string | undefined;
  const firstSeen = new Map<string, string>();
  for (let r = firstData; r < grid.rows.length; r++) {
    const cell = (col: number | undefined): ReturnType<typeof cellAt> => (col === undefined ? null : cellAt(grid, r, col));
    const watched = [codeCol, nameCol, ...counts.map((c) => known[c.key]), ...texts.map((c) => known[c.key])];
    if (watched.every((col) => isBlank(cell(col)))) continue;

    const codeAt = { sheet, cell: cellAddress(r, codeCol ?? 0) };
    const codeRead = readCode(cell(codeCol), codeAt);
    if (codeRead.finding) findings.push(codeRead.finding);
    const nameRead = readText(cell(nameCol), { sheet, cell: cellAddress(r, nameCol ?? 0) });
    if (nameRead.finding) findings.push(nameRead.finding);
    const name = nameRead.value ?? '';
    let code = codeRead.value ?? '';

    const isTotal = code.toUpperCase() === def.total.code.toUpperCase() || (code === '' && name !== '' && sameName(name, def.total.name));
    let item: ItemDef | undefined;
    if (isTotal) {
      code = def.total.code;
      if (totalCell !== undefined) {
        findings.push(createFinding('total_row_duplicate', { first: totalCell }, codeAt));
        continue;
      }
      totalCell = codeAt.cell;
    } else if (items) {
      item = items.find((i) => i.code.toUpperCase() === code.toUpperCase()) ?? (code === '' ? items.find((i) => sameName(i.name, name)) : undefined);
      if (item) code = item.code;
      else findings.push(createFinding('item_unknown', { code: code || name }, codeAt));
    } else if (code !== '') {
      code = canonical(code);
    }
    if (!isTotal && code !== '') {
      const first = firstSeen.get(code);
      if (first !== undefined) findings.push(createFinding('row_duplicate', { code, first }, codeAt));
      else firstSeen.set(code, codeAt.cell);
    }

    const values: Record<string, number | null> = {};
    for (const col of counts) {
      const at = { sheet, cell: cellAddress(r, known[col.key] as number) };
      const raw = cell(known[col.key]);
      if (item?.only && !item.only.includes(col.key)) {
        values[col.key] = null;
        // A 0 says "none", as a blank does; only a figure is an error there.
        if (!isBlank(raw) && raw !== 0) {
          findings.push(createFinding('reason_not_applicable', { code, column: col.key }, at));
          unreadable.add(at.cell);
        }
        continue;
      }
      const read = readCount(raw, at);
      values[col.key] = read.value;
      if (read.finding) findings.push(read.finding);
      if (read.finding && read.value === null) unreadable.add(at.cell);
    }
    const textValues: Record<string, string> = {};
    for (const col of texts) {
      const at = { sheet, cell: cellAddress(r, known[col.key] as number) };
      const read = readText(cell(known[col.key]), at);
      if (read.finding) findings.push(read.finding);
      if (read.value === null) continue;
      const allowed = enumValue(col, read.value);
      if (allowed === undefined && !isTotal) findings.push(createFinding('value_not_allowed', { value: read.value, allowed: (col.values ?? []).join(', ') }, at));
      textValues[col.key] = allowed ?? read.value;
    }
    const row: TableRow = { code, name, values, texts: textValues, row: r };
    if (isTotal) total = row;
    else rows.push(row);
  }

  if (items) {
    items.forEach((item, i) => {
      if (!firstSeen.has(item.code)) findings.push(createFinding('item_missing', { code: item.code }, { sheet, cell: cellAddress(firstData + i, codeCol ?? 0) }));
    });
  }
  if (total === undefined) {
    const after = rows.reduce((m, r) => Math.max(m, r.row + 1), firstData);
    findings.push(createFinding('total_row_missing', {}, { sheet, cell: cellAddress(after, codeCol ?? 0) }));
  }
  const table: ParsedTable = { sheet, columns: known, rows, ...(total ? { total } : {}) };
  return { def, sheet, found: true, table, unreadable, findings };
}

/**
 * The key row: where the form puts it, or, when a person inserted or deleted
 * rows above it, the first row near the top that holds the key column's key.
 */
function locateKeyRow(grid: SheetGrid, def: TableDef): number | undefined {
  const expected = def.keyRow - 1;
  const holdsKey = (r: number): boolean => (grid.rows[r] ?? []).some((v) => typeof v === 'string' && normalizeCode(v).toLowerCase() === def.keyColumn);
  if (holdsKey(expected)) return expected;
  for (let r = 0; r < Math.min(KEY_ROW_SEARCH, grid.rows.length); r++) if (holdsKey(r)) return r;
  return undefined;
}

/** True when a row holds at least two of the table's column keys: a key row, whole or damaged. */
function holdsKeys(grid: SheetGrid, row: number, def: TableDef): boolean {
  const keys = new Set(def.columns.map((c) => c.key));
  let found = 0;
  for (const v of grid.rows[row] ?? []) if (typeof v === 'string' && keys.has(normalizeCode(v).toLowerCase()) && ++found >= 2) return true;
  return false;
}

/**
 * The columns found by the form's labels, on the first row near the top
 * where every column of the form is found exactly once by its label (and,
 * where the form has a group row above, by its group, which a merged
 * heading gives only to its first cell): undefined when no row does.
 */
function columnsByLabels(grid: SheetGrid, def: TableDef): { labelRow: number; columns: Record<string, number> } | undefined {
  const groupOffset = def.groupRow !== undefined ? def.labelRow - def.groupRow : undefined;
  const all = [...def.columns, ...def.computed];
  for (let r = 0; r < Math.min(KEY_ROW_SEARCH, grid.rows.length); r++) {
    const cells = grid.rows[r] ?? [];
    const groupCells = groupOffset !== undefined ? (grid.rows[r - groupOffset] ?? []) : [];
    const columns: Record<string, number> = {};
    let group = '';
    let ambiguous = false;
    cells.forEach((v, c) => {
      const g = groupCells[c];
      if (typeof g === 'string' && g.trim() !== '') group = g;
      if (typeof v !== 'string' || v.trim() === '') return;
      const matches = all.filter((col) => sameName(col.label, v) && (groupOffset === undefined || col.group === undefined || sameName(col.group, group)));
      if (matches.length > 1) ambiguous = true;
      const col = matches[0];
      if (!col) return;
      if (columns[col.key] !== undefined) ambiguous = true;
      else columns[col.key] = c;
    });
    if (!ambiguous && def.columns.every((col) => columns[col.key] !== undefined)) return { labelRow: r, columns };
  }
  return undefined;
}

/** The form's spelling of an enum value (case, spaces, Unicode forgiven); the text itself for free text columns. */
function enumValue(col: ColumnDef, value: string): string | undefined {
  if (col.kind !== 'enum') return value;
  return (col.values ?? []).find((v) => sameName(v, value));
}

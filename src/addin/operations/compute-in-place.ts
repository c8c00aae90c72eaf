import { computedRowKey, computeTable } from '../../core/compute/compute-table';
import { parseCellAddress } from '../../core/grid/cell-address';
import { findSheet, type SheetGrid } from '../../core/grid/sheet-grid';
import type { FormDef, TableDef } from '../../core/forms/form-schema';
import { buildNarrative } from '../../core/narrative/build-narrative';
import { shortUnitName } from '../../core/narrative/short-unit-name';
import type { ParsedTable, TableRow } from '../../core/submission/submission';
import { normalizeCode } from '../../core/text/normalize-text';
import type { UnitRegistry } from '../../core/units/unit-registry';
import { validateSubmission } from '../../core/validate/validate-submission';
import type { ValidationResult } from '../../core/validate/validation-context';
import { excelInput } from '../excel/excel-values';
import { ALL_CAPABILITIES, type HostCapabilities } from '../excel/host-capabilities';
import { queueRateFormats } from '../excel/rate-formats';
import { queueSheetList, queueWithProtectionLifted } from '../excel/sheet-list';
import { columnWidthPoints } from '../excel/write-output-book';
import { payloadBytes, WriteBudget, WRITE_CHUNK_BYTES } from '../excel/write-budget';
import { formOfBook } from '../../app/check-file';
import { presentFormSheets, readFormSheets, withCarriedFormSheets } from './read-form-sheets';

/** The sheet the narrative is written to (as in consolidated workbooks). */
export const NARRATIVE_SHEET = 'NhanXet';

/** What computing in place wrote. */
export interface ComputeOutcome {
  readonly form: FormDef;
  readonly result: ValidationResult;
  /** The sheet written (the workbook's name for the main table). */
  readonly sheet: string;
  /** Computed column key -> 0-based column index it was written to. */
  readonly columns: Readonly<Record<string, number>>;
  /** Keys of the computed columns that were not there and were added. */
  readonly added: readonly string[];
  /** Rows given rates (data rows and the total row). */
  readonly rows: number;
  readonly narrative: readonly string[];
}

export interface ComputeDeps {
  readonly registry: UnitRegistry;
  readonly forms?: readonly FormDef[];
  readonly capabilities?: HostCapabilities;
  readonly chunkBytes?: number;
}

/** Why compute-in-place cannot run; shown to the user as is. */
export class ComputeError extends Error {
  constructor(
    readonly reason: 'no_table' | 'no_key_row' | 'no_rows',
    message: string,
  ) {
    super(message);
    this.name = 'ComputeError';
  }
}

/** The 0-based key row of a table in its sheet: where its key column's cell reads the key. */
export function findKeyRow(sheet: SheetGrid, def: TableDef, table: ParsedTable): number | undefined {
  const col = table.columns[def.keyColumn];
  if (col === undefined) return undefined;
  const limit = Math.min(sheet.rows.length, 60);
  for (let r = 0; r < limit; r++) {
    const v = sheet.rows[r]?.[col];
    if (typeof v === 'string' && normalizeCode(v) === def.keyColumn) return r;
  }
  return undefined;
}

/**
 * Computes the main table's rates and ranks where they stand: the form's
 * computed columns (`cccd_rate`, `cccd_rank`, ...) are filled in their
 * columns, found by key, or added after the last keyed column; rates as
 * numbers formatted `0.00%` with a colour scale, ranks as integers (rows
 * with an error get no rank); the total row gets rates only. The narrative
 * goes to `NhanXet`. Re-running overwrites the same cells and rules.
 * Three round trips (sheet list, values, writes) unless the writes pass the
 * request limit.
 */
export async function computeInPlace(context: Excel.RequestContext, deps: ComputeDeps): Promise<ComputeOutcome> {
  const caps = deps.capabilities ?? ALL_CAPABILITIES;
  const list = queueSheetList(context);
  await context.sync();
  const sheets = list();
  const names = presentFormSheets(sheets, deps.forms);
  const grid = await withCarriedFormSheets(context, sheets, await readFormSheets(context, names), names);
  const form = formOfBook(grid, deps.forms);
  const result = validateSubmission(grid, { form, registry: deps.registry });
  const def = form.tables.find((t) => t.sheet === form.mainTable);
  const sheetGrid = findSheet(grid, form.mainTable);
  const table = result.submission.tables[form.mainTable];
  if (!def || !sheetGrid || !table) throw new ComputeError('no_table', `Không tìm thấy trang ${form.mainTable}.`);
  if (table.rows.length === 0 && !table.total) throw new ComputeError('no_rows', `Trang ${sheetGrid.name} chưa có dòng số liệu nào.`);
  const keyRow = findKeyRow(sheetGrid, def, table);
  if (keyRow === undefined) throw new ComputeError('no_key_row', `Không tìm thấy dòng khóa cột (dòng có "${def.keyColumn}") trên trang ${sheetGrid.name}.`);

  // A row with an error keeps its rate but takes no place in the ranking.
  const errorRows = new Set<number>();
  for (const f of result.findings) {
    if (f.severity !== 'error' || f.sheet !== sheetGrid.name || f.cell === undefined) continue;
    const at = parseCellAddress(f.cell);
    if (at) errorRows.add(at.row);
  }
  const computed = computeTable(form, table, (r) => !errorRows.has(r.row));

  const columns: Record<string, number> = {};
  const added: string[] = [];
  const keyCells = sheetGrid.rows[keyRow] ?? [];
  let next = keyCells.reduce<number>((last, v, c) => (v !== null && v !== '' ? c : last), -1) + 1;
  for (const col of def.computed) {
    const at = table.columns[col.key];
    if (at !== undefined) columns[col.key] = at;
    else {
      columns[col.key] = next++;
      added.push(col.key);
    }
  }

  const rows: TableRow[] = [...table.rows, ...(table.total ? [table.total] : [])];
  const keys = new Map<TableRow, string>();
  const seen = new Set<string>(table.total ? [table.total.code] : []);
  for (const r of table.rows) {
    const k = computedRowKey(r, seen);
    seen.add(k);
    keys.set(r, k);
  }
  if (table.total) keys.set(table.total, table.total.code);
  const top = Math.min(...rows.map((r) => r.row));
  const bottom = Math.max(...rows.map((r) => r.row));
  const height = bottom - top + 1;
  const byRow = new Map(rows.map((r) => [r.row, r] as const));

  const valid = table.rows.filter((r) => !errorRows.has(r.row));
  const narrative = buildNarrative(form, {
    total: table.total?.values ?? {},
    units: valid.map((r) => ({ shortName: shortUnitName(r.name || r.code), values: r.values })),
  });

  const budget = new WriteBudget(context, deps.chunkBytes ?? WRITE_CHUNK_BYTES);
  const ws = context.workbook.worksheets.getItem(sheetGrid.name);
  const info = sheets.find((s) => s.name === sheetGrid.name);
  if (info?.protected) ws.protection.unprotect();
  const rateKeys = new Set(form.indicators.filter((i) => i.table === def.sheet).map((i) => i.rateColumn));
  const labelRow = keyRow + (def.labelRow - def.keyRow);
  const groupRow = def.groupRow === undefined ? undefined : keyRow + (def.groupRow - def.keyRow);
  for (const col of def.computed) {
    const c = columns[col.key] as number;
    if (added.includes(col.key)) {
      ws.getCell(keyRow, c).values = [[col.key]];
      if (labelRow >= 0 && labelRow !== keyRow) ws.getCell(labelRow, c).values = [[excelInput(col.label)]];
      if (groupRow !== undefined && groupRow >= 0 && col.group !== undefined) ws.getCell(groupRow, c).values = [[excelInput(col.group)]];
      if (col.width !== undefined) ws.getCell(keyRow, c).getEntireColumn().format.columnWidth = columnWidthPoints(col.width);
    }
    const values = Array.from({ length: height }, (_, i) => {
      const row = byRow.get(top + i);
      const v = row ? computed[keys.get(row) ?? '']?.[col.key] : undefined;
      return [typeof v === 'number' ? v : ''];
    });
    const formats = values.map(() => [col.numFmt ?? 'General']);
    await budget.reserve(payloadBytes(values) + payloadBytes(formats) + 200);
    const range = ws.getRangeByIndexes(top, c, height, 1);
    range.numberFormat = formats;
    range.values = values;
    if (caps.conditionalFormats && rateKeys.has(col.key) && table.rows.length > 0) {
      const dataTop = Math.min(...table.rows.map((r) => r.row));
      const dataBottom = Math.max(...table.rows.map((r) => r.row));
      queueRateFormats(ws.getRangeByIndexes(dataTop, c, dataBottom - dataTop + 1, 1));
    }
  }
  if (info?.protected) ws.protection.protect(info.protectionOptions);

  await budget.reserve(payloadBytes(narrative) + 500);
  const existing = sheets.find((s) => s.name.toLocaleLowerCase() === NARRATIVE_SHEET.toLocaleLowerCase());
  const nx = existing ? context.workbook.worksheets.getItem(existing.name) : context.workbook.worksheets.add(NARRATIVE_SHEET);
  queueWithProtectionLifted(nx, existing, () => {
    if (existing) nx.getRange().clear('Contents');
    if (narrative.length > 0) nx.getRangeByIndexes(0, 0, narrative.length, 1).values = narrative.map((p) => [excelInput(p)]);
    const a = nx.getRange('A:A');
    a.format.columnWidth = columnWidthPoints(120);
    a.format.wrapText = true;
  });
  await budget.flush();
  return { form, result, sheet: sheetGrid.name, columns, added, rows: rows.length, narrative };
}

import { columnLetter } from '../grid/cell-address';
import { formSheet } from '../forms/form-sheet';
import type { CellRange, OutputBook, OutputColumn, OutputSheet } from '../grid/output-book';
import type { Scalar } from '../grid/scalar';
import { isoDateToDate } from '../format/iso-date';
import type { ColumnDef, FormDef, TableDef } from '../forms/form-schema';
import type { SubmissionData, SubmissionDataRow } from '../submission/submission-data';

/** How a submission is rendered. */
export interface RenderSubmissionOptions {
  /** A blank form to fill: count cells are inputs, sheets protected, totals are SUM formulas. */
  readonly template?: boolean;
  /** Write the form's computed columns (rates, ranks) after the input columns. */
  readonly withComputed?: boolean;
  /** More computed columns after the form's ones, on the main table only (the consolidation's `status`). */
  readonly extraComputed?: readonly ColumnDef[];
}

/** The header of the ThongTin sheet (row 1). */
export const INFO_HEADER = ['Khóa', 'Nội dung', 'Giá trị'] as const;

const DATE_FORMAT = 'dd/mm/yyyy';
const COUNT_FORMAT = '#,##0';

/**
 * A submission as a workbook, laid out exactly as the form says
 * (`shared/spec/form-4phu-2024.md` for 4PHU-2024), from the form definition
 * alone: ThongTin, then every table with its group, label and (hidden) key
 * rows, data rows and one total row. What it writes reads back through
 * `validateSubmission` without findings when the data is consistent.
 *
 * @example renderSubmission(FORM_4PHU_2024, { info, tables: { SoLieu: villages } }, { template: true })
 */
export function renderSubmission(form: FormDef, data: SubmissionData, opts: RenderSubmissionOptions = {}): OutputBook {
  // The form travels with every workbook PHU makes, so a form PHU does not ship needs no other input.
  return { sheets: [renderInfo(form, data), ...form.tables.map((t) => renderTable(form, t, data, opts)), formSheet(form)] };
}

function renderInfo(form: FormDef, data: SubmissionData): OutputSheet {
  const { info } = form;
  const width = Math.max(info.keyColumn, info.labelColumn, info.valueColumn) + 1;
  const rows: Scalar[][] = [];
  const place = (cells: ReadonlyArray<readonly [number, Scalar]>): Scalar[] => {
    const row: Scalar[] = new Array<Scalar>(width).fill(null);
    for (const [c, v] of cells) row[c] = v;
    return row;
  };
  for (let r = 0; r < info.headerRow - 1; r++) rows.push(place([]));
  rows.push(place([[info.keyColumn, INFO_HEADER[0]], [info.labelColumn, INFO_HEADER[1]], [info.valueColumn, INFO_HEADER[2]]]));
  for (const k of info.keys) {
    const raw = data.info[k.key];
    const value: Scalar = raw === undefined || raw === '' ? null : k.kind === 'date' ? (isoDateToDate(raw) ?? raw) : raw;
    rows.push(place([[info.keyColumn, k.key], [info.labelColumn, k.label], [info.valueColumn, value]]));
  }
  const columns: OutputColumn[] = [];
  for (let c = 0; c < width; c++) {
    if (c === info.keyColumn) columns.push({ width: 16, hidden: true });
    else if (c === info.labelColumn) columns.push({ width: 24 });
    else if (c === info.valueColumn) columns.push({ width: 30, numFmt: DATE_FORMAT });
    else columns.push({});
  }
  return { name: info.sheet, rows, columns, headerRows: [info.headerRow - 1], frozen: { rows: info.headerRow, columns: 0 }, print: { orientation: 'portrait', fitToWidth: true } };
}

/**
 * The rows a table shows: a units table's data as given; an item table's
 * every item in form order, named as the form names it, without figures in
 * columns the item does not apply to.
 */
function tableRows(table: TableDef, data: SubmissionData): readonly SubmissionDataRow[] {
  const given = data.tables[table.sheet] ?? [];
  if (table.rows !== 'items' || !table.items) return given;
  const byCode = new Map(given.map((r) => [r.code, r] as const));
  return table.items.map((item) => {
    const row = byCode.get(item.code);
    const values = Object.fromEntries(Object.entries(row?.values ?? {}).filter(([k]) => item.only?.includes(k) ?? true));
    return { ...row, code: item.code, name: item.name, values };
  });
}

function renderTable(form: FormDef, table: TableDef, data: SubmissionData, opts: RenderSubmissionOptions): OutputSheet {
  const extra = table.sheet === form.mainTable ? (opts.extraComputed ?? []) : [];
  const columns: readonly ColumnDef[] = opts.withComputed ? [...table.columns, ...table.computed, ...extra] : table.columns;
  const width = columns.length;
  const dataRows = tableRows(table, data);
  const given = data.totals?.[table.sheet];
  const total = given ?? sumRow(form, table, dataRows);
  const firstData = table.firstDataRow - 1;
  const totalIndex = firstData + dataRows.length;
  const items = new Map((table.items ?? []).map((i) => [i.code, i] as const));
  const applies = (code: string, key: string): boolean => items.get(code)?.only?.includes(key) ?? true;

  const rows: Scalar[][] = [];
  for (let r = 0; r < totalIndex + 1; r++) rows.push(new Array<Scalar>(width).fill(null));
  const at = (r: number): Scalar[] => rows[r] as Scalar[];

  const merges: CellRange[] = [];
  if (table.groupRow !== undefined) {
    const g = table.groupRow - 1;
    for (let c = 0; c < width; ) {
      const group = columns[c]?.group;
      let end = c;
      while (group !== undefined && end + 1 < width && columns[end + 1]?.group === group) end++;
      if (group !== undefined) {
        at(g)[c] = group;
        if (end > c) merges.push({ top: g, left: c, bottom: g, right: end });
      }
      c = end + 1;
    }
  }
  columns.forEach((col, c) => {
    at(table.labelRow - 1)[c] = col.label;
    at(table.keyRow - 1)[c] = col.key;
  });

  const cellOf = (row: SubmissionDataRow, col: ColumnDef, index: number | undefined): Scalar => {
    if (col.key === table.keyColumn) return row.code;
    if (col.key === table.nameColumn) return row.name;
    switch (col.kind) {
      case 'index':
        return index ?? null;
      case 'count':
        return row.values[col.key] ?? null;
      case 'computed':
        return row.computed?.[col.key] ?? null;
      default:
        return row.texts?.[col.key] ?? null;
    }
  };
  dataRows.forEach((row, i) => {
    const out = at(firstData + i);
    columns.forEach((col, c) => {
      out[c] = cellOf(row, col, i + 1);
    });
  });
  const totalRow = at(totalIndex);
  columns.forEach((col, c) => {
    totalRow[c] = col.kind === 'index' ? null : cellOf({ ...total, code: table.total.code, name: table.total.name }, col, undefined);
  });

  const formulas: Array<{ row: number; col: number; formula: string; result: number }> = [];
  const inputs: CellRange[] = [];
  const textInputs: Array<{ range: CellRange; values?: readonly string[] }> = [];
  if (opts.template) {
    columns.forEach((col, c) => {
      if (col.kind !== 'count') return;
      // A unit's own assigned target (rows it splits it over are open) stays the value given, not a SUM.
      const assignedTotal = col.target === true && typeof given?.values[col.key] === 'number';
      if (dataRows.length > 0 && !assignedTotal) {
        const result = dataRows.reduce((s, r) => s + (r.values[col.key] ?? 0), 0);
        formulas.push({ row: totalIndex, col: c, formula: `SUM(${columnLetter(c)}${firstData + 1}:${columnLetter(c)}${totalIndex})`, result });
        totalRow[c] = result;
      }
      // A target assigned from above is locked; one still blank is for the unit to fill.
      const open = (r: SubmissionDataRow): boolean => applies(r.code, col.key) && !(col.target === true && r.values[col.key] != null);
      let start: number | undefined;
      dataRows.forEach((r, i) => {
        if (open(r)) start ??= i;
        if (start !== undefined && (!open(r) || i === dataRows.length - 1)) {
          const end = open(r) ? i : i - 1;
          inputs.push({ top: firstData + start, left: c, bottom: firstData + end, right: c });
          start = undefined;
        }
      });
    });
    columns.forEach((col, c) => {
      // Text a person types: a service's status and difficulties, and the code and name of a row the form cannot know (a village).
      const typed = (r: SubmissionDataRow): boolean =>
        col.kind === 'text' || col.kind === 'enum' || (table.rows === 'units' && r.code === '' && (col.key === table.keyColumn || col.key === table.nameColumn));
      for (const [top, bottom] of openRuns(dataRows, typed)) {
        textInputs.push({ range: { top: firstData + top, left: c, bottom: firstData + bottom, right: c }, ...(col.kind === 'enum' && col.values ? { values: col.values } : {}) });
      }
    });
  }

  const headerRows = [table.groupRow, table.labelRow].filter((r): r is number => r !== undefined).map((r) => r - 1);
  const nameIndex = columns.findIndex((c) => c.key === table.nameColumn);
  const rateKeys = new Set(form.indicators.filter((i) => i.table === table.sheet).map((i) => i.rateColumn));
  const rateColumns = columns.flatMap((c, i) => (c.kind === 'computed' && rateKeys.has(c.key) ? [i] : []));
  const sheet: OutputSheet = {
    name: table.sheet,
    rows,
    columns: columns.map((c) => outputColumn(c)),
    hiddenRows: [table.keyRow - 1],
    headerRows,
    totalRow: totalIndex,
    frozen: { rows: firstData, columns: nameIndex + 1 },
    merges,
    // The hidden key row heads the filter: sorting must never move it below the data.
    filter: { top: table.keyRow - 1, left: 0, bottom: Math.max(totalIndex - 1, table.keyRow - 1), right: width - 1 },
    ...(rateColumns.length > 0 ? { rateColumns } : {}),
    // Printed on A4: every column on one page width, the group, label and key rows on every page.
    print: { orientation: 'landscape', fitToWidth: true, repeatRows: { top: 0, bottom: firstData - 1 } },
    ...(opts.template ? { inputs, protect: true, formulas, ...(textInputs.length > 0 ? { textInputs } : {}) } : {}),
  };
  return sheet;
}

/** Runs of consecutive rows (0-based indexes, inclusive) for which `open` holds. */
function openRuns(rows: readonly SubmissionDataRow[], open: (r: SubmissionDataRow) => boolean): Array<readonly [number, number]> {
  const runs: Array<readonly [number, number]> = [];
  let start: number | undefined;
  rows.forEach((r, i) => {
    if (open(r)) start ??= i;
    else if (start !== undefined) {
      runs.push([start, i - 1]);
      start = undefined;
    }
  });
  if (start !== undefined) runs.push([start, rows.length - 1]);
  return runs;
}

function outputColumn(c: ColumnDef): OutputColumn {
  const numFmt = c.numFmt ?? (c.kind === 'count' ? COUNT_FORMAT : undefined);
  return { ...(c.width !== undefined ? { width: c.width } : {}), ...(numFmt !== undefined ? { numFmt } : {}) };
}

/**
 * The total row when none is given: column sums (null when every row is
 * null) and, for each indicator of the table, its rate done / target.
 */
function sumRow(form: FormDef, table: TableDef, rows: readonly SubmissionDataRow[]): SubmissionDataRow {
  const values: Record<string, number | null> = {};
  for (const col of table.columns) {
    if (col.kind !== 'count') continue;
    let sum: number | null = null;
    for (const r of rows) {
      const v = r.values[col.key];
      if (typeof v === 'number') sum = (sum ?? 0) + v;
    }
    values[col.key] = sum;
  }
  const computed: Record<string, Scalar> = {};
  for (const ind of form.indicators) {
    if (ind.table !== table.sheet) continue;
    const done = values[ind.done];
    const target = values[ind.target];
    computed[ind.rateColumn] = typeof done === 'number' && typeof target === 'number' && target > 0 ? done / target : null;
  }
  return { code: table.total.code, name: table.total.name, values, computed };
}

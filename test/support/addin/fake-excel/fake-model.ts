import { cellAddress, columnLetter, parseCellAddress } from '../../../../src/core/grid/cell-address';
import type { CellRange } from '../../../../src/core/grid/output-book';

/** A cell value as the fake keeps it: blank is null, an error value keeps its text. */
export type FakeValue = number | string | boolean | { readonly error: string } | null;

/** Excel's grid limits: addresses beyond them are invalid. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A conditional format as the fake stores it: the rule as given, over its ranges. */
export interface FakeConditionalFormat {
  type: string;
  ranges: CellRange[];
  /** Custom rule formula (type `Custom`). */
  formula?: string;
  fill?: string;
  fontColor?: string;
  /** Colour scale criteria or data bar settings, as given. */
  criteria?: unknown;
  dataBar?: { barDirection?: string };
}

/** A data validation rule over one range. */
export interface FakeDataValidation {
  range: CellRange;
  rule: unknown;
  errorAlert?: unknown;
  prompt?: unknown;
  ignoreBlanks?: boolean;
}

/** One series of a chart: its values and categories as sheet-qualified A1 addresses. */
export interface FakeChartSeries {
  name: string;
  /** The series' own type (a combination chart draws one series as a line over bars). */
  chartType: string;
  values?: string;
  xValues?: string;
}

/** A chart as the fake stores it: what a test can assert (type, series, title, place). */
export interface FakeChart {
  name: string;
  type: string;
  title?: string;
  series: FakeChartSeries[];
  /** `setPosition` cells, as given. */
  position?: { readonly start: string; readonly end?: string };
  valueAxisMinimum?: number;
}

const key = (r: number, c: number): number => r * MAX_COLUMNS + c;

/**
 * One worksheet of the in-memory workbook. Plain data with the few
 * behaviours the Office.js stand-in needs (used range, protection).
 */
export class FakeSheet {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  private readonly cells: (FakeValue | undefined)[][] = [];
  readonly formulas = new Map<number, string>();
  readonly numberFormats = new Map<number, string>();
  readonly fills = new Map<number, string>();
  readonly bold = new Map<number, boolean>();
  readonly fontColors = new Map<number, string>();
  /** Cells whose `locked` flag was cleared (Excel locks every cell by default). */
  readonly unlocked = new Set<number>();
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  readonly hiddenRows = new Set<number>();
  readonly merges: CellRange[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  dataValidations: FakeDataValidation[] = [];
  readonly charts: FakeChart[] = [];
  frozen: { rows: number; columns: number } | undefined;
  autoFilter: CellRange | undefined;
  protection: { protected: boolean; options: Record<string, unknown>; password?: string } = { protected: false, options: {} };
  selected: CellRange | undefined;

  constructor(name: string) {
    this.name = name;
  }

  value(r: number, c: number): FakeValue {
    return this.cells[r]?.[c] ?? null;
  }

  setValue(r: number, c: number, v: FakeValue): void {
    const row = (this.cells[r] ??= []);
    row[c] = v;
  }

  formula(r: number, c: number): string | undefined {
    return this.formulas.get(key(r, c));
  }

  setFormula(r: number, c: number, f: string | undefined): void {
    if (f === undefined) this.formulas.delete(key(r, c));
    else this.formulas.set(key(r, c), f);
  }

  numberFormat(r: number, c: number): string {
    return this.numberFormats.get(key(r, c)) ?? 'General';
  }

  setNumberFormat(r: number, c: number, f: string): void {
    if (f === 'General') this.numberFormats.delete(key(r, c));
    else this.numberFormats.set(key(r, c), f);
  }

  fill(r: number, c: number): string | undefined {
    return this.fills.get(key(r, c));
  }

  setFill(r: number, c: number, color: string | undefined): void {
    if (color === undefined) this.fills.delete(key(r, c));
    else this.fills.set(key(r, c), color);
  }

  isBold(r: number, c: number): boolean {
    return this.bold.get(key(r, c)) ?? false;
  }

  setBold(r: number, c: number, b: boolean): void {
    this.bold.set(key(r, c), b);
  }

  isLocked(r: number, c: number): boolean {
    return !this.unlocked.has(key(r, c));
  }

  setLocked(r: number, c: number, locked: boolean): void {
    if (locked) this.unlocked.delete(key(r, c));
    else this.unlocked.add(key(r, c));
  }

  /** Number of rows that may hold values (for iteration). */
  get rowExtent(): number {
    return this.cells.length;
  }

  /** The smallest rectangle holding every non-blank value (and, unless valuesOnly, every formatted cell). */
  usedRange(valuesOnly: boolean): CellRange | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const take = (r: number, c: number): void => {
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    };
    this.cells.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== '') take(r, c);
      });
    });
    for (const k of this.formulas.keys()) take(Math.floor(k / MAX_COLUMNS), k % MAX_COLUMNS);
    if (!valuesOnly) {
      for (const m of [this.numberFormats, this.fills, this.bold]) for (const k of m.keys()) take(Math.floor(k / MAX_COLUMNS), k % MAX_COLUMNS);
    }
    return bottom < 0 ? undefined : { top, left, bottom, right };
  }

  /** True when a cell may not be changed: the sheet is protected and the cell locked. */
  isProtectedCell(r: number, c: number): boolean {
    return this.protection.protected && this.isLocked(r, c);
  }
}

/** The whole in-memory workbook, plus the add-in's settings store. */
export class FakeWorkbookModel {
  readonly sheets: FakeSheet[] = [];
  readonly settings = new Map<string, unknown>();
  activeSheet: FakeSheet | undefined;

  sheet(name: string): FakeSheet | undefined {
    const want = name.toLocaleLowerCase();
    return this.sheets.find((s) => s.name.toLocaleLowerCase() === want);
  }

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name);
    this.sheets.push(s);
    this.activeSheet ??= s;
    return s;
  }

  deleteSheet(sheet: FakeSheet): void {
    const i = this.sheets.indexOf(sheet);
    if (i >= 0) this.sheets.splice(i, 1);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0];
  }
}

/** Quotes a sheet name for an address when Excel would: `'Số liệu'!A1`. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The A1 address of a rectangle: `A1` or `A1:C3`, whole columns `D:D`, whole rows `3:5`. */
export function rangeAddress(r: CellRange): string {
  if (r.top === 0 && r.bottom === MAX_ROWS - 1 && !(r.left === 0 && r.right === MAX_COLUMNS - 1)) return `${columnLetter(r.left)}:${columnLetter(r.right)}`;
  if (r.left === 0 && r.right === MAX_COLUMNS - 1 && !(r.top === 0 && r.bottom === MAX_ROWS - 1)) return `${String(r.top + 1)}:${String(r.bottom + 1)}`;
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellAddress(r.bottom, r.right)}`;
}

/**
 * Parses one area of an A1 reference without a sheet: `C5`, `A1:D9`,
 * `D:F`, `3:7`, `$A$1`. Undefined when it is not one.
 */
export function parseArea(text: string): CellRange | undefined {
  const s = text.trim().replace(/\$/g, '');
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(s);
  if (cols?.[1] && cols[2]) {
    const a = parseCellAddress(`${cols[1]}1`);
    const b = parseCellAddress(`${cols[2]}1`);
    if (!a || !b) return undefined;
    return { top: 0, bottom: MAX_ROWS - 1, left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
  }
  const rows = /^(\d{1,7}):(\d{1,7})$/.exec(s);
  if (rows?.[1] && rows[2]) {
    const a = Number(rows[1]) - 1;
    const b = Number(rows[2]) - 1;
    if (a < 0 || b < 0) return undefined;
    return { top: Math.min(a, b), bottom: Math.max(a, b), left: 0, right: MAX_COLUMNS - 1 };
  }
  const [p, q] = s.split(':');
  const a = p === undefined ? undefined : parseCellAddress(p);
  const b = q === undefined ? a : parseCellAddress(q);
  if (!a || !b || a.row < 0 || a.col < 0 || a.row >= MAX_ROWS || a.col >= MAX_COLUMNS || b.row >= MAX_ROWS || b.col >= MAX_COLUMNS) return undefined;
  return { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
}

/** True when two rectangles share a cell. */
export function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** True when `inner` lies within `outer`. */
export function contains(outer: CellRange, inner: CellRange): boolean {
  return outer.top <= inner.top && inner.bottom <= outer.bottom && outer.left <= inner.left && inner.right <= outer.right;
}

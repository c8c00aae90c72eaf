import type { Consolidation } from '../consolidate/consolidation';
import type { FormDef } from '../forms/form-schema';
import { cellAddress } from '../grid/cell-address';
import type { CellRange, OutputSheet } from '../grid/output-book';
import type { Scalar } from '../grid/scalar';
import { mainIndicators } from '../consolidate/progress';

/** The sheet the add-in draws its charts in. */
export const CHART_SHEET = 'BieuDo';

/** One chart to draw: a bar per unit (its rate) and the goal as a line, over ranges of `BieuDo`. */
export interface RateChart {
  /** The indicator's key (`cccd`). */
  readonly indicator: string;
  readonly title: string;
  /** A1 ranges on the chart sheet (no sheet name): unit names, their rates, the goal repeated per unit. */
  readonly categories: string;
  readonly rates: string;
  readonly goal: string;
  /** The goal as a rate (1 = 100%). */
  readonly goalRate: number;
  /** Where the chart goes on the sheet (0-based cells, inclusive). */
  readonly anchor: CellRange;
}

/** Rows a chart needs at least, so charts of few units do not overlap. */
const CHART_ROWS = 18;

/**
 * The data behind the add-in's `BieuDo` sheet: per indicator of the main
 * table, a block (title; `Đơn vị | Tỷ lệ | Mục tiêu`; one row per child,
 * short name, rate or blank when none, goal) and the chart to draw over it,
 * bars for the rates with the goal as a line, placed to the right of its
 * block. Pure data: the add-in writes the sheet (it is an ordinary
 * OutputSheet, rates as numbers formatted `0.00%`) and adds the charts.
 *
 * @param goalRate the goal line (default 1: the campaign aims at 100%)
 * @example const { sheet, charts } = rateCharts(FORM_4PHU_2024, consolidation)
 */
export function rateCharts(form: FormDef, c: Consolidation, goalRate = 1): { sheet: OutputSheet; charts: RateChart[] } {
  const rows: Scalar[][] = [];
  const charts: RateChart[] = [];
  const headerRows: number[] = [];
  const n = c.children.length;
  for (const ind of mainIndicators(form)) {
    const top = rows.length;
    const title = `${ind.label}: tỷ lệ theo đơn vị (mục tiêu ${Math.round(goalRate * 100)}%)`;
    rows.push([title]);
    rows.push(['Đơn vị', 'Tỷ lệ', 'Mục tiêu']);
    headerRows.push(top, top + 1);
    for (const child of c.children) rows.push([child.unit.shortName, child.rates[ind.key] ?? null, goalRate]);
    const first = top + 2;
    const last = top + 1 + n;
    const range = (col: number): string => (n === 0 ? cellAddress(first, col) : `${cellAddress(first, col)}:${cellAddress(last, col)}`);
    charts.push({ indicator: ind.key, title, categories: range(0), rates: range(1), goal: range(2), goalRate, anchor: { top, left: 4, bottom: top + Math.max(CHART_ROWS, n + 2) - 1, right: 13 } });
    const height = Math.max(CHART_ROWS, n + 2) + 1;
    while (rows.length < top + height) rows.push([]);
  }
  const sheet: OutputSheet = {
    name: CHART_SHEET,
    rows,
    columns: [{ width: 24 }, { width: 10, numFmt: '0.00%' }, { width: 10, numFmt: '0%' }],
    headerRows,
  };
  return { sheet, charts };
}

import type { RateChart } from '../../core/campaign/rate-charts';
import { cellAddress } from '../../core/grid/cell-address';

/** What the rate bars and the goal line are called in a chart's legend. */
export const RATE_SERIES_NAME = 'Tỷ lệ';
export const GOAL_SERIES_NAME = 'Mục tiêu';

/**
 * Queues one chart per indicator on the sheet that holds `rateCharts`'
 * data (`BieuDo`): clustered columns of the units' rates with their short
 * names as categories, the goal as a second series drawn as a line, the
 * indicator as title, placed over the chart's anchor cells. Needs
 * ExcelApi 1.7 (`series.add`, a series' own `chartType`); nothing is sent
 * until the caller syncs.
 */
export function queueRateCharts(ws: Excel.Worksheet, charts: readonly RateChart[]): void {
  for (const c of charts) {
    const categories = ws.getRange(c.categories);
    const chart = ws.charts.add('ColumnClustered', ws.getRange(c.rates), 'Columns');
    chart.name = `PHU ${c.indicator}`;
    chart.title.text = c.title;
    const rates = chart.series.getItemAt(0);
    rates.name = RATE_SERIES_NAME;
    rates.setXAxisValues(categories);
    const goal = chart.series.add(GOAL_SERIES_NAME);
    goal.setValues(ws.getRange(c.goal));
    goal.setXAxisValues(categories);
    goal.chartType = 'Line';
    // Rates start at 0, so a unit at 20% does not look like a unit at nothing.
    chart.axes.valueAxis.minimum = 0;
    chart.setPosition(cellAddress(c.anchor.top, c.anchor.left), cellAddress(c.anchor.bottom, c.anchor.right));
  }
}

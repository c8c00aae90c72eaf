import { cols, rows } from './area';
import { FakeOfficeError, fail, jsonBytes, type FakeClientObject, type FakeRequestContextBase } from './fake-client';
import { parseArea, quoteSheetName, rangeAddress, type FakeChart as FakeChartData, type FakeChartSeries as FakeSeriesData, type FakeSheet } from './fake-model';
import type { FakeRange } from './fake-range';
import { FakeRefObject, Ref } from './fake-ref-object';

/** Chart types the stand-in accepts (those PHU could draw); Excel knows many more. */
const CHART_TYPES = new Set(['ColumnClustered', 'ColumnStacked', 'BarClustered', 'BarStacked', 'Line', 'LineMarkers', 'Pie', 'Area', 'XYScatter']);

function checkChartType(type: string): void {
  if (!CHART_TYPES.has(type)) fail('InvalidArgument', `The chart type '${type}' isn't valid.`);
}

/** A range's sheet-qualified address (`BieuDo!B3:B9`). */
function qualified(range: FakeRange): string {
  const { sheet, area } = range.resolve();
  return `${quoteSheetName(sheet.name)}!${rangeAddress(area)}`;
}

/** `Worksheet.charts`: add a chart over a range; `count` loads (tests read the charts from the model). */
export class FakeChartCollection extends FakeRefObject<FakeSheet> {
  protected override scalarNames(): readonly string[] {
    return ['count'];
  }

  protected override readScalar(): unknown {
    return this.ref.get().charts.length;
  }

  get count(): number {
    return this.loadedValue('count');
  }

  /** A chart over `sourceData`, one series per column (or row), as Excel makes it. */
  add(type: string, sourceData: FakeRange, seriesBy = 'Auto'): FakeChartProxy {
    let created: FakeChartData | undefined;
    this.queue(jsonBytes(type) + 32, () => {
      checkChartType(type);
      const sheet = this.ref.get();
      const { area } = sourceData.resolve();
      const byRows = seriesBy === 'Rows' || (seriesBy === 'Auto' && cols(area) > rows(area));
      const count = byRows ? rows(area) : cols(area);
      const series: FakeSeriesData[] = Array.from({ length: count }, (_, i) => {
        const part = byRows ? { ...area, top: area.top + i, bottom: area.top + i } : { ...area, left: area.left + i, right: area.left + i };
        return { name: `Series${String(i + 1)}`, chartType: type, values: `${quoteSheetName(sourceData.resolve().sheet.name)}!${rangeAddress(part)}` };
      });
      created = { name: `Chart ${String(sheet.charts.length + 1)}`, type, series };
      sheet.charts.push(created);
    });
    return new FakeChartProxy(this.context, new Ref(() => created ?? fail('InvalidObjectPath', 'The chart was not added.')));
  }
}

/** One chart: title, name, series, position, value axis. */
export class FakeChartProxy extends FakeRefObject<FakeChartData> {
  readonly title: FakeChartTitle;
  readonly series: FakeChartSeriesCollection;
  readonly axes: { readonly valueAxis: { minimum: number } };

  constructor(ctx: FakeRequestContextBase, ref: Ref<FakeChartData>) {
    super(ctx, ref);
    this.title = new FakeChartTitle(ctx, ref);
    this.series = new FakeChartSeriesCollection(ctx, ref);
    const queue = (run: () => void): void => ctx.batch.enqueue(16, run);
    this.axes = {
      valueAxis: {
        set minimum(v: number) {
          queue(() => {
            ref.get().valueAxisMinimum = v;
          });
        },
        get minimum(): number {
          throw new FakeOfficeError('PropertyNotLoaded', 'Axis values are write-only in this stand-in.');
        },
      },
    };
  }

  protected override scalarNames(): readonly string[] {
    return ['name', 'chartType'];
  }

  protected override readScalar(name: string): unknown {
    const c = this.ref.get();
    return name === 'name' ? c.name : c.type;
  }

  protected override navigation(name: string): FakeClientObject | undefined {
    if (name === 'title') return this.title;
    if (name === 'series') return this.series;
    return undefined;
  }

  get name(): string {
    return this.loadedValue('name');
  }
  set name(n: string) {
    this.assign('name', n, () => {
      this.ref.get().name = n;
    });
  }

  get chartType(): string {
    return this.loadedValue('chartType');
  }

  setPosition(startCell: string | FakeRange, endCell?: string | FakeRange): void {
    this.queue(32, () => {
      const at = (x: string | FakeRange): string => (typeof x === 'string' ? x : rangeAddress(x.resolve().area));
      for (const x of [startCell, endCell]) if (typeof x === 'string' && !parseArea(x)) fail('InvalidArgument', `The address '${x}' isn't valid.`);
      this.ref.get().position = { start: at(startCell), ...(endCell !== undefined ? { end: at(endCell) } : {}) };
    });
  }
}

export class FakeChartTitle extends FakeRefObject<FakeChartData> {
  protected override scalarNames(): readonly string[] {
    return ['text'];
  }

  protected override readScalar(): unknown {
    return this.ref.get().title ?? '';
  }

  get text(): string {
    return this.loadedValue('text');
  }
  set text(t: string) {
    this.assign('text', t, () => {
      this.ref.get().title = t;
    });
  }
}

export class FakeChartSeriesCollection extends FakeRefObject<FakeChartData> {
  protected override scalarNames(): readonly string[] {
    return ['count'];
  }

  protected override readScalar(): unknown {
    return this.ref.get().series.length;
  }

  get count(): number {
    return this.loadedValue('count');
  }

  /** A new, empty series of the chart's type (ExcelApi 1.7). */
  add(name?: string): FakeChartSeriesProxy {
    let created: FakeSeriesData | undefined;
    this.queue(jsonBytes(name ?? ''), () => {
      const chart = this.ref.get();
      created = { name: name ?? `Series${String(chart.series.length + 1)}`, chartType: chart.type };
      chart.series.push(created);
    });
    return new FakeChartSeriesProxy(this.context, new Ref(() => created ?? fail('InvalidObjectPath', 'The series was not added.')));
  }

  getItemAt(index: number): FakeChartSeriesProxy {
    return new FakeChartSeriesProxy(this.context, new Ref(() => this.ref.get().series[index] ?? fail('ItemNotFound', `No series at ${String(index)}.`)));
  }
}

export class FakeChartSeriesProxy extends FakeRefObject<FakeSeriesData> {
  protected override scalarNames(): readonly string[] {
    return ['name', 'chartType'];
  }

  protected override readScalar(name: string): unknown {
    const s = this.ref.get();
    return name === 'name' ? s.name : s.chartType;
  }

  get name(): string {
    return this.loadedValue('name');
  }
  set name(n: string) {
    this.assign('name', n, () => {
      this.ref.get().name = n;
    });
  }

  get chartType(): string {
    return this.loadedValue('chartType');
  }
  set chartType(t: string) {
    this.assign('chartType', t, () => {
      checkChartType(t);
      this.ref.get().chartType = t;
    });
  }

  setValues(range: FakeRange): void {
    this.queue(32, () => {
      this.ref.get().values = qualified(range);
    });
  }

  setXAxisValues(range: FakeRange): void {
    this.queue(32, () => {
      this.ref.get().xValues = qualified(range);
    });
  }
}

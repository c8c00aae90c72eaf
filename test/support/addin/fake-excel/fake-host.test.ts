import { FakeExcelHost } from './fake-host';
import { parseArea, rangeAddress } from './fake-model';

function host(): FakeExcelHost {
  const h = new FakeExcelHost();
  h.loadGrid({
    sheets: [
      { name: 'SoLieu', rows: [['a', 1], [null, { error: '#REF!' }], [true, new Date(Date.UTC(2024, 3, 8))]] },
      { name: 'Trống', rows: [] },
    ],
  });
  return h;
}

describe('FakeExcelHost: load/sync discipline', () => {
  it('throws when a property is read before it is loaded and synced, as Excel does', async () => {
    const h = host();
    const ctx = h.newContext();
    const r = ctx.workbook.worksheets.getItem('SoLieu').getRange('A1:B3');
    expect(() => r.values).toThrow(/not available/);
    r.load('values');
    expect(() => r.values).toThrow(/not available/);
    await ctx.sync();
    expect(r.values).toEqual([
      ['a', 1],
      ['', '#REF!'],
      [true, 45390],
    ]);
    expect(() => r.valueTypes).toThrow(/not available/);
    expect(h.stats.syncs).toBe(1);
  });

  it('runs queued writes only at sync, in order with loads', async () => {
    const h = host();
    const ctx = h.newContext();
    const cell = ctx.workbook.worksheets.getItem('SoLieu').getRange('C1');
    cell.load('values');
    cell.values = [[5]];
    const after = ctx.workbook.worksheets.getItem('SoLieu').getRange('C1').load('values');
    expect(h.sheet('SoLieu').value(0, 2)).toBeNull();
    await ctx.sync();
    expect(h.sheet('SoLieu').value(0, 2)).toBe(5);
    expect(after.values).toEqual([[5]]);
  });

  it('reports a null object after sync only, and fails on a missing item at sync', async () => {
    const h = host();
    const ctx = h.newContext();
    const missing = ctx.workbook.worksheets.getItemOrNullObject('KhongCo');
    const empty = ctx.workbook.worksheets.getItem('Trống').getUsedRangeOrNullObject(true);
    expect(() => missing.isNullObject).toThrow();
    await ctx.sync();
    expect(missing.isNullObject).toBe(true);
    expect(empty.isNullObject).toBe(true);
    ctx.workbook.worksheets.getItem('KhongCo').getRange('A1').load('values');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('coerces written text the way Excel does unless it is marked literal', async () => {
    const h = host();
    const ctx = h.newContext();
    ctx.workbook.worksheets.getItem('SoLieu').getRange('A5:F5').values = [['00123', "'00123", '=1+1', "'=1+1", '', null]];
    await ctx.sync();
    const s = h.sheet('SoLieu');
    expect(s.value(4, 0)).toBe(123);
    expect(s.value(4, 1)).toBe('00123');
    expect(s.formula(4, 2)).toBe('=1+1');
    expect(s.value(4, 2)).toEqual({ error: '#NAME?' });
    expect(s.value(4, 3)).toBe('=1+1');
    expect(s.formula(4, 3)).toBeUndefined();
  });

  it('rejects an array whose shape differs from the range', async () => {
    const h = host();
    const ctx = h.newContext();
    ctx.workbook.worksheets.getItem('SoLieu').getRange('A1:B1').values = [[1]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('refuses a request over the payload limit without applying any of it', async () => {
    const h = new FakeExcelHost({ payloadLimit: 1000 });
    h.loadGrid({ sheets: [{ name: 'S', rows: [] }] });
    const ctx = h.newContext();
    ctx.workbook.worksheets.getItem('S').getRange('A1:A200').values = Array.from({ length: 200 }, () => ['xxxxxxxx']);
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(h.sheet('S').value(0, 0)).toBeNull();
    expect(h.stats.maxRequestBytes).toBeGreaterThan(1000);
  });

  it('protects locked cells of a protected sheet, leaving unlocked ones writable', async () => {
    const h = host();
    const ctx = h.newContext();
    const ws = ctx.workbook.worksheets.getItem('SoLieu');
    ws.getRange('B1').format.protection.locked = false;
    ws.protection.protect({ allowFormatColumns: true });
    ws.getRange('B1').values = [[7]];
    await ctx.sync();
    expect(h.sheet('SoLieu').value(0, 1)).toBe(7);
    ws.getRange('A1').values = [['x']];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  it('loads collection items and navigation paths, nulls included', async () => {
    const h = host();
    const ctx = h.newContext();
    const ws = ctx.workbook.worksheets.getItem('SoLieu');
    const cf = ws.getRange('A1:A3').conditionalFormats.add('Custom');
    cf.custom.rule.formula = '=TRUE';
    ws.getRange('B1:B3').conditionalFormats.add('DataBar');
    const all = ws.getRange().conditionalFormats.load('items/type,items/customOrNullObject/rule/formula');
    const sheets = ctx.workbook.worksheets.load('items/name');
    await ctx.sync();
    expect(sheets.items.map((s) => s.name)).toEqual(['SoLieu', 'Trống']);
    expect(all.items.map((i) => i.type)).toEqual(['DataBar', 'Custom']);
    expect(all.items[0]?.customOrNullObject.isNullObject).toBe(true);
    expect(all.items[1]?.customOrNullObject.rule.formula).toBe('=TRUE');
  });

  it('runs Excel.run with a final sync of whatever is still queued, and counts it', async () => {
    const h = host();
    h.install(globalThis as unknown as Record<string, unknown>);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('SoLieu').getRange('D1').values = [[1]];
      return Promise.resolve();
    });
    expect(h.stats.syncs).toBe(1);
    expect(h.sheet('SoLieu').value(0, 3)).toBe(1);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(true);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.99')).toBe(false);
  });
});

describe('fake addresses', () => {
  it('parses and prints cells, areas, whole columns and rows', () => {
    for (const a of ['C5', 'A1:D9', 'D:F', '3:7']) expect(rangeAddress(parseArea(a) ?? { top: 0, left: 0, bottom: 0, right: 0 })).toBe(a);
    expect(parseArea('$B$2')).toEqual({ top: 1, left: 1, bottom: 1, right: 1 });
    expect(parseArea('nope')).toBeUndefined();
  });
});

describe('FakeExcelHost charts', () => {
  it('adds a chart over a range, a second series of its own type, title and place; reads them back after sync only', async () => {
    const host = new FakeExcelHost();
    host.loadGrid({ sheets: [{ name: 'BieuDo', rows: [['A', 0.5, 1], ['B', 0.7, 1]] }] });
    const c = host.newContext() as unknown as Excel.RequestContext;
    const ws = c.workbook.worksheets.getItem('BieuDo');
    const chart = ws.charts.add('ColumnClustered', ws.getRange('B1:B2'), 'Columns');
    chart.title.text = 'Tỷ lệ';
    chart.series.getItemAt(0).setXAxisValues(ws.getRange('A1:A2'));
    const goal = chart.series.add('Mục tiêu');
    goal.setValues(ws.getRange('C1:C2'));
    goal.chartType = 'Line';
    chart.setPosition('E1', 'L18');
    chart.series.load('count');
    expect(() => chart.series.count).toThrow(/not available/);
    await c.sync();
    expect(chart.series.count).toBe(2);
    expect(host.sheet('BieuDo').charts).toEqual([
      {
        name: 'Chart 1',
        type: 'ColumnClustered',
        title: 'Tỷ lệ',
        series: [
          { name: 'Series1', chartType: 'ColumnClustered', values: 'BieuDo!B1:B2', xValues: 'BieuDo!A1:A2' },
          { name: 'Mục tiêu', chartType: 'Line', values: 'BieuDo!C1:C2' },
        ],
        position: { start: 'E1', end: 'L18' },
      },
    ]);
  });

  it('refuses a chart type Excel does not have, at sync, as Excel does', async () => {
    const host = new FakeExcelHost();
    host.loadGrid({ sheets: [{ name: 'S', rows: [[1]] }] });
    const c = host.newContext() as unknown as Excel.RequestContext;
    const ws = c.workbook.worksheets.getItem('S');
    ws.charts.add('Pyramid3D' as Excel.ChartType, ws.getRange('A1'));
    await expect(c.sync()).rejects.toThrow(/chart type/);
  });
});

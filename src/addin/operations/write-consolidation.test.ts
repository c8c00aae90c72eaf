import { CHART_SHEET } from '../../core/campaign/rate-charts';
import { FORM_4PHU_2024 } from '../../core/forms/form-4phu-2024';
import { nationalRegistry } from '../../core/units/national-registry';
import { readWorkbook } from '../../xlsx/read-workbook';
import { writeWorkbook } from '../../xlsx/write-workbook';
import { GOAL_SERIES_NAME, RATE_SERIES_NAME } from '../excel/queue-rate-charts';
import { ALL_CAPABILITIES } from '../excel/host-capabilities';
import { communeReport } from '../../../test/support/addin/campaign-fixtures';
import { FakeExcelHost } from '../../../test/support/addin/fake-excel';
import { consolidateReports, type ConsolidatedBook } from '../../app/consolidate-files';
import { inputFromPicked } from '../../app/input-file';
import { readReports } from '../../app/read-reports';
import { writeConsolidation } from './write-consolidation';

const registry = nationalRegistry();
const form = FORM_4PHU_2024;

async function district(): Promise<ConsolidatedBook> {
  const files = [];
  for (const [i, c] of registry.children('688').slice(0, 4).entries()) {
    const bytes = await writeWorkbook(communeReport(registry, c.code, { seed: i * 3 }));
    files.push({ name: `${c.code}.xlsx`, size: bytes.length, lastModified: 0, arrayBuffer: () => Promise.resolve(bytes.slice().buffer) });
  }
  const req = { form, registry, parentCode: '688', period: 'D1', reportDate: '2024-05-10' };
  return consolidateReports(await readReports(files.map(inputFromPicked), req, { reader: { readWorkbook } }), req);
}

function freshHost(): FakeExcelHost {
  const h = new FakeExcelHost();
  h.loadGrid({ sheets: [{ name: 'Sheet1', rows: [] }] });
  return h;
}

const ctx = (h: FakeExcelHost): Excel.RequestContext => h.newContext() as unknown as Excel.RequestContext;

describe('writeConsolidation', () => {
  let result: ConsolidatedBook;
  beforeAll(async () => {
    result = await district();
  });

  it('writes the sheets, TinhHinhNop and BieuDo, with one rate chart per indicator: bars per unit, the goal as a line', async () => {
    const h = freshHost();
    const out = await writeConsolidation(ctx(h), result, { activate: form.mainTable });
    if ('clashes' in out) throw new Error('unexpected clash');
    expect(out.written.sheets).toEqual(['ThongTin', 'SoLieu', 'LyDo', 'KiemTra', 'NguonDuLieu', 'NhanXet', 'TinhHinhNop', 'PHU_MauBieu', CHART_SHEET]);
    expect(out.charts).toBe(4);
    const sheet = h.sheet(CHART_SHEET);
    const units = registry.children('688');
    expect(sheet.charts.map((c) => c.type)).toEqual(['ColumnClustered', 'ColumnClustered', 'ColumnClustered', 'ColumnClustered']);
    expect(sheet.charts.map((c) => c.title)).toEqual(result.charts.charts.map((c) => c.title));
    expect(sheet.charts[0]?.title).toBe('Căn cước công dân: tỷ lệ theo đơn vị (mục tiêu 100%)');
    for (const [i, chart] of sheet.charts.entries()) {
      const want = result.charts.charts[i];
      if (!want) throw new Error('chart');
      expect(chart.series).toEqual([
        { name: RATE_SERIES_NAME, chartType: 'ColumnClustered', values: `${CHART_SHEET}!${want.rates}`, xValues: `${CHART_SHEET}!${want.categories}` },
        { name: GOAL_SERIES_NAME, chartType: 'Line', values: `${CHART_SHEET}!${want.goal}`, xValues: `${CHART_SHEET}!${want.categories}` },
      ]);
      expect(chart.valueAxisMinimum).toBe(0);
      expect(chart.position?.start).toBe(`E${String(want.anchor.top + 1)}`);
      expect(chart.position?.end).toBe(`N${String(want.anchor.bottom + 1)}`);
    }
    // The ranges the charts draw hold each unit's short name, its rate (blank for a unit that did not report) and the goal.
    const first = result.charts.charts[0];
    const top = Number(first?.rates.split(':')[0]?.slice(1)) - 1;
    expect(sheet.value(top, 0)).toBe(units[0]?.shortName);
    expect(typeof sheet.value(top, 1)).toBe('number');
    expect(sheet.value(top + units.length - 1, 1)).toBeNull();
    expect(sheet.value(top, 2)).toBe(1);
    expect(h.model.activeSheet?.name).toBe('SoLieu');
  });

  it('asks before replacing sheets, and replacing leaves one BieuDo whose charts are the new ones only', async () => {
    const h = freshHost();
    await writeConsolidation(ctx(h), result);
    const again = await writeConsolidation(ctx(h), result);
    expect(again).toEqual({ clashes: ['ThongTin', 'SoLieu', 'LyDo', 'KiemTra', 'NguonDuLieu', 'NhanXet', 'TinhHinhNop', 'PHU_MauBieu', CHART_SHEET] });
    const out = await writeConsolidation(ctx(h), result, { replace: true });
    expect('written' in out).toBe(true);
    expect(h.model.sheets.filter((s) => s.name === CHART_SHEET)).toHaveLength(1);
    expect(h.sheet(CHART_SHEET).charts).toHaveLength(4);
  });

  it('skips the charts where the host cannot draw them (before ExcelApi 1.7), still writing their data', async () => {
    const h = freshHost();
    const out = await writeConsolidation(ctx(h), result, { capabilities: { ...ALL_CAPABILITIES, charts: false } });
    expect(out).toMatchObject({ charts: 0, chartsSupported: false });
    expect(h.sheet(CHART_SHEET).charts).toEqual([]);
    expect(h.sheet(CHART_SHEET).value(0, 0)).toBe(result.charts.charts[0]?.title);
  });

  it('adds the charts in one round trip after the sheets', async () => {
    const h = freshHost();
    const out = await writeConsolidation(ctx(h), result);
    if ('clashes' in out) throw new Error('unexpected clash');
    // The sheet list, the sheets (one request for a district), then the charts.
    expect(h.stats.syncs).toBe(1 + out.written.syncs + 1);
  });
});

import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { computeTable } from '../../src/core/compute/compute-table';
import { FORM_4PHU_2024 } from '../../src/core/forms/form-4phu-2024';
import { readCarriedForm } from '../../src/core/forms/form-sheet';
import type { Scalar } from '../../src/core/grid/scalar';
import type { WorkbookGrid } from '../../src/core/grid/sheet-grid';
import { nationalRegistry } from '../../src/core/units/national-registry';
import { renderTargetTable } from '../../src/core/campaign/render-target-table';
import { validateSubmission } from '../../src/core/validate/validate-submission';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { writeWorkbook } from '../../src/xlsx/write-workbook';
import { communeReport } from '../support/addin/campaign-fixtures';
import { consolidateReports } from '../../src/app/consolidate-files';
import { inputFromPicked } from '../../src/app/input-file';
import { readReports } from '../../src/app/read-reports';
import type { FakeExcelHost } from '../support/addin/fake-excel';
import { dateToSerial } from '../support/addin/fake-excel';
import { faultyCommuneGrid } from '../support/addin/sample-books';
import { buildFakeOffice, CHROMIUM, CHROMIUM_ARGS, DIST, ensureDist, freshProfile, OUTPUT, serveDist } from './browser-harness';

/*
 * The built task pane (dist/taskpane.html with functions.js and
 * taskpane.js) in headless Chromium, against the Office.js stand-in with an
 * in-memory workbook: Kiểm tra on a faulty sheet, then Tính toán, checked
 * on the workbook itself. Screenshots go to test-output/browser/.
 */

type Win = { __phuFake: FakeExcelHost };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A grid as it can cross into the page: dates as Excel serial days. */
function pageGrid(grid: WorkbookGrid): { sheets: Array<{ name: string; rows: Scalar[][] }> } {
  return { sheets: grid.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => (r ?? []).map((v) => (v instanceof Date ? dateToSerial(v) : v))) })) };
}

/** The value of `read` once it equals `want`, or its last value after a few seconds. */
async function eventually<T>(read: () => Promise<T>, want: T): Promise<T> {
  let last = await read();
  for (let i = 0; i < 50 && last !== want; i++) {
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

let server: Server | undefined;
let context: BrowserContext | undefined;
let page: Page;
let profile: ReturnType<typeof freshProfile> | undefined;
let base = '';
let officeTagReplaced = (): boolean => false;
const outside: string[] = [];
const pageErrors: string[] = [];
const { grid, faults } = faultyCommuneGrid();

beforeAll(async () => {
  // Fails, never skips, without the browser: CI installs it with scripts/ensure-chromium.sh.
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-chromium.sh (apt-get install -y chromium).`);
  await ensureDist();
  const fake = await buildFakeOffice();
  const served = await serveDist(fake);
  server = served.server;
  base = served.url;
  officeTagReplaced = served.officeTagReplaced;
  profile = freshProfile();
  context = await chromium.launchPersistentContext(profile.dir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 420, height: 900 } });
  // Nothing may come from the network: every request outside the loopback server is refused and recorded.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${base}/taskpane.html`);
  await page.waitForSelector('[data-testid="run-check"]');
  await page.evaluate((g) => {
    const fake = (window as unknown as Win).__phuFake;
    fake.loadGrid(g);
    fake.resetStats();
  }, pageGrid(grid));
}, 240_000);

afterAll(async () => {
  await context?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  profile?.dispose();
});

describe('task pane in headless Chromium', () => {
  it('loads the built page with the stand-in instead of Office.js, and nothing from the network', () => {
    expect(officeTagReplaced()).toBe(true);
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('keeps ExcelJS, SheetJS, Graph and MSAL out of functions.js and taskpane.js, and serves the sign-in redirect page on its own', async () => {
    for (const file of ['functions.js', 'taskpane.js']) {
      const code = readFileSync(join(DIST, file), 'utf8');
      for (const marker of ['msal', 'graph-js', 'exceljs', 'ExcelJS', 'ODS number format']) expect({ file, marker, found: code.includes(marker) }).toEqual({ file, marker, found: false });
    }
    const redirect = await (await fetch(`${base}/auth-redirect.html`)).text();
    expect(redirect).toMatch(/<script[^>]*src="?auth-redirect\.js/);
    expect(redirect).not.toContain('taskpane.js');
    expect(await (await fetch(`${base}/taskpane.html`)).text()).not.toContain('auth-redirect');
    expect(readFileSync(join(DIST, 'auth-redirect.js'), 'utf8')).toContain('msal');
  });

  it('gives every function a help link to help.html, which shows both argument separators', async () => {
    const meta = JSON.parse(readFileSync(join(DIST, 'functions.json'), 'utf8')) as { functions: Array<{ id: string; helpUrl?: string }> };
    for (const f of meta.functions) expect(f.helpUrl).toMatch(new RegExp(`^https://[^/]+/(?:.*/)?help\\.html#${f.id.toLowerCase()}$`));
    const help = await (await fetch(`${base}/help.html`)).text();
    // The built page is minified: attribute quotes may be gone.
    for (const f of meta.functions) expect(help).toMatch(new RegExp(`id="?${f.id.toLowerCase()}[" >]`));
    expect(help).toContain('=PHU.TYLE(E4:E20; D4:D20)');
    expect(help).toContain('=PHU.TYLE(E4:E20, D4:D20)');
  });

  it('Kiểm tra lists the findings with their cells, highlights exactly those cells, and selects one on click', async () => {
    await page.click('[data-testid="run-check"]');
    await page.waitForSelector('[data-testid="check-summary"]');
    const shown = await page.$$eval('[data-testid="finding"]', (els) => els.map((e) => ({ cell: e.getAttribute('data-cell'), severity: e.getAttribute('data-severity'), text: e.textContent ?? '' })));
    const expected = validateSubmission(grid, { form: FORM_4PHU_2024, registry: nationalRegistry() }).findings;
    // Listed by severity, errors first, each group in the validator's order.
    const bySeverity = [...expected.filter((f) => f.severity === 'error'), ...expected.filter((f) => f.severity === 'warning')];
    expect(shown.map((s) => `${s.severity ?? ''} ${s.cell ?? ''}`)).toEqual(bySeverity.map((f) => `${f.severity} ${f.sheet ?? ''}!${f.cell ?? ''}`));
    for (const cell of Object.keys(faults)) expect(shown.some((s) => s.cell === `SoLieu!${cell}` && s.severity === 'error')).toBe(true);
    expect(shown.find((s) => s.cell === 'SoLieu!E4')?.text).toContain('hãy nhập số 1.234');
    expect(await page.textContent('[data-testid="group-error"] h3')).toBe(`Lỗi (${String(expected.filter((f) => f.severity === 'error').length)})`);

    const state = await page.evaluate(() => {
      const fake = (window as unknown as Win).__phuFake;
      const s = fake.sheet('SoLieu');
      const cells = (tag: string): string[] =>
        s.conditionalFormats
          .filter((cf) => cf.formula?.includes(tag))
          .flatMap((cf) => cf.ranges.map((r) => `${String.fromCharCode(65 + r.left)}${String(r.top + 1)}`))
          .sort();
      return { errors: cells('PHU-KIEMTRA-LOI'), warnings: cells('PHU-KIEMTRA-CANHBAO'), syncs: fake.stats.syncs };
    });
    const cellsOf = (severity: string): string[] => [...new Set(expected.filter((f) => f.severity === severity && f.sheet === 'SoLieu').map((f) => f.cell ?? ''))].sort();
    expect(state.errors).toEqual(cellsOf('error'));
    expect(state.warnings).toEqual(cellsOf('warning').filter((c) => !state.errors.includes(c)));
    expect(state.syncs).toBe(3);
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, 'taskpane-kiem-tra.png'), fullPage: true });

    await page.click('[data-testid="finding"][data-cell="SoLieu!E6"]');
    const selected = (): Promise<string> =>
      page.evaluate(() => {
        const fake = (window as unknown as Win).__phuFake;
        const sel = fake.sheet('SoLieu').selected;
        return `${fake.model.activeSheet?.name ?? ''}!${sel ? `${String.fromCharCode(65 + sel.left)}${String(sel.top + 1)}` : ''}`;
      });
    expect(await eventually(selected, 'SoLieu!E6')).toBe('SoLieu!E6');
  });

  it('Tính toán writes the rates and ranks of SoLieu and the narrative', async () => {
    await page.click('[data-testid="tab-compute"]');
    await page.evaluate(() => (window as unknown as Win).__phuFake.resetStats());
    await page.click('[data-testid="run-compute"]');
    // The stand-in is ExcelApi 1.17, without one-step undo: the pane asks before overwriting, and Hủy writes nothing.
    await page.waitForSelector('[data-testid="compute-confirm"]');
    await page.click('[data-testid="compute-cancel"]');
    expect(await page.evaluate(() => (window as unknown as Win).__phuFake.stats.syncs)).toBe(0);
    expect(await page.$('[data-testid="compute-summary"]')).toBeNull();
    await page.click('[data-testid="run-compute"]');
    await page.click('[data-testid="compute-go-on"]');
    await page.waitForSelector('[data-testid="compute-summary"]');
    const result = validateSubmission(grid, { form: FORM_4PHU_2024, registry: nationalRegistry() });
    const table = result.submission.tables.SoLieu;
    if (!table) throw new Error('no SoLieu');
    const errorRows = new Set(result.findings.filter((f) => f.severity === 'error' && f.sheet === 'SoLieu').map((f) => Number((f.cell ?? '').replace(/^[A-Z]+/, '')) - 1));
    const expected = computeTable(FORM_4PHU_2024, table, (r) => !errorRows.has(r.row));
    const written = await page.evaluate(() => {
      const fake = (window as unknown as Win).__phuFake;
      const s = fake.sheet('SoLieu');
      const keys: Record<string, number> = {};
      for (let c = 0; c < 40; c++) {
        const v = s.value(2, c);
        if (typeof v === 'string') keys[v] = c;
      }
      const rows: Array<{ code: unknown; rate: unknown; rank: unknown; format: string }> = [];
      for (let r = 3; r < 3 + 7; r++) rows.push({ code: s.value(r, keys.unit_code ?? 1), rate: s.value(r, keys.cccd_rate ?? 0), rank: s.value(r, keys.cccd_rank ?? 0), format: s.numberFormat(r, keys.cccd_rate ?? 0) });
      return { rows, syncs: fake.stats.syncs, narrative: fake.sheet('NhanXet').value(0, 0), rules: s.conditionalFormats.map((cf) => cf.type) };
    });
    for (const row of written.rows) {
      const want = expected[String(row.code)];
      if (want?.cccd_rate == null) expect(row.rate).toBeNull();
      else expect(row.rate as number).toBeCloseTo(want.cccd_rate, 12);
      expect(row.rank).toBe(want?.cccd_rank ?? null);
      expect(row.format).toBe('0.00%');
    }
    expect(written.rows.filter((r) => typeof r.rank === 'number').length).toBeGreaterThan(0);
    expect(written.rules).toEqual(expect.arrayContaining(['ColorScale', 'DataBar']));
    expect(String(written.narrative)).toMatch(/^Kết quả cấp căn cước công dân/);
    expect(written.syncs).toBeLessThanOrEqual(4);
    expect(await page.$$eval('[data-testid="narrative"] li', (els) => els.length)).toBeGreaterThan(0);
    await page.screenshot({ path: join(OUTPUT, 'taskpane-tinh-toan.png'), fullPage: true });
    expect(statSync(join(OUTPUT, 'taskpane-tinh-toan.png')).size).toBeGreaterThan(1000);
  });

  it('registers every PHU function from the built functions.js, answering from the core', async () => {
    const out = await page.evaluate(() => {
      const fake = (window as unknown as Win).__phuFake;
      return {
        ids: [...fake.functions.keys()].sort(),
        tyle: fake.callFunction('TYLE', [[579]], [[837]]),
        chuoi: fake.callFunction('CHUOI', [[579]], [[837]], [['Thị xã Phước Long']]),
        div0: fake.callFunction('TYLE', [[5]], [[0]]),
      };
    });
    expect(out.ids).toEqual(['CHUOI', 'CONLAI', 'DANHGIA', 'NHANXET', 'TOP', 'TYLE', 'XEPHANG']);
    expect((out.tyle as number[][])[0]?.[0]).toBeCloseTo(579 / 837, 12);
    expect(out.chuoi).toEqual([['Phước Long (579/837 đạt 69,18%)']]);
    expect(out.div0).toEqual([[expect.objectContaining({ code: '#DIV/0!' })]]);
  });

  it('Tạo biểu mẫu writes a protected blank form for a unit, asking before it replaces sheets', async () => {
    await page.click('[data-testid="tab-template"]');
    await page.fill('[data-testid="template-unit"]', '688');
    expect(await page.textContent('[data-testid="template-unit-name"]')).toBe('Thị xã Phước Long');
    await page.selectOption('[data-testid="template-period"]', 'D2');
    await page.click('[data-testid="run-template"]');
    await page.waitForSelector('[data-testid="template-clash"]');
    await page.click('[data-testid="template-replace"]');
    await page.waitForSelector('[data-testid="template-note"].phu-ok');
    const made = await page.evaluate(() => {
      const fake = (window as unknown as Win).__phuFake;
      const info = fake.sheet('ThongTin');
      const period = [...Array(14).keys()].map((r) => [info.value(r, 0), info.value(r, 2)]).find(([k]) => k === 'period')?.[1];
      const s = fake.sheet('SoLieu');
      return { sheets: fake.model.sheets.map((x) => x.name), period, protected: s.protection.protected, firstUnit: s.value(3, 1), inputs: s.dataValidations.length, locked: s.isLocked(3, 4) };
    });
    expect(made.sheets.filter((n) => ['ThongTin', 'SoLieu', 'LyDo'].includes(n))).toHaveLength(3);
    expect(made.period).toBe('D2');
    expect(made.protected).toBe(true);
    expect(made.firstUnit).toBe(nationalRegistry().children('688')[0]?.code);
    expect(made.inputs).toBeGreaterThan(0);
    expect(made.locked).toBe(false);
  });

  it('Tạo biểu mẫu reads a target table and offers one prefilled form per unit to download', async () => {
    const registry = nationalRegistry();
    const communes = registry.children('688');
    const first = communes[0];
    if (!first) throw new Error('fixture');
    const table = renderTargetTable(FORM_4PHU_2024, communes, { [first.code]: { cccd_target: 1250, ddt_target: 980 } });
    await page.fill('[data-testid="template-unit"]', '688');
    await page.selectOption('[data-testid="template-period"]', 'D1');
    await page.setInputFiles('[data-testid="pick-target-table"]', { name: 'chi-tieu-688.xlsx', mimeType: XLSX, buffer: Buffer.from(await writeWorkbook(table)) });
    await page.waitForSelector('[data-testid="target-table-note"]');
    expect(await page.textContent('[data-testid="target-table-note"]')).toBe(`Bảng chỉ tiêu "chi-tieu-688.xlsx": ${String(communes.length)} đơn vị, 4 cột chỉ tiêu.`);
    await page.click('[data-testid="run-unit-templates"]');
    await page.waitForSelector('[data-testid="unit-templates"]');
    const names = await page.$$eval('[data-testid="unit-template"]', (els) => els.map((e) => e.getAttribute('data-name')));
    expect(names).toEqual(communes.map((c) => `${c.code} ${c.name}.xlsx`));
    expect(await page.textContent('[data-testid="unit-templates-note"]')).toContain(`1/${String(communes.length)} có chỉ tiêu điền sẵn`);
    // Not configured for SharePoint: the pane says what to configure instead of failing.
    expect(await page.textContent('[data-testid="template-browser"] [data-testid="sp-problem"]')).toContain('Hãy nhờ cán bộ công nghệ thông tin');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="unit-template"] [data-testid="template-download"]')]);
    expect(download.suggestedFilename()).toBe(`${first.code} ${first.name}.xlsx`);
    const path = await download.path();
    const read = await readWorkbook(new Uint8Array(readFileSync(path)));
    if (!read.book) throw new Error('the downloaded template is not a workbook');
    const checked = validateSubmission(read.book, { form: FORM_4PHU_2024, registry, targets: { [first.code]: { cccd_target: 1250, ddt_target: 980 } } });
    expect(checked.submission.info).toMatchObject({ unit_code: first.code, period: 'D1', parent_code: '688' });
    expect(checked.submission.tables.SoLieu?.total?.values.cccd_target).toBe(1250);
    expect(checked.findings.filter((f) => f.code === 'target_mismatch')).toEqual([]);
  });

  it('Tạo biểu mẫu takes a form file picked on the computer: its findings when broken, its calendar and the carried form when valid', async () => {
    const json = JSON.parse(JSON.stringify(FORM_4PHU_2024)) as Record<string, unknown>;
    const custom = { ...json, id: 'DA06-2026', periods: [], calendar: { repeat: 'monthly', first: '2026-01', last: '2026-12', dueDays: 5 } };
    await page.setInputFiles('[data-testid="pick-form-file"]', { name: 'sai.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...custom, mainTable: 'Khong' })) });
    await page.waitForSelector('[data-testid="form-file-findings"]');
    expect(await page.textContent('[data-testid="form-file-note"]')).toContain('"sai.json" có 1 lỗi');
    expect(await page.textContent('[data-testid="form-file-findings"]')).toContain('Mục "mainTable"');
    await page.setInputFiles('[data-testid="pick-form-file"]', { name: 'da06.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(custom)) });
    await page.waitForFunction(() => document.querySelector('[data-testid="form-file-note"]')?.textContent?.includes('DA06-2026'));
    const periods = await page.$$eval('[data-testid="template-period"] option', (els) => els.map((e) => [e.getAttribute('value'), e.textContent]));
    expect(periods[10]).toEqual(['2026-11', '2026-11 - Tháng 11/2026']);
    await page.fill('[data-testid="template-unit"]', '688');
    await page.selectOption('[data-testid="template-period"]', '2026-11');
    await page.click('[data-testid="run-unit-templates"]');
    await page.waitForSelector('[data-testid="unit-template"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="unit-template"] [data-testid="template-download"]')]);
    const read = await readWorkbook(new Uint8Array(readFileSync(await download.path())));
    if (!read.book) throw new Error('the downloaded template is not a workbook');
    expect(readCarriedForm(read.book).form?.id).toBe('DA06-2026');
    const info = read.book.sheets.find((x) => x.name === 'ThongTin')?.rows ?? [];
    expect(info.find((r) => r?.[0] === 'period')?.[2]).toBe('2026-11');
  });

  it('Tổng hợp reads picked files with progress, compares with the previous period, shows completeness and writes the sheets with BieuDo charts', async () => {
    const registry = nationalRegistry();
    const communes = registry.children('688').slice(0, 2);
    const reportFile = async (code: string, seed: number, period: string, shift = 0): Promise<{ name: string; mimeType: string; buffer: Buffer }> => ({
      name: `${code}.xlsx`,
      mimeType: XLSX,
      buffer: Buffer.from(await writeWorkbook(communeReport(registry, code, { seed, period, shift }))),
    });
    // Đợt 1, consolidated here the way the pane does it: the previous period's workbook.
    const d1 = [];
    for (const [i, c] of communes.entries()) d1.push(await reportFile(c.code, i * 5, 'D1'));
    const d1Req = { form: FORM_4PHU_2024, registry, parentCode: '688', period: 'D1', reportDate: '2024-05-10' };
    const d1Inputs = d1.map((f) => inputFromPicked({ name: f.name, size: f.buffer.length, lastModified: 0, arrayBuffer: () => Promise.resolve(new Uint8Array(f.buffer).buffer) }));
    const d1Reports = await readReports(d1Inputs, d1Req, { reader: { readWorkbook } });
    const previous = Buffer.from(await writeWorkbook(consolidateReports(d1Reports, d1Req).book));

    const files = [];
    for (const [i, c] of communes.entries()) files.push(await reportFile(c.code, i * 5, 'D2', i === 0 ? 4 : 2));
    files.push({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('không phải báo cáo') });
    await page.click('[data-testid="tab-consolidate"]');
    // Not configured for SharePoint: choosing it explains what to configure.
    await page.check('[data-testid="source-sharepoint"]');
    expect(await page.textContent('[data-testid="source-browser"] [data-testid="sp-problem"]')).toContain('tên miền tổ chức (tenant) và mã ứng dụng (client id)');
    expect(await page.textContent('body')).not.toMatch(/PHU_GRAPH|npm|docs\//);
    await page.check('[data-testid="source-local"]');
    await page.setInputFiles('[data-testid="pick-files"]', files);
    await page.setInputFiles('[data-testid="pick-previous"]', { name: '688 Thị xã Phước Long D1.xlsx', mimeType: XLSX, buffer: previous });
    await page.fill('[data-testid="consolidate-parent"]', '688');
    await page.selectOption('[data-testid="consolidate-period"]', 'D2');
    await page.click('[data-testid="run-consolidate"]');
    await page.waitForSelector('[data-testid="consolidate-summary"]', { timeout: 60_000 });
    const states = await page.$$eval('[data-testid="file-state"]', (els) => els.map((e) => e.getAttribute('data-status')));
    expect(states).toEqual(['valid', 'valid', 'ignored']);
    const missing = registry.children('688').length - 2;
    expect(await page.textContent('[data-testid="consolidate-summary"] p')).toContain(`2 đúng hạn, 0 trễ hạn, ${String(missing)} chưa nộp`);
    expect(await page.textContent('[data-testid="consolidate-inputs"]')).toBe('So sánh với Đợt 1: 2 đơn vị có số liệu kỳ trước.');
    // Completeness at a glance.
    const rows = await page.$$eval('[data-testid="completeness-row"]', (els) => els.map((e) => e.getAttribute('data-status')));
    expect(rows).toEqual([...registry.children('688').map((_, i) => (i < 2 ? 'on_time' : 'missing')), null]);
    expect(await page.textContent('[data-testid="completeness-total"]')).toContain(`Đã nộp 2/${String(missing + 2)} · đúng hạn 2 · trễ hạn 0 · chưa nộp ${String(missing)} · không hợp lệ 0`);

    await page.click('[data-testid="write-current"]');
    await page.waitForSelector('[data-testid="consolidate-clash"]');
    await page.click('[data-testid="consolidate-replace"]');
    await page.waitForFunction(() => (document.querySelector('[data-testid="consolidate-note"]')?.textContent ?? '').startsWith('Đã ghi'));
    expect(await page.textContent('[data-testid="consolidate-note"]')).toBe('Đã ghi 8 trang vào sổ. Trang BieuDo: 4 biểu đồ tỷ lệ theo đơn vị, có đường mục tiêu.');
    const written = await page.evaluate(() => {
      const fake = (window as unknown as Win).__phuFake;
      const solieu = fake.sheet('SoLieu');
      return {
        sheets: fake.model.sheets.map((x) => x.name),
        keys: Array.from({ length: 40 }, (_, c) => solieu.value(2, c)),
        narrative: Array.from({ length: 40 }, (_, r) => fake.sheet('NhanXet').value(r, 0) ?? '').join(' '),
        charts: fake.sheet('BieuDo').charts.map((c) => ({ type: c.type, series: c.series.map((x) => x.chartType), title: c.title ?? '' })),
      };
    });
    expect(written.sheets).toEqual(expect.arrayContaining(['ThongTin', 'SoLieu', 'LyDo', 'KiemTra', 'NguonDuLieu', 'NhanXet', 'TinhHinhNop', 'BieuDo']));
    expect(written.sheets.filter((n) => n === 'SoLieu')).toHaveLength(1);
    expect(written.keys).toEqual(expect.arrayContaining(['cccd_change', 'ddt_change']));
    expect(written.narrative).toMatch(/So với đợt 1 \(02\/\d+ đơn vị có số liệu cả hai kỳ\): Căn cước công dân tăng 18/);
    expect(written.charts).toHaveLength(4);
    expect(written.charts[0]?.title).toBe('Căn cước công dân: tỷ lệ theo đơn vị (mục tiêu 100%)');
    expect(written.charts.every((c) => c.type === 'ColumnClustered' && c.series.join() === 'ColumnClustered,Line')).toBe(true);
    await page.screenshot({ path: join(OUTPUT, 'taskpane-tong-hop.png'), fullPage: true });
    expect(outside).toEqual([]);
  });

  it('switches to English and back', async () => {
    await page.click('[data-testid="switch-lang"]');
    expect(await page.textContent('[data-testid="tab-check"]')).toBe('Check');
    await page.click('[data-testid="switch-lang"]');
    expect(await page.textContent('[data-testid="tab-check"]')).toBe('Kiểm tra');
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

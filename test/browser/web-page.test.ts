import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { childTemplates, consolidateReports, inputFromPicked, readReports, unitTemplate } from '../../src/app';
import { renderTargetTable } from '../../src/core/campaign/render-target-table';
import { communeReport } from '../support/addin/campaign-fixtures';
import { FORM_4PHU_2024 } from '../../src/core/forms/form-4phu-2024';
import type { OutputBook } from '../../src/core/grid/output-book';
import type { Scalar } from '../../src/core/grid/scalar';
import { findSheet } from '../../src/core/grid/sheet-grid';
import { nationalRegistry } from '../../src/core/units/national-registry';
import { validateSubmission } from '../../src/core/validate/validate-submission';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { writeWorkbook } from '../../src/xlsx/write-workbook';
import { CHROMIUM, CHROMIUM_ARGS, DIST, freshProfile, OUTPUT, ROOT, serveDist } from './browser-harness';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
type AxeWindow = { axe: { run(context: Document, options: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown }> }> }> } };

/*
 * The standalone page (dist/web/index.html) in headless Chromium, with no
 * Office.js: a district's files dropped, the consolidated workbook
 * downloaded and read back; one faulty file checked; templates made. Every
 * request leaving the page's origin is refused and recorded.
 */

const WEB = join(DIST, 'web');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const registry = nationalRegistry();
const PARENT = '688';
const communes = registry.children(PARENT).slice(0, 3);

/** Builds dist/web/ unless `npm run build` already did. */
async function ensureWebDist(): Promise<void> {
  if (['index.html', 'web.js', 'read-worker.js', 'taskpane.css', 'web.css'].every((f) => existsSync(join(WEB, f)))) return;
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  await new Promise<void>((resolve, reject) => {
    execFile(process.execPath, [cli, '--mode', 'production', '--config-name', 'web'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (err, _out, stderr) => (err ? reject(new Error(`webpack failed: ${stderr || err.message}`)) : resolve()));
  });
}

/** A commune's report with two faults in SoLieu: a number typed as text and a negative number. */
function faultyReport(code: string): OutputBook {
  const book = communeReport(registry, code, { seed: 7, period: 'TK' });
  return {
    sheets: book.sheets.map((s) => {
      if (s.name !== 'SoLieu') return s;
      const rows = s.rows.map((r) => [...r]);
      const row = rows[3] as Scalar[];
      row[4] = '1.234';
      row[5] = -3;
      return { ...s, rows };
    }),
  };
}

/** The main table's row of unit `code` (the total row: `TONG`), cell by column key (row 3 holds the keys). */
function mainRow(rows: readonly (readonly Scalar[] | undefined)[], code: string): Record<string, Scalar> {
  const keys = rows[2] ?? [];
  const at = keys.indexOf('unit_code');
  const row = rows.find((r, i) => i > 2 && r?.[at] !== undefined && String(r[at]) === code);
  if (!row) throw new Error(`no row ${code}`);
  return Object.fromEntries(keys.map((k, i) => [String(k), row[i] ?? null]));
}

/** SoLieu's rows of a workbook (written by PHU's writer, or downloaded), as read back. */
async function soLieuOf(bytes: Uint8Array): Promise<readonly (readonly Scalar[] | undefined)[]> {
  const read = await readWorkbook(bytes);
  const sheet = read.book ? findSheet(read.book, 'SoLieu') : undefined;
  if (!sheet) throw new Error('no SoLieu');
  return sheet.rows;
}

/** axe-core's serious and critical violations of the page as drawn now. */
async function seriousViolations(p: Page): Promise<string[]> {
  // Evaluated through the debugging protocol: the page's own policy allows no inline script.
  if (!(await p.evaluate(() => 'axe' in window))) await p.evaluate(AXE);
  const result = await p.evaluate(() => (window as unknown as AxeWindow).axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
}

let server: Server | undefined;
let context: BrowserContext | undefined;
let page: Page;
let profile: ReturnType<typeof freshProfile> | undefined;
let base = '';
const outside: string[] = [];
const pageErrors: string[] = [];
let district: Array<{ name: string; bytes: Uint8Array }> = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-chromium.sh (apt-get install -y chromium).`);
  await ensureWebDist();
  district = [];
  for (const [i, c] of communes.entries()) district.push({ name: `${c.code} ${c.name}.xlsx`, bytes: await writeWorkbook(communeReport(registry, c.code, { seed: i * 3, period: 'TK' })) });
  district.push({ name: 'ghi-chu.txt', bytes: new TextEncoder().encode('không phải báo cáo') });
  const served = await serveDist('', WEB);
  server = served.server;
  base = served.url;
  profile = freshProfile();
  context = await chromium.launchPersistentContext(profile.dir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 900, height: 1000 }, acceptDownloads: true });
  // Every request is routed: the page's own origin passes, anything else is refused and recorded.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${base}/`)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  await page.goto(`${base}/index.html`);
  await page.waitForSelector('[data-testid="run-consolidate"]');
}, 600_000);

afterAll(async () => {
  await context?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  profile?.dispose();
});

describe('the standalone web page in headless Chromium', () => {
  it('loads without Office.js, says it never uploads anything, and offers the forms and the map', async () => {
    const html = readFileSync(join(WEB, 'index.html'), 'utf8');
    expect(html).not.toMatch(/office\.js|https?:\/\//i);
    expect(await page.textContent('[data-testid="privacy"]')).toContain('không tải lên, không gửi đi tệp hay số liệu nào');
    expect(await page.$$eval('[data-testid="form"] option', (els) => els.map((e) => e.getAttribute('value')))).toEqual(['4PHU-2024', 'DVC25-2023']);
    expect(await page.$$eval('[data-testid="map"] option', (els) => els.length)).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });

  it('consolidates a dropped district offline: every file listed with its status, the downloaded workbook has the totals', async () => {
    // Once loaded, the page needs no network: the rest runs with the browser offline.
    await page.waitForLoadState('networkidle');
    await context?.setOffline(true);
    const payload = district.map((f) => ({ name: f.name, data: Buffer.from(f.bytes).toString('base64') }));
    // A drop, as the browser makes it from the person's files.
    const transfer = await page.evaluateHandle((files) => {
      const dt = new DataTransfer();
      for (const f of files) dt.items.add(new File([Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))], f.name, { lastModified: Date.UTC(2024, 6, 5) }));
      return dt;
    }, payload);
    await page.dispatchEvent('[data-testid="drop-zone"]', 'drop', { dataTransfer: transfer });
    await page.waitForFunction(() => (document.querySelector('[data-testid="files-note"]')?.textContent ?? '').startsWith('4 '));
    await page.fill('[data-testid="consolidate-parent"]', PARENT);
    expect(await page.textContent('[data-testid="consolidate-parent-name"]')).toBe('Thị xã Phước Long');
    await page.selectOption('[data-testid="consolidate-period"]', 'TK');
    await page.click('[data-testid="run-consolidate"]');
    await page.waitForSelector('[data-testid="download-consolidated"]', { timeout: 120_000 });
    const states = await page.$$eval('[data-testid="file-state"]', (els) => els.map((e) => `${e.getAttribute('data-name') ?? ''}:${e.getAttribute('data-status') ?? ''}`));
    expect(states.sort()).toEqual([...communes.map((c) => `${c.code} ${c.name}.xlsx:valid`), 'ghi-chu.txt:ignored'].sort());
    const missing = registry.children(PARENT).length - communes.length;
    // On time or late depends on today against the period's deadline; every commune counts as submitted.
    const summary = (await page.textContent('[data-testid="consolidate-summary"]')) ?? '';
    const [, onTime, late] = /(\d+) đúng hạn, (\d+) trễ hạn/.exec(summary) ?? [];
    expect(Number(onTime) + Number(late)).toBe(communes.length);
    expect(summary).toContain(`${String(missing)} chưa nộp, 0 không hợp lệ (trên ${String(missing + communes.length)} đơn vị)`);
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, 'web-tong-hop.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="download-consolidated"]')]);
    expect(download.suggestedFilename()).toBe(`${PARENT} Thị xã Phước Long TK.xlsx`);
    const read = await readWorkbook(new Uint8Array(readFileSync(await download.path())));
    if (!read.book) throw new Error('the downloaded workbook cannot be read');
    // The same consolidation made in Node from the same files: SoLieu identical.
    const req = { form: FORM_4PHU_2024, registry, parentCode: PARENT, period: 'TK' };
    const reports = await readReports(
      district.map((f) => inputFromPicked({ name: f.name, size: f.bytes.length, lastModified: Date.UTC(2024, 6, 5), arrayBuffer: () => Promise.resolve(f.bytes.slice().buffer) })),
      req,
      { reader: { readWorkbook } },
    );
    const expected = consolidateReports(reports, req);
    const here = await readWorkbook(await writeWorkbook(expected.book));
    expect(findSheet(read.book, 'SoLieu')?.rows).toEqual(here.book ? findSheet(here.book, 'SoLieu')?.rows : undefined);
    // And the totals are the communes' sums.
    const checked = validateSubmission(read.book, { form: FORM_4PHU_2024, registry });
    const total = checked.submission.tables.SoLieu?.total?.values;
    for (const key of ['cccd_done', 'ddt_done', 'phone4g_done', 'simcks_done']) {
      const sum = communes.reduce((s, c) => s + Number(checked.submission.tables.SoLieu?.rows.find((r) => r.code === c.code)?.values[key] ?? 0), 0);
      expect({ key, total: total?.[key] }).toEqual({ key, total: sum });
      expect(sum).toBeGreaterThan(0);
    }
    expect(expected.consolidation.total.values['cccd_done']).toBe(total?.['cccd_done']);
    expect(outside).toEqual([]);
  });

  it('compares with the previous period and checks against a target table, refusing a wrong file; the report date goes into the workbook', async () => {
    const form = FORM_4PHU_2024;
    const d2 = form.periods.find((p) => p.id === 'D2');
    if (!d2) throw new Error('fixture: no D2');
    const dayAfter = (iso: string): string => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    // Đợt 1 of the three communes, and the district's consolidated workbook of it: the previous period.
    const d1Books = communes.map((c, i) => communeReport(registry, c.code, { seed: i * 5, period: 'D1' }));
    const d1Files = await Promise.all(d1Books.map(async (b, i) => ({ name: `${communes[i]?.code ?? ''}.xlsx`, bytes: await writeWorkbook(b) })));
    const d1Req = { form, registry, parentCode: PARENT, period: 'D1', reportDate: '2024-05-10' };
    const d1Reports = await readReports(
      d1Files.map((f) => inputFromPicked({ name: f.name, size: f.bytes.length, lastModified: 0, arrayBuffer: () => Promise.resolve(f.bytes.slice().buffer) })),
      d1Req,
      { reader: { readWorkbook } },
    );
    const previous = await writeWorkbook(consolidateReports(d1Reports, d1Req).book);
    // Đợt 2: figures grown; the second commune reported after the deadline.
    const d2Books = communes.map((c, i) => communeReport(registry, c.code, { seed: i * 5, period: 'D2', shift: (i + 1) * 2, ...(i === 1 ? { reportDate: dayAfter(d2.due) } : {}) }));
    const d2Files = await Promise.all(d2Books.map(async (b, i) => ({ name: `${communes[i]?.code ?? ''} Đợt 2.xlsx`, mimeType: XLSX, buffer: Buffer.from(await writeWorkbook(b)) })));
    // Each commune's figures as its own file holds them (the total row).
    const own = (books: readonly OutputBook[], i: number): Record<string, Scalar> => mainRow(books[i]?.sheets.find((x) => x.name === 'SoLieu')?.rows ?? [], 'TONG');
    // The target table assigns the first two communes their own targets and the third one more than its file says.
    const targetKeys = ['cccd_target', 'ddt_target', 'phone4g_target', 'simcks_target'];
    const assigned = Object.fromEntries(
      communes.map((c, i) => [c.code, Object.fromEntries(targetKeys.map((k) => [k, Number(own(d2Books, i)[k]) + (i === 2 && k === 'cccd_target' ? 1 : 0)]))]),
    );
    const targetTable = Buffer.from(await writeWorkbook(renderTargetTable(form, communes, assigned)));

    await page.click('[data-testid="tab-consolidate"]');
    await page.setInputFiles('[data-testid="pick-files"]', d2Files);
    await page.fill('[data-testid="consolidate-parent"]', PARENT);
    await page.selectOption('[data-testid="consolidate-period"]', 'D2');
    expect(await page.textContent('[data-testid="pick-previous-chosen"]')).toBe('Chưa chọn tệp nào');
    expect(await seriousViolations(page)).toEqual([]);

    // A target table given as the previous period is refused, with a message, and nothing is consolidated.
    await page.setInputFiles('[data-testid="pick-previous"]', { name: 'chi-tieu.xlsx', mimeType: XLSX, buffer: targetTable });
    expect(await page.textContent('[data-testid="pick-previous-chosen"]')).toBe('chi-tieu.xlsx');
    await page.click('[data-testid="run-consolidate"]');
    await page.waitForSelector('[data-testid="consolidate-refused"]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="consolidate-refused"]')).toMatch(/^Tệp kỳ trước "chi-tieu\.xlsx" không đọc được như một báo cáo 4PHU-2024 \(\d+ lỗi\)\.$/);
    expect(await page.$('[data-testid="download-consolidated"]')).toBeNull();
    expect(await page.$$('[data-testid="file-state"]')).toHaveLength(0);
    // A commune's report given as the target table is refused too.
    await page.setInputFiles('[data-testid="pick-previous"]', { name: `${PARENT} D1.xlsx`, mimeType: XLSX, buffer: Buffer.from(previous) });
    await page.setInputFiles('[data-testid="pick-targets"]', { name: 'xa.xlsx', mimeType: XLSX, buffer: d2Files[0]?.buffer ?? Buffer.alloc(0) });
    await page.click('[data-testid="run-consolidate"]');
    await page.waitForFunction(() => (document.querySelector('[data-testid="consolidate-refused"]')?.textContent ?? '').includes('xa.xlsx'), undefined, { timeout: 60_000 });
    expect(await page.textContent('[data-testid="consolidate-refused"]')).toMatch(/^Bảng chỉ tiêu "xa\.xlsx" có \d+ lỗi: hãy sửa rồi chọn lại\.$/);

    await page.setInputFiles('[data-testid="pick-targets"]', { name: 'chi-tieu.xlsx', mimeType: XLSX, buffer: targetTable });
    await page.fill('[data-testid="report-date"]', '2024-09-30');
    await page.click('[data-testid="run-consolidate"]');
    await page.waitForSelector('[data-testid="download-consolidated"]', { timeout: 120_000 });
    expect(await page.textContent('[data-testid="consolidate-inputs"]')).toBe('So sánh với Đợt 1: 3 đơn vị có số liệu kỳ trước. Bảng chỉ tiêu "chi-tieu.xlsx": 3 đơn vị, 4 cột chỉ tiêu.');
    // The status list: the third commune invalid for its target, the second one's own report date after the deadline.
    const listed = await page.$$eval('[data-testid="file-state"]', (els) => els.map((e) => ({ name: e.getAttribute('data-name'), status: e.getAttribute('data-status'), codes: Array.from(e.querySelectorAll('[data-testid="finding"]')).map((f) => f.getAttribute('data-code')) })));
    expect(listed.map((x) => x.status)).toEqual(['valid', 'valid', 'invalid']);
    expect(listed[1]?.codes).toContain('late');
    expect(await page.textContent('[data-testid="file-state"]:nth-child(2) .phu-file-status')).toBe('Hợp lệ · 0 lỗi, 1 cảnh báo');
    expect(listed[2]?.codes).toContain('target_mismatch');
    expect(listed[0]?.codes).not.toContain('late');
    expect(await page.textContent('[data-testid="consolidate-summary"]')).toContain('1 đúng hạn, 1 trễ hạn');
    expect(await page.textContent('[data-testid="consolidate-summary"]')).toContain('1 không hợp lệ');
    expect(await seriousViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="download-consolidated"]')]);
    const bytes = new Uint8Array(readFileSync(await download.path()));
    const rows = await soLieuOf(bytes);
    const read = await readWorkbook(bytes);
    if (!read.book) throw new Error('the downloaded workbook cannot be read');
    expect(validateSubmission(read.book, { form, registry }).submission.info['report_date']).toBe('2024-09-30');
    for (const [i, c] of communes.entries()) {
      const row = mainRow(rows, c.code);
      const now = own(d2Books, i);
      const before = own(d1Books, i);
      if (i === 2) {
        // Invalid: neither figures nor change.
        expect({ target: row['cccd_target'] ?? null, change: row['cccd_change'] ?? null }).toEqual({ target: null, change: null });
        continue;
      }
      for (const k of targetKeys) expect({ code: c.code, k, v: row[k] }).toEqual({ code: c.code, k, v: assigned[c.code]?.[k] });
      for (const ind of ['cccd', 'ddt', 'phone4g', 'simcks']) {
        const change = Number(now[`${ind}_done`]) - Number(before[`${ind}_done`]);
        expect({ code: c.code, ind, change: row[`${ind}_change`] }).toEqual({ code: c.code, ind, change });
      }
    }
    // Each of the first commune's three villages did two more.
    expect(mainRow(rows, communes[0]?.code ?? '')['cccd_change']).toBe(6);
    const total = mainRow(rows, 'TONG');
    expect(total['cccd_target']).toBe(Number(assigned[communes[0]?.code ?? '']?.['cccd_target']) + Number(assigned[communes[1]?.code ?? '']?.['cccd_target']));
    await page.screenshot({ path: join(OUTPUT, 'web-tong-hop-ky-truoc.png'), fullPage: true });
    expect(outside).toEqual([]);
  });

  it('checks one faulty file and lists its findings with their cells', async () => {
    const bytes = await writeWorkbook(faultyReport(communes[0]?.code ?? ''));
    await page.click('[data-testid="tab-check"]');
    await page.setInputFiles('[data-testid="check-file"]', { name: 'loi.xlsx', mimeType: XLSX, buffer: Buffer.from(bytes) });
    await page.waitForSelector('[data-testid="check-summary"]', { timeout: 60_000 });
    const shown = await page.$$eval('[data-testid="finding"]', (els) => els.map((e) => `${e.getAttribute('data-severity') ?? ''} ${e.getAttribute('data-cell') ?? ''} ${e.getAttribute('data-code') ?? ''}`));
    const read = await readWorkbook(bytes);
    if (!read.book) throw new Error('fixture');
    const findings = validateSubmission(read.book, { form: FORM_4PHU_2024, registry, file: 'loi.xlsx' }).findings;
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    const want = [...errors, ...findings.filter((f) => f.severity !== 'error')].map((f) => `${f.severity} ${f.sheet ?? ''}!${f.cell ?? ''} ${f.code}`);
    expect(shown).toEqual(want);
    expect(shown).toContain('error SoLieu!E4 number_as_text');
    expect(await page.textContent('[data-testid="check-summary"]')).toContain(`loi.xlsx: ${String(errors.length)} lỗi`);
    await page.screenshot({ path: join(OUTPUT, 'web-kiem-tra.png'), fullPage: true });
  });

  it('makes one template, then one per unit below as files and as a zip', async () => {
    await page.click('[data-testid="tab-template"]');
    await page.fill('[data-testid="template-unit"]', PARENT);
    await page.selectOption('[data-testid="template-period"]', 'D1');
    await page.click('[data-testid="run-template"]');
    await page.waitForSelector('[data-testid="template-note"]');
    const [one] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="template-download"]')]);
    expect(one.suggestedFilename()).toBe(`${PARENT} Thị xã Phước Long.xlsx`);
    const tpl = await readWorkbook(new Uint8Array(readFileSync(await one.path())));
    if (!tpl.book) throw new Error('the template is not a workbook');
    expect(validateSubmission(tpl.book, { form: FORM_4PHU_2024, registry }).submission.info).toMatchObject({ unit_code: PARENT, period: 'D1' });
    // The page's template is src/app's, as the command line and the task pane make it: SoLieu equal cell by cell.
    const appMade = unitTemplate(FORM_4PHU_2024, registry, PARENT, 'D1');
    expect(await soLieuOf(new Uint8Array(readFileSync(await one.path())))).toEqual(await soLieuOf(await writeWorkbook(appMade.book)));

    await page.click('[data-testid="run-unit-templates"]');
    await page.waitForSelector('[data-testid="unit-templates"]', { timeout: 120_000 });
    const children = registry.children(PARENT);
    expect(await page.$$eval('[data-testid="unit-template"]', (els) => els.map((e) => e.getAttribute('data-name')))).toEqual(children.map((c) => `${c.code} ${c.name}.xlsx`));
    const [zip] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="templates-zip"]')]);
    const entries = unzipSync(new Uint8Array(readFileSync(await zip.path())));
    expect(Object.keys(entries).map((p) => p.slice(p.lastIndexOf('/') + 1))).toEqual(children.map((c) => `${c.code} ${c.name}.xlsx`));
    const appChildren = childTemplates(FORM_4PHU_2024, registry, PARENT, 'D1').templates;
    expect(Object.keys(entries)).toEqual(appChildren.map((m) => m.path));
    for (const m of appChildren) expect({ path: m.path, rows: await soLieuOf(entries[m.path] ?? new Uint8Array()) }).toEqual({ path: m.path, rows: await soLieuOf(await writeWorkbook(m.book)) });
    const first = Object.values(entries)[0];
    const firstRead = first ? await readWorkbook(first) : undefined;
    if (!firstRead?.book) throw new Error('the zipped template is not a workbook');
    expect(validateSubmission(firstRead.book, { form: FORM_4PHU_2024, registry }).submission.info).toMatchObject({ unit_code: children[0]?.code, parent_code: PARENT, period: 'D1' });
    await page.screenshot({ path: join(OUTPUT, 'web-bieu-mau.png'), fullPage: true });
  });

  it('needed no network after loading', async () => {
    await context?.setOffline(false);
    expect(pageErrors).toEqual([]);
  });

  it('gives up a file past the reading deadline with a finding, the worker replaced, the page still working', async () => {
    const other = await context?.newPage();
    if (!other) throw new Error('no page');
    other.on('pageerror', (e) => pageErrors.push(e.message));
    // A deadline of a millisecond: no file can be read in it.
    await other.goto(`${base}/index.html?deadline=0.001`);
    await other.click('[data-testid="tab-check"]');
    for (const round of [1, 2]) {
      await other.setInputFiles('[data-testid="check-file"]', { name: `cham-${String(round)}.xlsx`, mimeType: XLSX, buffer: Buffer.from(district[0]?.bytes ?? new Uint8Array()) });
      await other.waitForFunction((r) => (document.querySelector('[data-testid="check-summary"]')?.textContent ?? '').includes(`cham-${String(r)}.xlsx`), round);
      const shown = await other.$$eval('[data-testid="finding"]', (els) => els.map((e) => `${e.getAttribute('data-code') ?? ''}|${e.textContent ?? ''}`));
      expect(shown).toHaveLength(1);
      expect(shown[0]).toMatch(/^file_read_too_long\|.*đọc quá lâu/);
    }
    await other.close();
  });

  it('switches to English and back; nothing ever left the page\'s origin', async () => {
    await page.click('[data-testid="switch-lang"]');
    expect(await page.textContent('[data-testid="tab-check"]')).toBe('Check a file');
    expect(await page.textContent('[data-testid="privacy"]')).toContain('uploads and sends no file');
    await page.click('[data-testid="tab-consolidate"]');
    expect(await page.textContent('[data-testid="panel-consolidate"]')).toContain('Previous period’s consolidation (optional)');
    expect(await page.textContent('[data-testid="pick-targets"] + .phu-file-button')).toBe('Choose file…');
    expect(await page.textContent('[data-testid="consolidate-inputs"]')).toBe('Compared with Đợt 1: 3 units have figures of that period. Target table "chi-tieu.xlsx": 3 units, 4 target columns.');
    await page.click('[data-testid="switch-lang"]');
    expect(await page.textContent('[data-testid="tab-check"]')).toBe('Kiểm tra tệp');
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { FORM_4PHU_2024 } from '../../src/core/forms/form-4phu-2024';
import { nationalRegistry } from '../../src/core/units/national-registry';
import { validateSubmission } from '../../src/core/validate/validate-submission';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { writeWorkbook } from '../../src/xlsx/write-workbook';
import { communeReport } from '../support/addin/campaign-fixtures';
import type { FakeExcelHost } from '../support/addin/fake-excel';
import type { FakeNestedAppAuthBridge } from '../support/addin/fake-nested-auth';
import { LIBRARY_NAME, type GraphTestServer } from '../graph/graph-test-server';
import { startGraphServer, type StartedGraphServer } from '../support/start-graph-server';
import { buildFakeOffice, CHROMIUM, CHROMIUM_ARGS, DIST, ensureDist, freshProfile, OUTPUT, serveDist } from './browser-harness';

/*
 * SharePoint from the built task pane: a production build configured with a
 * client id (as a real deployment is), in headless Chromium. The stand-in
 * Office signs the person in as Office does (nested app authentication),
 * and the pane's calls to Microsoft Graph are answered by the loopback
 * Graph-compatible server (test/graph), so nothing leaves the machine: the
 * page still talks to graph.microsoft.com, and the test routes those calls
 * (and the server's download URLs) to 127.0.0.1.
 */

type Win = { __phuFake: FakeExcelHost; __phuFakeAuth: FakeNestedAppAuthBridge };

const GRAPH = 'https://graph.microsoft.com/v1.0';
const CLIENT_ID = '11111111-2222-4333-8444-555555555555';
const TOKEN = 'phu-browser-test-token-7f3a';
const USER = 'canbo.phuoclong@example.vn';
const DRIVE = 'b!phu-browser-test';
const SOURCE = '4PHU-2024/D1/688 Thị xã Phước Long';
const PUSHED = '4PHU-2024/D1/70 Tỉnh Bình Phước/688 Thị xã Phước Long.xlsx';

const registry = nationalRegistry();
const communes = registry.children('688');
const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

let started: StartedGraphServer | undefined;
let graph: GraphTestServer;
let server: Server | undefined;
let context: BrowserContext | undefined;
let page: Page;
let profile: ReturnType<typeof freshProfile> | undefined;
let base = '';
const outside: string[] = [];
const pageErrors: string[] = [];
const consoleText: string[] = [];
/** sha256 of every body the page PUT to Graph, in order. */
const putBodies: Array<{ path: string; sha256: string }> = [];

/** Who the stand-in Office has signed in. */
async function signInAs(user: string | undefined): Promise<void> {
  await page.evaluate(([token, name]) => {
    (window as unknown as Win).__phuFakeAuth.user = name === undefined ? undefined : { accessToken: token ?? '', username: name };
  }, [TOKEN, user] as const);
}

function stored(path: string): { sha256: string; version: number; bytes: Buffer } | undefined {
  const node = graph.drive(DRIVE).byPath(path.split('/'));
  return node && !node.isFolder ? { sha256: graph.drive(DRIVE).sha256(node), version: node.version, bytes: node.bytes } : undefined;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-chromium.sh (apt-get install -y chromium).`);
  started = await startGraphServer({ tokens: [TOKEN], drives: [DRIVE] });
  graph = started.server;
  const d = graph.drive(DRIVE);
  for (const [i, c] of communes.slice(0, 3).entries()) d.seed(`${SOURCE}/${c.code} ${c.name}.xlsx`, Buffer.from(await writeWorkbook(communeReport(registry, c.code, { seed: i * 3 }))));
  // A file with negative counts ("chưa có nhu cầu" below zero): read, invalid, left out of the totals.
  const wrong = communes[3];
  if (!wrong) throw new Error('fixture');
  d.seed(`${SOURCE}/${wrong.code} ${wrong.name}.xlsx`, Buffer.from(await writeWorkbook(communeReport(registry, wrong.code, { seed: 9, shift: 30 }))));
  d.seed(`${SOURCE}/ghi-chu.txt`, Buffer.from('không phải báo cáo'));
  d.seed(`${SOURCE}/cu/bản cũ.xlsx`, Buffer.from('cũ'));
  // One unit's D2 form already there: uploading the templates leaves it alone.
  const kept = communes[1];
  if (!kept) throw new Error('fixture');
  d.seed(`4PHU-2024/D2/688 Thị xã Phước Long/${kept.code} ${kept.name}.xlsx`, Buffer.from('bản của đơn vị'));

  await ensureDist();
  const fake = await buildFakeOffice('fake-office-sharepoint.js');
  // One build for every province: the IT officer's file next to the add-in sets SharePoint up.
  const served = await serveDist(fake, DIST, { 'phu-config.json': JSON.stringify({ tenant: 'binhphuoc.gov.vn', clientId: CLIENT_ID, contact: 'Phòng CNTT, Sở Khoa học và Công nghệ' }) });
  server = served.server;
  base = served.url;
  profile = freshProfile();
  // The loopback server's certificate is the test's own: only Playwright's forwarding below trusts it, Chromium never sees it.
  context = await chromium.launchPersistentContext(profile.dir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 420, height: 1000 }, ignoreHTTPSErrors: true });
  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = request.url();
    if (url.startsWith(base) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    const toApi = url.startsWith(`${GRAPH}/`);
    if (toApi || url.startsWith(`${graph.filesBase}/`)) {
      if (request.method() === 'PUT' && toApi) putBodies.push({ path: decodeURIComponent(new URL(url).pathname), sha256: sha256(request.postDataBuffer() ?? Buffer.alloc(0)) });
      const response = await route.fetch({ url: toApi ? graph.apiBase + url.slice(GRAPH.length) : url, maxRedirects: 0 });
      return route.fulfill({ response });
    }
    outside.push(url);
    return route.abort();
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => consoleText.push(m.text()));
  await page.goto(`${base}/taskpane.html`);
  await page.waitForSelector('[data-testid="run-check"]');
}, 300_000);

afterAll(async () => {
  await context?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await started?.close();
  profile?.dispose();
});

describe('SharePoint in the task pane (configured build, loopback Graph)', () => {
  it('signs in through Office and browses the library: breadcrumb, folders, files', async () => {
    await page.click('[data-testid="tab-consolidate"]');
    await page.fill('[data-testid="consolidate-parent"]', '688');
    await page.selectOption('[data-testid="consolidate-period"]', 'D1');
    await page.check('[data-testid="source-sharepoint"]');
    const src = '[data-testid="source-browser"]';
    expect(await page.$(`${src} [data-testid="sp-problem"]`)).toBeNull();
    // Nobody signed in to Office yet: the pane says so and stays signed out.
    await signInAs(undefined);
    // The folder's link as SharePoint's "Copy link" gives it: the library here; no drive id anywhere.
    await page.fill(`${src} [data-testid="sp-link"]`, `${graph.filesBase}/sites/${encodeURIComponent(DRIVE)}/${encodeURIComponent(LIBRARY_NAME)}`);
    await page.click(`${src} [data-testid="sp-connect"]`);
    await page.waitForSelector(`${src} [data-testid="sp-error"]`);
    expect(await page.textContent(`${src} [data-testid="sp-error"]`)).toContain('Đã hủy đăng nhập');
    await signInAs(USER);
    await page.click(`${src} [data-testid="sp-connect"]`);
    await page.waitForSelector(`${src} [data-testid="sp-account"]`);
    expect(await page.textContent(`${src} [data-testid="sp-account"]`)).toBe(`Đã đăng nhập ${USER} · ${LIBRARY_NAME}`);
    expect(await page.evaluate(() => document.body.innerText)).not.toContain(DRIVE);
    for (const name of ['4PHU-2024', 'D1', '688 Thị xã Phước Long']) {
      await page.click(`${src} [data-testid="sp-item"][data-kind="folder"][data-name="${name}"]`);
      await page.waitForSelector(`${src} [data-testid="sp-item"], ${src} [data-testid="sp-missing"]`);
    }
    await page.waitForSelector(`${src} [data-testid="sp-crumbs"][data-folder="${SOURCE}"]`);
    const listed = await page.$$eval(`${src} [data-testid="sp-item"]`, (els) => els.map((e) => `${e.getAttribute('data-kind') ?? ''}:${e.getAttribute('data-name') ?? ''}`));
    expect(listed).toEqual(['folder:cu', ...communes.slice(0, 4).map((c) => `file:${c.code} ${c.name}.xlsx`), 'file:ghi-chu.txt']);
    // The breadcrumb goes back up; the conventional folder is one click away.
    await page.click(`${src} [data-testid="sp-crumb"][data-path=""]`);
    await page.waitForSelector(`${src} [data-testid="sp-crumbs"][data-folder=""]`);
    await page.click('[data-testid="source-convention"]');
    await page.waitForSelector(`${src} [data-testid="sp-crumbs"][data-folder="${SOURCE}"]`);
    expect(await page.textContent('[data-testid="source-folder"]')).toContain(SOURCE);
    expect(await page.evaluate(() => (window as unknown as Win).__phuFakeAuth.requests.slice(0, 1))).toEqual(['GetInitContext']);
  });

  it('consolidates the folder with each file’s status and shows completeness at a glance', async () => {
    await page.click('[data-testid="run-consolidate"]');
    await page.waitForSelector('[data-testid="consolidate-summary"]', { timeout: 60_000 });
    const states = await page.$$eval('[data-testid="file-state"]', (els) => els.map((e) => [e.getAttribute('data-name'), e.getAttribute('data-status')]));
    expect(Object.fromEntries(states)).toEqual({
      ...Object.fromEntries(communes.slice(0, 3).map((c) => [`${c.code} ${c.name}.xlsx`, 'valid'])),
      [`${communes[3]?.code ?? ''} ${communes[3]?.name ?? ''}.xlsx`]: 'invalid',
      'ghi-chu.txt': 'ignored',
      cu: 'ignored',
    });
    const rows = await page.$$eval('[data-testid="completeness-row"]', (els) => els.map((e) => [e.getAttribute('data-code'), e.getAttribute('data-status')]));
    expect(rows).toEqual([...communes.map((c, i) => [c.code, i < 3 ? 'on_time' : i === 3 ? 'invalid' : 'missing']), ['TONG', null]]);
    expect(await page.textContent('[data-testid="completeness-total"]')).toContain(`Đã nộp 4/${String(communes.length)} · đúng hạn 3 · trễ hạn 0 · chưa nộp ${String(communes.length - 4)} · không hợp lệ 1`);
    // Only the API host got the token; the pre-authorized download URLs got none.
    expect(graph.records.filter((r) => r.kind === 'download').length).toBe(5);
    expect(graph.records.filter((r) => r.host === 'files').every((r) => r.authorization === undefined)).toBe(true);
    expect(graph.records.filter((r) => r.host === 'api').every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, 'sharepoint-tong-hop.png'), fullPage: true });
  });

  it('Gửi lên cấp trên sends the consolidated workbook into the parent’s folder; the bytes arrive intact', async () => {
    const push = '[data-testid="push-browser"]';
    await page.waitForSelector(`${push} [data-testid="sp-crumbs"][data-folder="4PHU-2024/D1/70 Tỉnh Bình Phước"]`);
    expect(await page.$(`${push} [data-testid="sp-missing"]`)).not.toBeNull();
    expect(await page.textContent('[data-testid="push-to"]')).toBe(`Gửi tới: ${PUSHED}`);
    await page.click('[data-testid="push-run"]');
    await page.waitForSelector('[data-testid="push-sent"]');
    // The first PUT finds no folder (404); the drive creates it and sends the same bytes again.
    const put = putBodies.filter((p) => p.path.endsWith('688 Thị xã Phước Long.xlsx:/content'));
    expect(put.length).toBeGreaterThan(0);
    expect(new Set(put.map((p) => p.sha256)).size).toBe(1);
    const landed = stored(PUSHED);
    expect(landed?.sha256).toBe(put[0]?.sha256);
    expect(landed?.version).toBe(1);
    const read = await readWorkbook(new Uint8Array(landed?.bytes ?? Buffer.alloc(0)));
    if (!read.book) throw new Error('the pushed file is not a workbook');
    const sent = validateSubmission(read.book, { form: FORM_4PHU_2024, registry });
    expect(sent.submission.info).toMatchObject({ unit_code: '688', period: 'D1', parent_code: '70' });
    expect(read.book.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['SoLieu', 'TinhHinhNop', 'NguonDuLieu']));
    expect(read.book.sheets.map((s) => s.name)).not.toContain('BieuDo');
    expect(JSON.stringify(read.book)).not.toContain(TOKEN);
  });

  it('does not overwrite an existing file unless Thay thế is clicked, and then only the version shown', async () => {
    const first = stored(PUSHED);
    await page.click('[data-testid="push-run"]');
    await page.waitForSelector('[data-testid="push-exists"]');
    expect(await page.textContent('[data-testid="push-exists"] p')).toMatch(/^Thư mục đã có tệp "688 Thị xã Phước Long.xlsx" \(sửa lần cuối \d\d\/\d\d\/\d{4} \d\d:\d\d\)/);
    expect(stored(PUSHED)).toEqual(first);

    // Someone replaces the file after the pane showed it: the pane's eTag is stale.
    const theirs = Buffer.from('bản tổng hợp do người khác sửa');
    graph.drive(DRIVE).seed(PUSHED, theirs);
    await page.click('[data-testid="push-replace"]');
    await page.waitForSelector('[data-testid="push-changed"]');
    expect(await page.textContent('[data-testid="push-changed"]')).toMatch(/^Ai đó vừa thay đổi "688 Thị xã Phước Long.xlsx" .* không ghi đè gì\. Cả hai bản vẫn còn/);
    expect(stored(PUSHED)?.sha256).toBe(sha256(theirs));
    expect(graph.records.some((r) => r.kind === 'content' && r.status === 412)).toBe(true);

    // Shown again, replaced on purpose: exactly the workbook the pane sent the first time.
    await page.click('[data-testid="push-run"]');
    await page.waitForSelector('[data-testid="push-exists"]');
    await page.click('[data-testid="push-replace"]');
    await page.waitForSelector('[data-testid="push-sent"]');
    expect(await page.textContent('[data-testid="push-sent"]')).toBe('Đã thay thế "688 Thị xã Phước Long.xlsx" trong 4PHU-2024/D1/70 Tỉnh Bình Phước.');
    expect(stored(PUSHED)?.sha256).toBe(first?.sha256);
    expect(stored(PUSHED)?.version).toBe(3);
    await page.screenshot({ path: join(OUTPUT, 'sharepoint-gui-len.png'), fullPage: true });
  });

  it('writes the consolidation into Excel with the BieuDo charts', async () => {
    await page.click('[data-testid="write-current"]');
    await page.waitForFunction(() => (document.querySelector('[data-testid="consolidate-note"]')?.textContent ?? '').startsWith('Đã ghi'));
    const charts = await page.evaluate(() => (window as unknown as Win).__phuFake.sheet('BieuDo').charts.map((c) => ({ type: c.type, series: c.series.length, line: c.series[1]?.chartType, title: c.title })));
    expect(charts).toHaveLength(4);
    expect(charts.every((c) => c.type === 'ColumnClustered' && c.series === 2 && c.line === 'Line')).toBe(true);
    expect(charts[0]?.title).toBe('Căn cước công dân: tỷ lệ theo đơn vị (mục tiêu 100%)');
  });

  it('Tạo biểu mẫu uploads one form per unit into its conventional folder, leaving an existing one alone', async () => {
    await page.click('[data-testid="tab-template"]');
    await page.fill('[data-testid="template-unit"]', '688');
    await page.selectOption('[data-testid="template-period"]', 'D2');
    await page.click('[data-testid="run-unit-templates"]');
    await page.waitForSelector('[data-testid="unit-templates"]');
    // Signed in once for the whole pane: the upload is offered at once.
    await page.click('[data-testid="template-browser"] [data-testid="sp-crumb"][data-path=""]');
    await page.click('[data-testid="templates-upload"]');
    await page.waitForFunction(() => (document.querySelector('[data-testid="unit-templates-note"]')?.textContent ?? '').startsWith('Đã tải lên'));
    const statuses = await page.$$eval('[data-testid="unit-template"]', (els) => els.map((e) => e.getAttribute('data-status')));
    expect(statuses).toEqual(communes.map((_, i) => (i === 1 ? 'exists' : 'uploaded')));
    expect(await page.textContent('[data-testid="unit-templates-note"]')).toBe(`Đã tải lên ${String(communes.length - 1)}/${String(communes.length)} tệp; 1 tệp đã có nên không ghi đè.`);
    const kept = communes[1];
    expect(stored(`4PHU-2024/D2/688 Thị xã Phước Long/${kept?.code ?? ''} ${kept?.name ?? ''}.xlsx`)?.bytes.toString()).toBe('bản của đơn vị');
    const c0 = communes[0];
    const made = stored(`4PHU-2024/D2/688 Thị xã Phước Long/${c0?.code ?? ''} ${c0?.name ?? ''}.xlsx`);
    const read = await readWorkbook(new Uint8Array(made?.bytes ?? Buffer.alloc(0)));
    if (!read.book) throw new Error('the uploaded template is not a workbook');
    expect(validateSubmission(read.book, { form: FORM_4PHU_2024, registry }).submission.info).toMatchObject({ unit_code: c0?.code, period: 'D2', parent_code: '688' });
  });

  it('never shows or logs the token, and reaches nothing outside the loopback servers', async () => {
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(TOKEN);
    expect(consoleText.filter((t) => t.includes(TOKEN))).toEqual([]);
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { consolidateReports } from '../../src/app/consolidate-files';
import { inputFromPicked } from '../../src/app/input-file';
import { readReports } from '../../src/app/read-reports';
import { FORM_4PHU_2024 } from '../../src/core/forms/form-4phu-2024';
import { localIsoToday } from '../../src/core/consolidate/parent-info';
import { nationalRegistry } from '../../src/core/units/national-registry';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { writeWorkbook } from '../../src/xlsx/write-workbook';
import { communeReport } from '../support/addin/campaign-fixtures';
import { buildFakeOffice, CHROMIUM, CHROMIUM_ARGS, DIST, ensureDist, freshProfile, OUTPUT, serveDist } from './browser-harness';

/*
 * The built task pane in headless Chromium reads every file in its reading
 * worker (dist/read-worker.js). The test serves, in place of that script, a
 * wrapper around it that gets stuck for good in a file starting with
 * "HANG!" (as a worker does in a hostile file) and dies on one starting
 * with "CRASH" (as out of memory), and reads every other file with the real
 * worker: the pane must give those two files their findings, stop the stuck
 * worker, and still sum the valid communes.
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const WRAPPER = `
importScripts('read-worker.js?real');
const real = self.onmessage;
self.onmessage = (event) => {
  const mark = String.fromCharCode(...new Uint8Array(event.data.bytes).subarray(0, 5));
  if (mark === 'HANG!') for (;;) {}
  if (mark === 'CRASH') throw new Error('the reading worker died');
  real(event);
};`;

let server: Server | undefined;
let context: BrowserContext | undefined;
let profile: ReturnType<typeof freshProfile> | undefined;
let base = '';
const outside: string[] = [];
const pageErrors: string[] = [];
const registry = nationalRegistry();
const communes = registry.children('688').slice(0, 2);
type Upload = { name: string; mimeType: string; buffer: Buffer };
const valid: Upload[] = [];
const hang: Upload = { name: '0 treo.xlsx', mimeType: XLSX, buffer: Buffer.from('HANG! not a workbook, and never answered') };
const crash: Upload = { name: '1 nang.xlsx', mimeType: XLSX, buffer: Buffer.from('CRASH not a workbook, and its worker dies') };

/** A fresh pane at `query` (the reading deadline), on the Tổng hợp tab. */
async function openPane(query: string): Promise<Page> {
  if (!context) throw new Error('no browser');
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${base}/taskpane.html${query}`);
  await page.waitForSelector('[data-testid="tab-consolidate"]');
  await page.click('[data-testid="tab-consolidate"]');
  await page.fill('[data-testid="consolidate-parent"]', '688');
  await page.selectOption('[data-testid="consolidate-period"]', 'D2');
  return page;
}

beforeAll(async () => {
  // Fails, never skips, without the browser: CI installs it with scripts/ensure-chromium.sh.
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-chromium.sh (apt-get install -y chromium).`);
  await ensureDist();
  if (!existsSync(join(DIST, 'read-worker.js'))) throw new Error('dist/read-worker.js is missing: the add-in build must make the reading worker');
  for (const [i, c] of communes.entries()) valid.push({ name: `${c.code}.xlsx`, mimeType: XLSX, buffer: Buffer.from(await writeWorkbook(communeReport(registry, c.code, { seed: i * 5, period: 'D2' }))) });
  const served = await serveDist(await buildFakeOffice('fake-office-read-worker.js'));
  server = served.server;
  base = served.url;
  profile = freshProfile();
  context = await chromium.launchPersistentContext(profile.dir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 420, height: 900 }, acceptDownloads: true });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === `${base}/read-worker.js`) return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: WRAPPER });
    if (url.startsWith(base) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
}, 240_000);

afterAll(async () => {
  await context?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  profile?.dispose();
});

describe('task pane: every file read in a worker under a deadline', () => {
  it('gives a stuck file file_read_too_long and a dying one file_too_complex, and still sums the valid communes', async () => {
    // A deadline of 15 s instead of 30: long enough for a commune, and the stuck file costs all of it.
    const page = await openPane('?deadline=15');
    await page.setInputFiles('[data-testid="pick-files"]', [...valid, hang, crash]);
    await page.click('[data-testid="run-consolidate"]');
    await page.waitForSelector('[data-testid="consolidate-summary"]', { timeout: 120_000 });
    const states = await page.$$eval('[data-testid="file-state"]', (els) => els.map((e) => [e.getAttribute('data-name'), e.getAttribute('data-status')]));
    expect(states).toEqual([
      ['0 treo.xlsx', 'invalid'],
      ['1 nang.xlsx', 'invalid'],
      [valid[0]?.name, 'valid'],
      [valid[1]?.name, 'valid'],
    ]);
    const codes = await page.$$eval('[data-testid="file-state"]', (els) => els.map((e) => Array.from(e.querySelectorAll('[data-testid="file-finding"]'), (f) => f.getAttribute('data-code'))));
    expect(codes.slice(0, 2)).toEqual([['file_read_too_long'], ['file_too_complex']]);
    const texts = await page.$$eval('[data-testid="file-finding"]', (els) => els.map((e) => e.textContent ?? ''));
    expect(texts.join(' ')).toContain('đọc quá lâu');
    expect(texts.join(' ')).toContain('quá phức tạp');
    expect(await page.textContent('[data-testid="consolidate-summary"] p')).toContain('2 đúng hạn, 0 trễ hạn');

    // The figures are those of the two communes alone, read in this thread.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="save-file"]')]);
    const saved = await readWorkbook(new Uint8Array(readFileSync(await download.path())));
    const req = { form: FORM_4PHU_2024, registry, parentCode: '688', period: 'D2', reportDate: localIsoToday() };
    const inputs = valid.map((f) => inputFromPicked({ name: f.name, size: f.buffer.length, lastModified: 0, arrayBuffer: () => Promise.resolve(new Uint8Array(f.buffer).buffer) }));
    const alone = await readWorkbook(await writeWorkbook(consolidateReports(await readReports(inputs, req, { reader: { readWorkbook } }), req).book));
    const sheet = (read: typeof saved, name: string): unknown => read.book?.sheets.find((s) => s.name === name)?.rows;
    expect(sheet(saved, 'SoLieu')).toBeDefined();
    expect(sheet(saved, 'SoLieu')).toEqual(sheet(alone, 'SoLieu'));
    // Both refused files are listed among the sources.
    expect(JSON.stringify(sheet(saved, 'NguonDuLieu'))).toContain('0 treo.xlsx');
    expect(JSON.stringify(sheet(saved, 'NguonDuLieu'))).toContain('1 nang.xlsx');
    await page.screenshot({ path: join(OUTPUT, 'taskpane-doc-qua-lau.png'), fullPage: true });
    await page.close();
  }, 180_000);

  it('Hủy stops a worker stuck in a file at once, without waiting for the deadline, and the pane reads again', async () => {
    // A deadline of ten minutes: only Hủy can end this run within the test's time.
    const page = await openPane('?deadline=600');
    await page.setInputFiles('[data-testid="pick-files"]', [hang, ...valid]);
    await page.click('[data-testid="run-consolidate"]');
    await page.waitForSelector('[data-testid="file-state"][data-name="0 treo.xlsx"][data-status="reading"]');
    await page.click('[data-testid="cancel-consolidate"]');
    await page.waitForFunction(() => (document.querySelector('[data-testid="consolidate-note"]')?.textContent ?? '').startsWith('Đã hủy tổng hợp'), undefined, { timeout: 60_000 });
    expect(await page.$$('[data-testid="consolidate-summary"]')).toHaveLength(0);
    // The next run reads in a new worker.
    await page.setInputFiles('[data-testid="pick-files"]', valid);
    await page.click('[data-testid="run-consolidate"]');
    await page.waitForSelector('[data-testid="consolidate-summary"]', { timeout: 120_000 });
    expect(await page.$$eval('[data-testid="file-state"]', (els) => els.map((e) => e.getAttribute('data-status')))).toEqual(['valid', 'valid']);
    await page.close();
  }, 180_000);

  it('needed nothing from the network, and the page raised no error', () => {
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Scalar } from '../../src/core/grid/scalar';
import type { WorkbookGrid } from '../../src/core/grid/sheet-grid';
import type { FakeExcelHost } from '../support/addin/fake-excel';
import { dateToSerial } from '../support/addin/fake-excel';
import { faultyCommuneGrid } from '../support/addin/sample-books';
import { buildFakeOffice, CHROMIUM, CHROMIUM_ARGS, ensureDist, OUTPUT, serveDist } from './browser-harness';

/*
 * The built task pane as an official sees it: at 320 and 420 px, in the
 * light, dark and Windows high-contrast (forced colours) modes, with
 * axe-core run in the page after each tab is drawn. Screenshots of every
 * mode go to test-output/browser/pane-<mode>-<width>-<tab>.png.
 */

type Win = { __phuFake: FakeExcelHost; axe: { run(context: Document, options: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown }> }> }> } };

type Mode = 'light' | 'dark' | 'forced';
const MODES: readonly Mode[] = ['light', 'dark', 'forced'];
const WIDTHS = [320, 420] as const;
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

function pageGrid(grid: WorkbookGrid): { sheets: Array<{ name: string; rows: Scalar[][] }> } {
  return { sheets: grid.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => (r ?? []).map((v) => (v instanceof Date ? dateToSerial(v) : v))) })) };
}

let server: Server | undefined;
let browser: Browser | undefined;
let base = '';
const { grid } = faultyCommuneGrid();

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-chromium.sh (apt-get install -y chromium).`);
  await ensureDist();
  const fake = await buildFakeOffice('fake-office-views.js');
  const served = await serveDist(fake);
  server = served.server;
  base = served.url;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  mkdirSync(OUTPUT, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** A fresh pane (Vietnamese, nothing kept) at `width` in `mode`, nothing reached outside the loopback server. */
async function openPane(width: number, mode: Mode): Promise<{ page: Page; errors: string[]; outside: string[]; close(): Promise<void> }> {
  if (!browser) throw new Error('no browser');
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  const outside: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.emulateMedia(mode === 'forced' ? { forcedColors: 'active', colorScheme: 'light' } : { forcedColors: 'none', colorScheme: mode });
  await page.goto(`${base}/taskpane.html`);
  await page.waitForSelector('[data-testid="run-check"]');
  await page.evaluate((g) => {
    const fake = (window as unknown as Win).__phuFake;
    fake.loadGrid(g);
  }, pageGrid(grid));
  return { page, errors, outside, close: () => context.close() };
}

/** axe-core's serious and critical violations of the page as drawn now. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(() => (window as unknown as Win).axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
}

async function shot(page: Page, mode: Mode, width: number, tab: string): Promise<void> {
  await page.screenshot({ path: join(OUTPUT, `pane-${mode}-${String(width)}-${tab}.png`), fullPage: true });
}

describe.each(MODES)('the pane in %s mode', (mode) => {
  it.each(WIDTHS)('at %i px: tabs on one row, every tab free of serious accessibility violations, screenshots kept', async (width) => {
    const pane = await openPane(width, mode);
    const { page } = pane;
    try {
      // The tab row fits: one line, nothing scrolled out of sight.
      const row = await page.$eval('[role="tablist"]', (list) => ({ tops: Array.from(list.children).map((c) => (c as HTMLElement).offsetTop), scroll: list.scrollWidth, client: list.clientWidth }));
      expect(new Set(row.tops).size).toBe(1);
      expect(row.scroll).toBeLessThanOrEqual(row.client);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

      await page.click('[data-testid="run-check"]');
      await page.waitForSelector('[data-testid="check-summary"]');
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, mode, width, 'kiem-tra');

      for (const tab of ['compute', 'template', 'consolidate'] as const) {
        await page.click(`[data-testid="tab-${tab}"]`);
        if (tab === 'consolidate') await page.check('[data-testid="source-sharepoint"]');
        expect({ tab, violations: await seriousViolations(page) }).toEqual({ tab, violations: [] });
        await shot(page, mode, width, tab);
      }
      expect(pane.errors).toEqual([]);
      expect(pane.outside).toEqual([]);
    } finally {
      await pane.close();
    }
  }, 120_000);
});

describe('themes and high contrast', () => {
  const colours = (page: Page, selector: string): Promise<{ bg: string; fg: string; border: string; style: string }> =>
    page.$eval(selector, (e) => {
      const s = getComputedStyle(e);
      return { bg: s.backgroundColor, fg: s.color, border: s.borderBottomColor, style: s.borderTopStyle };
    });
  const dark = (rgb: string): boolean => {
    const [r, g, b] = (rgb.match(/\d+/g) ?? []).map(Number);
    return 0.2126 * (r ?? 255) + 0.7152 * (g ?? 255) + 0.0722 * (b ?? 255) < 100;
  };

  it('is dark in a dark theme and light otherwise', async () => {
    for (const mode of ['dark', 'light'] as const) {
      const pane = await openPane(420, mode);
      try {
        expect({ mode, dark: dark((await colours(pane.page, 'body')).bg) }).toEqual({ mode, dark: mode === 'dark' });
      } finally {
        await pane.close();
      }
    }
  }, 60_000);

  it('in forced colours shows which tab is selected, and errors apart from warnings', async () => {
    const pane = await openPane(420, 'forced');
    const { page } = pane;
    try {
      const selected = await colours(page, '[data-testid="tab-check"]');
      const other = await colours(page, '[data-testid="tab-compute"]');
      expect(selected.border).not.toBe(other.border);
      await page.click('[data-testid="run-check"]');
      await page.waitForSelector('[data-testid="finding"][data-severity="warning"]');
      const error = await colours(page, '[data-testid="finding"][data-severity="error"]');
      const warning = await colours(page, '[data-testid="finding"][data-severity="warning"]');
      expect([error.style, warning.style]).toEqual(['solid', 'dashed']);
      // A mark that does not rest on colour either.
      const marks = await page.$$eval('[data-testid="finding"] .phu-cell', (els) => [...new Set(els.map((e) => getComputedStyle(e, '::before').content))]);
      expect(marks.sort()).toEqual(['"⚠ " / ""', '"✖ " / ""'].sort());
    } finally {
      await pane.close();
    }
  }, 60_000);
});

describe('keyboard and screen readers', () => {
  it('tabs follow the WAI-ARIA pattern: arrow keys, Home and End, one tab stop, a labelled tabpanel', async () => {
    const pane = await openPane(420, 'light');
    const { page } = pane;
    try {
      const state = (): Promise<{ selected: string[]; focused: string; tabindex: string[]; labelledBy: string }> =>
        page.evaluate(() => ({
          selected: Array.from(document.querySelectorAll('[role="tab"][aria-selected="true"]')).map((e) => e.getAttribute('data-testid') ?? ''),
          focused: document.activeElement?.getAttribute('data-testid') ?? '',
          tabindex: Array.from(document.querySelectorAll('[role="tab"]')).map((e) => e.getAttribute('tabindex') ?? ''),
          labelledBy: document.querySelector('[role="tabpanel"]')?.getAttribute('aria-labelledby') ?? '',
        }));
      await page.focus('[data-testid="tab-check"]');
      await page.keyboard.press('ArrowRight');
      expect(await state()).toEqual({ selected: ['tab-compute'], focused: 'tab-compute', tabindex: ['-1', '0', '-1', '-1'], labelledBy: 'phu-tab-compute' });
      await page.keyboard.press('End');
      expect((await state()).focused).toBe('tab-consolidate');
      await page.keyboard.press('ArrowRight');
      expect((await state()).selected).toEqual(['tab-check']);
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Home');
      expect(await state()).toMatchObject({ selected: ['tab-check'], focused: 'tab-check' });
    } finally {
      await pane.close();
    }
  }, 60_000);

  it('keeps the focus on the button after the panel redraws, and announces only the outcome', async () => {
    const pane = await openPane(420, 'light');
    const { page } = pane;
    try {
      expect(await page.$$eval('[aria-live]', (els) => els.map((e) => e.getAttribute('data-testid')))).toEqual(['announcer']);
      await page.focus('[data-testid="run-check"]');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid="check-summary"]');
      await page.waitForFunction(() => !(document.querySelector('[data-testid="run-check"]') as HTMLButtonElement | null)?.disabled);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('run-check');
      const summary = await page.textContent('[data-testid="check-summary"]');
      expect(await page.textContent('[data-testid="announcer"]')).toBe(summary);
    } finally {
      await pane.close();
    }
  }, 60_000);

  it('file pickers speak the pane’s language: the native input is hidden, the button says Chọn tệp…', async () => {
    const pane = await openPane(320, 'light');
    const { page } = pane;
    try {
      await page.click('[data-testid="tab-consolidate"]');
      const box = await page.$eval('[data-testid="pick-files"]', (e) => e.getBoundingClientRect().width);
      expect(box).toBeLessThanOrEqual(1);
      const buttons = await page.$$eval('.phu-file-button', (els) => els.map((e) => e.textContent));
      expect(buttons).toEqual(['Chọn thư mục…', 'Chọn tệp…', 'Chọn tệp…', 'Chọn tệp…']);
      expect(await page.textContent('[data-testid="pick-files-chosen"]')).toBe('Chưa chọn tệp nào');
      await page.setInputFiles('[data-testid="pick-files"]', [
        { name: 'a.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('x') },
        { name: 'b.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('y') },
      ]);
      expect(await page.textContent('[data-testid="pick-files-chosen"]')).toBe('a.xlsx và 1 tệp khác');
    } finally {
      await pane.close();
    }
  }, 60_000);
});

describe('start-up and SharePoint without a setup', () => {
  it('says so when Office.js does not load, instead of loading forever', async () => {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ viewport: { width: 320, height: 600 } });
    try {
      await context.route('**/*', (route) => (route.request().url().startsWith(base) && !route.request().url().includes('/__test__/fake-office.js') ? route.continue() : route.abort()));
      const page = await context.newPage();
      await page.goto(`${base}/taskpane.html`);
      await page.waitForSelector('[data-testid="office-missing"]');
      expect(await page.textContent('[data-testid="office-missing"]')).toContain('Office.js');
      await page.screenshot({ path: join(OUTPUT, 'pane-office-missing-320.png') });
    } finally {
      await context.close();
    }
  }, 60_000);

  it('without phu-config.json says who to ask, in words for the official, and keeps the two values typed once', async () => {
    const pane = await openPane(320, 'light');
    const { page } = pane;
    try {
      await page.click('[data-testid="tab-consolidate"]');
      await page.check('[data-testid="source-sharepoint"]');
      const problem = (await page.textContent('[data-testid="source-browser"] [data-testid="sp-problem"]')) ?? '';
      expect(problem).toContain('Hãy nhờ cán bộ công nghệ thông tin của tỉnh');
      expect(await page.textContent('body')).not.toMatch(/PHU_GRAPH|npm|docs\/|drive id|b!/);
      await page.click('[data-testid="source-browser"] [data-testid="sp-setup"] summary');
      await page.fill('[data-testid="source-browser"] [data-testid="sp-tenant"]', 'binhphuoc.gov.vn');
      await page.fill('[data-testid="source-browser"] [data-testid="sp-client-id"]', 'không phải mã');
      await page.click('[data-testid="source-browser"] [data-testid="sp-save"]');
      expect(await page.textContent('[data-testid="source-browser"] [data-testid="sp-typed-bad"]')).toBe('Chưa lưu: mã ứng dụng không đúng dạng.');
      await page.fill('[data-testid="source-browser"] [data-testid="sp-client-id"]', '11111111-2222-4333-8444-555555555555');
      await page.click('[data-testid="source-browser"] [data-testid="sp-save"]');
      await page.waitForSelector('[data-testid="source-browser"] [data-testid="sp-link"]');
      await shot(page, 'light', 320, 'sharepoint-link');
      // Kept on this computer: the next start asks only for the folder's link.
      await page.reload();
      await page.waitForSelector('[data-testid="run-check"]');
      await page.click('[data-testid="tab-consolidate"]');
      await page.check('[data-testid="source-sharepoint"]');
      await page.waitForSelector('[data-testid="source-browser"] [data-testid="sp-link"]');
      expect(pane.errors).toEqual([]);
    } finally {
      await pane.close();
    }
  }, 60_000);
});

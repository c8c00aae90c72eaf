import { listPeriods } from '../../core/forms/form-periods';
import { FORMS } from '../../core/forms/form-catalog';
import { localIsoToday } from '../../core/consolidate/parent-info';
import { mapForDate } from '../../core/units/unit-maps';
import { mapSelector } from './map-selector';
import { hostCapabilities, MIN_EXCEL_API } from '../excel/host-capabilities';
import { applyTheme, mountPane, startLang } from './app';
import { el } from './dom';
import { message } from './i18n';
import type { PaneDeps } from './pane-deps';
import type { SharePointAccess, SharePointSetup } from './sharepoint-session';
import { groupedExcelRun } from './grouped-excel-run';
import { readDeadlineMs } from '../../browser-read/read-deadline';
import { WorkerReader } from '../../browser-read/worker-reader';
import { configFileNextTo, loadSharePointSetup, saveTypedSetup } from './sharepoint-setup';

/** How long the pane waits for Office.js before saying it cannot start. */
const OFFICE_WAIT_MS = 20_000;

function download(name: string, bytes: Uint8Array): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * SharePoint as this deployment sets it up: `phu-config.json` next to the
 * pane, or the two values typed once; the fallback popup returns to this
 * add-in's auth-redirect.html unless the configuration names another page.
 */
function sharePointAccess(setup: SharePointSetup): SharePointAccess {
  return {
    setup,
    configure: (values) => saveTypedSetup(storage(), values),
    connect: async (config, link) => {
      const redirectUri = config.redirectUri ?? new URL('auth-redirect.html', window.location.href).href;
      return (await import(/* webpackChunkName: "graph" */ './graph-module')).connectDrive({ ...config, redirectUri }, link);
    },
  };
}

/** Office.js never came (blocked network, opened outside Excel): say so instead of loading forever. */
function officeDidNotLoad(root: HTMLElement): void {
  const lang = startLang(navigator.language);
  root.replaceChildren(el('div', { class: 'phu-note phu-bad phu-startup', role: 'alert', 'data-testid': 'office-missing' }, el('p', {}, message(lang, 'officeMissing')), el('p', { class: 'phu-hint' }, message(lang, 'officeMissingHint'))));
}

async function start(root: HTMLElement): Promise<void> {
  const lang = startLang(Office.context?.displayLanguage);
  applyTheme(document, Office.context?.officeTheme);
  const capabilities = hostCapabilities();
  if (!capabilities.core) {
    root.replaceChildren(el('p', { class: 'phu-note phu-bad', role: 'alert' }, message(lang, 'unsupported', { version: MIN_EXCEL_API })));
    return;
  }
  const setup = await loadSharePointSetup(configFileNextTo(window.location.href), storage());
  // The campaign's last period decides, as on the command line; the person may switch.
  const last = FORMS[0] ? listPeriods(FORMS[0]).at(-1) : undefined;
  const maps = mapSelector(mapForDate(last?.to ?? localIsoToday()), lang);
  const deps: PaneDeps = {
    runExcel: groupedExcelRun((options, batch) => (options ? Excel.run(options, batch) : Excel.run(batch)), capabilities.undoGroup === true),
    capabilities,
    forms: FORMS,
    registry: maps.registry,
    loadXlsx: () => import(/* webpackChunkName: "xlsx" */ './xlsx-module'),
    // Files are read in read-worker.js, next to this page, each under a deadline: one hostile file costs that file, never the pane.
    reader: new WorkerReader(() => new Worker('read-worker.js'), readDeadlineMs(window.location.search)),
    createWorkbook: (base64) => Excel.createWorkbook(base64),
    download,
    today: () => localIsoToday(),
    sharePoint: sharePointAccess(setup),
  };
  const pane = el('div');
  root.replaceChildren(maps.element, pane);
  mountPane(pane, deps, lang);
  globalThis.addEventListener('pagehide', () => deps.reader.dispose());
}

const root = document.getElementById('app');
if (root) {
  const wait = setTimeout(() => officeDidNotLoad(root), OFFICE_WAIT_MS);
  if (typeof Office === 'undefined') {
    clearTimeout(wait);
    officeDidNotLoad(root);
  } else {
    void Office.onReady(() => {
      clearTimeout(wait);
      void start(root);
    });
  }
}

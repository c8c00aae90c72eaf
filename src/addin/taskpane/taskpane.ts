import { FORMS } from '../../core/forms/form-catalog';
import { localIsoToday } from '../../core/consolidate/parent-info';
import { mapForDate } from '../../core/units/unit-maps';
import { mapSelector } from './map-selector';
import { hostCapabilities, MIN_EXCEL_API } from '../excel/host-capabilities';
import { mountPane } from './app';
import { el } from './dom';
import { message } from './i18n';
import type { PaneDeps } from './pane-deps';
import type { SharePointAccess } from './sharepoint-session';
import { addinAuthConfigFrom } from '../auth/addin-auth-config';
import { buildGraphValues } from '../auth/build-graph-values';

function download(name: string, bytes: Uint8Array): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * SharePoint as this build allows it: the Graph settings given at build
 * time, the fallback popup returning to this add-in's auth-redirect.html
 * unless the build names another page.
 */
function sharePointAccess(): SharePointAccess {
  const config = addinAuthConfigFrom(buildGraphValues());
  if ('problem' in config) return { available: false, problem: config.problem };
  const redirectUri = config.redirectUri ?? new URL('auth-redirect.html', window.location.href).href;
  return {
    available: true,
    connect: async (driveId) => (await import(/* webpackChunkName: "graph" */ './graph-module')).connectDrive({ ...config, redirectUri }, driveId),
  };
}

void Office.onReady(() => {
  const root = document.getElementById('app');
  if (!root) return;
  const capabilities = hostCapabilities();
  if (!capabilities.core) {
    root.replaceChildren(el('p', { class: 'phu-note phu-bad' }, message('vi', 'unsupported', { version: MIN_EXCEL_API })));
    return;
  }
  // The campaign's last period decides, as on the command line; the person may switch.
  const last = FORMS[0]?.periods[FORMS[0].periods.length - 1];
  const maps = mapSelector(mapForDate(last?.to ?? localIsoToday()));
  const deps: PaneDeps = {
    runExcel: (batch) => Excel.run(batch),
    capabilities,
    forms: FORMS,
    registry: maps.registry,
    loadXlsx: () => import(/* webpackChunkName: "xlsx" */ './xlsx-module'),
    createWorkbook: (base64) => Excel.createWorkbook(base64),
    download,
    today: () => localIsoToday(),
    sharePoint: sharePointAccess(),
  };
  const pane = el('div');
  root.replaceChildren(maps.element, pane);
  mountPane(pane, deps);
});

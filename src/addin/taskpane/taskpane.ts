import { FORMS } from '../../core/forms/form-catalog';
import { localIsoToday } from '../../core/consolidate/parent-info';
import { nationalRegistry } from '../../core/units/national-registry';
import { hostCapabilities, MIN_EXCEL_API } from '../excel/host-capabilities';
import { mountPane } from './app';
import { el } from './dom';
import { message } from './i18n';
import type { PaneDeps } from './pane-deps';

function download(name: string, bytes: Uint8Array): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

void Office.onReady(() => {
  const root = document.getElementById('app');
  if (!root) return;
  const capabilities = hostCapabilities();
  if (!capabilities.core) {
    root.replaceChildren(el('p', { class: 'phu-note phu-bad' }, message('vi', 'unsupported', { version: MIN_EXCEL_API })));
    return;
  }
  const deps: PaneDeps = {
    runExcel: (batch) => Excel.run(batch),
    capabilities,
    forms: FORMS,
    registry: nationalRegistry,
    loadXlsx: () => import(/* webpackChunkName: "xlsx" */ './xlsx-module'),
    createWorkbook: (base64) => Excel.createWorkbook(base64),
    download,
    today: () => localIsoToday(),
  };
  mountPane(root, deps);
});

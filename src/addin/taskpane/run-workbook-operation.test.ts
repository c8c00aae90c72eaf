import type { UnitRegistry } from '../../core/units/unit-registry';
import { ALL_CAPABILITIES } from '../excel/host-capabilities';
import type { PanelContext } from './pane-deps';
import { runWorkbookOperation, type WorkbookOperationDeps, type WorkbookOperationState } from './run-workbook-operation';

const registry = {} as UnitRegistry;
const excel = {} as Excel.RequestContext;

/** A panel context whose Excel runs the batch on a stand-in context; only what the helper reads is real. */
function panelContext(lang: 'vi' | 'en'): PanelContext {
  const deps = { runExcel: <T>(batch: (c: Excel.RequestContext) => Promise<T>): Promise<T> => batch(excel), registry: () => registry, forms: [], capabilities: ALL_CAPABILITIES };
  return { deps, lang: () => lang } as unknown as PanelContext;
}

describe('runWorkbookOperation', () => {
  it('keeps the outcome, clears the previous note and shows busy only while the operation runs', async () => {
    const state: WorkbookOperationState<string> = { outcome: undefined, busy: false, note: 'old note' };
    const seen: Array<{ busy: boolean; note: string; outcome: string | undefined }> = [];
    let given: WorkbookOperationDeps | undefined;
    await runWorkbookOperation(panelContext('vi'), state, () => seen.push({ ...state }), (c, deps) => {
      expect(c).toBe(excel);
      given = deps;
      return Promise.resolve('done');
    });
    expect(seen).toEqual([
      { busy: true, note: '', outcome: undefined },
      { busy: false, note: '', outcome: 'done' },
    ]);
    expect(given).toEqual({ registry, forms: [], capabilities: ALL_CAPABILITIES });
  });

  it('drops the previous outcome and says why in the pane language when the operation fails', async () => {
    const state: WorkbookOperationState<string> = { outcome: 'earlier', busy: false, note: '' };
    let renders = 0;
    await runWorkbookOperation(panelContext('en'), state, () => renders++, () => Promise.reject(new Error('sheet is protected')));
    expect(state).toEqual({ outcome: undefined, busy: false, note: 'Something went wrong: sheet is protected' });
    expect(renders).toBe(2);

    await runWorkbookOperation(panelContext('vi'), state, () => undefined, () => Promise.reject(new Error('x')));
    expect(state.note).toBe('Có lỗi: x');
  });
});

import { columnLetter } from '../../core/grid/cell-address';
import { computeInPlace, type ComputeOutcome } from '../operations/compute-in-place';
import { columnWords } from './column-words';
import { button, el } from './dom';
import { message, type MessageKey } from './i18n';
import type { Panel, PanelContext } from './pane-deps';
import { runWorkbookOperation, type WorkbookOperationState } from './run-workbook-operation';

/** "Tính toán": rates, ranks and the narrative written into the open workbook. */
export function computePanel(ctx: PanelContext): Panel {
  const element = el('section', { class: 'phu-panel', 'data-testid': 'panel-compute' });
  const state: WorkbookOperationState<ComputeOutcome> = { outcome: undefined, busy: false, note: '' };
  const t = (k: MessageKey, p?: Record<string, string | number>): string => message(ctx.lang(), k, p);

  /** Without one-step undo (before ExcelApi 1.20) the person agrees once before PHU rewrites their columns. */
  let asking = false;
  let agreed = ctx.deps.capabilities.undoGroup === true;
  const run = (): Promise<void> => {
    if (!agreed) {
      asking = true;
      render();
      return Promise.resolve();
    }
    return runWorkbookOperation(ctx, state, render, computeInPlace);
  };
  const confirm = (): HTMLElement =>
    el(
      'div',
      { class: 'phu-confirm phu-note phu-info', role: 'alertdialog', 'aria-labelledby': 'phu-compute-ask', 'data-testid': 'compute-confirm' },
      el('p', { id: 'phu-compute-ask' }, t('computeAsk')),
      el(
        'div',
        { class: 'phu-actions' },
        button(t('computeGoOn'), () => {
          asking = false;
          agreed = true;
          void run();
        }, { class: 'phu-button phu-primary', 'data-testid': 'compute-go-on' }),
        button(t('cancel'), () => {
          asking = false;
          render();
        }, { class: 'phu-button', 'data-testid': 'compute-cancel' }),
      ),
    );

  function render(): void {
    const { outcome, busy, note } = state;
    const children: Array<HTMLElement | null> = [
      el('p', { class: 'phu-intro' }, t('computeIntro')),
      button(busy ? t('computing') : t('computeRun'), () => void run(), { class: 'phu-button phu-primary', 'data-testid': 'run-compute', disabled: busy || asking }),
    ];
    if (asking) children.push(confirm());
    if (outcome) {
      const cols = outcome.added.map((k) => `${columnWords(outcome.form, k, ctx.lang())} (${columnLetter(outcome.columns[k] ?? 0)})`).join('; ');
      const errors = outcome.result.findings.filter((f) => f.severity === 'error').length;
      children.push(
        el(
          'div',
          { class: 'phu-summary phu-ok', 'data-announce': true, 'data-testid': 'compute-summary' },
          el('p', {}, t('computeDone', { rows: outcome.rows, sheet: outcome.sheet })),
          outcome.added.length > 0 ? el('p', {}, t('computeAdded', { cols })) : null,
          errors > 0 ? el('p', { class: 'phu-bad' }, t('computeWithErrors', { n: errors })) : null,
        ),
        el('h3', { class: 'phu-group-title' }, t('narrativeTitle')),
        el('ol', { class: 'phu-narrative', 'data-testid': 'narrative' }, ...outcome.narrative.map((p) => el('li', {}, p))),
      );
    }
    if (note) children.push(el('p', { class: 'phu-note', role: 'status' }, note));
    element.replaceChildren(...children.filter((c): c is HTMLElement => c !== null));
  }

  render();
  return { element, render };
}

import { columnLetter } from '../../core/grid/cell-address';
import { computeInPlace, type ComputeOutcome } from '../operations/compute-in-place';
import { button, el } from './dom';
import { message, type MessageKey } from './i18n';
import type { Panel, PanelContext } from './pane-deps';
import { runWorkbookOperation, type WorkbookOperationState } from './run-workbook-operation';

/** "Tính toán": rates, ranks and the narrative written into the open workbook. */
export function computePanel(ctx: PanelContext): Panel {
  const element = el('section', { class: 'phu-panel', 'data-testid': 'panel-compute' });
  const state: WorkbookOperationState<ComputeOutcome> = { outcome: undefined, busy: false, note: '' };
  const t = (k: MessageKey, p?: Record<string, string | number>): string => message(ctx.lang(), k, p);

  const run = (): Promise<void> => runWorkbookOperation(ctx, state, render, computeInPlace);

  function render(): void {
    const { outcome, busy, note } = state;
    const children: Array<HTMLElement | null> = [
      el('p', { class: 'phu-intro' }, t('computeIntro')),
      button(busy ? t('computing') : t('computeRun'), () => void run(), { class: 'phu-button phu-primary', 'data-testid': 'run-compute', disabled: busy }),
    ];
    if (outcome) {
      const cols = outcome.added.map((k) => `${k} (${columnLetter(outcome?.columns[k] ?? 0)})`).join(', ');
      const errors = outcome.result.findings.filter((f) => f.severity === 'error').length;
      children.push(
        el(
          'div',
          { class: 'phu-summary phu-ok', 'data-testid': 'compute-summary' },
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

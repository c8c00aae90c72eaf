import type { Finding } from '../../core/findings/finding';
import { checkOpenWorkbook, type CheckOutcome } from '../operations/check-workbook';
import { selectCell } from '../operations/select-cell';
import { button, el } from './dom';
import { message, type MessageKey } from './i18n';
import type { Panel, PanelContext } from './pane-deps';
import { runWorkbookOperation, type WorkbookOperationState } from './run-workbook-operation';

/** Findings listed per severity; more are counted, not drawn, so a huge list stays responsive. */
const MAX_LISTED = 500;

/** "Kiểm tra": validates the open workbook, lists findings by severity, selects a finding's cell on click. */
export function checkPanel(ctx: PanelContext): Panel {
  const element = el('section', { class: 'phu-panel', 'data-testid': 'panel-check' });
  const state: WorkbookOperationState<CheckOutcome> = { outcome: undefined, busy: false, note: '' };
  const t = (k: MessageKey, p?: Record<string, string | number>): string => message(ctx.lang(), k, p);

  const run = (): Promise<void> => runWorkbookOperation(ctx, state, render, checkOpenWorkbook);

  const show = async (f: Finding): Promise<void> => {
    if (f.sheet === undefined || f.cell === undefined) return;
    const { sheet, cell } = f;
    const ok = await ctx.deps.runExcel((c) => selectCell(c, sheet, cell)).catch(() => false);
    state.note = ok ? '' : t('cellGone', { cell: `${sheet}!${cell}` });
    renderNote();
  };

  const noteLine = el('p', { class: 'phu-note', role: 'status', 'data-testid': 'check-note' });
  const renderNote = (): void => {
    noteLine.textContent = state.note;
    noteLine.hidden = state.note === '';
  };

  const item = (f: Finding): HTMLElement => {
    if (f.code === 'sheet_missing') {
      // Its place is a sheet that is not there: nothing to select.
      const text = ctx.lang() === 'vi' ? f.message_vi : f.message_en;
      return el('li', {}, el('div', { class: `phu-finding phu-${f.severity}`, 'data-testid': 'finding', 'data-severity': f.severity, 'data-code': f.code, 'data-cell': '' }, el('span', { class: 'phu-cell' }, t('notInWorkbook')), el('span', { class: 'phu-msg' }, text)));
    }
    const where = f.sheet === undefined ? '' : f.cell === undefined ? `${f.sheet} (${t('noCell')})` : `${f.sheet}!${f.cell}`;
    const text = ctx.lang() === 'vi' ? f.message_vi : f.message_en;
    const b = el('button', { type: 'button', class: `phu-finding phu-${f.severity}`, 'data-testid': 'finding', 'data-severity': f.severity, 'data-code': f.code, 'data-cell': where, title: t('clickToSelect') }, el('span', { class: 'phu-cell' }, where), el('span', { class: 'phu-msg' }, text));
    b.addEventListener('click', () => void show(f));
    return el('li', {}, b);
  };

  const group = (severity: 'error' | 'warning', findings: readonly Finding[]): HTMLElement | null => {
    const mine = findings.filter((f) => f.severity === severity);
    if (mine.length === 0) return null;
    const more = mine.length - MAX_LISTED;
    return el(
      'div',
      { class: 'phu-group', 'data-testid': `group-${severity}` },
      el('h3', { class: `phu-group-title phu-${severity}` }, `${t(severity === 'error' ? 'errors' : 'warnings')} (${String(mine.length)})`),
      el('ul', { class: 'phu-findings' }, ...mine.slice(0, MAX_LISTED).map(item)),
      more > 0 ? el('p', { class: 'phu-hint' }, `… +${String(more)}`) : null,
    );
  };

  function render(): void {
    const { outcome, busy } = state;
    const runButton = button(busy ? t('checking') : t('checkRun'), () => void run(), { class: 'phu-button phu-primary', 'data-testid': 'run-check', disabled: busy });
    const children: Array<HTMLElement | null> = [el('p', { class: 'phu-intro' }, t('checkIntro')), runButton];
    if (outcome) {
      const { result, form } = outcome;
      const errors = result.findings.filter((f) => f.severity === 'error').length;
      const warnings = result.findings.length - errors;
      const summary = result.findings.length === 0 ? t('checkOk', { form: form.id }) : t('checkSummary', { errors, warnings, form: form.id });
      const lines = [summary];
      if (outcome.highlighted > 0) lines.push(t('highlighted', { n: outcome.highlighted }));
      if (outcome.highlightsSkipped > 0 && !outcome.highlightError) lines.push(t('highlightsSkipped', { n: outcome.highlightsSkipped }));
      if (outcome.highlightError) lines.push(t('highlightFailed', { why: outcome.highlightError }));
      children.push(el('p', { class: `phu-summary ${result.ok ? 'phu-ok' : 'phu-bad'}`, 'data-announce': true, 'data-testid': 'check-summary' }, lines.join(' ')));
      const missing = result.findings.filter((f) => f.code === 'sheet_missing').map((f) => String(f.params['expected'] ?? ''));
      if (missing.length > 0) {
        children.push(
          el(
            'div',
            { class: 'phu-note phu-info', 'data-testid': 'missing-sheets' },
            el('p', {}, t('sheetsMissingHint', { sheets: missing.join(', ') })),
            button(t('makeTemplate'), () => ctx.goTo('template'), { class: 'phu-button', 'data-testid': 'make-template' }),
          ),
        );
      }
      children.push(group('error', result.findings), group('warning', result.findings));
    }
    element.replaceChildren(...children.filter((c): c is HTMLElement => c !== null), noteLine);
    renderNote();
  }

  render();
  return { element, render };
}

import type { FormDef } from '../../core/forms/form-schema';
import { createTemplate, TemplateError } from '../operations/create-template';
import { DEFAULT_VILLAGE_ROWS } from '../operations/template-data';
import { button, el, errorText, field } from './dom';
import { message, type MessageKey } from './i18n';
import type { Panel, PanelContext } from './pane-deps';

/** A select of a form's periods (`D1 - Đợt 1`). */
export function periodSelect(form: FormDef, testId: string): HTMLSelectElement {
  return el('select', { class: 'phu-input', 'data-testid': testId }, ...form.periods.map((p) => el('option', { value: p.id }, `${p.id} - ${p.label}`)));
}

/** A unit code input that names the unit as it is typed. */
export function unitInput(ctx: PanelContext, testId: string, onChange: () => void = () => undefined): { input: HTMLInputElement; name: HTMLElement; refresh(): void } {
  const input = el('input', { class: 'phu-input', inputmode: 'numeric', autocomplete: 'off', 'data-testid': testId });
  const name = el('span', { class: 'phu-unit-name', 'data-testid': `${testId}-name` });
  const refresh = (): void => {
    const code = input.value.trim();
    const unit = code === '' ? undefined : ctx.deps.registry().get(code);
    name.textContent = code === '' ? '' : (unit?.name ?? message(ctx.lang(), 'unitUnknown'));
    name.classList.toggle('phu-bad', code !== '' && !unit);
  };
  input.addEventListener('input', () => {
    refresh();
    onChange();
  });
  return { input, name, refresh };
}

/** "Tạo biểu mẫu": a blank submission for a unit and period, written into the open workbook. */
export function templatePanel(ctx: PanelContext): Panel {
  const element = el('section', { class: 'phu-panel', 'data-testid': 'panel-template' });
  const form = ctx.deps.forms[0];
  if (!form) throw new Error('no form');
  const t = (k: MessageKey, p?: Record<string, string | number>): string => message(ctx.lang(), k, p);
  const rows = el('input', { class: 'phu-input', type: 'number', min: '1', max: '500', value: String(DEFAULT_VILLAGE_ROWS), 'data-testid': 'template-rows' });
  const unit = unitInput(ctx, 'template-unit', () => render());
  const period = periodSelect(form, 'template-period');
  let busy = false;
  let note = '';
  let ok = false;
  let clashes: readonly string[] = [];

  const run = async (replace: boolean): Promise<void> => {
    busy = true;
    note = '';
    clashes = [];
    render();
    try {
      const code = unit.input.value.trim();
      const out = await ctx.deps.runExcel((c) =>
        createTemplate(c, { form, registry: ctx.deps.registry(), unitCode: code, periodId: period.value, villageRows: Number(rows.value) || DEFAULT_VILLAGE_ROWS, replace, capabilities: ctx.deps.capabilities }),
      );
      if ('clashes' in out) clashes = out.clashes;
      else {
        ok = true;
        note = t('templateDone', { form: form.id, period: period.value, unit: ctx.deps.registry().get(code)?.name ?? code });
      }
    } catch (e) {
      ok = false;
      note = e instanceof TemplateError ? e.message : t('failed', { why: errorText(e) });
    } finally {
      busy = false;
      render();
    }
  };

  function render(): void {
    const code = unit.input.value.trim();
    const known = code === '' ? undefined : ctx.deps.registry().get(code);
    const commune = known !== undefined && ctx.deps.registry().children(known.code).length === 0;
    element.replaceChildren(
      el('p', { class: 'phu-intro' }, t('templateIntro')),
      field(t('unitCode'), el('span', { class: 'phu-row' }, unit.input, unit.name), t('unitCodeHint')),
      field(t('period'), period),
      commune ? field(t('villageRows'), rows) : el('span'),
      button(busy ? t('creating') : t('templateRun'), () => void run(false), { class: 'phu-button phu-primary', 'data-testid': 'run-template', disabled: busy || !known }),
      ...(clashes.length > 0
        ? [
            el(
              'div',
              { class: 'phu-confirm', role: 'alertdialog', 'data-testid': 'template-clash' },
              el('p', {}, t('templateClash', { sheets: clashes.join(', ') })),
              button(t('replace'), () => void run(true), { class: 'phu-button phu-primary', 'data-testid': 'template-replace' }),
              button(t('cancel'), () => {
                clashes = [];
                render();
              }),
            ),
          ]
        : []),
      note ? el('p', { class: `phu-note ${ok ? 'phu-ok' : 'phu-bad'}`, role: 'status', 'data-testid': 'template-note' }, note) : el('span'),
    );
    unit.refresh();
  }

  render();
  return { element, render };
}

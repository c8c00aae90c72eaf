import { listPeriods } from '../../core/forms/form-periods';
import type { FormDef } from '../../core/forms/form-schema';
import { el } from './dom';
import { message } from './i18n';
import type { PanelContext } from './pane-deps';

/** A select of a form's periods (`D1 - Đợt 1`). */
export function periodSelect(form: FormDef, testId: string): HTMLSelectElement {
  return el('select', { class: 'phu-input', 'data-testid': testId }, ...listPeriods(form).map((p) => el('option', { value: p.id }, `${p.id} - ${p.label}`)));
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

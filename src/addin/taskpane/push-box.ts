import type { PushTarget } from '../../app/push-target';
import { pushRefusalText, pushWorkbook, type PushResult } from '../../app/push-workbook';
import { button, el, errorText } from './dom';
import { driveBrowser } from './drive-browser';
import { formatDateTime } from './format-date-time';
import { message, type MessageKey } from './i18n';
import type { PanelContext } from './pane-deps';

/** What the box pushes: the file's name and bytes, and the folder the convention proposes. */
export interface PushSource {
  /** The file name and the conventional folder, or undefined while there is nothing to push. */
  target(): PushTarget | undefined;
  /** The workbook's bytes: the same bytes every time for one result, so a replace sends what was shown. */
  bytes(): Promise<Uint8Array>;
}

type PushState = { readonly kind: 'idle' } | { readonly kind: 'sending' } | { readonly kind: 'failed'; readonly why: string } | Extract<PushResult, { kind: 'sent' | 'exists' | 'changed' }>;

/**
 * "Gửi lên cấp trên": the receiving folder (the convention's, or any the
 * person browses to), then an upload that never overwrites. A file of the
 * same name is shown with its modification time, and only "Thay thế"
 * replaces it, guarded by the eTag shown; if it changed meanwhile, nothing
 * is overwritten and the person is told so.
 */
export function pushBox(ctx: PanelContext, source: PushSource): { element: HTMLElement; render(): void; reset(): void } {
  const element = el('div', { class: 'phu-push', 'data-testid': 'push' });
  const t = (k: MessageKey, p?: Record<string, string | number>): string => message(ctx.lang(), k, p);
  const browser = driveBrowser(ctx, 'push-browser', { files: true, onFolder: () => render() });
  let state: PushState = { kind: 'idle' };

  const send = async (ifMatch?: string): Promise<void> => {
    const target = source.target();
    const connection = ctx.sharePoint.connection;
    if (!target || !connection) return;
    const folder = browser.folder();
    state = { kind: 'sending' };
    render();
    try {
      const result = await pushWorkbook({ bytes: await source.bytes(), folder, name: target.name, ...(ifMatch !== undefined ? { replace: { ifMatch } } : {}) }, connection.drive);
      // A given name is never refused: that check is for names made from the workbook.
      state = result.kind === 'failed' ? { kind: 'failed', why: errorText(result.error) } : result.kind === 'refused' ? { kind: 'failed', why: pushRefusalText(result.refusal, ctx.lang()) } : result;
      if (result.kind === 'sent') void browser.open(result.folder);
    } catch (e) {
      state = { kind: 'failed', why: errorText(e) };
    }
    render();
  };

  const outcomeView = (): HTMLElement => {
    const name = source.target()?.name ?? '';
    const where = (folder: string): string => (folder === '' ? t('spRoot') : folder);
    switch (state.kind) {
      case 'sent':
        return el('p', { class: 'phu-note phu-ok', role: 'status', 'data-testid': 'push-sent' }, t(state.replaced ? 'pushReplaced' : 'pushSent', { name, folder: where(state.folder) }));
      case 'exists': {
        const seen = state.existing;
        return el(
          'div',
          { class: 'phu-confirm', role: 'alertdialog', 'data-testid': 'push-exists', 'data-etag-shown': seen ? 'yes' : 'no' },
          el('p', {}, seen ? t('pushExists', { name, modified: formatDateTime(seen.modified) }) : t('pushExistsUnknown', { name })),
          seen ? button(t('replace'), () => void send(seen.eTag), { class: 'phu-button phu-primary', 'data-testid': 'push-replace' }) : null,
          button(t('cancel'), () => {
            state = { kind: 'idle' };
            render();
          }, { 'data-testid': 'push-cancel' }),
        );
      }
      case 'changed':
        return el('p', { class: 'phu-note phu-bad', role: 'alert', 'data-testid': 'push-changed' }, t('pushChanged', { name, modified: state.existing ? formatDateTime(state.existing.modified) : '?' }));
      case 'failed':
        return el('p', { class: 'phu-note phu-bad', role: 'alert', 'data-testid': 'push-failed' }, t('failed', { why: state.why }));
      default:
        return el('span');
    }
  };

  function render(): void {
    const target = source.target();
    const connected = ctx.sharePoint.connection !== undefined;
    const folder = browser.folder();
    element.replaceChildren(
      el('h3', { class: 'phu-group-title' }, t('pushTitle')),
      el('p', { class: 'phu-hint' }, t('pushIntro')),
      browser.element,
      target && connected ? el('p', { class: 'phu-note', 'data-testid': 'push-to' }, t('pushTo', { path: `${folder === '' ? '' : `${folder}/`}${target.name}` })) : el('span'),
      target && connected
        ? el(
            'div',
            { class: 'phu-actions' },
            button(state.kind === 'sending' ? t('pushing') : t('pushRun'), () => void send(), { class: 'phu-button phu-primary', 'data-testid': 'push-run', disabled: state.kind === 'sending' }),
            target.folder !== folder ? button(t('spConvention', { path: target.folder }), () => void browser.open(target.folder), { class: 'phu-button phu-subtle', 'data-testid': 'push-convention' }) : null,
          )
        : el('span'),
      outcomeView(),
    );
  }

  /** A new result: back to the conventional folder, nothing sent yet. */
  const reset = (): void => {
    state = { kind: 'idle' };
    const target = source.target();
    if (target) void browser.open(target.folder);
    render();
  };

  ctx.sharePoint.onChange(() => render());
  render();
  return { element, render, reset };
}

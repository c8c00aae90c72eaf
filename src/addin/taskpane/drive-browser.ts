import { DriveError, type DriveItem } from '../../core/ports/drive';
import { button, el, errorText, field } from './dom';
import { formatDateTime } from './format-date-time';
import { message, type MessageKey } from './i18n';
import type { PanelContext } from './pane-deps';
import type { DriveConnection } from './sharepoint-session';
import type { ConfigProblem } from '../auth/addin-auth-config';

/** A folder browser over the pane's SharePoint session. */
export interface DriveBrowser {
  readonly element: HTMLElement;
  /** The open folder's path from the library's root ('' is the root). */
  folder(): string;
  /** The open folder's entries, as last listed. */
  items(): readonly DriveItem[];
  /** Opens a folder by its path; one that does not exist yet opens empty (an upload creates it). */
  open(path: string): Promise<void>;
  render(): void;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((p) => p.trim() !== '');
}

/**
 * Sign-in and folder browsing: the folder's link (pasted from SharePoint
 * or OneDrive; a drive id is never asked nor shown), a breadcrumb, the
 * folders to click into and (with `files`) the files with their
 * modification times. Without a setup it says who to ask and what to give
 * them. Every browser of the pane shares one sign-in.
 */
export function driveBrowser(ctx: PanelContext, testId: string, opts: { readonly files?: boolean; readonly onFolder?: () => void } = {}): DriveBrowser {
  const session = ctx.sharePoint;
  const element = el('div', { class: 'phu-drive', 'data-testid': testId });
  const t = (k: MessageKey, p?: Record<string, string | number>): string => message(ctx.lang(), k, p);
  const linkInput = el('input', { class: 'phu-input', type: 'url', autocomplete: 'off', spellcheck: 'false', inputmode: 'url', 'data-testid': 'sp-link', value: session.link });
  const tenantInput = el('input', { class: 'phu-input', autocomplete: 'off', spellcheck: 'false', 'data-testid': 'sp-tenant' });
  const clientIdInput = el('input', { class: 'phu-input', autocomplete: 'off', spellcheck: 'false', 'data-testid': 'sp-client-id' });
  /** The connection the listing belongs to: a new one opens at its linked folder. */
  let shownConnection: DriveConnection | undefined;
  let typedOpen = false;
  let path: string[] = [];
  let items: DriveItem[] | undefined;
  let loading = false;
  let missing = false;
  let error = '';
  /** Listings come back in any order: only the latest one counts. */
  let request = 0;

  const open = async (to: string): Promise<void> => {
    const connection = session.connection;
    path = splitPath(to);
    if (!connection) {
      render();
      return;
    }
    const mine = ++request;
    loading = true;
    error = '';
    missing = false;
    render();
    try {
      const listed = await connection.drive.list(path.join('/'));
      if (mine !== request) return;
      items = listed;
    } catch (e) {
      if (mine !== request) return;
      items = [];
      if (e instanceof DriveError && e.code === 'not_found') missing = true;
      else error = errorText(e);
    } finally {
      if (mine === request) {
        loading = false;
        render();
        opts.onFolder?.();
      }
    }
  };

  session.onChange(() => {
    const connection = session.connection;
    if (!connection) {
      items = undefined;
      shownConnection = undefined;
      render();
    } else if (connection !== shownConnection) {
      shownConnection = connection;
      items = undefined;
      void open(connection.folder);
    } else render();
  });

  /** What to say without a working setup: who to ask, what to give them, and where to type what they give. */
  function setupPart(): HTMLElement[] {
    const setup = session.setup;
    const who = setup.contact ?? t('spWhoDefault');
    const what = (p: ConfigProblem): string => t(`spBad_${p}`);
    const typed = el(
      'details',
      { class: 'phu-details', 'data-testid': 'sp-setup', open: typedOpen || (setup.source === 'none' && setup.problem !== 'missing') },
      el('summary', {}, t('spEnterTitle')),
      field(t('spTenant'), tenantInput, t('spTenantHint')),
      field(t('spClientId'), clientIdInput, t('spClientIdHint')),
      button(t('spSave'), () => session.configure({ tenant: tenantInput.value, clientId: clientIdInput.value }), { class: 'phu-button', 'data-testid': 'sp-save' }),
      setup.source === 'none' && setup.problem !== undefined && setup.problem !== 'missing' ? el('p', { class: 'phu-note phu-bad', role: 'alert', 'data-testid': 'sp-typed-bad' }, t('spTypedBad', { what: what(setup.problem) })) : null,
    );
    typed.addEventListener('toggle', () => (typedOpen = typed.open));
    if (setup.source === 'file' && setup.problem !== undefined) {
      return [el('p', { class: 'phu-note phu-warn', 'data-testid': 'sp-problem' }, t('spBadFile', { what: what(setup.problem), who }))];
    }
    return [el('div', { class: 'phu-note phu-info', 'data-testid': 'sp-problem' }, el('p', {}, t('spNotSetUp'), ' ', t('spAskWho', { who })), el('p', { class: 'phu-hint' }, t('spAskWhat'))), typed];
  }

  function signInPart(): HTMLElement[] {
    if (!session.setup.config) return setupPart();
    const parts: HTMLElement[] = [
      field(t('spLink'), linkInput, t('spLinkHint')),
      button(session.connecting ? t('spConnecting') : t('spConnect'), () => void session.connect(linkInput.value), { class: 'phu-button phu-primary', 'data-testid': 'sp-connect', disabled: session.connecting }),
    ];
    if (session.error) parts.push(el('p', { class: 'phu-note phu-bad', role: 'alert', 'data-testid': 'sp-error' }, session.error));
    return parts;
  }

  function listing(): HTMLElement[] {
    const connection = session.connection;
    if (!connection) return [];
    const crumbs: Node[] = [button(t('spRoot'), () => void open(''), { class: 'phu-button phu-subtle phu-crumb', 'data-testid': 'sp-crumb', 'data-path': '' })];
    path.forEach((segment, i) => {
      const to = path.slice(0, i + 1).join('/');
      crumbs.push(el('span', { class: 'phu-crumb-sep' }, '›'), button(segment, () => void open(to), { class: 'phu-button phu-subtle phu-crumb', 'data-testid': 'sp-crumb', 'data-path': to }));
    });
    const shown = (items ?? []).filter((i) => i.isFolder || opts.files);
    const folderPath = path.join('/');
    return [
      el(
        'div',
        { class: 'phu-row' },
        el('span', { class: 'phu-hint', 'data-testid': 'sp-account' }, t('spSignedIn', { account: connection.account() ?? '?', place: connection.place })),
        button(t('spChangeFolder'), () => session.forget(), { class: 'phu-button phu-subtle', 'data-testid': 'sp-change' }),
        button(t('spSignOut'), () => void session.disconnect(), { class: 'phu-button phu-subtle', 'data-testid': 'sp-signout' }),
      ),
      el('nav', { class: 'phu-crumbs', 'data-testid': 'sp-crumbs', 'data-folder': folderPath }, ...crumbs),
      loading ? el('p', { class: 'phu-hint' }, t('spLoading')) : el('span'),
      error ? el('p', { class: 'phu-note phu-bad', role: 'alert', 'data-testid': 'sp-error' }, error) : el('span'),
      missing ? el('p', { class: 'phu-hint', 'data-testid': 'sp-missing' }, t('spMissing')) : el('span'),
      !loading && !missing && !error && items !== undefined && shown.length === 0 ? el('p', { class: 'phu-hint' }, t('spEmpty')) : el('span'),
      el(
        'ul',
        { class: 'phu-drive-items' },
        ...shown.map((item) =>
          item.isFolder
            ? el('li', {}, button(`${item.name}/`, () => void open(folderPath === '' ? item.name : `${folderPath}/${item.name}`), { class: 'phu-button phu-subtle phu-folder', 'data-testid': 'sp-item', 'data-kind': 'folder', 'data-name': item.name }))
            : el('li', { class: 'phu-drive-file', 'data-testid': 'sp-item', 'data-kind': 'file', 'data-name': item.name }, el('span', {}, item.name), el('span', { class: 'phu-hint' }, formatDateTime(item.modified))),
        ),
      ),
    ];
  }

  function render(): void {
    element.replaceChildren(...(session.connection ? listing() : signInPart()));
  }

  render();
  return { element, folder: () => path.join('/'), items: () => items ?? [], open, render };
}

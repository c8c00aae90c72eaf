import { DriveError, type DriveItem } from '../../core/ports/drive';
import { button, el, errorText, field } from './dom';
import { formatDateTime } from './format-date-time';
import { message, type MessageKey } from './i18n';
import type { PanelContext } from './pane-deps';

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
 * Sign-in and folder browsing: the library's drive id (or `me`), a
 * breadcrumb, the folders to click into and (with `files`) the files with
 * their modification times. Without a configured build it says what to
 * configure instead. Every browser of the pane shares one sign-in.
 */
export function driveBrowser(ctx: PanelContext, testId: string, opts: { readonly files?: boolean; readonly onFolder?: () => void } = {}): DriveBrowser {
  const session = ctx.sharePoint;
  const element = el('div', { class: 'phu-drive', 'data-testid': testId });
  const t = (k: MessageKey, p?: Record<string, string | number>): string => message(ctx.lang(), k, p);
  const driveInput = el('input', { class: 'phu-input', autocomplete: 'off', spellcheck: 'false', 'data-testid': 'sp-drive-id', value: session.driveId });
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
    if (!session.connection) {
      items = undefined;
      render();
    } else if (items === undefined && !loading) void open(path.join('/'));
    else render();
  });

  function signInPart(): HTMLElement[] {
    const access = session.access;
    if (!access.available) {
      return [el('p', { class: 'phu-note phu-bad', 'data-testid': 'sp-problem' }, t('spUnavailable', { why: access.problem })), el('p', { class: 'phu-hint' }, t('spConfigureHint'))];
    }
    return [
      field(t('spDriveId'), driveInput, t('spDriveIdHint')),
      button(session.connecting ? t('spConnecting') : t('spConnect'), () => void session.connect(driveInput.value), { class: 'phu-button phu-primary', 'data-testid': 'sp-connect', disabled: session.connecting }),
      session.error ? el('p', { class: 'phu-note phu-bad', role: 'alert', 'data-testid': 'sp-error' }, session.error) : el('span'),
    ];
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
        el('span', { class: 'phu-hint', 'data-testid': 'sp-account' }, t('spSignedIn', { account: connection.account() ?? '?', drive: connection.driveId })),
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

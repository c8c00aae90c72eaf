import { checkPanel } from './check-panel';
import { computePanel } from './compute-panel';
import { consolidatePanel } from './consolidate-panel';
import { button, el } from './dom';
import { message, type Lang, type MessageKey } from './i18n';
import type { Panel, PaneDeps, PanelContext } from './pane-deps';
import { SharePointSession } from './sharepoint-session';
import { templatePanel } from './template-panel';

const TABS: ReadonlyArray<{ id: string; label: MessageKey; make: (c: PanelContext) => Panel }> = [
  { id: 'check', label: 'tabCheck', make: checkPanel },
  { id: 'compute', label: 'tabCompute', make: computePanel },
  { id: 'template', label: 'tabTemplate', make: templatePanel },
  { id: 'consolidate', label: 'tabConsolidate', make: consolidatePanel },
];

const LANG_KEY = 'phu.lang';

/**
 * The language the person chose in this pane; otherwise Office's display
 * language (`vi-VN` -> Vietnamese, any other -> English); Vietnamese when
 * Office does not say.
 */
export function startLang(officeLanguage: string | undefined): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(LANG_KEY);
    if (saved === 'en' || saved === 'vi') return saved;
  } catch {
    // No storage: Office's language decides.
  }
  if (officeLanguage === undefined || officeLanguage === '') return 'vi';
  return /^vi\b/i.test(officeLanguage) ? 'vi' : 'en';
}

/** Office's theme, when the host reports one: its colours become the pane's, and a dark body makes the pane dark. */
export interface PaneTheme {
  readonly bodyBackgroundColor?: string;
  readonly bodyForegroundColor?: string;
  readonly controlBackgroundColor?: string;
  readonly controlForegroundColor?: string;
}

function luminance(hex: string): number | undefined {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return undefined;
  const n = parseInt(m[1] ?? '0', 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => c / 255);
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** Applies Office's theme: `data-theme="dark"` when its body is dark, its colours as the pane's surfaces. */
export function applyTheme(doc: Document, theme: PaneTheme | undefined): void {
  const root = doc.documentElement;
  const bg = theme?.bodyBackgroundColor;
  const light = bg === undefined ? undefined : luminance(bg);
  if (light === undefined) {
    root.removeAttribute('data-theme');
    return;
  }
  root.setAttribute('data-theme', light < 0.4 ? 'dark' : 'light');
  const set = (name: string, value: string | undefined): void => {
    if (value && /^#[0-9a-f]{6}$/i.test(value)) root.style.setProperty(name, value);
  };
  set('--phu-bg', theme?.bodyBackgroundColor);
  set('--phu-fg', theme?.bodyForegroundColor);
  set('--phu-bg-2', theme?.controlBackgroundColor);
}

/**
 * The pane's one announcer: an operation's summary (`data-announce`) is
 * redrawn with its panel, and a region that appears with its text is not
 * read; its text is copied here, into a region that is always present.
 * Lines that stay in place keep their own role=status or role=alert.
 */
function announcer(root: HTMLElement): HTMLElement {
  const region = el('div', { class: 'phu-visually-hidden', role: 'status', 'aria-live': 'polite', 'data-testid': 'announcer' });
  let last = '';
  const observer = new MutationObserver(() => {
    const lines = Array.from(root.querySelectorAll<HTMLElement>('main [data-announce]')).map((e) => e.textContent?.trim() ?? '').filter((t) => t !== '');
    const text = lines.join(' ');
    if (text !== last) {
      last = text;
      region.textContent = text;
    }
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return region;
}

/**
 * Panels redraw by replacing their elements, which sends the focus to the
 * page body: when the focused element leaves the page, its counterpart in
 * the new tree (same test id or id, same position) takes the focus back.
 */
function keepFocus(root: HTMLElement): void {
  let last: HTMLElement | undefined;
  let key: string | undefined;
  let nth = 0;
  const same = (k: string): HTMLElement[] => Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${CSS.escape(k)}"]`));
  root.addEventListener('focusin', (e) => {
    const target = e.target;
    if (!(target instanceof HTMLElement)) return;
    last = target;
    key = target.dataset['testid'] ?? (target.id || undefined);
    nth = key === undefined ? 0 : Math.max(0, same(key).indexOf(target));
  });
  new MutationObserver(() => {
    if (!last || last.isConnected || key === undefined) return;
    if (document.activeElement !== document.body && document.activeElement !== null) return;
    const again = same(key);
    const next = again[nth] ?? again[0] ?? document.getElementById(key) ?? undefined;
    if (next && !next.hasAttribute('disabled')) next.focus();
    else if (next === undefined) last = undefined;
  }).observe(root, { childList: true, subtree: true });
}

/**
 * The task pane: a title bar with the language switch (Vietnamese first),
 * tabs for Kiểm tra, Tính toán, Tạo biểu mẫu and Tổng hợp (the WAI-ARIA
 * tabs pattern: arrow keys, Home and End move between tabs), and the active
 * tab's panel. Panels keep their state across tab and language changes, and
 * the focus stays where it was after a redraw.
 */
export function mountPane(root: HTMLElement, deps: PaneDeps, initial: Lang = startLang(undefined)): { setLang(l: Lang): void } {
  let lang: Lang = initial;
  let active = TABS[0]?.id ?? 'check';
  const ctx: PanelContext = {
    deps,
    lang: () => lang,
    sharePoint: new SharePointSession(deps.sharePoint),
    goTo: (id) => {
      select(id);
      tabs.get(id)?.focus();
    },
  };
  const panels = new Map(TABS.map((t) => [t.id, t.make(ctx)] as const));
  const title = el('h1', { class: 'phu-title' });
  const langButton = button('', () => setLang(lang === 'vi' ? 'en' : 'vi'), { class: 'phu-button phu-subtle', 'data-testid': 'switch-lang' });
  const tabBar = el('div', { class: 'phu-tabs', role: 'tablist' });
  const body = el('main', { class: 'phu-body', role: 'tabpanel', id: 'phu-tabpanel', tabindex: '0' });
  root.replaceChildren(el('header', { class: 'phu-header' }, title, langButton), tabBar, body, announcer(root));
  const tabs = new Map(
    TABS.map((t) => {
      const b = button('', () => select(t.id), { class: 'phu-tab', role: 'tab', id: `phu-tab-${t.id}`, 'aria-controls': 'phu-tabpanel', 'data-testid': `tab-${t.id}` });
      b.addEventListener('keydown', (e) => onTabKey(e, t.id));
      return [t.id, b] as const;
    }),
  );
  tabBar.replaceChildren(...tabs.values());
  keepFocus(root);

  function onTabKey(e: KeyboardEvent, id: string): void {
    const ids = TABS.map((t) => t.id);
    const at = ids.indexOf(id);
    const to = e.key === 'ArrowRight' ? ids[(at + 1) % ids.length] : e.key === 'ArrowLeft' ? ids[(at - 1 + ids.length) % ids.length] : e.key === 'Home' ? ids[0] : e.key === 'End' ? ids[ids.length - 1] : undefined;
    if (to === undefined) return;
    e.preventDefault();
    select(to);
    tabs.get(to)?.focus();
  }

  function renderChrome(): void {
    document.documentElement.lang = lang;
    title.textContent = message(lang, 'appTitle');
    langButton.textContent = message(lang, 'switchLang');
    langButton.setAttribute('lang', lang === 'vi' ? 'en' : 'vi');
    for (const t of TABS) {
      const b = tabs.get(t.id);
      if (!b) continue;
      const selected = t.id === active;
      b.textContent = message(lang, t.label);
      b.classList.toggle('phu-tab-active', selected);
      b.setAttribute('aria-selected', selected ? 'true' : 'false');
      b.tabIndex = selected ? 0 : -1;
    }
    body.setAttribute('aria-labelledby', `phu-tab-${active}`);
    const panel = panels.get(active);
    if (panel && body.firstChild !== panel.element) body.replaceChildren(panel.element);
  }

  function select(id: string): void {
    active = id;
    renderChrome();
  }

  function setLang(l: Lang): void {
    lang = l;
    try {
      globalThis.localStorage?.setItem(LANG_KEY, l);
    } catch {
      // A pane without storage still switches for this session.
    }
    for (const p of panels.values()) p.render();
    renderChrome();
  }

  renderChrome();
  return { setLang };
}

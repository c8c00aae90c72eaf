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

function savedLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(LANG_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/**
 * The task pane: a title bar with the language switch (Vietnamese first),
 * tabs for Kiểm tra, Tính toán, Tạo biểu mẫu and Tổng hợp, and the active
 * tab's panel. Panels keep their state across tab and language changes.
 */
export function mountPane(root: HTMLElement, deps: PaneDeps, initial: Lang = savedLang()): { setLang(l: Lang): void } {
  let lang: Lang = initial;
  let active = TABS[0]?.id ?? 'check';
  const ctx: PanelContext = { deps, lang: () => lang, sharePoint: new SharePointSession(deps.sharePoint) };
  const panels = new Map(TABS.map((t) => [t.id, t.make(ctx)] as const));
  const title = el('h1', { class: 'phu-title' });
  const langButton = button('', () => setLang(lang === 'vi' ? 'en' : 'vi'), { class: 'phu-button phu-subtle', 'data-testid': 'switch-lang' });
  const tabBar = el('nav', { class: 'phu-tabs', role: 'tablist' });
  const body = el('main', { class: 'phu-body' });
  root.replaceChildren(el('header', { class: 'phu-header' }, title, langButton), tabBar, body);

  function renderChrome(): void {
    document.documentElement.lang = lang;
    title.textContent = message(lang, 'appTitle');
    langButton.textContent = message(lang, 'switchLang');
    tabBar.replaceChildren(
      ...TABS.map((t) => {
        const b = button(message(lang, t.label), () => select(t.id), { class: `phu-tab${t.id === active ? ' phu-tab-active' : ''}`, role: 'tab', 'aria-selected': t.id === active ? 'true' : 'false', 'data-testid': `tab-${t.id}` });
        return b;
      }),
    );
    const panel = panels.get(active);
    if (panel) body.replaceChildren(panel.element);
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

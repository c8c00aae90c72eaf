/** Children `h` accepts: nodes, text, and nothing (skipped). */
export type Child = Node | string | number | null | undefined | false;

/**
 * An element with attributes and children. Text is always set as text,
 * never as HTML, so names and messages quoting a file cannot inject markup.
 *
 * @example h('p', { class: 'phu-note' }, 'Đã tải tệp.')
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Readonly<Record<string, string | boolean | undefined>> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== false) e.setAttribute(k, v === true ? '' : v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(typeof c === 'number' ? String(c) : c);
  return e;
}

/**
 * A download link for bytes made in the page (a `blob:` URL, never a
 * request). The previous link's URL given as `replaces` is released.
 *
 * @example document.body.append(downloadLink(bytes, 'TongHop.xlsx', 'Tải về', { 'data-testid': 'download' }))
 */
export function downloadLink(bytes: Uint8Array, fileName: string, label: string, attrs: Readonly<Record<string, string>> = {}, type = XLSX_TYPE): HTMLAnchorElement {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const a = h('a', { class: 'phu-button phu-primary phu-download', href: url, download: fileName, ...attrs }, label);
  liveUrls.push(url);
  return a;
}

/** Releases every download URL made so far (the results they belonged to are gone). */
export function releaseDownloads(): void {
  for (const url of liveUrls.splice(0)) URL.revokeObjectURL(url);
}

const liveUrls: string[] = [];

/** The media type of an .xlsx workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A file picker in the page's language, drawn as the task pane draws its
 * own: the native input stays (visually hidden, focusable, inside the
 * field's label), a button-like label, and the chosen names after it.
 * `refresh` redraws its words after a language change.
 *
 * @example const p = filePicker(input, () => ({ button: 'Chọn tệp…', none: 'Chưa chọn tệp nào', many: (f, n) => `${f} và ${n} tệp khác` }))
 */
export function filePicker(input: HTMLInputElement, words: () => { button: string; none: string; many: (first: string, more: number) => string }): { element: HTMLElement; refresh: () => void } {
  input.classList.add('phu-visually-hidden');
  const button = h('span', { class: 'phu-button phu-file-button', 'aria-hidden': 'true' });
  const chosen = h('span', { class: 'phu-hint phu-file-chosen', 'data-testid': `${input.dataset['testid'] ?? 'file'}-chosen` });
  const refresh = (): void => {
    const w = words();
    const files = Array.from(input.files ?? []);
    const first = files[0]?.webkitRelativePath || files[0]?.name;
    button.textContent = w.button;
    chosen.textContent = first === undefined ? w.none : files.length === 1 ? first : w.many(first, files.length - 1);
  };
  input.addEventListener('change', refresh);
  refresh();
  return { element: h('span', { class: 'phu-file-picker' }, input, button, chosen), refresh };
}

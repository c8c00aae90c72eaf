/** Children `el` accepts: nodes, text, and nothing (skipped). */
export type Child = Node | string | number | null | undefined | false;

/**
 * A DOM element with attributes and children. Text is always set as text
 * (never as HTML), so messages quoting cell contents cannot inject markup.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Readonly<Record<string, string | boolean | undefined>> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    e.append(typeof c === 'number' ? String(c) : c);
  }
  return e;
}

/** A button that runs `onClick`. */
export function button(label: string, onClick: () => void, attrs: Readonly<Record<string, string | boolean | undefined>> = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', class: 'phu-button', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}

/** A labelled field wrapping an input or select. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLLabelElement {
  return el('label', { class: 'phu-field' }, el('span', { class: 'phu-field-label' }, label), control, hint ? el('span', { class: 'phu-hint' }, hint) : null);
}

/** The text of an error, for a status line. */
export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  const m = (e as { message?: unknown } | null)?.message;
  return typeof m === 'string' ? m : String(e);
}

const pickerUpdates = new WeakMap<HTMLInputElement, () => void>();

/**
 * A file picker in the pane's language: the native input stays (hidden but
 * focusable, inside the field's label) and a button-like label says
 * "Chọn tệp…"; the chosen names follow it.
 */
export function filePicker(input: HTMLInputElement, buttonText: string, noneText: string, manyText: (first: string, more: number) => string): HTMLElement {
  input.classList.add('phu-visually-hidden');
  const chosen = el('span', { class: 'phu-hint phu-file-chosen', 'data-testid': `${input.dataset['testid'] ?? 'file'}-chosen` });
  const update = (): void => {
    const files = Array.from(input.files ?? []);
    const first = files[0]?.webkitRelativePath || files[0]?.name;
    chosen.textContent = first === undefined ? noneText : files.length === 1 ? first : manyText(first, files.length - 1);
  };
  // Panels redraw their pickers: the input keeps one listener, which updates the latest drawing.
  if (!pickerUpdates.has(input)) input.addEventListener('change', () => pickerUpdates.get(input)?.());
  pickerUpdates.set(input, update);
  update();
  return el('span', { class: 'phu-file-picker' }, input, el('span', { class: 'phu-button phu-file-button', 'aria-hidden': 'true' }, buttonText), chosen);
}

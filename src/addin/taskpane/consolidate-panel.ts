import type { Consolidation } from '../../core/consolidate/consolidation';
import type { OutputBook } from '../../core/grid/output-book';
import { queueSheetList } from '../excel/sheet-list';
import { clashingSheets, writeOutputBook } from '../excel/write-output-book';
import { consolidateReports, reportsFromFiles, type FileState, type PickedFile } from '../operations/consolidate-files';
import { bytesToBase64 } from './bytes-to-base64';
import { button, el, errorText, field } from './dom';
import { message, type MessageKey } from './i18n';
import type { Panel, PanelContext } from './pane-deps';
import { periodSelect, unitInput } from './template-panel';

/** A picked `File` as the consolidation reads it. */
function pickedOf(f: File): PickedFile {
  return { name: f.name, size: f.size, lastModified: f.lastModified, relativePath: f.webkitRelativePath, arrayBuffer: () => f.arrayBuffer() };
}

/**
 * "Tổng hợp": the children's files picked from this computer (a folder or
 * files), read one at a time with progress, consolidated, then written
 * into this workbook or a new one, or saved as a file.
 */
export function consolidatePanel(ctx: PanelContext): Panel {
  const element = el('section', { class: 'phu-panel', 'data-testid': 'panel-consolidate' });
  const form = ctx.deps.forms[0];
  if (!form) throw new Error('no form');
  const t = (k: MessageKey, p?: Record<string, string | number>): string => message(ctx.lang(), k, p);
  const folderInput = el('input', { type: 'file', webkitdirectory: true, multiple: true, class: 'phu-file', 'data-testid': 'pick-folder' });
  const filesInput = el('input', { type: 'file', multiple: true, accept: '.xlsx,.xlsm,.xls', class: 'phu-file', 'data-testid': 'pick-files' });
  const parent = unitInput(ctx, 'consolidate-parent');
  const period = periodSelect(form, 'consolidate-period');
  let files: PickedFile[] = [];
  let states: FileState[] = [];
  let result: { consolidation: Consolidation; book: OutputBook; unit: string } | undefined;
  let busy = false;
  let note = '';

  const picked = (input: HTMLInputElement): void => {
    files = Array.from(input.files ?? []).map(pickedOf);
    states = [];
    result = undefined;
    note = '';
    render();
  };
  folderInput.addEventListener('change', () => picked(folderInput));
  filesInput.addEventListener('change', () => picked(filesInput));

  const run = async (): Promise<void> => {
    if (files.length === 0) {
      note = t('noFiles');
      render();
      return;
    }
    busy = true;
    note = '';
    result = undefined;
    states = [];
    render();
    try {
      const xlsx = await ctx.deps.loadXlsx();
      const registry = ctx.deps.registry();
      const req = { form, registry, parentCode: parent.input.value.trim(), period: period.value, reportDate: ctx.deps.today() };
      const reports = await reportsFromFiles(files, req, xlsx, (s) => {
        states = [...states.filter((x) => x.name !== s.name || x.index !== s.index), s].sort((a, b) => a.index - b.index);
        renderProgress();
      });
      const { consolidation, book } = consolidateReports(reports, req);
      result = { consolidation, book, unit: registry.get(req.parentCode)?.name ?? req.parentCode };
    } catch (e) {
      note = t('failed', { why: errorText(e) });
    } finally {
      busy = false;
      render();
    }
  };

  let clashes: readonly string[] = [];

  /** Writes into the open workbook; sheets of the same names are replaced only once the user agreed. */
  const writeCurrent = async (replace: boolean): Promise<void> => {
    if (!result) return;
    const book = result.book;
    busy = true;
    clashes = [];
    render();
    try {
      const out = await ctx.deps.runExcel(async (c) => {
        const list = queueSheetList(c);
        await c.sync();
        const existing = list();
        const clash = clashingSheets(book, existing);
        if (clash.length > 0 && !replace) return { clash };
        return writeOutputBook(c, book, existing, {
          replace: true,
          activate: form.mainTable,
          capabilities: ctx.deps.capabilities,
          onProgress: (done, total) => {
            note = t('writing', { done, total });
            renderNote();
          },
        });
      });
      if ('clash' in out) {
        clashes = out.clash;
        note = '';
      } else note = t('written', { n: out.sheets.length });
    } catch (e) {
      note = t('failed', { why: errorText(e) });
    } finally {
      busy = false;
      render();
    }
  };

  const fileName = (): string => `${parent.input.value.trim()} ${result?.unit ?? ''} ${period.value}.xlsx`.replace(/\s+/g, ' ').trim();

  const writeNew = async (): Promise<void> => {
    if (!result || !ctx.deps.createWorkbook) return;
    try {
      const bytes = await (await ctx.deps.loadXlsx()).writeWorkbook(result.book);
      await ctx.deps.createWorkbook(bytesToBase64(bytes));
      note = t('openedNew');
    } catch (e) {
      note = t('failed', { why: errorText(e) });
    }
    render();
  };

  const save = async (): Promise<void> => {
    if (!result) return;
    try {
      const bytes = await (await ctx.deps.loadXlsx()).writeWorkbook(result.book);
      ctx.deps.download(fileName(), bytes);
      note = t('saved', { file: fileName() });
    } catch (e) {
      note = t('failed', { why: errorText(e) });
    }
    render();
  };

  const progress = el('ol', { class: 'phu-files', 'data-testid': 'file-progress' });
  const renderProgress = (): void => {
    progress.replaceChildren(
      ...states.map((s) => {
        const label =
          s.status === 'reading'
            ? t('fileReading')
            : s.status === 'ignored'
              ? t('fileIgnored')
              : s.status === 'invalid'
                ? t('fileInvalid', { n: s.errors })
                : s.warnings > 0
                  ? `${t('fileValid')} · ${t('fileWarnings', { n: s.warnings })}`
                  : t('fileValid');
        return el('li', { class: `phu-file-state phu-${s.status}`, 'data-testid': 'file-state', 'data-status': s.status }, el('span', { class: 'phu-file-name' }, s.name), el('span', { class: 'phu-file-status' }, label));
      }),
    );
  };
  const noteLine = el('p', { class: 'phu-note', role: 'status', 'data-testid': 'consolidate-note' });
  const renderNote = (): void => {
    noteLine.textContent = note;
    noteLine.hidden = note === '';
  };

  function render(): void {
    const c = result?.consolidation.completeness;
    element.replaceChildren(
      el('p', { class: 'phu-intro' }, t('consolidateIntro')),
      el('div', { class: 'phu-row' }, field(t('pickFolder'), folderInput), field(t('pickFiles'), filesInput)),
      files.length > 0 ? el('p', { class: 'phu-hint' }, t('filesChosen', { n: files.length })) : el('span'),
      field(t('parentCode'), el('span', { class: 'phu-row' }, parent.input, parent.name), t('unitCodeHint')),
      field(t('period'), period),
      button(busy ? t('consolidating', { i: states.length, n: files.length }) : t('consolidateRun'), () => void run(), { class: 'phu-button phu-primary', 'data-testid': 'run-consolidate', disabled: busy }),
      progress,
      c && result
        ? el(
            'div',
            { class: 'phu-summary phu-ok', 'data-testid': 'consolidate-summary' },
            el('p', {}, t('consolidateDone', { unit: result.unit, onTime: c.onTime, late: c.late, missing: c.missing, invalid: c.invalid, expected: c.expected })),
            el(
              'div',
              { class: 'phu-actions' },
              button(t('writeCurrent'), () => void writeCurrent(false), { class: 'phu-button phu-primary', 'data-testid': 'write-current', disabled: busy }),
              ctx.deps.createWorkbook && ctx.deps.capabilities.createWorkbook ? button(t('writeNew'), () => void writeNew(), { 'data-testid': 'write-new', disabled: busy }) : null,
              button(t('saveFile'), () => void save(), { 'data-testid': 'save-file', disabled: busy }),
            ),
          )
        : el('span'),
      clashes.length > 0
        ? el(
            'div',
            { class: 'phu-confirm', role: 'alertdialog', 'data-testid': 'consolidate-clash' },
            el('p', {}, t('templateClash', { sheets: clashes.join(', ') })),
            button(t('replace'), () => void writeCurrent(true), { class: 'phu-button phu-primary', 'data-testid': 'consolidate-replace' }),
            button(t('cancel'), () => {
              clashes = [];
              render();
            }),
          )
        : el('span'),
      noteLine,
    );
    renderProgress();
    renderNote();
    parent.refresh();
  }

  render();
  return { element, render };
}

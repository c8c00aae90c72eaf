import { findPeriod } from '../../core/forms/form-periods';
import { FORM_SHEET } from '../../core/forms/form-sheet';
import { parentFolder } from '../../core/campaign/template-path';
import { ReadCancelled } from '../../browser-read/worker-reader';
import { consolidateReports, type ConsolidatedBook } from '../../app/consolidate-files';
import { inputFromPicked, inputsFromDrive, type InputFile, type PickedFile } from '../../app/input-file';
import type { FileState } from '../../app/read-reports';
import type { Finding } from '../../core/findings/finding';
import { pushTarget, type PushTarget } from '../../app/push-target';
import { readForConsolidation } from '../operations/read-for-consolidation';
import { writeConsolidation } from '../operations/write-consolidation';
import { bytesToBase64 } from './bytes-to-base64';
import { completenessView } from './completeness-view';
import { button, el, filePicker, errorText, field } from './dom';
import { driveBrowser } from './drive-browser';
import { message, type MessageKey } from './i18n';
import type { Panel, PanelContext } from './pane-deps';
import { pushBox } from './push-box';
import { namedBytesOf, pickedOf } from './picked-file';
import { periodSelect, unitInput } from './unit-period-fields';

/** A consolidation as the panel keeps it. */
/** Thrown from the progress callback when the person cancels Tổng hợp. */
class ConsolidationCancelled extends Error {}

interface Result extends ConsolidatedBook {
  readonly unit: string;
  readonly target: PushTarget | undefined;
  /** The workbook's bytes, made once: saved, opened and pushed alike. */
  bytes(): Promise<Uint8Array>;
}

/**
 * "Tổng hợp": the children's files, picked from this computer (a folder or
 * files) or a SharePoint/OneDrive folder, read one at a time with each
 * file's status, checked against an optional target table and compared with
 * an optional previous period; then completeness at a glance, and the
 * consolidation written into this workbook (with BieuDo's charts) or a new
 * one, saved as a file, or pushed up to the level above.
 */
export function consolidatePanel(ctx: PanelContext): Panel {
  const element = el('section', { class: 'phu-panel', 'data-testid': 'panel-consolidate' });
  const form = ctx.deps.forms[0];
  if (!form) throw new Error('no form');
  const t = (k: MessageKey, p?: Record<string, string | number>): string => message(ctx.lang(), k, p);
  const folderInput = el('input', { type: 'file', webkitdirectory: true, multiple: true, class: 'phu-file', 'data-testid': 'pick-folder' });
  const filesInput = el('input', { type: 'file', multiple: true, accept: '.xlsx,.xlsm,.xls,.ods,.xlsb,.csv', class: 'phu-file', 'data-testid': 'pick-files' });
  const previousInput = el('input', { type: 'file', accept: '.xlsx,.xlsm', class: 'phu-file', 'data-testid': 'pick-previous' });
  const targetsInput = el('input', { type: 'file', accept: '.xlsx,.xlsm', class: 'phu-file', 'data-testid': 'pick-targets' });
  const parent = unitInput(ctx, 'consolidate-parent', () => render());
  const period = periodSelect(form, 'consolidate-period');
  period.addEventListener('change', () => render());
  const sourceBrowser = driveBrowser(ctx, 'source-browser', { files: true, onFolder: () => render() });
  let source: 'local' | 'sharepoint' = 'local';
  let files: InputFile[] = [];
  let states: FileState[] = [];
  let total = 0;
  let result: Result | undefined;
  let busy = false;
  let note = '';
  let inputsNote = '';
  /** Hủy asked while reading: the next file's progress stops the run. */
  let cancelling = false;
  let clashes: readonly string[] = [];

  const push = pushBox(ctx, { target: () => result?.target, bytes: () => (result ? result.bytes() : Promise.reject(new Error('no result'))) });

  const picked = (input: HTMLInputElement): void => {
    files = Array.from(input.files ?? []).map((f) => inputFromPicked(pickedOf(f)));
    states = [];
    fileFindings = new Map();
    openFiles.clear();
    result = undefined;
    note = '';
    render();
  };
  folderInput.addEventListener('change', () => picked(folderInput));
  filesInput.addEventListener('change', () => picked(filesInput));
  for (const input of [previousInput, targetsInput]) {
    input.addEventListener('change', () => {
      inputsNote = '';
      render();
    });
  }

  const chosen = (input: HTMLInputElement): PickedFile | undefined => {
    const f = input.files?.[0];
    return f ? pickedOf(f) : undefined;
  };

  const run = async (): Promise<void> => {
    const connection = ctx.sharePoint.connection;
    if (source === 'local' && files.length === 0) {
      note = t('noFiles');
      render();
      return;
    }
    if (source === 'sharepoint' && !connection) {
      note = t('spNotSignedIn');
      render();
      return;
    }
    busy = true;
    cancelling = false;
    note = '';
    inputsNote = '';
    result = undefined;
    clashes = [];
    states = [];
    total = source === 'local' ? files.length : 0;
    render();
    try {
      const registry = ctx.deps.registry();
      const parentCode = parent.input.value.trim();
      const previousFile = chosen(previousInput);
      const targetsFile = chosen(targetsInput);
      // Every workbook, the previous period and the targets included, is read in the pane's reading worker under its deadline.
      const got = await readForConsolidation(
        {
          files: () => (source === 'local' || !connection ? Promise.resolve(files) : inputsFromDrive(connection.drive, sourceBrowser.folder())),
          ...(previousFile ? { previous: await namedBytesOf(previousFile) } : {}),
          ...(targetsFile ? { targets: await namedBytesOf(targetsFile) } : {}),
        },
        { form, registry, parentCode, period: period.value, reportDate: ctx.deps.today() },
        // Hủy pressed between two files: the next read is not even started.
        { readWorkbook: (bytes, opts) => (cancelling ? Promise.reject(new ConsolidationCancelled()) : ctx.deps.reader.readWorkbook(bytes, opts)) },
        (s) => {
          // Reading writes nothing into the workbook: stopping here leaves it as it was.
          if (cancelling) throw new ConsolidationCancelled();
          total = s.total;
          states = [...states.filter((x) => x.index !== s.index), s].sort((a, b) => a.index - b.index);
          renderProgress();
        },
      );
      // The first error says why (not a report, read too long...), in the pane's language.
      const why = (found: readonly Finding[]): string => (found[0] ? ` ${ctx.lang() === 'vi' ? found[0].message_vi : found[0].message_en}` : '');
      if (got.kind === 'previous_bad') {
        note = t('previousBad', { file: got.file, form: form.id, n: got.findings.length }) + why(got.findings);
        return;
      }
      if (got.kind === 'targets_bad') {
        note = t('targetsBad', { file: got.file, n: got.findings.length }) + why(got.findings);
        return;
      }
      const { req, reports, previous, targets } = got;
      const notes: string[] = [];
      if (previous) notes.push(t('previousUsed', { label: previous.label, n: registry.children(parentCode).filter((u) => previous.byUnit[u.code] !== undefined).length }));
      if (targets && targetsFile) notes.push(t('targetsRead', { file: targetsFile.name, units: targets.rows.length, columns: targets.columns.length }));
      inputsNote = notes.join(' ');
      const xlsx = await ctx.deps.loadXlsx();
      const consolidated = consolidateReports(reports, req);
      // The consolidation adds findings about a file (late, superseded) to those of reading it, and repeats those.
      const keyOf = (f: Finding): string => `${f.code}|${f.sheet ?? ''}|${f.cell ?? ''}|${f.message_vi}`;
      fileFindings = new Map(
        reports.map((r, i) => {
          const seen = new Set(r.findings.map(keyOf));
          return [i + 1, [...r.findings, ...consolidated.consolidation.findings.filter((f) => f.file === r.source.file && !seen.has(keyOf(f)))]];
        }),
      );
      let made: Promise<Uint8Array> | undefined;
      result = {
        ...consolidated,
        unit: registry.get(parentCode)?.name ?? parentCode,
        target: pushTarget(form, registry, parentCode, period.value),
        bytes: () => (made ??= xlsx.writeWorkbook(consolidated.book)),
      };
      push.reset();
    } catch (e) {
      // Hủy stops the reading worker at once: the file it was reading ends as ReadCancelled.
      if (e instanceof ConsolidationCancelled || e instanceof ReadCancelled) {
        states = [];
        fileFindings = new Map();
        note = t('consolidateCancelled');
      } else note = t('failed', { why: errorText(e) });
    } finally {
      busy = false;
      cancelling = false;
      render();
    }
  };

  /** Writes into the open workbook (BieuDo with its charts too); sheets of the same names are replaced only once the user agreed. */
  const writeCurrent = async (replace: boolean): Promise<void> => {
    const r = result;
    if (!r) return;
    busy = true;
    clashes = [];
    render();
    try {
      const out = await ctx.deps.runExcel((c) =>
        writeConsolidation(c, r, {
          replace,
          activate: form.mainTable,
          capabilities: ctx.deps.capabilities,
          onProgress: (done, all) => {
            note = t('writing', { done, total: all });
            renderNote();
          },
        }),
      );
      if ('clashes' in out) {
        clashes = out.clashes;
        note = '';
      } else {
        // The very hidden sheet of the carried form is not one a person sees written.
        const shown = out.written.sheets.filter((n) => n !== FORM_SHEET).length;
        note = `${t('written', { n: shown })} ${out.chartsSupported ? t('chartsAdded', { n: out.charts }) : t('chartsSkipped')}`;
      }
    } catch (e) {
      note = t('failed', { why: errorText(e) });
    } finally {
      busy = false;
      render();
    }
  };

  const fileName = (): string => result?.target?.name ?? `${parent.input.value.trim()} ${result?.unit ?? ''} ${period.value}.xlsx`.replace(/\s+/g, ' ').trim();

  const writeNew = async (): Promise<void> => {
    if (!result || !ctx.deps.createWorkbook) return;
    try {
      await ctx.deps.createWorkbook(bytesToBase64(await result.bytes()));
      note = t('openedNew');
    } catch (e) {
      note = t('failed', { why: errorText(e) });
    }
    render();
  };

  const save = async (): Promise<void> => {
    if (!result) return;
    try {
      ctx.deps.download(fileName(), await result.bytes());
      note = t('saved', { file: fileName() });
    } catch (e) {
      note = t('failed', { why: errorText(e) });
    }
    render();
  };

  /** Each read file's findings (by its place in the list), and which lists are open: they stay open across redraws. */
  let fileFindings = new Map<number, readonly Finding[]>();
  const openFiles = new Set<number>();
  const findingsOf = (s: FileState): HTMLElement | null => {
    const found = s.status === 'reading' ? undefined : fileFindings.get(s.index);
    if (!found || found.length === 0) return null;
    const details = el(
      'details',
      { class: 'phu-file-details', 'data-testid': 'file-findings', open: openFiles.has(s.index) },
      el('summary', {}, t('fileFindingsShow', { n: found.length })),
      el(
        'ul',
        { class: 'phu-findings' },
        ...found.map((f) =>
          el(
            'li',
            { class: `phu-file-finding phu-finding phu-${f.severity}`, 'data-testid': 'file-finding', 'data-severity': f.severity, 'data-code': f.code },
            el('span', { class: 'phu-cell' }, f.sheet === undefined ? t('noCell') : f.cell === undefined ? `${f.sheet} (${t('noCell')})` : `${f.sheet}!${f.cell}`),
            el('span', { class: 'phu-msg' }, ctx.lang() === 'vi' ? f.message_vi : f.message_en),
          ),
        ),
      ),
    );
    details.addEventListener('toggle', () => (details.open ? openFiles.add(s.index) : openFiles.delete(s.index)));
    return details;
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
        return el('li', { class: `phu-file-state phu-${s.status}`, 'data-testid': 'file-state', 'data-status': s.status, 'data-name': s.name }, el('span', { class: 'phu-file-name' }, s.name), el('span', { class: 'phu-file-status' }, label), findingsOf(s));
      }),
    );
  };
  const noteLine = el('p', { class: 'phu-note', role: 'status', 'data-testid': 'consolidate-note' });
  const renderNote = (): void => {
    noteLine.textContent = note;
    noteLine.hidden = note === '';
  };

  const sourceChoice = (): HTMLElement => {
    const option = (value: 'local' | 'sharepoint', label: MessageKey): HTMLElement => {
      const radio = el('input', { type: 'radio', name: 'phu-source', value, 'data-testid': `source-${value}`, checked: source === value });
      radio.addEventListener('change', () => {
        source = value;
        note = '';
        render();
      });
      return el('label', { class: 'phu-radio' }, radio, t(label));
    };
    return el('fieldset', { class: 'phu-choice' }, el('legend', { class: 'phu-field-label' }, t('sourceLabel')), option('local', 'sourceLocal'), option('sharepoint', 'sourceSharePoint'));
  };

  const sharePointSource = (): HTMLElement[] => {
    const unit = ctx.deps.registry().get(parent.input.value.trim());
    const p = findPeriod(form, period.value);
    const conventional = unit && p ? parentFolder(form, p, unit) : undefined;
    const connected = ctx.sharePoint.connection !== undefined;
    return [
      sourceBrowser.element,
      connected && conventional && conventional !== sourceBrowser.folder()
        ? button(t('spConvention', { path: conventional }), () => void sourceBrowser.open(conventional), { class: 'phu-button phu-subtle', 'data-testid': 'source-convention' })
        : el('span'),
      connected ? el('p', { class: 'phu-hint', 'data-testid': 'source-folder' }, t('spFolderToRead', { path: sourceBrowser.folder() || t('spRoot') })) : el('span'),
    ];
  };

  const picker = (input: HTMLInputElement, label: 'chooseFile' | 'chooseFolder'): HTMLElement => filePicker(input, t(label), t('noneChosen'), (first, n) => t('chosenMore', { first, n }));

  function render(): void {
    const c = result?.consolidation.completeness;
    const runLabel = busy ? t('consolidating', { i: states.length, n: total }) : t('consolidateRun');
    element.replaceChildren(
      el('p', { class: 'phu-intro' }, t('consolidateIntro')),
      field(t('parentCode'), el('span', { class: 'phu-row' }, parent.input, parent.name), t('unitCodeHint')),
      field(t('period'), period),
      sourceChoice(),
      ...(source === 'local'
        ? [el('div', { class: 'phu-row' }, field(t('pickFolder'), picker(folderInput, 'chooseFolder')), field(t('pickFiles'), picker(filesInput, 'chooseFile'))), files.length > 0 ? el('p', { class: 'phu-hint' }, t('filesChosen', { n: files.length })) : el('span')]
        : sharePointSource()),
      field(t('previousLabel'), picker(previousInput, 'chooseFile'), t('previousHint')),
      field(t('targetsLabel'), picker(targetsInput, 'chooseFile'), t('targetsHint')),
      button(runLabel, () => void run(), { class: 'phu-button phu-primary', 'data-testid': 'run-consolidate', disabled: busy }),
      busy
        ? button(t('cancel'), () => {
            cancelling = true;
            // A file being read may never finish (a hostile one): its worker is stopped now, not at the deadline.
            ctx.deps.reader.dispose();
            render();
          }, { class: 'phu-button', 'data-testid': 'cancel-consolidate', disabled: cancelling })
        : el('span'),
      inputsNote ? el('p', { class: 'phu-hint', 'data-testid': 'consolidate-inputs' }, inputsNote) : el('span'),
      progress,
      c && result
        ? el(
            'div',
            { class: 'phu-summary phu-ok', 'data-announce': true, 'data-testid': 'consolidate-summary' },
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
      result ? completenessView(ctx.lang(), result.consolidation) : el('span'),
      result ? push.element : el('span'),
    );
    renderProgress();
    renderNote();
    parent.refresh();
    if (result) push.render();
  }

  ctx.sharePoint.onChange(() => render());
  render();
  return { element, render };
}

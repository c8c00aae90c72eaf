import { findPeriod, listPeriods } from '../core/forms/form-periods';
import { zipSync } from 'fflate';
import type { Finding } from '../core/findings/finding';
import { errorText } from '../core/failures/failure-text';
import { checkFile, childTemplates, consolidate, readPrevious, readTargets, unitTemplate, WEB_FORMS, WEB_MAPS, workbookBytes, type FileState, type FormDef, type PickedFile, type PreviousFigures, type TargetTable, type UnitMap, type WorkbookReader } from './engine';
import { pickedFromDrop, pickedFromFile } from './picked-files';
import { downloadLink, filePicker, h, releaseDownloads } from './web-dom';
import { webMessage, type WebLang, type WebMessageKey } from './web-messages';

/** The files a picker accepts: PHU's workbook formats. */
const ACCEPT = '.xlsx,.xlsm,.xls,.ods';
const LANG_KEY = 'phu.lang';

/**
 * The standalone page: form and map choice, then three panels (Tổng hợp,
 * Kiểm tra tệp, Tạo biểu mẫu), Vietnamese first with an English switch.
 * Everything runs here: files are read by `reader` (a worker), workbooks
 * are made in the page and handed over as `blob:` links.
 *
 * @example mountWebPage(document.getElementById('app')!, new WorkerReader(() => new Worker('read-worker.js')))
 */
export function mountWebPage(root: HTMLElement, reader: WorkbookReader): void {
  let lang: WebLang = savedLang();
  let form: FormDef = WEB_FORMS[0] as FormDef;
  let map: UnitMap = WEB_MAPS[0] as UnitMap;
  const t = (key: WebMessageKey, params?: Readonly<Record<string, string | number>>): string => webMessage(lang, key, params);
  /** Elements whose text is a message: refreshed on a language change. */
  const labelled: Array<{ node: HTMLElement; key: WebMessageKey; attr?: string }> = [];
  const label = <E extends HTMLElement>(node: E, key: WebMessageKey, attr?: string): E => {
    labelled.push({ node, key, ...(attr ? { attr } : {}) });
    return node;
  };
  /** Result views that depend on the language: re-rendered on a change. */
  const rerender: Array<() => void> = [];

  // Header, privacy note, form and map.
  const langButton = h('button', { type: 'button', class: 'phu-button phu-subtle', 'data-testid': 'switch-lang' });
  langButton.addEventListener('click', () => setLang(lang === 'vi' ? 'en' : 'vi'));
  const formSelect = h('select', { class: 'phu-input', 'data-testid': 'form' }, ...WEB_FORMS.map((f) => h('option', { value: f.id }, `${f.id} · ${f.title}`)));
  const mapSelect = h('select', { class: 'phu-input', 'data-testid': 'map' });
  const periodSelects: HTMLSelectElement[] = [];
  const refreshPeriods = (): void => {
    for (const s of periodSelects) {
      const was = s.value;
      s.replaceChildren(...listPeriods(form).map((p) => h('option', { value: p.id }, `${p.id} (${p.label})`)));
      if (findPeriod(form, was)) s.value = was;
    }
  };
  const refreshMaps = (): void => mapSelect.replaceChildren(...WEB_MAPS.map((m) => h('option', { value: m.id, selected: m.id === map.id }, m.label[lang])));
  formSelect.addEventListener('change', () => {
    form = WEB_FORMS.find((f) => f.id === formSelect.value) ?? form;
    refreshPeriods();
  });
  mapSelect.addEventListener('change', () => {
    map = WEB_MAPS.find((m) => m.id === mapSelect.value) ?? map;
    for (const f of unitWatchers) f();
  });

  const unitWatchers: Array<() => void> = [];
  /** A unit code input with the unit's name shown as it is typed. */
  const unitInput = (testid: string): { input: HTMLInputElement; name: HTMLElement } => {
    const input = h('input', { class: 'phu-input', 'data-testid': testid, inputmode: 'numeric', autocomplete: 'off' });
    const name = h('span', { class: 'phu-unit-name', 'data-testid': `${testid}-name` });
    const show = (): void => {
      const code = input.value.trim();
      const unit = code === '' ? undefined : map.registry().get(code);
      name.textContent = code === '' ? '' : unit ? unit.name : t('unitUnknown');
      name.className = `phu-unit-name${code !== '' && !unit ? ' phu-bad' : ''}`;
    };
    input.addEventListener('input', show);
    unitWatchers.push(show);
    rerender.push(show);
    return { input, name };
  };
  const periodSelect = (testid: string): HTMLSelectElement => {
    const s = h('select', { class: 'phu-input', 'data-testid': testid });
    periodSelects.push(s);
    return s;
  };
  const field = (key: WebMessageKey, control: HTMLElement, extra?: HTMLElement): HTMLElement =>
    h('label', { class: 'phu-field' }, label(h('span', { class: 'phu-field-label' }), key), control, extra ?? null);
  /** A field with a hint under it, as the task pane draws its fields. */
  const hinted = (key: WebMessageKey, control: HTMLElement, hint: WebMessageKey): HTMLElement => field(key, control, label(h('span', { class: 'phu-hint' }), hint));
  /** A picker of one or more files for a campaign input (the previous period, a target table). */
  const inputPicker = (testid: string, multiple: boolean): { input: HTMLInputElement; element: HTMLElement } => {
    const input = h('input', { type: 'file', accept: '.xlsx,.xlsm', multiple, 'data-testid': testid });
    const picker = filePicker(input, () => ({ button: t('chooseFile'), none: t('noneChosen'), many: (first, n) => t('chosenMore', { first, n }) }));
    rerender.push(picker.refresh);
    return { input, element: picker.element };
  };

  // Tổng hợp.
  let files: PickedFile[] = [];
  const filesNote = h('p', { class: 'phu-note', 'data-testid': 'files-note' });
  const showFilesNote = (): void => void (filesNote.textContent = files.length === 0 ? t('noFiles') : t('filesChosen', { n: files.length }));
  rerender.push(showFilesNote);
  const setFiles = (picked: PickedFile[]): void => {
    files = picked;
    showFilesNote();
  };
  const pickFiles = h('input', { type: 'file', multiple: true, accept: ACCEPT, 'data-testid': 'pick-files', class: 'phu-file-input' });
  pickFiles.addEventListener('change', () => setFiles(Array.from(pickFiles.files ?? []).map((f) => pickedFromFile(f, ''))));
  const pickFolder = h('input', { type: 'file', multiple: true, webkitdirectory: true, 'data-testid': 'pick-folder', class: 'phu-file-input' });
  pickFolder.addEventListener('change', () => setFiles(Array.from(pickFolder.files ?? []).map((f) => pickedFromFile(f))));
  const drop = h('div', { class: 'phu-drop', 'data-testid': 'drop-zone', tabindex: '0' }, label(h('span'), 'dropHere'));
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('phu-drop-over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('phu-drop-over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('phu-drop-over');
    // A folder the browser cannot list is said, not lost.
    if (e.dataTransfer) void pickedFromDrop(e.dataTransfer).then(setFiles, (err: unknown) => void (filesNote.textContent = t('failed', { why: err instanceof Error ? err.message : String(err) })));
  });
  const parent = unitInput('consolidate-parent');
  const period = periodSelect('consolidate-period');
  const previousPick = inputPicker('pick-previous', true);
  const targetsPick = inputPicker('pick-targets', false);
  const reportDate = h('input', { type: 'date', class: 'phu-input', 'data-testid': 'report-date' });
  /** What the previous period and the target table said, shown before the files. */
  const inputsNote = h('p', { class: 'phu-hint', 'data-testid': 'consolidate-inputs' });
  let inputsWords: (() => string) | undefined;
  rerender.push(() => void (inputsNote.textContent = inputsWords?.() ?? ''));
  const runConsolidate = label(h('button', { type: 'button', class: 'phu-button phu-primary', 'data-testid': 'run-consolidate' }), 'consolidateRun');
  const progress = h('p', { class: 'phu-note', 'data-testid': 'consolidate-progress' });
  const fileList = h('ul', { class: 'phu-files', 'data-testid': 'file-list' });
  const consolidateResult = h('div', { 'data-testid': 'consolidate-result' });
  const states = new Map<string, { state: FileState; findings: readonly Finding[] }>();
  const renderFiles = (): void => {
    fileList.replaceChildren(
      ...[...states.values()].map(({ state, findings }) => {
        const status = { reading: t('fileReading'), valid: t('fileValid'), invalid: t('fileInvalid'), ignored: t('fileIgnored') }[state.status];
        return h(
          'li',
          { class: `phu-file-state phu-${state.status}`, 'data-testid': 'file-state', 'data-status': state.status, 'data-name': state.name },
          h('div', { class: 'phu-file-head' }, h('span', { class: 'phu-file-name' }, state.name), h('span', { class: 'phu-file-status' }, state.status === 'reading' ? status : `${status} · ${t('counts', { errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity !== 'error').length })}`)),
          findings.length > 0 ? findingList(findings) : null,
        );
      }),
    );
  };
  rerender.push(renderFiles);
  let lastConsolidation: (() => void) | undefined;
  rerender.push(() => lastConsolidation?.());
  /** Refuses the run with `why` (a wrong previous or target file): said where the result would be. */
  class InputRefused extends Error {}
  runConsolidate.addEventListener('click', () => {
    void guarded(consolidateResult, async () => {
      const registry = map.registry();
      const unit = registry.get(parent.input.value.trim());
      if (!unit) throw new Error(t('unitUnknown'));
      if (files.length === 0) throw new Error(t('noFiles'));
      runConsolidate.disabled = true;
      states.clear();
      renderFiles();
      lastConsolidation = undefined;
      inputsWords = undefined;
      inputsNote.textContent = '';
      consolidateResult.replaceChildren();
      try {
        // The previous period and the target table are read first, as the task pane reads them: a wrong one stops the run.
        const words: Array<() => string> = [];
        let previous: PreviousFigures | undefined;
        const previousFiles = Array.from(previousPick.input.files ?? []).map((f) => pickedFromFile(f, ''));
        const firstPrevious = previousFiles[0];
        if (firstPrevious) {
          const got = await readPrevious(previousFiles, form, registry, period.value, reader);
          if (!got.previous) {
            const n = previousFiles.length;
            throw new InputRefused(n === 1 ? t('previousBad', { file: firstPrevious.name, form: form.id, n: got.errors }) : t('previousFilesBad', { n, form: form.id }));
          }
          const { label: was, byUnit } = got.previous;
          const known = registry.children(unit.code).filter((u) => byUnit[u.code] !== undefined).length;
          words.push(() => t('previousUsed', { label: was, n: known }));
          previous = got.previous;
        }
        let targets: TargetTable['targets'] | undefined;
        const targetsFile = targetsPick.input.files?.[0];
        if (targetsFile) {
          const table = await readTargets(pickedFromFile(targetsFile, ''), form, registry, reader);
          const errors = table.findings.filter((f) => f.severity === 'error').length;
          if (errors > 0) throw new InputRefused(t('targetsBad', { file: targetsFile.name, n: errors }));
          targets = table.targets;
          words.push(() => t('targetsRead', { file: targetsFile.name, units: table.rows.length, columns: table.columns.length }));
        }
        inputsWords = (): string => words.map((w) => w()).join(' ');
        inputsNote.textContent = inputsWords();
        const req = { form, registry, parentCode: unit.code, period: period.value, ...(reportDate.value !== '' ? { reportDate: reportDate.value } : {}), ...(targets ? { targets } : {}), ...(previous ? { previous } : {}) };
        const { consolidation, book, reports } = await consolidate(files, req, reader, (s) => {
          progress.textContent = s.status === 'reading' ? t('reading', { i: s.index, n: s.total }) : '';
          states.set(`${s.index}`, { state: s, findings: s.report?.findings ?? [] });
          renderFiles();
        });
        // The consolidation adds findings about a file (late, superseded) to those of reading it, and repeats those.
        const keyOf = (f: Finding): string => `${f.code}|${f.sheet ?? ''}|${f.cell ?? ''}|${f.message_vi}`;
        reports.forEach((r, i) => {
          const at = states.get(`${i + 1}`);
          if (!at) return;
          const seen = new Set(r.findings.map(keyOf));
          states.set(`${i + 1}`, { ...at, findings: [...r.findings, ...consolidation.findings.filter((f) => f.file === r.source.file && !seen.has(keyOf(f)))] });
        });
        renderFiles();
        const bytes = await workbookBytes(book);
        const fileName = `${unit.code} ${unit.name} ${period.value}.xlsx`;
        releaseDownloads();
        const link = downloadLink(bytes, fileName, '', { 'data-testid': 'download-consolidated' });
        lastConsolidation = (): void => {
          const k = consolidation.completeness;
          link.textContent = t('downloadConsolidated', { file: fileName });
          consolidateResult.replaceChildren(
            h('div', { class: 'phu-summary', 'data-testid': 'consolidate-summary' }, h('p', {}, t('consolidateDone', { unit: unit.name, onTime: k.onTime, late: k.late, missing: k.missing, invalid: k.invalid, expected: k.expected }))),
            link,
          );
        };
        lastConsolidation();
      } catch (e) {
        if (!(e instanceof InputRefused)) throw e;
        consolidateResult.replaceChildren(h('p', { class: 'phu-note phu-bad', role: 'alert', 'data-testid': 'consolidate-refused' }, e.message));
      } finally {
        runConsolidate.disabled = false;
        progress.textContent = '';
      }
    });
  });
  const consolidatePanel = h(
    'section',
    { class: 'phu-panel', 'data-testid': 'panel-consolidate' },
    label(h('p', { class: 'phu-intro' }), 'consolidateIntro'),
    drop,
    h('div', { class: 'phu-row' }, h('label', { class: 'phu-button' }, label(h('span'), 'pickFiles'), pickFiles), h('label', { class: 'phu-button' }, label(h('span'), 'pickFolder'), pickFolder)),
    filesNote,
    field('parentCode', parent.input, parent.name),
    field('period', period),
    hinted('previousLabel', previousPick.element, 'previousHint'),
    hinted('targetsLabel', targetsPick.element, 'targetsHint'),
    hinted('reportDateLabel', reportDate, 'reportDateHint'),
    runConsolidate,
    inputsNote,
    progress,
    fileList,
    consolidateResult,
  );

  // Kiểm tra tệp.
  const checkInput = h('input', { type: 'file', accept: ACCEPT, 'data-testid': 'check-file', class: 'phu-file-input' });
  const checkResult = h('div', { 'data-testid': 'check-result' });
  let lastCheck: (() => void) | undefined;
  rerender.push(() => lastCheck?.());
  checkInput.addEventListener('change', () => {
    const file = checkInput.files?.[0];
    if (!file) return;
    void guarded(checkResult, async () => {
      checkResult.replaceChildren(h('p', { class: 'phu-note' }, t('working')));
      const checked = await checkFile(pickedFromFile(file, ''), form, map.registry(), reader, true);
      const errors = checked.findings.filter((f) => f.severity === 'error');
      const warnings = checked.findings.filter((f) => f.severity !== 'error');
      lastCheck = (): void => {
        const params = { file: file.name, form: checked.form.id, errors: errors.length, warnings: warnings.length };
        checkResult.replaceChildren(
          h('div', { class: 'phu-summary', 'data-testid': 'check-summary' }, h('p', { class: errors.length === 0 ? 'phu-ok' : 'phu-bad' }, errors.length === 0 ? t('checkOk', params) : t('checkSummary', params))),
          ...(errors.length > 0 ? [h('div', { 'data-testid': 'group-error' }, h('h3', { class: 'phu-group-title' }, `${t('errors')} (${errors.length})`), findingList(errors))] : []),
          ...(warnings.length > 0 ? [h('div', { 'data-testid': 'group-warning' }, h('h3', { class: 'phu-group-title' }, `${t('warnings')} (${warnings.length})`), findingList(warnings))] : []),
        );
      };
      lastCheck();
    });
  });
  const checkPanel = h('section', { class: 'phu-panel', 'data-testid': 'panel-check' }, label(h('p', { class: 'phu-intro' }), 'checkIntro'), h('label', { class: 'phu-button phu-primary' }, label(h('span'), 'checkPick'), checkInput), checkResult);

  // Tạo biểu mẫu.
  const tplUnit = unitInput('template-unit');
  const tplPeriod = periodSelect('template-period');
  const targetInput = h('input', { type: 'file', accept: ACCEPT, 'data-testid': 'pick-target-table', class: 'phu-file-input' });
  const targetNote = h('p', { class: 'phu-note', 'data-testid': 'target-table-note' });
  let targets: TargetTable | undefined;
  let targetName = '';
  const showTargetNote = (): void => {
    if (!targets) return void (targetNote.textContent = '');
    const errors = targets.findings.filter((f) => f.severity === 'error').length;
    targetNote.textContent = errors > 0 ? t('targetTableErrors', { file: targetName, n: errors }) : t('targetTableNote', { file: targetName, units: Object.keys(targets.targets).length, columns: targets.columns.length });
    targetNote.className = `phu-note${errors > 0 ? ' phu-bad' : ''}`;
  };
  rerender.push(showTargetNote);
  targetInput.addEventListener('change', () => {
    const file = targetInput.files?.[0];
    if (!file) return;
    void guarded(targetNote, async () => {
      targets = await readTargets(pickedFromFile(file, ''), form, map.registry(), reader);
      targetName = file.name;
      showTargetNote();
    });
  });
  const usableTargets = (): { targets?: TargetTable['targets'] } => (targets && !targets.findings.some((f) => f.severity === 'error') ? { targets: targets.targets } : {});
  const templateResult = h('div', { 'data-testid': 'template-result' });
  let lastTemplate: (() => void) | undefined;
  rerender.push(() => lastTemplate?.());
  const runTemplate = label(h('button', { type: 'button', class: 'phu-button phu-primary', 'data-testid': 'run-template' }), 'templateRun');
  const runUnitTemplates = label(h('button', { type: 'button', class: 'phu-button', 'data-testid': 'run-unit-templates' }), 'unitTemplatesRun');
  runTemplate.addEventListener('click', () => {
    void guarded(templateResult, async () => {
      // src/app's template, as the command line and the task pane make it; an unknown unit or period comes back as a TemplateError.
      const made = unitTemplate(form, map.registry(), tplUnit.input.value, tplPeriod.value, usableTargets());
      const { unit, period: p } = made;
      const bytes = await workbookBytes(made.book);
      releaseDownloads();
      const link = downloadLink(bytes, made.name, made.name, { 'data-testid': 'template-download' });
      lastTemplate = (): void => templateResult.replaceChildren(h('p', { class: 'phu-note phu-ok', 'data-testid': 'template-note' }, t('templateReady', { form: form.id, period: p.id, unit: unit.name })), link);
      lastTemplate();
    });
  });
  runUnitTemplates.addEventListener('click', () => {
    void guarded(templateResult, async () => {
      const { parent: unit, period: p, templates: made } = childTemplates(form, map.registry(), tplUnit.input.value, tplPeriod.value, usableTargets());
      if (made.length === 0) throw new Error(t('noChildren', { unit: unit.name }));
      templateResult.replaceChildren(h('p', { class: 'phu-note' }, t('working')));
      const written: Array<{ path: string; name: string; bytes: Uint8Array }> = [];
      for (const m of made) written.push({ path: m.path, name: m.path.slice(m.path.lastIndexOf('/') + 1), bytes: await workbookBytes(m.book) });
      // Workbooks are deflated already: stored, the zip is made at once and is hardly larger.
      const zip = zipSync(Object.fromEntries(written.map((w) => [w.path, [w.bytes, { level: 0 }] as [Uint8Array, { level: 0 }]])));
      releaseDownloads();
      const zipName = `${form.id} ${p.id} ${unit.code} ${unit.name}.zip`;
      const zipLink = downloadLink(zip, zipName, '', { 'data-testid': 'templates-zip' }, 'application/zip');
      const links = written.map((w) => downloadLink(w.bytes, w.name, w.name, { 'data-testid': 'template-download', class: 'phu-link' }));
      const assigned = made.filter((m) => m.assigned.length > 0).length;
      lastTemplate = (): void => {
        zipLink.textContent = t('downloadZip');
        templateResult.replaceChildren(
          h('p', { class: 'phu-note phu-ok', 'data-testid': 'unit-templates-note' }, t('unitTemplatesReady', { n: made.length, unit: unit.name, assigned })),
          zipLink,
          h('ul', { class: 'phu-files', 'data-testid': 'unit-templates' }, ...links.map((a, i) => h('li', { 'data-testid': 'unit-template', 'data-name': written[i]?.name ?? '' }, a))),
        );
      };
      lastTemplate();
    });
  });
  const templatePanel = h(
    'section',
    { class: 'phu-panel', 'data-testid': 'panel-template' },
    label(h('p', { class: 'phu-intro' }), 'templateIntro'),
    field('unitCode', tplUnit.input, tplUnit.name),
    field('period', tplPeriod),
    field('targetTable', targetInput),
    targetNote,
    h('div', { class: 'phu-row' }, runTemplate, runUnitTemplates),
    templateResult,
  );

  // Tabs.
  const panels = { consolidate: consolidatePanel, check: checkPanel, template: templatePanel } as const;
  type TabId = keyof typeof panels;
  const tabKeys: Record<TabId, WebMessageKey> = { consolidate: 'tabConsolidate', check: 'tabCheck', template: 'tabTemplate' };
  let active: TabId = 'consolidate';
  const tabBar = h('nav', { class: 'phu-tabs', role: 'tablist' });
  const body = h('main', { class: 'phu-body' });
  const renderTabs = (): void => {
    tabBar.replaceChildren(
      ...(Object.keys(panels) as TabId[]).map((id) => {
        const b = h('button', { type: 'button', class: `phu-tab${id === active ? ' phu-tab-active' : ''}`, role: 'tab', 'aria-selected': id === active ? 'true' : 'false', 'data-testid': `tab-${id}` }, t(tabKeys[id]));
        b.addEventListener('click', () => {
          active = id;
          renderTabs();
        });
        return b;
      }),
    );
    body.replaceChildren(panels[active]);
  };

  const title = label(h('h1', { class: 'phu-title' }), 'appTitle');
  const subtitle = label(h('span', { class: 'phu-hint' }), 'appSubtitle');
  const privacy = label(h('p', { class: 'phu-privacy', 'data-testid': 'privacy', role: 'note' }), 'privacy');
  root.replaceChildren(
    h('header', { class: 'phu-header' }, h('div', {}, title, subtitle), langButton),
    privacy,
    h('div', { class: 'phu-settings' }, field('form', formSelect), field('map', mapSelect)),
    tabBar,
    body,
  );

  function setLang(next: WebLang): void {
    lang = next;
    try {
      globalThis.localStorage?.setItem(LANG_KEY, lang);
    } catch {
      // Storage refused (private mode): the choice lasts for this visit.
    }
    document.documentElement.lang = lang;
    langButton.textContent = t('switchLang');
    for (const { node, key, attr } of labelled) {
      if (attr) node.setAttribute(attr, t(key));
      else node.textContent = t(key);
    }
    refreshMaps();
    renderTabs();
    for (const f of rerender) f();
  }

  /** Findings with their place (sheet!cell), errors marked as the pane marks them. */
  function findingList(findings: readonly Finding[]): HTMLElement {
    return h(
      'ul',
      { class: 'phu-findings' },
      ...findings.map((f) => {
        const place = f.sheet === undefined ? (f.cell ?? '') : f.cell === undefined ? f.sheet : `${f.sheet}!${f.cell}`;
        return h(
          'li',
          { class: `phu-finding phu-${f.severity}`, 'data-testid': 'finding', 'data-severity': f.severity, 'data-cell': place, 'data-code': f.code },
          h('span', { class: 'phu-cell' }, place === '' ? t('wholeFile') : place),
          h('span', {}, lang === 'en' ? f.message_en : f.message_vi),
        );
      }),
    );
  }

  /** Runs a step, showing its failure in `where` instead of losing it. */
  async function guarded(where: HTMLElement, step: () => Promise<void>): Promise<void> {
    try {
      await step();
    } catch (e) {
      where.replaceChildren(h('p', { class: 'phu-note phu-bad', 'data-testid': 'failure' }, t('failed', { why: errorText(e, lang) })));
    }
  }

  refreshPeriods();
  setLang(lang);
}

function savedLang(): WebLang {
  try {
    return globalThis.localStorage?.getItem(LANG_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

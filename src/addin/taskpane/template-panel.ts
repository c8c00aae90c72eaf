import type { CampaignTemplate } from '../../core/campaign/campaign-templates';
import type { TargetTable } from '../../core/campaign/target-table';
import { DEFAULT_VILLAGE_ROWS } from '../../core/campaign/unit-template-data';
import { readTargetsFile } from '../../app/campaign-inputs';
import { failureText } from '../../core/failures/failure-text';
import type { Finding } from '../../core/findings/finding';
import type { FormDef } from '../../core/forms/form-schema';
import { parseFormText } from '../../core/forms/parse-form';
import { createTemplate, TemplateError } from '../operations/create-template';
import { openWorkbookForm } from '../operations/read-form-sheets';
import { splitFilePath, unitTemplates, uploadTemplates, type TemplateUpload } from '../operations/unit-templates';
import { namedBytesOf, pickedOf } from './picked-file';
import { button, el, filePicker, errorText, field } from './dom';
import { driveBrowser } from './drive-browser';
import { message, type MessageKey } from './i18n';
import type { Panel, PanelContext } from './pane-deps';
import { periodSelect, unitInput } from './unit-period-fields';

/** Findings of a target table listed in the pane; more are counted in the note. */
const MAX_TABLE_FINDINGS = 20;

/**
 * "Tạo biểu mẫu": a blank submission for a unit and period written into the
 * open workbook, or one file per child unit (downloaded one by one, or
 * uploaded to SharePoint by the folder convention, never overwriting);
 * with a target table, the assigned targets are filled in and locked.
 */
export function templatePanel(ctx: PanelContext): Panel {
  const element = el('section', { class: 'phu-panel', 'data-testid': 'panel-template' });
  const first = ctx.deps.forms[0];
  if (!first) throw new Error('no form');
  const shipped: FormDef = first;
  // A form file picked on the computer replaces the shipped form for every template made here.
  let form: FormDef = shipped;
  const formInput = el('input', { type: 'file', accept: '.json', class: 'phu-file', 'data-testid': 'pick-form-file' });
  let formNote = '';
  let formFindings: readonly Finding[] = [];
  const t = (k: MessageKey, p?: Record<string, string | number>): string => message(ctx.lang(), k, p);
  const rows = el('input', { class: 'phu-input', type: 'number', min: '1', max: '500', value: String(DEFAULT_VILLAGE_ROWS), 'data-testid': 'template-rows' });
  const unit = unitInput(ctx, 'template-unit', () => render());
  const period = periodSelect(form, 'template-period');
  let busy = false;
  let note = '';
  let ok = false;
  let clashes: readonly string[] = [];
  const tableInput = el('input', { type: 'file', accept: '.xlsx,.xlsm', class: 'phu-file', 'data-testid': 'pick-target-table' });
  let table: (TargetTable & { readonly file: string }) | undefined;
  let tableBusy = false;
  let tableNote = '';
  let templates: readonly CampaignTemplate[] = [];
  let uploads: TemplateUpload[] = [];
  let unitsNote = '';
  let unitsOk = true;
  let uploading = false;
  const browser = driveBrowser(ctx, 'template-browser', { onFolder: () => render() });

  /** The table's targets, once it has no error. */
  const usableTargets = (): TargetTable['targets'] | undefined => (table && !table.findings.some((f) => f.severity === 'error') ? table.targets : undefined);

  formInput.addEventListener('change', () => void readFormFile());
  const readFormFile = async (): Promise<void> => {
    const f = formInput.files?.[0];
    const parsed = f ? parseFormText(await f.text()) : { findings: [] };
    form = parsed.form ?? shipped;
    formFindings = parsed.findings;
    formNote = !f ? '' : parsed.form ? t('formFileRead', { form: form.id, file: f.name }) : t('formFileBad', { file: f.name, n: parsed.findings.length });
    period.replaceChildren(...Array.from(periodSelect(form, 'template-period').options));
    templates = [];
    render();
  };

  const useOpenForm = async (): Promise<void> => {
    try {
      const carried = await ctx.deps.runExcel((c) => openWorkbookForm(c));
      form = carried.form ?? shipped;
      formFindings = carried.findings;
      formNote = carried.form ? t('formOpenRead', { form: form.id }) : carried.findings.length > 0 ? t('formOpenBad', { n: carried.findings.length }) : t('formOpenNone');
    } catch (e) {
      form = shipped;
      formFindings = [];
      formNote = t('failed', { why: errorText(e) });
    }
    period.replaceChildren(...Array.from(periodSelect(form, 'template-period').options));
    templates = [];
    render();
  };

  tableInput.addEventListener('change', () => void readTable());
  const readTable = async (): Promise<void> => {
    const f = tableInput.files?.[0];
    table = undefined;
    tableNote = '';
    templates = [];
    if (!f) return render();
    tableBusy = true;
    render();
    try {
      const read = await readTargetsFile(await namedBytesOf(pickedOf(f)), form, ctx.deps.registry(), ctx.deps.reader);
      table = { ...read, file: f.name };
      const errors = read.findings.filter((x) => x.severity === 'error').length;
      tableNote = errors > 0 ? t('targetsBad', { file: f.name, n: errors }) : t('targetsRead', { file: f.name, units: read.rows.length, columns: read.columns.length });
    } catch (e) {
      tableNote = t('failed', { why: errorText(e) });
    } finally {
      tableBusy = false;
      render();
    }
  };

  const makeUnitTemplates = (): void => {
    uploads = [];
    const code = unit.input.value.trim();
    try {
      const targets = usableTargets();
      templates = unitTemplates(form, ctx.deps.registry(), code, period.value, { ...(targets ? { targets } : {}), villageRows: Number(rows.value) || DEFAULT_VILLAGE_ROWS });
      const name = ctx.deps.registry().get(code)?.name ?? code;
      unitsOk = templates.length > 0;
      unitsNote = templates.length === 0 ? t('unitTemplatesNone', { unit: name }) : t('unitTemplatesDone', { n: templates.length, period: period.value, unit: name, assigned: templates.filter((x) => x.assigned.length > 0).length });
    } catch (e) {
      templates = [];
      unitsOk = false;
      unitsNote = e instanceof TemplateError ? failureText(e.failure, ctx.lang()) : t('failed', { why: errorText(e) });
    }
    render();
  };

  const downloadOne = async (tpl: CampaignTemplate): Promise<void> => {
    try {
      const bytes = await (await ctx.deps.loadXlsx()).writeWorkbook(tpl.book);
      ctx.deps.download(splitFilePath(tpl.path).name, bytes);
    } catch (e) {
      unitsOk = false;
      unitsNote = t('failed', { why: errorText(e) });
      render();
    }
  };

  const uploadAll = async (): Promise<void> => {
    const connection = ctx.sharePoint.connection;
    if (!connection || templates.length === 0) return;
    uploading = true;
    uploads = templates.map(() => ({ status: 'uploading' }));
    render();
    try {
      const xlsx = await ctx.deps.loadXlsx();
      const counts = await uploadTemplates(connection.drive, browser.folder(), templates, (book) => xlsx.writeWorkbook(book), (i, state) => {
        uploads[i] = state;
        render();
      });
      unitsOk = counts.failed === 0;
      unitsNote = t('uploadDone', { sent: counts.sent, n: templates.length, exists: counts.exists });
    } catch (e) {
      unitsOk = false;
      unitsNote = t('failed', { why: errorText(e) });
    } finally {
      uploading = false;
      render();
    }
  };

  const uploadLabel = (u: TemplateUpload | undefined): string => {
    if (!u) return '';
    if (u.status === 'failed') return t('tplFailed', { why: u.why });
    return t(u.status === 'uploading' ? 'tplUploading' : u.status === 'uploaded' ? 'tplUploaded' : 'tplExists');
  };

  const tableView = (): HTMLElement => {
    if (!table) return el('span');
    const shown = table.findings.slice(0, MAX_TABLE_FINDINGS);
    return el(
      'ul',
      { class: 'phu-findings', 'data-testid': 'target-findings' },
      ...shown.map((f) =>
        el('li', { class: `phu-finding phu-${f.severity}`, 'data-testid': 'target-finding', 'data-severity': f.severity, 'data-cell': `${f.sheet ?? ''}!${f.cell ?? ''}` }, el('span', { class: 'phu-cell' }, `${f.sheet ?? ''}!${f.cell ?? ''}`), el('span', {}, ctx.lang() === 'vi' ? f.message_vi : f.message_en)),
      ),
    );
  };

  const unitsView = (): HTMLElement[] => {
    if (templates.length === 0) return unitsNote ? [el('p', { class: `phu-note ${unitsOk ? 'phu-ok' : 'phu-bad'}`, 'data-testid': 'unit-templates-note' }, unitsNote)] : [];
    return [
      el('p', { class: `phu-note ${unitsOk ? 'phu-ok' : 'phu-bad'}`, role: 'status', 'data-testid': 'unit-templates-note' }, unitsNote),
      el(
        'ol',
        { class: 'phu-files', 'data-testid': 'unit-templates' },
        ...templates.map((tpl, i) => {
          const name = splitFilePath(tpl.path).name;
          const u = uploads[i];
          return el(
            'li',
            { class: `phu-file-state phu-${u?.status === 'failed' ? 'invalid' : u?.status === 'uploaded' ? 'valid' : 'ignored'}`, 'data-testid': 'unit-template', 'data-name': name, 'data-status': u?.status ?? '' },
            el('span', { class: 'phu-file-name' }, name),
            el('span', { class: 'phu-file-status' }, uploadLabel(u)),
            button(t('downloadOne'), () => void downloadOne(tpl), { class: 'phu-button phu-subtle', 'data-testid': 'template-download' }),
          );
        }),
      ),
      browser.element,
      ctx.sharePoint.connection
        ? el(
            'div',
            { class: 'phu-actions' },
            el('p', { class: 'phu-hint' }, t('uploadWhere', { path: browser.folder() || t('spRoot') })),
            button(t('uploadAll'), () => void uploadAll(), { class: 'phu-button phu-primary', 'data-testid': 'templates-upload', disabled: uploading }),
          )
        : el('span'),
    ];
  };

  const run = async (replace: boolean): Promise<void> => {
    busy = true;
    note = '';
    clashes = [];
    render();
    try {
      const code = unit.input.value.trim();
      const targets = usableTargets();
      const out = await ctx.deps.runExcel((c) =>
        createTemplate(c, { form, registry: ctx.deps.registry(), unitCode: code, periodId: period.value, villageRows: Number(rows.value) || DEFAULT_VILLAGE_ROWS, replace, capabilities: ctx.deps.capabilities, ...(targets ? { targets } : {}) }),
      );
      if ('clashes' in out) clashes = out.clashes;
      else {
        ok = true;
        note = t('templateDone', { form: form.id, period: period.value, unit: ctx.deps.registry().get(code)?.name ?? code });
      }
    } catch (e) {
      ok = false;
      note = e instanceof TemplateError ? failureText(e.failure, ctx.lang()) : t('failed', { why: errorText(e) });
    } finally {
      busy = false;
      render();
    }
  };

  function render(): void {
    const code = unit.input.value.trim();
    const known = code === '' ? undefined : ctx.deps.registry().get(code);
    const commune = known !== undefined && ctx.deps.registry().children(known.code).length === 0;
    element.replaceChildren(
      el('p', { class: 'phu-intro' }, t('templateIntro')),
      field(t('unitCode'), el('span', { class: 'phu-row' }, unit.input, unit.name), t('unitCodeHint')),
      field(t('formFileLabel'), formInput, t('formFileHint', { form: shipped.id })),
      button(t('formFromOpen'), () => void useOpenForm(), { class: 'phu-button phu-subtle', 'data-testid': 'use-open-form' }),
      formNote ? el('p', { class: `phu-note ${formFindings.length === 0 ? 'phu-ok' : 'phu-bad'}`, role: 'status', 'data-testid': 'form-file-note' }, formNote) : el('span'),
      formFindings.length > 0
        ? el('ul', { class: 'phu-findings', 'data-testid': 'form-file-findings' }, ...formFindings.slice(0, MAX_TABLE_FINDINGS).map((f) => el('li', { class: 'phu-finding phu-error' }, ctx.lang() === 'vi' ? f.message_vi : f.message_en)))
        : el('span'),
      field(t('period'), period),
      commune ? field(t('villageRows'), rows) : el('span'),
      field(t('targetsLabel'), filePicker(tableInput, t('chooseFile'), t('noneChosen'), (first, n) => t('chosenMore', { first, n })), t('targetsHint')),
      tableBusy ? el('p', { class: 'phu-hint' }, t('checking')) : el('span'),
      tableNote ? el('p', { class: `phu-note ${usableTargets() ? 'phu-ok' : 'phu-bad'}`, role: 'status', 'data-testid': 'target-table-note' }, tableNote) : el('span'),
      tableView(),
      button(busy ? t('creating') : t('templateRun'), () => void run(false), { class: 'phu-button phu-primary', 'data-testid': 'run-template', disabled: busy || !known }),
      ...(clashes.length > 0
        ? [
            el(
              'div',
              { class: 'phu-confirm', role: 'alertdialog', 'data-testid': 'template-clash' },
              el('p', {}, t('templateClash', { sheets: clashes.join(', ') })),
              button(t('replace'), () => void run(true), { class: 'phu-button phu-primary', 'data-testid': 'template-replace' }),
              button(t('cancel'), () => {
                clashes = [];
                render();
              }),
            ),
          ]
        : []),
      note ? el('p', { class: `phu-note ${ok ? 'phu-ok' : 'phu-bad'}`, role: 'status', 'data-testid': 'template-note' }, note) : el('span'),
      el('h3', { class: 'phu-group-title' }, t('unitTemplatesTitle')),
      el('p', { class: 'phu-hint' }, t('unitTemplatesIntro')),
      button(t('unitTemplatesRun'), () => makeUnitTemplates(), { class: 'phu-button', 'data-testid': 'run-unit-templates', disabled: busy || !known || tableBusy }),
      ...unitsView(),
    );
    unit.refresh();
  }

  ctx.sharePoint.onChange(() => render());
  render();
  return { element, render };
}

/*
 * The one module the web page takes PHU's use cases from: reading a set of
 * files into reports, consolidating them, checking one file, making
 * templates. They come from the application layer (src/app) the CLI and
 * the task pane share; this file only turns the page's files into its
 * inputs.
 */
import {
  checkFile as checkWorkbookFile,
  consolidateFiles,
  formOfBook,
  inputFromPicked,
  readPreviousFile,
  readPreviousFiles,
  readTargetsFile,
  type ConsolidateRequest,
  type ConsolidatedBook,
  type FileState,
  type InputFile,
  type PickedFile as AppPickedFile,
  type WorkbookReader,
} from '../app';
import type { CampaignTemplate } from '../core/campaign/campaign-templates';
import type { TargetTable } from '../core/campaign/target-table';
import type { ChildReport } from '../core/consolidate/child-report';
import type { Consolidation } from '../core/consolidate/consolidation';
import { previousPeriodOf, type PreviousFigures } from '../core/consolidate/previous-figures';
import type { Finding } from '../core/findings/finding';
import { FORMS } from '../core/forms/form-catalog';
import type { FormDef, PeriodDef } from '../core/forms/form-schema';
import type { OutputBook } from '../core/grid/output-book';
import { nationalRegistry } from '../core/units/national-registry';
import { registryFor } from '../core/units/unit-maps';
import type { Unit } from '../core/units/unit';
import type { UnitRegistry } from '../core/units/unit-registry';

export { childTemplates, TemplateError, unitTemplate, type UnitTemplate } from '../app';
export type { CampaignTemplate, ChildReport, ConsolidatedBook, Consolidation, ConsolidateRequest, FileState, Finding, FormDef, OutputBook, PeriodDef, PreviousFigures, TargetTable, Unit, UnitRegistry, WorkbookReader };

/** A file picked or dropped in the page; a dropped folder's sub-folders come as `isFolder` entries. */
export type PickedFile = AppPickedFile & { readonly isFolder?: boolean };

/** A picked file as the application layer's input: folders listed, never read. */
function inputOf(file: PickedFile): InputFile {
  if (!file.isFolder) return inputFromPicked(file);
  return { name: file.name, size: 0, isFolder: true, read: () => Promise.reject(new Error('a folder is not read')) };
}

/** The forms the page offers, in the catalogue's order (the first is the default). */
export const WEB_FORMS: readonly FormDef[] = FORMS;

/** An administrative map the page offers: the units files are checked and consolidated against. */
export interface UnitMap {
  readonly id: string;
  readonly label: { readonly vi: string; readonly en: string };
  registry(): UnitRegistry;
}

/** The maps the page offers (the first is the default). */
export const WEB_MAPS: readonly UnitMap[] = [
  {
    id: 'dvhc-2025-03-01',
    label: { vi: 'Danh mục hành chính 01/03/2025 (tỉnh, huyện, xã)', en: 'Administrative map of 01/03/2025 (province, district, commune)' },
    registry: nationalRegistry,
  },
  {
    id: 'dvhc-2025-07-01',
    label: { vi: 'Danh mục hành chính 01/07/2025 (tỉnh, xã)', en: 'Administrative map of 01/07/2025 (province, commune)' },
    registry: () => registryFor('2025-07-01'),
  },
];

/**
 * The main use case, as every face runs it (src/app's consolidateFiles):
 * the files read one at a time into small reports (size checked, hashed,
 * read through `reader`, validated against the targets and the previous
 * period when given), telling `onFile` before and after each; files that
 * are not submissions are listed with their reason; then the consolidation
 * and its workbook (with the completeness sheet).
 *
 * @example const { book, consolidation, reports } = await consolidate(files, { form, registry, parentCode: '688', period: 'TK' }, workerReader, show)
 */
export function consolidate(files: readonly PickedFile[], req: ConsolidateRequest, reader: WorkbookReader, onFile?: (s: FileState) => void): Promise<ConsolidatedBook & { readonly reports: readonly ChildReport[] }> {
  return consolidateFiles(files.map(inputOf), req, { reader, ...(onFile ? { onFile } : {}) });
}

/** The previous period as read from the chosen file(s), or why it cannot be used. */
export type PreviousRead = { readonly previous: PreviousFigures } | { readonly previous?: undefined; readonly errors: number };

/**
 * The previous period from the chosen file(s), as the CLI's `--previous`
 * takes them: one file is the unit's consolidated workbook of that period
 * (src/app's readPreviousFile, as the task pane reads it); several are the
 * units' own submissions of the period before `period` (readPreviousFiles,
 * as for a folder). Without figures it says how many errors the file had.
 *
 * @example await readPrevious([file], form, registry, 'D2', workerReader)
 */
export async function readPrevious(files: readonly PickedFile[], form: FormDef, registry: UnitRegistry, period: string, reader: WorkbookReader): Promise<PreviousRead> {
  const [only] = files;
  if (files.length === 1 && only) {
    const got = await readPreviousFile({ name: only.name, bytes: new Uint8Array(await only.arrayBuffer()) }, form, registry, reader);
    return got.previous ? { previous: got.previous } : { errors: got.errors.length };
  }
  const before = previousPeriodOf(form, period);
  const previous = await readPreviousFiles(files.map(inputOf), { form, registry, ...(before ? { period: before.id } : {}) }, { reader });
  return previous ? { previous } : { errors: 0 };
}

/** One file checked: the form it was checked against and every finding (reading, then validating). */
export interface CheckedFile {
  readonly form: FormDef;
  readonly findings: readonly Finding[];
  /** The unit the file says it is from, when it could be read. */
  readonly unitCode?: string;
}

/**
 * Reads one file and validates it; its own ThongTin picks the form when
 * `detect` is set (else, or when it names none, `form`).
 *
 * @example await checkFile(file, FORM_4PHU_2024, registry, workerReader, true)
 */
export async function checkFile(file: PickedFile, form: FormDef, registry: UnitRegistry, reader: WorkbookReader, detect: boolean): Promise<CheckedFile> {
  let used = form;
  // The form detection of every face, seen through the reader so the page can say which form it used.
  const seeing: WorkbookReader = {
    readWorkbook: async (bytes, opts) => {
      const read = await reader.readWorkbook(bytes, opts);
      if (read.book && detect) used = formOfBook(read.book, WEB_FORMS, form);
      return read;
    },
  };
  const checked = await checkWorkbookFile(new Uint8Array(await file.arrayBuffer()), { form, registry, file: file.name }, seeing, { detectForm: detect });
  const unitCode = checked.validation?.submission.info['unit_code'];
  return { form: used, findings: checked.findings, ...(unitCode !== undefined ? { unitCode } : {}) };
}

/** A target table read through `reader`, with every finding. */
export async function readTargets(file: PickedFile, form: FormDef, registry: UnitRegistry, reader: WorkbookReader): Promise<TargetTable> {
  return readTargetsFile({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, form, registry, reader);
}

/**
 * The workbook writer, in its own chunk so the page shows at once; loaded
 * right after (see `preloadWriter`), so the page works offline once open.
 */
function loadWriter(): Promise<typeof import('../xlsx/write-workbook')> {
  return import(/* webpackChunkName: "xlsx-writer" */ '../xlsx/write-workbook');
}

/**
 * Fetches the writer's chunk now rather than at the first download, so a
 * page opened online keeps working when the network goes.
 *
 * @example void preloadWriter()
 */
export async function preloadWriter(): Promise<void> {
  await loadWriter();
}

/** A workbook's .xlsx bytes. */
export async function workbookBytes(book: OutputBook): Promise<Uint8Array> {
  const { writeWorkbook } = await loadWriter();
  return writeWorkbook(book);
}

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readPreviousFile, readPreviousFiles, readTargetsFile } from '../app/campaign-inputs';
import { inputsFromDrive } from '../app/input-file';
import { previousPeriodOf, type PreviousFigures } from '../core/consolidate/previous-figures';
import type { TargetTable } from '../core/campaign/target-table';
import { carryPrevious, previousMapOf } from '../core/campaign/carry-previous';
import { reformBridge } from '../core/units/map-bridge';
import { registryFor } from '../core/units/unit-maps';
import { previousFolderOf } from '../core/campaign/template-path';
import { failure } from '../core/failures/failure-codes';
import type { Finding } from '../core/findings/finding';
import type { FormDef, PeriodDef } from '../core/forms/form-schema';
import type { Drive } from '../core/ports/drive';
import type { UnitRegistry } from '../core/units/unit-registry';
import { LocalDrive } from '../drive/local/local-drive';
import { IN_THREAD_READER } from '../node/in-thread-reader';
import type { WorkbookReader } from '../app/workbook-reader';
import type { ReadLimits } from '../xlsx/read-limits';
import type { CliIo } from './cli-io';
import { optString, type Lang, type OptionValues } from './command';
import { CliFailure, UsageError } from './exit-codes';
import { countsText, formatFindings } from './format-findings';

/** The `--targets` option as commands declare it. */
export const TARGETS_OPTION = {
  type: 'string',
  arg: '<tệp.xlsx>',
  help: 'Bảng chỉ tiêu (trang ChiTieu: mã đơn vị, tên, một cột chỉ tiêu cho mỗi chỉ số): chỉ tiêu khác chỉ tiêu được giao là lỗi.',
} as const;

/** The `--previous` option as `consolidate` declares it. */
export const PREVIOUS_OPTION = {
  type: 'string',
  arg: '<tệp.xlsx|thư mục|auto>',
  help: 'Kỳ trước: tệp tổng hợp kỳ trước, hoặc thư mục các báo cáo kỳ trước (auto: thư mục cùng tên của kỳ trước, theo quy ước <mẫu>/<kỳ>/<đơn vị>). Thêm cột và nhận xét tăng so với kỳ trước, cảnh báo số lũy kế bị giảm.',
} as const;

/** Bytes of a local file, with a Vietnamese failure. */
async function readLocal(file: string, what: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await fs.readFile(file));
  } catch (err) {
    throw new CliFailure(failure('input_unreadable', { what, file, detail: err instanceof Error ? err.message : String(err) }));
  }
}

/** Findings of an input that is not a submission, printed to stderr under a heading. */
function printFindings(io: CliIo, heading: string, findings: readonly Finding[], lang: Lang): void {
  if (findings.length > 0) io.stderr.write(`${heading} (${countsText(findings)}):\n${formatFindings(findings, lang)}`);
}

/**
 * The target table `--targets` names (a local .xlsx), its findings printed
 * to stderr; undefined without the option. The caller stops when the table
 * has errors: templates and checks against a wrong table help nobody.
 */
export async function targetsOption(values: OptionValues, form: FormDef, registry: UnitRegistry, io: CliIo, lang: Lang): Promise<TargetTable | undefined> {
  const given = optString(values, 'targets');
  if (given === undefined) return undefined;
  const file = path.resolve(io.cwd, given);
  const name = path.basename(file);
  const table = await readTargetsFile({ name, bytes: await readLocal(file, 'bảng chỉ tiêu') }, form, registry, IN_THREAD_READER);
  printFindings(io, `Bảng chỉ tiêu ${name}`, table.findings, lang);
  return table;
}

/** Where the previous period's figures are looked for, and how its files are read. */
interface PreviousSource {
  readonly form: FormDef;
  readonly registry: UnitRegistry;
  readonly period: PeriodDef;
  readonly drive: Drive;
  readonly folder: string;
  readonly folderArg: string;
  readonly local: boolean;
  readonly limits?: Partial<ReadLimits>;
  /** Reads each previous file: the budgeted reader of the command (a worker with a deadline and a heap cap), so one hostile file cannot stall it. */
  readonly reader: WorkbookReader;
}

/**
 * The previous period `--previous` names: a consolidated workbook (a local
 * file, or a path inside `--drive`), a folder of the units' own previous
 * submissions, or `auto` for the folder of the previous period next to
 * `folder` by the folder convention. Undefined without the option.
 */
export async function previousOption(
  values: OptionValues,
  ctx: PreviousSource & {
    /** The units compared (the parent's children); across maps only they are carried over. */
    readonly units?: readonly string[];
  },
  io: CliIo,
  lang: Lang,
): Promise<(PreviousFigures & { readonly notes?: readonly Finding[] }) | undefined> {
  const given = optString(values, 'previous');
  if (given === undefined) return undefined;
  const { form, period } = ctx;
  // Figures kept on the old map are read on it, then carried onto the units of the map in force.
  const prevMap = previousMapOf(form, period);
  const across = ctx.registry.map !== undefined && prevMap !== ctx.registry.map;
  const registry = across ? registryFor(prevMap) : ctx.registry;
  const before = previousPeriodOf(form, period.id);
  if (!before && !across) throw new UsageError(failure('previous_first_period', { period: period.id, form: form.id }));
  const got = await readPrevious(given, { ...ctx, registry, ...(before && !across ? { before } : {}) }, io, lang);
  if (!across) return got;
  const carried = carryPrevious(got, reformBridge(), ctx.registry, ctx.units);
  const made = Object.keys(carried.previous.byUnit).length;
  io.stderr.write(`Kỳ trước theo danh mục ${prevMap}: chuyển sang danh mục ${ctx.registry.map ?? ''} qua bảng chuyển đổi, ${made} đơn vị có số liệu kỳ trước.\n`);
  printFindings(io, 'Chuyển đổi kỳ trước', carried.findings, lang);
  return { ...carried.previous, notes: carried.findings };
}

/** The previous figures as given (a consolidated workbook or a folder of submissions), read on `ctx.registry`: the registry of their own map. */
export async function readPrevious(
  given: string,
  ctx: PreviousSource & { readonly before?: PeriodDef },
  io: CliIo,
  lang: Lang,
): Promise<PreviousFigures> {
  const { form, registry, period, before } = ctx;
  if (/\.xls[xm]?$/i.test(given)) {
    const bytes = ctx.local ? await readLocal(path.resolve(io.cwd, given), 'tệp tổng hợp kỳ trước') : await downloadFromDrive(ctx.drive, given);
    const name = path.basename(given);
    const got = await readPreviousFile({ name, bytes }, form, registry, ctx.reader);
    printFindings(io, `Tệp kỳ trước ${name}`, got.errors, lang);
    if (!got.previous) throw new CliFailure(failure('previous_not_a_report', { file: given, form: form.id }));
    return got.previous;
  }
  const where = given.trim().toLowerCase() === 'auto' ? previousFolderOf(ctx.local ? path.resolve(io.cwd, ctx.folderArg) : ctx.folder, form, period) : ctx.local ? path.resolve(io.cwd, given) : given;
  if (where === undefined) {
    throw new UsageError(failure('previous_auto_convention', { example: `${form.id}/${period.id}/688 Thị xã Phước Long` }));
  }
  const drive = ctx.local ? await localDrive(where) : ctx.drive;
  const files = await inputsFromDrive(drive, ctx.local ? '' : where.replace(/^\/+|\/+$/g, ''));
  // Across maps the files are last campaign's, of whatever period they say.
  const previous = await readPreviousFiles(files, { form, registry, ...(before ? { period: before.id } : {}) }, { reader: ctx.reader, ...(ctx.limits ? { limits: ctx.limits } : {}) });
  if (!previous) throw new CliFailure(failure('previous_folder_empty', { folder: where, period: before?.id ?? '' }));
  return previous;
}

async function localDrive(folder: string): Promise<Drive> {
  const st = await fs.stat(folder).catch(() => undefined);
  if (!st?.isDirectory()) throw new CliFailure(failure('previous_folder_missing', { folder }));
  return new LocalDrive(folder);
}

/** A file of a drive by its path (`4PHU-2024/D1/70 Tỉnh Bình Phước.xlsx`). */
async function downloadFromDrive(drive: Drive, file: string): Promise<Uint8Array> {
  const clean = file.replace(/\\/g, '/').replace(/^\/+/, '');
  const slash = clean.lastIndexOf('/');
  const folder = slash < 0 ? '' : clean.slice(0, slash);
  const name = clean.slice(slash + 1);
  const item = (await drive.list(folder)).find((i) => !i.isFolder && i.name.normalize('NFC') === name.normalize('NFC'));
  if (!item) throw new CliFailure(failure('previous_file_missing', { file }));
  return (await drive.download(item)).bytes;
}

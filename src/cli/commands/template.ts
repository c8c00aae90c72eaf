import { listPeriods } from '../../core/forms/form-periods';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { FormDef, PeriodDef } from '../../core/forms/form-schema';
import { childTemplates, unitTemplate } from '../../app/make-templates';
import { renderTargetTable } from '../../core/campaign/render-target-table';
import { DEFAULT_VILLAGE_ROWS, type UnitTemplateOptions } from '../../core/campaign/unit-template-data';
import type { Unit } from '../../core/units/unit';
import { mapInfo, mapOfRegistry } from '../../core/units/unit-maps';
import type { UnitRegistry } from '../../core/units/unit-registry';
import { BudgetedReader } from '../../node/budget/budgeted-reader';
import type { TargetTable } from '../../core/campaign/target-table';
import { PERIODS_HELP, PERIODS_HELP_EN, formOption, outputPath, periodOption, readBudgetOption, unitOption } from '../cli-args';
import { optFlag, optString, type Command, type Lang, type OptionValues } from '../command';
import { summaryWording } from '../summary-wording';
import { TARGETS_OPTION, targetsOption } from '../campaign-options';
import type { CliIo } from '../cli-io';
import { failure } from '../../core/failures/failure-codes';
import { CliFailure, EXIT, UsageError } from '../exit-codes';
import { MAP_OPTION, mapOption } from '../map-option';
import { writeOutputBook } from '../write-output';

export const templateCommand: Command = {
  name: 'template',
  summary: 'Tạo biểu mẫu trống cho một đơn vị.',
  usage: [
    'template --unit <mã đơn vị> --period <kỳ> --out <tệp.xlsx> [--form <mẫu>] [--rows <số dòng>] [--targets <chỉ tiêu.xlsx>] [--force]',
    'template --unit <mã đơn vị cấp trên> --period <kỳ> --out-dir <thư mục> [--targets <chỉ tiêu.xlsx>] [--form <mẫu>] [--rows <số dòng>] [--force]',
    'template --unit <mã đơn vị cấp trên> --new-targets <chỉ tiêu.xlsx> [--form <mẫu>] [--force]',
  ],
  description:
    'Biểu mẫu của huyện, tỉnh có sẵn một dòng cho mỗi đơn vị trực thuộc; biểu mẫu của xã có các dòng trống\n' +
    'để ghi thôn, ấp, khu phố. Trang ThongTin đã ghi sẵn đơn vị và kỳ; người lập biểu ghi ngày báo cáo và số liệu.',
  options: {
    unit: { type: 'string', arg: '<mã>', help: 'Mã đơn vị theo danh mục hành chính (ví dụ 688, 25216).', argEn: '<code>', helpEn: 'The unit code in the list of administrative units (for example 688, 25216).' },
    period: { type: 'string', arg: '<kỳ>', help: `Kỳ báo cáo: ${PERIODS_HELP}.`, argEn: '<period>', helpEn: `The period: ${PERIODS_HELP_EN}.` },
    out: { type: 'string', short: 'o', arg: '<tệp.xlsx>', help: 'Tệp sẽ tạo.', argEn: '<file.xlsx>', helpEn: 'The file to create.' },
    form: {
      type: 'string',
      arg: '<mẫu|tệp.json>',
      help: 'Mẫu biểu: mã mẫu PHU có sẵn (phu form list) hoặc tệp mẫu biểu .json (mặc định 4PHU-2024). Biểu mẫu tạo ra mang theo mẫu biểu.',
      argEn: '<form|file.json>',
      helpEn: 'The form: the id of a form PHU ships (phu form list) or a form file .json (default 4PHU-2024). The template made carries its form.',
    },
    map: MAP_OPTION,
    rows: { type: 'string', arg: '<số>', help: `Số dòng trống cho thôn, ấp của biểu mẫu cấp xã (mặc định ${DEFAULT_VILLAGE_ROWS}).`, argEn: '<number>', helpEn: `The number of blank village rows in a commune's template (default ${DEFAULT_VILLAGE_ROWS}).` },
    force: { type: 'boolean', help: 'Ghi đè tệp đã có.', helpEn: 'Overwrite files that exist.' },
    targets: { ...TARGETS_OPTION, help: 'Bảng chỉ tiêu (trang ChiTieu): chỉ tiêu được giao điền sẵn và khóa trong biểu mẫu.', helpEn: 'The target table (ChiTieu sheet): the assigned targets are filled in and locked in the template.' },
    'new-targets': {
      type: 'string',
      arg: '<tệp.xlsx>',
      help: 'Tạo bảng chỉ tiêu trống (trang ChiTieu) cho các đơn vị trực thuộc --unit (và đơn vị trực thuộc của chúng) để cấp trên điền rồi dùng với --targets.',
      argEn: '<file.xlsx>',
      helpEn: 'Make a blank target table (ChiTieu sheet) for the child units of --unit (and theirs), for the level above to fill in and use with --targets.',
    },
    'out-dir': {
      type: 'string',
      arg: '<thư mục>',
      help: 'Tạo một biểu mẫu cho MỖI đơn vị trực thuộc --unit, trong <thư mục>/<mẫu>/<kỳ>/<mã tên đơn vị cấp trên>/<mã tên đơn vị>.xlsx (thay cho --out).',
      argEn: '<folder>',
      helpEn: 'Make one template for EACH child unit of --unit, in <folder>/<form>/<period>/<parent code name>/<unit code name>.xlsx (instead of --out).',
    },
  },
  examples: [
    'template --unit 688 --period TK --out "688 Phước Long.xlsx"',
    'template --unit 25216 --period D1 --rows 8 --out "25216 Thác Mơ.xlsx"',
    'template --unit 688 --new-targets chi-tieu-688.xlsx',
    'template --unit 688 --period D1 --targets chi-tieu-688.xlsx --out-dir D:/BaoCao',
  ],
  exitCodes: ['0  đã tạo tệp', '1  bảng chỉ tiêu (--targets) có lỗi: không tạo tệp nào', '2  sai cú pháp, mã đơn vị hoặc kỳ không đúng', '3  không ghi được tệp (hoặc tệp đã có, khi không có --force)'],
  en: {
    summary: 'Make a blank template for a unit.',
    usage: [
      'template --unit <unit code> --period <period> --out <file.xlsx> [--form <form>] [--rows <rows>] [--targets <targets.xlsx>] [--force]',
      'template --unit <parent unit code> --period <period> --out-dir <folder> [--targets <targets.xlsx>] [--form <form>] [--rows <rows>] [--force]',
      'template --unit <parent unit code> --new-targets <targets.xlsx> [--form <form>] [--force]',
    ],
    description:
      "A district's or province's template has a row for each child unit; a commune's has blank rows for its\n" +
      'villages. The ThongTin sheet names the unit and the period; whoever fills it in writes the report date and the figures.',
    exitCodes: ['0  the file was made', '1  the target table (--targets) has errors: no file was made', '2  wrong command line, unit code or period', "3  the file could not be written (or it exists, without --force)"],
  },
  async run({ values, positionals, io, lang }) {
    if (positionals.length > 0) throw new UsageError(failure('argument_not_output', { command: 'template', argument: positionals[0] ?? '' }));
    const form = await formOption(values, io, lang);
    const blank = optString(values, 'new-targets');
    const period = blank !== undefined ? periodOption(form, values, true) : periodOption(form, values);
    // Blank targets have no period: the form's last one stands for the campaign.
    const { registry } = mapOption(values, period ?? listPeriods(form).at(-1), io, lang);
    const unit = unitOption(values, registry);
    if (blank !== undefined) return writeBlankTargets(form, registry, unit, path.resolve(io.cwd, blank), optFlag(values, 'force'), io, lang);
    // Without --new-targets the period was required above: this only narrows its type.
    const made = period ?? periodOption(form, values);
    const rowsText = optString(values, 'rows');
    const rows = rowsText === undefined ? DEFAULT_VILLAGE_ROWS : Number(rowsText);
    if (!Number.isInteger(rows) || rows < 1 || rows > 500) throw new UsageError(failure('rows_invalid', { text: rowsText ?? '' }));
    const outDir = optString(values, 'out-dir');
    if (outDir !== undefined && optString(values, 'out') !== undefined) throw new UsageError(failure('options_out_and_out_dir', {}));
    const table = await budgetedTargets(values, form, registry, io, lang);
    if (table && table.findings.some((f) => f.severity === 'error')) return EXIT.findings;
    const targets = table ? { targets: table.targets } : {};
    if (outDir !== undefined) return writeCampaignTemplates(form, registry, unit, made, { ...targets, villageRows: rows }, path.resolve(io.cwd, outDir), optFlag(values, 'force'), io, lang);
    const out = outputPath(values, 'out', io);
    const { data, book } = unitTemplate(form, registry, unit.code, made.id, { ...targets, villageRows: rows });
    await writeOutputBook(out, book, { overwrite: optFlag(values, 'force') });
    const children = registry.children(unit.code).length;
    const main = data.tables[form.mainTable] ?? [];
    const w = summaryWording(lang);
    const what = w.templateWhat(main.length === 0 ? { kind: 'form_rows', count: 0 } : children > 0 ? { kind: 'children', count: children } : { kind: 'villages', count: rows });
    io.stdout.write(`${w.templateMade({ form: form.id, period: made.id, unit: `${unit.name} (${unit.code})`, what, map: mapLabel(registry, lang), out })}\n`);
    return EXIT.ok;
  },
};

/** `--targets` read as every other file: in a worker with a deadline and a heap cap (started only when the option is given). */
async function budgetedTargets(values: OptionValues, form: FormDef, registry: UnitRegistry, io: CliIo, lang: Lang): Promise<TargetTable | undefined> {
  if (optString(values, 'targets') === undefined) return undefined;
  const reader = new BudgetedReader({ budget: readBudgetOption(io, lang) });
  try {
    return await targetsOption(values, form, registry, io, lang, reader);
  } finally {
    await reader.close();
  }
}

/**
 * `--out-dir`: one prefilled template per unit under `parent`, by the folder
 * convention, all or none (an existing file stops the run before anything
 * is written, unless --force).
 */
async function writeCampaignTemplates(form: FormDef, registry: UnitRegistry, parent: Unit, period: PeriodDef, opts: UnitTemplateOptions, outDir: string, force: boolean, io: CliIo, lang: Lang): Promise<number> {
  const files = childTemplates(form, registry, parent.code, period.id, opts).templates;
  if (files.length === 0) throw new UsageError(failure('no_children_for_templates', { unit: `${parent.name} (${parent.code})` }));
  const target = (p: string): string => path.join(outDir, ...p.split('/'));
  if (!force) {
    const existing = [];
    for (const f of files) if (await fs.stat(target(f.path)).then(() => true, () => false)) existing.push(f.path);
    if (existing.length > 0) throw new CliFailure(failure('outputs_exist', { count: existing.length, file: target(existing[0] ?? '') }));
  }
  for (const f of files) await writeOutputBook(target(f.path), f.book, { overwrite: force });
  const without = files.filter((f) => f.assigned.length === 0);
  const w = summaryWording(lang);
  const withTargets = opts.targets ? w.withTargets({ assigned: files.length - without.length, count: files.length }) : '';
  io.stdout.write(`${w.templatesMade({ count: files.length, form: form.id, period: period.id, parent: `${parent.name} (${parent.code})`, withTargets, map: mapLabel(registry, lang) })}\n`);
  for (const f of files) io.stdout.write(`  ${target(f.path)}\n`);
  if (opts.targets && without.length > 0) io.stdout.write(`${w.withoutTargets({ units: without.map((f) => `${f.unit.code} ${f.unit.name}`).join(', ') })}\n`);
  return EXIT.ok;
}

/** `--new-targets`: a blank target table for the units under `parent` and theirs, to fill and pass back with --targets. */
async function writeBlankTargets(form: FormDef, registry: UnitRegistry, parent: Unit, file: string, force: boolean, io: CliIo, lang: Lang): Promise<number> {
  const units = registry.children(parent.code).flatMap((u) => [u, ...registry.children(u.code)]);
  if (units.length === 0) throw new UsageError(failure('no_children_for_targets', { unit: `${parent.name} (${parent.code})` }));
  await writeOutputBook(file, renderTargetTable(form, units), { overwrite: force });
  io.stdout.write(`${summaryWording(lang).blankTargets({ parent: `${parent.name} (${parent.code})`, count: units.length, file, code: parent.code, base: path.basename(file) })}\n`);
  return EXIT.ok;
}

/** `theo danh mục 01/07/2025 (tỉnh, xã)`, or nothing for a hand-made registry. */
function mapLabel(registry: UnitRegistry, lang: Lang): string {
  const id = mapOfRegistry(registry);
  return summaryWording(lang).mapLabel(id === undefined ? undefined : mapInfo(id));
}

import type { FormDef, PeriodDef } from '../../core/forms/form-schema';
import { renderSubmission } from '../../core/render/render-submission';
import type { SubmissionData, SubmissionDataRow } from '../../core/submission/submission-data';
import { nationalRegistry } from '../../core/units/national-registry';
import type { Unit } from '../../core/units/unit';
import type { UnitRegistry } from '../../core/units/unit-registry';
import { PERIODS_HELP, formOption, outputPath, periodOption, unitOption } from '../cli-args';
import { optFlag, optString, type Command } from '../command';
import { EXIT, UsageError } from '../exit-codes';
import { writeOutputBook } from '../write-output';

/** Blank village rows of a commune template unless `--rows` says otherwise. */
export const DEFAULT_VILLAGE_ROWS = 10;

/**
 * What a blank submission of `unit` holds: its ThongTin filled in except
 * the report date and preparer, and one blank row per child unit (villages,
 * which have no national code, as `villageRows` nameless rows).
 */
export function templateData(form: FormDef, registry: UnitRegistry, unit: Unit, period: PeriodDef, villageRows = DEFAULT_VILLAGE_ROWS): SubmissionData {
  return {
    info: {
      form: form.id,
      form_version: form.version,
      level: unit.level,
      unit_code: unit.code,
      unit_name: unit.name,
      ...(unit.parentCode !== undefined ? { parent_code: unit.parentCode } : {}),
      period: period.id,
      period_from: period.from,
      period_to: period.to,
    },
    tables: { [form.mainTable]: templateRows(form, registry, unit, villageRows) },
  };
}

/** The main table's rows of a template: a units table's children (or blank villages); an items table's rows come from the form. */
function templateRows(form: FormDef, registry: UnitRegistry, unit: Unit, villageRows: number): SubmissionDataRow[] {
  if (form.tables.find((t) => t.sheet === form.mainTable)?.rows !== 'units') return [];
  const children = registry.children(unit.code);
  if (children.length > 0) return children.map((c) => ({ code: c.code, name: c.name, values: {} }));
  return Array.from({ length: villageRows }, () => ({ code: '', name: '', values: {} }));
}

export const templateCommand: Command = {
  name: 'template',
  summary: 'Tạo biểu mẫu trống cho một đơn vị.',
  usage: ['template --unit <mã đơn vị> --period <kỳ> --out <tệp.xlsx> [--form <mẫu>] [--rows <số dòng>] [--force]'],
  description:
    'Biểu mẫu của huyện, tỉnh có sẵn một dòng cho mỗi đơn vị trực thuộc; biểu mẫu của xã có các dòng trống\n' +
    'để ghi thôn, ấp, khu phố. Trang ThongTin đã ghi sẵn đơn vị và kỳ; người lập biểu ghi ngày báo cáo và số liệu.',
  options: {
    unit: { type: 'string', arg: '<mã>', help: 'Mã đơn vị theo danh mục hành chính (ví dụ 688, 25216).' },
    period: { type: 'string', arg: '<kỳ>', help: `Kỳ báo cáo: ${PERIODS_HELP}.` },
    out: { type: 'string', short: 'o', arg: '<tệp.xlsx>', help: 'Tệp sẽ tạo.' },
    form: { type: 'string', arg: '<mẫu>', help: 'Mẫu biểu (mặc định 4PHU-2024).' },
    rows: { type: 'string', arg: '<số>', help: `Số dòng trống cho thôn, ấp của biểu mẫu cấp xã (mặc định ${DEFAULT_VILLAGE_ROWS}).` },
    force: { type: 'boolean', help: 'Ghi đè tệp đã có.' },
  },
  examples: ['template --unit 688 --period TK --out "688 Phước Long.xlsx"', 'template --unit 25216 --period D1 --rows 8 --out "25216 Thác Mơ.xlsx"'],
  exitCodes: ['0  đã tạo tệp', '2  sai cú pháp, mã đơn vị hoặc kỳ không đúng', '3  không ghi được tệp (hoặc tệp đã có, khi không có --force)'],
  async run({ values, positionals, io }) {
    if (positionals.length > 0) throw new UsageError(`Lệnh template không nhận đối số "${positionals[0] ?? ''}": tệp kết quả ghi bằng --out.`);
    const form = formOption(values);
    const registry = nationalRegistry();
    const unit = unitOption(values, registry);
    const period = periodOption(form, values);
    const out = outputPath(values, 'out', io);
    const rowsText = optString(values, 'rows');
    const rows = rowsText === undefined ? DEFAULT_VILLAGE_ROWS : Number(rowsText);
    if (!Number.isInteger(rows) || rows < 1 || rows > 500) throw new UsageError(`--rows cần một số nguyên từ 1 đến 500, không nhận "${rowsText ?? ''}".`);
    const data = templateData(form, registry, unit, period, rows);
    await writeOutputBook(out, renderSubmission(form, data, { template: true }), { overwrite: optFlag(values, 'force') });
    const children = registry.children(unit.code).length;
    const main = data.tables[form.mainTable] ?? [];
    const what = main.length === 0 ? 'các dòng theo mẫu' : children > 0 ? `${children} đơn vị trực thuộc` : `${rows} dòng thôn, ấp`;
    io.stdout.write(`Đã tạo biểu mẫu ${form.id} kỳ ${period.id} cho ${unit.name} (${unit.code}), ${what}:\n  ${out}\n`);
    return EXIT.ok;
  },
};

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { formHash, shortHash } from '../../core/forms/canonical-form';
import { findForm, FORMS } from '../../core/forms/form-catalog';
import { periodsHint } from '../../core/forms/form-periods';
import type { FormDef } from '../../core/forms/form-schema';
import { optFlag, optString, type Command, type CommandContext } from '../command';
import { failure } from '../../core/failures/failure-codes';
import { CliFailure, EXIT, UsageError } from '../exit-codes';
import { cliWording } from '../cli-wording';
import { readFormFile } from '../form-file';
import { summaryWording } from '../summary-wording';
import { countsText, findingJson, formatFindings } from '../format-findings';
import { writeFileOrFail } from '../write-output';

/**
 * The text of a form file: the form as PHU reads it (defaults written
 * out), indented, so it can be edited by hand and read back unchanged.
 *
 * @example formFileText(FORM_4PHU_2024).startsWith('{\n  "id": "4PHU-2024"')
 */
export function formFileText(form: FormDef): string {
  return `${JSON.stringify(form, null, 2)}\n`;
}

export const formCommand: Command = {
  name: 'form',
  summary: 'Mẫu biểu: liệt kê, xuất ra tệp .json để sửa, kiểm tra tệp mẫu biểu.',
  usage: ['form list', 'form export <mã mẫu> [--out <tệp.json>] [--force]', 'form check <tệp.json> [--json]'],
  description:
    'Một mẫu biểu là một tệp JSON: trang, cột, chỉ số, quy tắc kiểm tra và kỳ báo cáo. Xuất một mẫu có sẵn,\n' +
    'sửa (đổi mã "id", tên, thêm cột, đổi kỳ), kiểm tra bằng "form check", rồi dùng --form <tệp.json> với\n' +
    'template, validate, consolidate. Biểu mẫu tạo ra mang theo mẫu biểu, nên cấp trên không cần tệp .json.\n' +
    'Xem docs/bieu-mau.md.',
  options: {
    out: { type: 'string', short: 'o', arg: '<tệp.json>', help: 'Với export: ghi vào tệp thay vì in ra màn hình.', argEn: '<file.json>', helpEn: 'With export: write to a file instead of printing.' },
    force: { type: 'boolean', help: 'Với export: ghi đè tệp đã có.', helpEn: 'With export: overwrite a file that exists.' },
    json: { type: 'boolean', help: 'Với check: in kết quả dạng JSON (cho máy đọc).', helpEn: 'With check: print the result as JSON (for programs).' },
  },
  examples: ['form list', 'form export 4PHU-2024 --out de-an-06-2026.json', 'form check de-an-06-2026.json', 'template --form de-an-06-2026.json --unit 75 --period 2026-11 --out-dir D:/BaoCao'],
  exitCodes: ['0  thành công; với check: tệp mẫu biểu hợp lệ', '1  với check: tệp mẫu biểu có lỗi (in ra từng lỗi và vị trí trong tệp)', '2  sai cú pháp, mã mẫu không có', '3  không đọc hoặc ghi được tệp'],
  en: {
    summary: 'Forms: list them, export one to a .json file to edit, check a form file.',
    usage: ['form list', 'form export <form id> [--out <file.json>] [--force]', 'form check <file.json> [--json]'],
    description:
      'A form is a JSON file: sheets, columns, indicators, checks and periods. Export a form PHU ships, edit it\n' +
      '(change its "id", its title, add columns, change the periods), check it with "form check", then use --form <file.json> with\n' +
      'template, validate, consolidate. The templates made carry their form, so the level above needs no .json file.\n' +
      'See docs/bieu-mau.md.',
    exitCodes: ['0  done; with check: the form file is valid', '1  with check: the form file has errors (each printed with its place in the file)', '2  wrong command line, no such form', '3  a file could not be read or written'],
  },
  async run(ctx) {
    const [action, ...rest] = ctx.positionals;
    switch (action) {
      case 'list':
        return list(ctx, rest);
      case 'export':
        return exportForm(ctx, rest);
      case 'check':
        return check(ctx, rest);
      case undefined:
        throw new UsageError(failure('form_action_missing', {}));
      default:
        throw new UsageError(failure('form_action_unknown', { action }));
    }
  },
};

function list({ io, lang }: CommandContext, rest: readonly string[]): number {
  if (rest.length > 0) throw new UsageError(failure('argument_unexpected', { argument: rest[0] ?? '' }));
  for (const f of FORMS) io.stdout.write(`${cliWording(lang).formListed({ id: f.id, version: String(f.version), title: f.title, periods: periodsHint(f, lang) })}\n`);
  return EXIT.ok;
}

async function exportForm({ values, io, lang }: CommandContext, rest: readonly string[]): Promise<number> {
  const [id, ...extra] = rest;
  if (id === undefined) throw new UsageError(failure('form_export_needs_id', { forms: FORMS.map((f) => f.id).join(', ') }));
  if (extra.length > 0) throw new UsageError(failure('form_export_one', { argument: extra[0] ?? '' }));
  const form = findForm(id);
  if (!form) throw new UsageError(failure('form_id_unknown', { form: id, forms: FORMS.map((f) => f.id).join(', ') }));
  const out = optString(values, 'out');
  if (out === undefined) {
    io.stdout.write(formFileText(form));
    return EXIT.ok;
  }
  const file = path.resolve(io.cwd, out);
  const exists = await fs.stat(file).then(
    () => true,
    () => false,
  );
  if (exists && !optFlag(values, 'force')) throw new CliFailure(failure('output_exists', { file }));
  await writeFileOrFail(file, formFileText(form));
  io.stdout.write(`${cliWording(lang).formExported({ id: form.id, file, out })}\n`);
  return EXIT.ok;
}

async function check({ values, io, lang }: CommandContext, rest: readonly string[]): Promise<number> {
  const [given, ...extra] = rest;
  if (given === undefined) throw new UsageError(failure('form_check_needs_file', {}));
  if (extra.length > 0) throw new UsageError(failure('form_check_one', { argument: extra[0] ?? '' }));
  const { form, findings } = await readFormFile(path.resolve(io.cwd, given));
  if (optFlag(values, 'json')) {
    io.stdout.write(`${JSON.stringify({ ok: form !== undefined, file: given, form: form?.id ?? null, hash: form ? formHash(form) : null, findings: findings.map(findingJson) }, null, 2)}\n`);
  } else if (form) {
    const shipped = findForm(form.id);
    const w = cliWording(lang);
    const note = shipped && formHash(shipped) !== formHash(form) ? `\n${w.formShadowsShipped({ id: form.id })}` : '';
    io.stdout.write(`${w.formValid({ file: given, id: form.id, version: String(form.version), tables: form.tables.length, periods: periodsHint(form, lang), hash: shortHash(formHash(form)) })}${note}\n`);
  } else {
    io.stdout.write(`${given}: ${summaryWording(lang).verdict(true)} (${countsText(findings, lang)})\n${formatFindings(findings, lang)}`);
  }
  return form ? EXIT.ok : EXIT.findings;
}

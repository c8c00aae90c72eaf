import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { formHash, shortHash } from '../../core/forms/canonical-form';
import { findForm, FORMS } from '../../core/forms/form-catalog';
import { periodsHint } from '../../core/forms/form-periods';
import type { FormDef } from '../../core/forms/form-schema';
import { optFlag, optString, type Command, type CommandContext } from '../command';
import { CliFailure, EXIT, UsageError } from '../exit-codes';
import { readFormFile } from '../form-file';
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
    out: { type: 'string', short: 'o', arg: '<tệp.json>', help: 'Với export: ghi vào tệp thay vì in ra màn hình.' },
    force: { type: 'boolean', help: 'Với export: ghi đè tệp đã có.' },
    json: { type: 'boolean', help: 'Với check: in kết quả dạng JSON (cho máy đọc).' },
  },
  examples: ['form list', 'form export 4PHU-2024 --out de-an-06-2026.json', 'form check de-an-06-2026.json', 'template --form de-an-06-2026.json --unit 75 --period 2026-11 --out-dir D:/BaoCao'],
  exitCodes: ['0  thành công; với check: tệp mẫu biểu hợp lệ', '1  với check: tệp mẫu biểu có lỗi (in ra từng lỗi và vị trí trong tệp)', '2  sai cú pháp, mã mẫu không có', '3  không đọc hoặc ghi được tệp'],
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
        throw new UsageError('Thiếu việc cần làm: list, export hoặc check.');
      default:
        throw new UsageError(`"${action}" không phải việc của lệnh form: dùng list, export hoặc check.`);
    }
  },
};

function list({ io }: CommandContext, rest: readonly string[]): number {
  if (rest.length > 0) throw new UsageError(`form list không nhận đối số "${rest[0] ?? ''}".`);
  for (const f of FORMS) io.stdout.write(`${f.id}  (phiên bản ${f.version})  ${f.title}\n    Kỳ báo cáo: ${periodsHint(f)}\n`);
  return EXIT.ok;
}

async function exportForm({ values, io }: CommandContext, rest: readonly string[]): Promise<number> {
  const [id, ...extra] = rest;
  if (id === undefined) throw new UsageError(`Thiếu mã mẫu cần xuất. Các mẫu biểu: ${FORMS.map((f) => f.id).join(', ')}.`);
  if (extra.length > 0) throw new UsageError(`Mỗi lần xuất một mẫu biểu, thừa "${extra[0] ?? ''}".`);
  const form = findForm(id);
  if (!form) throw new UsageError(`Không có mẫu biểu "${id}". Các mẫu biểu: ${FORMS.map((f) => f.id).join(', ')}.`);
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
  if (exists && !optFlag(values, 'force')) throw new CliFailure(`Tệp "${file}" đã có: chọn tên khác, hoặc thêm --force để ghi đè.`);
  await writeFileOrFail(file, formFileText(form));
  io.stdout.write(`Đã xuất mẫu biểu ${form.id} ra:\n  ${file}\nSửa tệp này (trước hết đổi "id"), rồi kiểm tra: phu form check "${out}"\n`);
  return EXIT.ok;
}

async function check({ values, io, lang }: CommandContext, rest: readonly string[]): Promise<number> {
  const [given, ...extra] = rest;
  if (given === undefined) throw new UsageError('Thiếu tệp mẫu biểu (.json) cần kiểm tra.');
  if (extra.length > 0) throw new UsageError(`Mỗi lần kiểm tra một tệp mẫu biểu, thừa "${extra[0] ?? ''}".`);
  const { form, findings } = await readFormFile(path.resolve(io.cwd, given));
  if (optFlag(values, 'json')) {
    io.stdout.write(`${JSON.stringify({ ok: form !== undefined, file: given, form: form?.id ?? null, hash: form ? formHash(form) : null, findings: findings.map(findingJson) }, null, 2)}\n`);
  } else if (form) {
    const shipped = findForm(form.id);
    const note = shipped && formHash(shipped) !== formHash(form) ? `\nLưu ý: mã "${form.id}" trùng mẫu có sẵn của PHU nhưng nội dung khác: hãy đổi "id" để không lẫn với mẫu gốc.` : '';
    io.stdout.write(`${given}: hợp lệ. Mẫu biểu ${form.id} (phiên bản ${form.version}), ${form.tables.length} trang số liệu, kỳ báo cáo: ${periodsHint(form)}.\nMã kiểm tra: ${shortHash(formHash(form))}${note}\n`);
  } else {
    io.stdout.write(`${given}: KHÔNG HỢP LỆ (${countsText(findings)})\n${formatFindings(findings, lang)}`);
  }
  return form ? EXIT.ok : EXIT.findings;
}

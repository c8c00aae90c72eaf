import { listPeriods } from '../../core/forms/form-periods';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseMapId, registryFor } from '../../core/units/unit-maps';
import { checkFile } from '../../app/check-file';
import { BudgetedReader } from '../../node/budget/budgeted-reader';
import { PERIODS_HELP, PERIODS_HELP_EN, formOption, periodOption, readBudgetOption, readLimitsOption } from '../cli-args';
import { optFlag, optString, type Command } from '../command';
import { summaryWording } from '../summary-wording';
import { failure } from '../../core/failures/failure-codes';
import { CliFailure, EXIT, UsageError } from '../exit-codes';
import { expandWildcards } from '../expand-wildcards';
import { TARGETS_OPTION, targetsOption } from '../campaign-options';
import { countFindings, countsText, findingJson, formatFindings } from '../format-findings';
import { MAP_OPTION, givenMap, mapOption } from '../map-option';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Kiểm tra tệp báo cáo theo mẫu biểu, chỉ ra từng ô sai.',
  usage: ['validate <tệp.xlsx>... [--period <kỳ>] [--form <mẫu>] [--targets <chỉ tiêu.xlsx>] [--map <danh mục>] [--json]'],
  description: 'Mỗi lỗi, cảnh báo ghi rõ trang tính và ô (ví dụ SoLieu!E7). Lỗi làm tệp bị loại khỏi số liệu tổng hợp; cảnh báo thì không.',
  options: {
    period: { type: 'string', arg: '<kỳ>', help: `Kỳ đang tổng hợp (${PERIODS_HELP}): tệp ghi kỳ khác là lỗi.`, argEn: '<period>', helpEn: `The period being consolidated (${PERIODS_HELP_EN}): a file of another period is an error.` },
    form: {
      type: 'string',
      arg: '<mẫu|tệp.json>',
      help: 'Mẫu biểu: mã mẫu PHU có sẵn hoặc tệp mẫu biểu .json (mặc định: mẫu biểu tệp mang theo, hoặc mẫu ghi trong trang ThongTin, nếu không có thì 4PHU-2024).',
      argEn: '<form|file.json>',
      helpEn: 'The form: the id of a form PHU ships or a form file .json (default: the form the file carries, or the one named in its ThongTin sheet, else 4PHU-2024).',
    },
    json: { type: 'boolean', help: 'In kết quả dạng JSON (cho máy đọc).', helpEn: 'Print the result as JSON (for programs).' },
    targets: TARGETS_OPTION,
    map: {
      ...MAP_OPTION,
      help: `${MAP_OPTION.help} Không ghi --map: tệp ghi danh mục trong ThongTin (khóa map) được kiểm tra theo danh mục đó.`,
      helpEn: `${MAP_OPTION.helpEn} Without --map, a file naming its list in ThongTin (the map key) is checked on that list.`,
    },
  },
  examples: ['validate "25216 Phường Thác Mơ.xlsx"', 'validate *.xlsx --period TK', 'validate bao-cao.xlsx --json --lang en'],
  exitCodes: ['0  không tệp nào có lỗi (có thể có cảnh báo)', '1  có tệp có lỗi', '2  sai cú pháp, thiếu tệp, tệp không tồn tại', '3  không đọc được tệp'],
  en: {
    summary: 'Check report files against the form, naming each wrong cell.',
    usage: ['validate <file.xlsx>... [--period <period>] [--form <form>] [--targets <targets.xlsx>] [--map <list>] [--json]'],
    description: 'Each error and warning names its sheet and cell (for example SoLieu!E7). An error keeps the file out of the consolidated figures; a warning does not.',
    exitCodes: ['0  no file has errors (there may be warnings)', '1  a file has errors', '2  wrong command line, no file, a file that does not exist', '3  a file could not be read'],
  },
  async run({ values, positionals, io, lang }) {
    if (positionals.length === 0) throw new UsageError(failure('validate_needs_file', {}));
    const form = await formOption(values, io, lang);
    // Without --form each file is checked as the form it carries, so its period is checked there.
    const explicitForm = optString(values, 'form') !== undefined;
    const period = explicitForm ? periodOption(form, values, true) : undefined;
    const expectPeriod = period?.id ?? optString(values, 'period')?.trim();
    const files = (await expandWildcards(positionals, io.cwd)).map((p) => ({ shown: p, full: path.resolve(io.cwd, p) }));
    for (const f of files) {
      const st = await fs.stat(f.full).catch(() => undefined);
      if (!st) throw new UsageError(failure('file_not_found', { file: f.shown }));
      if (st.isDirectory()) throw new UsageError(failure('file_is_folder', { file: f.shown }));
    }
    const pinned = givenMap(values) !== undefined;
    const { registry } = mapOption(values, period ?? listPeriods(form).at(-1), io, lang);
    const limits = readLimitsOption(io, lang);
    const json = optFlag(values, 'json');
    const results: Array<{ file: string; ok: boolean; errors: number; warnings: number; findings: Array<Record<string, unknown>> }> = [];
    let withErrors = 0;
    // Each file, the target table too, is read in a worker with a deadline and a heap cap: a hostile file becomes a finding about it, and the next file is checked.
    const reader = new BudgetedReader({ budget: readBudgetOption(io, lang) });
    try {
      const table = await targetsOption(values, form, registry, io, lang, reader);
      if (table && table.findings.some((f) => f.severity === 'error')) return EXIT.findings;
      // One file at a time, so a long list never holds more than one workbook.
      for (const f of files) {
        const bytes = await fs.readFile(f.full).catch((err: unknown) => {
          throw new CliFailure(failure('file_unreadable', { file: f.shown, detail: err instanceof Error ? err.message : String(err) }));
        });
        const name = path.basename(f.full);
        const check = (reg: typeof registry): ReturnType<typeof checkFile> =>
          checkFile(
            new Uint8Array(bytes),
            { form, registry: reg, file: name, ...(expectPeriod ? { expect: { period: expectPeriod } } : {}), ...(table ? { targets: table.targets } : {}) },
            reader,
            { limits, detectForm: !explicitForm },
          );
        let { findings } = await check(registry);
        // Without --map, a file made on the other map is checked on its own map.
        const other = pinned ? undefined : findings.find((x) => x.code === 'map_mismatch');
        const fileMap = other ? parseMapId(String((other.params as Record<string, unknown>)['fileMap'])) : undefined;
        if (fileMap !== undefined) ({ findings } = await check(registryFor(fileMap)));
        const { errors, warnings } = countFindings(findings);
        if (errors > 0) withErrors++;
        if (json) {
          results.push({ file: f.shown, ok: errors === 0, errors, warnings, findings: findings.map(findingJson) });
        } else {
          const verdict = summaryWording(lang).verdict(errors > 0);
          io.stdout.write(`${f.shown}: ${verdict} (${countsText(findings, lang)})\n${formatFindings(findings, lang)}`);
        }
      }
    } finally {
      await reader.close();
    }
    if (json) {
      io.stdout.write(`${JSON.stringify({ ok: withErrors === 0, form: form.id, period: expectPeriod ?? null, files: results }, null, 2)}\n`);
    } else if (files.length > 1) {
      io.stdout.write(`\n${summaryWording(lang).validated({ files: files.length, valid: files.length - withErrors, withErrors })}\n`);
    }
    return withErrors > 0 ? EXIT.findings : EXIT.ok;
  },
};

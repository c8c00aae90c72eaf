import * as path from 'node:path';
import type { Drive } from '../../core/ports/drive';
import { LocalDrive } from '../../drive/local/local-drive';
import { lowerFirst } from '../../core/consolidate/progress';
import type { Consolidation } from '../../core/consolidate/consolidation';
import { consolidateFolder } from '../../node/consolidate-folder';
import { carriedFormOf } from '../../app/carried-form-of';
import { inputsFromDrive, type InputFile } from '../../app/input-file';
import { PREVIOUS_OPTION, TARGETS_OPTION, previousOption, targetsOption } from '../campaign-options';
import type { FileState } from '../../app/read-reports';
import { BudgetedReader } from '../../node/budget/budgeted-reader';
import { PERIODS_HELP, PERIODS_HELP_EN, dateOption, formOption, outputPath, periodOption, readBudgetOption, readLimitsOption, unitOption } from '../cli-args';
import type { CliIo } from '../cli-io';
import { optFlag, optString, type Command, type Lang, type OptionValues } from '../command';
import { rejectedCount, summaryJson, summaryText } from '../consolidation-summary';
import { cliWording } from '../cli-wording';
import { DRIVE_SCHEMES } from '../drive-schemes';
import { summaryWording } from '../summary-wording';
import { failure } from '../../core/failures/failure-codes';
import { EXIT, UsageError } from '../exit-codes';
import { openDrive } from '../open-drive';
import { MAP_OPTION, mapOption } from '../map-option';
import { writeFileOrFail, writeOutputBook } from '../write-output';
import type { ReadLimits } from '../../xlsx/read-limits';

export const consolidateCommand: Command = {
  name: 'consolidate',
  summary: 'Tổng hợp mọi tệp báo cáo của một thư mục thành báo cáo của đơn vị cấp trên.',
  usage: [
    'consolidate <thư mục> --unit <mã đơn vị cấp trên> --period <kỳ> --out <tệp.xlsx> [--json <tóm tắt.json>] [--strict] [--report-date <dd/mm/yyyy>] [--drive <nguồn>] [--targets <chỉ tiêu.xlsx>] [--previous <tệp.xlsx|thư mục|auto>] [--map <danh mục>]',
  ],
  description:
    'Đọc từng tệp trong thư mục (không đọc thư mục con): đơn vị nộp hai tệp thì lấy tệp có ngày báo cáo mới nhất;\n' +
    'tệp có lỗi bị loại khỏi số liệu; tệp khóa ~$, tệp không phải .xlsx được ghi là "bỏ qua". Mọi tệp đều có trong\n' +
    'trang NguonDuLieu, mọi lỗi trong trang KiemTra. Tệp kết quả cũng là một báo cáo hợp lệ để nộp lên cấp trên.',
  options: {
    unit: { type: 'string', arg: '<mã>', help: 'Mã đơn vị tổng hợp (cấp trên của các đơn vị nộp), ví dụ 688.', argEn: '<code>', helpEn: 'The code of the unit consolidating (the parent of the units that submit), for example 688.' },
    period: { type: 'string', arg: '<kỳ>', help: `Kỳ báo cáo: ${PERIODS_HELP}.`, argEn: '<period>', helpEn: `The period: ${PERIODS_HELP_EN}.` },
    out: { type: 'string', short: 'o', arg: '<tệp.xlsx>', help: 'Tệp tổng hợp sẽ ghi (ghi đè nếu đã có).', argEn: '<file.xlsx>', helpEn: 'The consolidated file to write (overwritten if it exists).' },
    json: {
      type: 'string',
      arg: '<tệp.json>',
      help: 'Ghi thêm tóm tắt cho máy đọc (tỷ lệ nộp, từng tệp và tình trạng, từng lỗi với mã lỗi); "-" để in ra màn hình.',
      argEn: '<file.json>',
      helpEn: 'Also write a summary for programs (submission rate, each file and its status, each error with its code); "-" prints it.',
    },
    strict: { type: 'boolean', help: 'Trả mã thoát 1 nếu có tệp bị loại (không hợp lệ, không thuộc đơn vị).', helpEn: 'Exit with code 1 when a file was refused (invalid, not of a child unit).' },
    'report-date': { type: 'string', arg: '<dd/mm/yyyy>', help: 'Ngày báo cáo của tệp tổng hợp (mặc định hôm nay).', helpEn: 'The report date of the consolidated file (default today).' },
    drive: {
      type: 'string',
      arg: '<nguồn>',
      help: `Đọc thư mục từ nguồn khác: ${DRIVE_SCHEMES.map((s) => s.usage).join(', ')} (thư mục là đường dẫn trong nguồn).`,
      argEn: '<source>',
      helpEn: `Read the folder from another source: ${DRIVE_SCHEMES.map((s) => s.usageEn).join(', ')} (the folder is a path inside it).`,
    },
    form: {
      type: 'string',
      arg: '<mẫu|tệp.json>',
      help: 'Mẫu biểu: mã mẫu PHU có sẵn hoặc tệp mẫu biểu .json (mặc định: mẫu biểu các tệp báo cáo mang theo, nếu không có thì 4PHU-2024).',
      argEn: '<form|file.json>',
      helpEn: 'The form: the id of a form PHU ships or a form file .json (default: the form the report files carry, else 4PHU-2024).',
    },
    map: MAP_OPTION,
    targets: TARGETS_OPTION,
    previous: PREVIOUS_OPTION,
  },
  examples: [
    'consolidate "4PHU-2024/TK/688 Thị xã Phước Long" --unit 688 --period TK --out "688 Phước Long.xlsx"',
    'consolidate "4PHU-2024/D2/688 Thị xã Phước Long" --unit 688 --period D2 --targets chi-tieu-688.xlsx --previous auto --out "688 Phước Long D2.xlsx"',
    'consolidate TK/688 --drive local:D:/BaoCao --unit 688 --period TK --out tong-hop.xlsx --json tom-tat.json --strict',
    'consolidate "4PHU-2024/TK/688 Thị xã Phước Long" --drive graph:<drive-id> --unit 688 --period TK --out "688 Phước Long.xlsx"',
  ],
  exitCodes: ['0  đã ghi tệp tổng hợp (kể cả khi có tệp bị loại)', '1  --strict và có tệp bị loại, hoặc bảng chỉ tiêu (--targets) có lỗi', '2  sai cú pháp, mã đơn vị hoặc kỳ không đúng', '3  không đọc được thư mục hoặc không ghi được tệp'],
  en: {
    summary: "Consolidate every report file of a folder into the parent unit's report.",
    usage: [
      'consolidate <folder> --unit <parent unit code> --period <period> --out <file.xlsx> [--json <summary.json>] [--strict] [--report-date <dd/mm/yyyy>] [--drive <source>] [--targets <targets.xlsx>] [--previous <file.xlsx|folder|auto>] [--map <list>]',
    ],
    description:
      'Reads each file of the folder (not its subfolders): of a unit that sent two files, the one with the latest report date is used;\n' +
      'a file with errors is left out of the figures; Excel lock files ~$ and files that are not workbooks are "ignored". Every file is\n' +
      'listed in the NguonDuLieu sheet, every error in KiemTra. The consolidated file is itself a valid report to send up.',
    exitCodes: ['0  the consolidated file was written (even when files were refused)', '1  --strict and a file was refused, or the target table (--targets) has errors', '2  wrong command line, unit code or period', '3  the folder could not be read or the file could not be written'],
  },
  async run({ values, positionals, io, lang }) {
    const [folderArg, ...extra] = positionals;
    if (folderArg === undefined) throw new UsageError(failure('consolidate_needs_folder', {}));
    if (extra.length > 0) throw new UsageError(failure('consolidate_one_folder', { argument: extra[0] ?? '' }));
    const driveSpec = optString(values, 'drive');
    const { drive, folder } = await driveAndFolder(driveSpec, folderArg, io, lang);
    const out = outputPath(values, 'out', io);
    const limits = readLimitsOption(io, lang);
    // Every workbook of the run, this period's, the previous period's and the one read for its form, is read
    // in a worker with a deadline and a heap cap: one hostile file becomes a finding, never a stalled run.
    // Started first, so that the thread boots while this one lists the folder and reads the first file.
    const reader = new BudgetedReader({ budget: readBudgetOption(io, lang) });
    try {
      return await consolidateWith(reader, { values, io, lang, drive, folder, driveSpec, folderArg, out, limits });
    } finally {
      await reader.close();
    }
  },
};

/** What `phu consolidate` has parsed before it starts reading. */
interface ConsolidateArgs {
  readonly values: OptionValues;
  readonly io: CliIo;
  readonly lang: Lang;
  readonly drive: Drive;
  readonly folder: string;
  readonly driveSpec: string | undefined;
  readonly folderArg: string;
  readonly out: string;
  readonly limits: Partial<ReadLimits>;
}

/** The rest of `phu consolidate`, every file read through `reader`. */
async function consolidateWith(reader: BudgetedReader, { values, io, lang, drive, folder, driveSpec, folderArg, out, limits }: ConsolidateArgs): Promise<number> {
  // The output written into the folder it consolidates must not be read back as a submission.
  const ignore = (file: InputFile): 'own_output' | undefined => (file.location !== undefined && path.resolve(file.location) === out ? 'own_output' : undefined);
  // Without --form, the form the submissions carry (a form PHU does not ship needs nothing else).
  const carried = optString(values, 'form') === undefined ? await carriedFormOf(await inputsFromDrive(drive, folder), reader, { limits, ignore }) : undefined;
  const form = await formOption(values, io, lang, carried);
  const period = periodOption(form, values);
  const { registry, findings: mapFindings } = mapOption(values, period, io, lang);
  const unit = unitOption(values, registry);
  const jsonPath = optString(values, 'json');
  const reportDate = dateOption(values, 'report-date');
  if (registry.children(unit.code).length === 0) throw new UsageError(failure('no_children_to_consolidate', { unit: `${unit.name} (${unit.code})` }));

  const targets = await targetsOption(values, form, registry, io, lang, reader);
  if (targets && targets.findings.some((f) => f.severity === 'error')) return EXIT.findings;
  const previous = await previousOption(values, { form, registry, period, drive, folder, folderArg, local: driveSpec === undefined, limits, reader, units: registry.children(unit.code).map((u) => u.code) }, io, lang);
  const notes = [...mapFindings, ...(previous?.notes ?? [])];
  const { consolidation, book } = await consolidateFolder({
    reader,
    // One file downloaded and hashed while the worker reads the other.
    concurrency: 2,
    drive,
    folder,
    form,
    registry,
    parent: unit,
    period,
    ...(reportDate !== undefined ? { reportDate } : {}),
    limits,
    onProgress: progressPrinter(io, lang),
    ignore,
    ...(targets ? { targets: targets.targets } : {}),
    ...(previous ? { previous } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  });
  await writeOutputBook(out, book, { overwrite: true });
  const text = summaryText(consolidation, unit, period, out, lang) + progressLine(consolidation, lang);
  if (jsonPath === undefined) {
    io.stdout.write(text);
  } else {
    const json = `${JSON.stringify(summaryJson(consolidation, unit, period, out), null, 2)}\n`;
    // `--json -`: the machine summary on stdout, the sentences on stderr.
    if (jsonPath === '-') io.stdout.write(json);
    else await writeFileOrFail(path.resolve(io.cwd, jsonPath), json);
    (jsonPath === '-' ? io.stderr : io.stdout).write(text);
  }
  return optFlag(values, 'strict') && rejectedCount(consolidation) > 0 ? EXIT.findings : EXIT.ok;
}

/** The drive and folder path a command line names: a local folder, or a folder inside `--drive`. */
async function driveAndFolder(driveSpec: string | undefined, folderArg: string, io: CliIo, lang: Lang): Promise<{ drive: Drive; folder: string }> {
  if (driveSpec === undefined) return { drive: new LocalDrive(path.resolve(io.cwd, folderArg)), folder: '' };
  return { drive: await openDrive(driveSpec, io, lang), folder: folderArg.replace(/\\/g, '/').replace(/^\/+|\/+$/g, '') };
}

/** A one-line counter on a terminal; nothing when stderr is a file or a test. */
export function progressPrinter(io: CliIo, lang: Lang): (p: FileState) => void {
  return (p) => {
    if (io.stderr.isTTY !== true || p.status === 'reading') return;
    io.stderr.statusLine?.(p.done === p.total ? '' : cliWording(lang).reading({ done: p.done, total: p.total }));
  };
}

/** With a previous period: how many units could be compared, and where the comparison is. */
function progressLine(c: Consolidation, lang: Lang): string {
  if (!c.progress) return '';
  const compared = Math.max(0, ...Object.values(c.progress.total).map((t) => t.units));
  return `${summaryWording(lang).compared({ label: lowerFirst(c.progress.label), compared, children: c.children.length })}\n`;
}

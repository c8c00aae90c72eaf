import { listPeriods } from '../../core/forms/form-periods';
import * as path from 'node:path';
import { carryPrevious } from '../../core/campaign/carry-previous';
import { conversionSheet, convertedReports } from '../../core/campaign/convert-to-map';
import { consolidate } from '../../core/consolidate/consolidate';
import { renderConsolidation } from '../../core/render/render-consolidation';
import { reformBridge } from '../../core/units/map-bridge';
import { parseMapId, registryFor } from '../../core/units/unit-maps';
import { LocalDrive } from '../../drive/local/local-drive';
import { readPrevious } from '../campaign-options';
import { dateOption, formOption, outputPath, readBudgetOption, unitOption } from '../cli-args';
import { BudgetedReader } from '../../node/budget/budgeted-reader';
import { optString, type Command } from '../command';
import { failure } from '../../core/failures/failure-codes';
import { EXIT, UsageError } from '../exit-codes';
import { cliWording } from '../cli-wording';
import { countsText } from '../format-findings';
import { writeOutputBook } from '../write-output';

export const convertCommand: Command = {
  name: 'convert',
  summary: 'Chuyển số liệu theo danh mục cũ (trước 01/07/2025) sang các xã, phường mới qua bảng chuyển đổi.',
  usage: ['convert <tệp.xlsx|thư mục> --to-map 2025-07-01 --out <tệp.xlsx> [--unit <mã tỉnh mới>] [--form <mẫu>]'],
  description:
    'Đọc báo cáo tổng hợp cũ (mỗi dòng một xã) hoặc thư mục các báo cáo của xã cũ, rồi ghi một tệp tổng hợp\n' +
    'trên các xã, phường mới: số của xã mới là tổng số của các xã cũ nhập toàn bộ vào nó; xã mới có một phần\n' +
    'dân số từ xã cũ bị chia tách thì không có số (cảnh báo trong KiemTra). Trang ChuyenDoi liệt kê từng xã cũ\n' +
    'và nó đã thành đơn vị nào.',
  options: {
    'to-map': { type: 'string', arg: '<2025-07-01>', help: 'Danh mục đích (chỉ có 2025-07-01).', helpEn: 'The unit list to convert to (only 2025-07-01).' },
    out: { type: 'string', short: 'o', arg: '<tệp.xlsx>', help: 'Tệp tổng hợp sẽ ghi (ghi đè nếu đã có).', argEn: '<file.xlsx>', helpEn: 'The consolidated file to write (overwritten if it exists).' },
    unit: {
      type: 'string',
      arg: '<mã>',
      help: 'Tỉnh mới của tệp tổng hợp (mặc định: tỉnh mới của các xã có số liệu, nếu chỉ có một).',
      argEn: '<code>',
      helpEn: 'The new province of the consolidated file (default: the new province of the communes with figures, when there is one).',
    },
    form: { type: 'string', arg: '<mẫu>', help: 'Mẫu biểu (mặc định 4PHU-2024).', argEn: '<form>', helpEn: 'The form (default 4PHU-2024).' },
    'report-date': { type: 'string', arg: '<dd/mm/yyyy>', help: 'Ngày báo cáo của tệp (mặc định hôm nay).', helpEn: 'The report date of the file (default today).' },
  },
  examples: ['convert "4PHU-2024/TK/70 Tỉnh Bình Phước.xlsx" --to-map 2025-07-01 --out "Bình Phước cũ trên danh mục mới.xlsx"', 'convert "4PHU-2024/TK/688 Thị xã Phước Long" --to-map 2025-07-01 --unit 75 --out phuoc-long-moi.xlsx'],
  exitCodes: ['0  đã ghi tệp', '2  sai cú pháp hoặc danh mục', '3  không đọc được đầu vào hoặc không ghi được tệp'],
  en: {
    summary: 'Convert figures on the old unit list (before 01/07/2025) to the new communes and wards through the conversion table.',
    usage: ['convert <file.xlsx|folder> --to-map 2025-07-01 --out <file.xlsx> [--unit <new province code>] [--form <form>]'],
    description:
      'Reads an old consolidated report (one row per commune) or a folder of the old communes\' reports, then writes a consolidated\n' +
      'file on the new communes and wards: a new commune\'s figure is the sum of the old communes wholly merged into it; a new\n' +
      'commune taking part of the population of a split old commune gets no figure (a warning in KiemTra). The ChuyenDoi sheet\n' +
      'lists each old commune and the unit it became.',
    exitCodes: ['0  the file was written', '2  wrong command line or unit list', '3  the input could not be read or the file could not be written'],
  },
  async run({ values, positionals, io, lang }) {
    const [input, ...extra] = positionals;
    if (input === undefined) throw new UsageError(failure('convert_needs_input', {}));
    if (extra.length > 0) throw new UsageError(failure('convert_one_input', { argument: extra[0] ?? '' }));
    const bridge = reformBridge();
    const toText = optString(values, 'to-map') ?? '';
    if (parseMapId(toText) !== bridge.to) throw new UsageError(failure('convert_to_map', { to: bridge.to, from: bridge.from }));
    const form = await formOption(values, io, lang);
    const out = outputPath(values, 'out', io);
    const from = registryFor(bridge.from);
    const to = registryFor(bridge.to);
    const last = listPeriods(form).at(-1);
    if (!last) throw new UsageError(failure('form_no_period', { form: form.id }));
    // The old map's files are read as consolidate reads: each in a worker with a deadline and a heap cap.
    const reader = new BudgetedReader({ budget: readBudgetOption(io, lang) });
    let previous;
    try {
      previous = await readPrevious(input, { form, registry: from, period: last, drive: new LocalDrive(io.cwd), folder: '', folderArg: input, local: true, reader }, io, lang);
    } finally {
      await reader.close();
    }
    const reached = to.atLevel('xa').filter((u) => bridge.predecessors(u.code).some((s) => previous.byUnit[s.oldCode] !== undefined));
    const carried = carryPrevious(previous, bridge, to, reached.map((u) => u.code));
    const touched = [...new Set(reached.map((u) => u.parentCode ?? ''))];
    const parent = optString(values, 'unit') !== undefined ? unitOption(values, to) : touched.length === 1 ? to.get(touched[0] ?? '') : undefined;
    if (!parent) throw new UsageError(failure('convert_choose_unit', { count: touched.length, units: touched.join(', ') }));
    const reportDate = dateOption(values, 'report-date');
    const c = consolidate(convertedReports(carried, form, to, path.basename(input)), {
      form,
      registry: to,
      parentCode: parent.code,
      period: previous.period,
      ...(reportDate !== undefined ? { reportDate } : {}),
      notes: carried.findings,
    });
    const book = renderConsolidation(form, c, { completeness: true });
    await writeOutputBook(out, { sheets: [...book.sheets, conversionSheet(previous, carried, bridge, from, to)] }, { overwrite: true });
    const olds = Object.keys(previous.byUnit).filter((code) => from.get(code)?.level === 'xa').length;
    const reachedCount = c.children.filter((r) => r.status !== 'missing').length;
    const words = { period: previous.period, olds, from: bridge.from, to: bridge.to, reached: reachedCount, children: c.children.length, parent: `${parent.name} (${parent.code})`, counts: countsText(carried.findings, lang), out };
    io.stdout.write(`${cliWording(lang).converted(words)}\n`);
    return EXIT.ok;
  },
};

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pushRefusalText, pushWorkbook, type PushResult } from '../../app/push-workbook';
import { failure } from '../../core/failures/failure-codes';
import { errorText, failureText } from '../../core/failures/failure-text';
import { formatNumberVi } from '../../core/format/format-number-vi';
import type { Drive, DriveItem } from '../../core/ports/drive';
import { LocalDrive } from '../../drive/local/local-drive';
import { IN_THREAD_READER } from '../../node/in-thread-reader';
import { formOption } from '../cli-args';
import type { CliIo } from '../cli-io';
import { optFlag, optString, type Command, type Lang } from '../command';
import { cliWording } from '../cli-wording';
import { UsageError } from '../exit-codes';
import { MAP_OPTION, givenMap } from '../map-option';
import { openDrive } from '../open-drive';
import { summaryWording } from '../summary-wording';

/** `phu push` exit codes: a conflict is not a failure, it is a decision left to the person. */
export const PUSH_EXIT = { ok: 0, failed: 1, usage: 2, conflict: 3 } as const;

export const pushCommand: Command = {
  name: 'push',
  summary: 'Tải một báo cáo lên thư mục chung (SharePoint/OneDrive hoặc thư mục), tên tệp theo mã và tên đơn vị.',
  usage: ['push <tệp.xlsx> --to <thư mục> [--drive local:<thư mục gốc>|graph:<drive-id>] [--name <tên tệp>] [--replace [--if-match <eTag>]] [--map <danh mục>]'],
  description:
    'Tên tệp lấy từ trang ThongTin của chính tệp: "<mã đơn vị> <tên đơn vị>.xlsx" (đổi bằng --name).\n' +
    'Tệp đã có thì KHÔNG bị ghi đè: lệnh dừng với mã 3. --replace thay tệp đang có, nhưng chỉ đúng phiên bản\n' +
    'bạn đã thấy (eTag, mặc định là phiên bản lúc chạy lệnh, hoặc --if-match); nếu người khác đã sửa tệp, lệnh\n' +
    'dừng với mã 3 và giữ nguyên cả hai bản. In ra địa chỉ web (hoặc đường dẫn) của tệp đã tải lên.',
  options: {
    to: { type: 'string', arg: '<thư mục>', help: 'Thư mục đích: trong --drive nếu có, không thì một thư mục trên máy.', argEn: '<folder>', helpEn: 'The destination folder: inside --drive when given, else a folder on this computer.' },
    drive: {
      type: 'string',
      arg: '<nguồn>',
      help: 'local:<thư mục gốc> hoặc graph:<drive-id> (thư viện tài liệu SharePoint/OneDrive; graph:me là OneDrive của bạn).',
      argEn: '<source>',
      helpEn: 'local:<root folder> or graph:<drive-id> (a SharePoint/OneDrive document library; graph:me is your OneDrive).',
    },
    name: { type: 'string', arg: '<tên tệp>', help: 'Tên tệp trên thư mục đích thay cho "<mã> <tên>.xlsx" lấy từ ThongTin.', argEn: '<file name>', helpEn: 'The file name in the destination instead of "<code> <name>.xlsx" taken from ThongTin.' },
    replace: { type: 'boolean', help: 'Thay tệp cùng tên đang có (chỉ khi nó chưa bị ai sửa kể từ phiên bản bạn thấy).', helpEn: 'Replace the file of the same name (only if nobody changed it since the version you saw).' },
    'if-match': { type: 'string', arg: '<eTag>', help: 'Với --replace: phiên bản (eTag) bạn đã thấy, như lệnh push trước đã in ra.', helpEn: 'With --replace: the version (eTag) you saw, as the previous push printed it.' },
    form: {
      type: 'string',
      arg: '<mẫu|tệp.json>',
      help: 'Mẫu biểu để đọc trang ThongTin: mã mẫu PHU có sẵn hoặc tệp mẫu biểu .json (mặc định: mẫu biểu tệp mang theo).',
      argEn: '<form|file.json>',
      helpEn: 'The form to read the ThongTin sheet by: the id of a form PHU ships or a form file .json (default: the form the file carries).',
    },
    map: {
      ...MAP_OPTION,
      help: `${MAP_OPTION.help} Tệp của đơn vị không còn (hoặc chưa có) trên danh mục đó không được tải lên. Mặc định: danh mục ghi trong ThongTin của tệp, không có thì theo ngày cuối kỳ.`,
      helpEn: `${MAP_OPTION.helpEn} The file of a unit no longer (or not yet) on that list is not uploaded. Default: the list named in the file's ThongTin, else the one of the period's last day.`,
    },
  },
  examples: [
    'push "25216 Phường Thác Mơ.xlsx" --to "4PHU-2024/TK/688 Thị xã Phước Long" --drive graph:b!AbCd...',
    'push tong-hop.xlsx --to "4PHU-2024/TK/70 Tỉnh Bình Phước" --drive graph:b!AbCd... --replace',
    'push bao-cao.xlsx --to D:/BaoCao/4PHU-2024/TK/688',
  ],
  exitCodes: [
    '0  đã tải lên; in địa chỉ web (hoặc đường dẫn) của tệp',
    '1  không đọc được tệp, ThongTin thiếu mã/tên đơn vị, lỗi đăng nhập hoặc mạng',
    '2  sai cú pháp',
    '3  xung đột: tệp đã có (chưa dùng --replace), hoặc đã bị người khác sửa; không ghi đè gì',
  ],
  en: {
    summary: 'Upload a report to a shared folder (SharePoint/OneDrive or a folder), named by the unit code and name.',
    usage: ['push <file.xlsx> --to <folder> [--drive local:<root folder>|graph:<drive-id>] [--name <file name>] [--replace [--if-match <eTag>]] [--map <list>]'],
    description:
      'The file name comes from the file\'s own ThongTin sheet: "<unit code> <unit name>.xlsx" (change it with --name).\n' +
      'A file that exists is NOT overwritten: the command stops with code 3. --replace replaces the file, but only the version\n' +
      'you saw (its eTag: by default the one when the command runs, or --if-match); if someone else changed the file, the command\n' +
      'stops with code 3 and keeps both copies. Prints the web address (or the path) of the uploaded file.',
    exitCodes: [
      '0  uploaded; the web address (or path) of the file is printed',
      '1  the file could not be read, ThongTin lacks the unit code or name, a sign-in or network failure',
      '2  wrong command line',
      '3  conflict: the file exists (without --replace), or someone else changed it; nothing was overwritten',
    ],
  },
  async run({ values, positionals, io, lang }) {
    const [fileArg, ...extra] = positionals;
    if (fileArg === undefined) throw new UsageError(failure('push_needs_file', {}));
    if (extra.length > 0) throw new UsageError(failure('push_one_file', { argument: extra[0] ?? '' }));
    const to = optString(values, 'to');
    if (to === undefined || to.trim() === '') throw new UsageError(failure('option_missing', { option: 'to' }));
    const replace = optFlag(values, 'replace');
    const ifMatch = optString(values, 'if-match');
    if (ifMatch !== undefined && !replace) throw new UsageError(failure('push_if_match_alone', {}));
    const form = await formOption(values, io, lang);

    const file = path.resolve(io.cwd, fileArg);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await fs.readFile(file));
    } catch {
      return fail(io, failureText(failure('push_unreadable', { file }), lang), lang);
    }
    const map = givenMap(values);
    const name = optString(values, 'name')?.trim() || { reader: IN_THREAD_READER, form, detectForm: optString(values, 'form') === undefined, ...(map ? { map } : {}) };
    const { open, folder, dir } = destination(optString(values, 'drive'), to, io, lang);
    const progress = progressLine(io, lang);
    const result = await pushWorkbook({ bytes, folder, name, ...(replace ? { replace: ifMatch !== undefined ? { ifMatch } : {} } : {}), ...(progress ? { onProgress: progress } : {}) }, open);
    return report(io, result, { file, size: bytes.length, ...(dir !== undefined ? { dir } : {}) }, lang);
  },
};

function fail(io: CliIo, message: string, lang: Lang): number {
  io.stderr.write(`${lang === 'en' ? 'Error' : 'Lỗi'}: ${message}\n`);
  return PUSH_EXIT.failed;
}

/**
 * The drive to open (only once the file passed its checks) and the folder
 * in it: a local folder is the drive's root, shown as its full path.
 */
function destination(driveSpec: string | undefined, to: string, io: CliIo, lang: Lang): { open: () => Promise<Drive>; folder: string; dir?: string } {
  if (driveSpec !== undefined) return { open: () => openDrive(driveSpec, io, lang), folder: to };
  const dir = path.resolve(io.cwd, to);
  return { open: () => Promise.resolve(new LocalDrive(dir)), folder: '', dir };
}

function describe(item: DriveItem, lang: Lang): string {
  return cliWording(lang).driveItem({ eTag: item.eTag, modified: item.modified ?? '', bytes: item.size });
}

function report(io: CliIo, result: PushResult, ctx: { file: string; size: number; dir?: string }, lang: Lang): number {
  if (result.kind === 'refused') return fail(io, pushRefusalText(result.refusal, lang), lang);
  const shown = ctx.dir ?? (result.folder || '/');
  switch (result.kind) {
    case 'failed': {
      const hint = result.error.code === 'auth' ? `\n${failureText(failure('graph_auth_hint', {}), lang)}` : '';
      return fail(io, `${errorText(result.error, lang)}${hint}`, lang);
    }
    case 'sent': {
      const bytes = lang === 'en' ? ctx.size.toLocaleString('en-US') : formatNumberVi(ctx.size);
      io.stdout.write(`${summaryWording(lang).uploaded({ replaced: result.replaced, name: result.name, bytes, shown, eTag: result.item.eTag, location: result.item.location })}\n`);
      return PUSH_EXIT.ok;
    }
    case 'exists':
      io.stderr.write(`${cliWording(lang).pushExists({ shown, name: result.name, there: result.existing ? describe(result.existing, lang) : '', ifMatch: result.existing?.eTag ?? '' })}\n`);
      return PUSH_EXIT.conflict;
    case 'changed':
      io.stderr.write(
        `${cliWording(lang).pushChanged({ name: result.name, shown, saw: result.ifMatch, now: result.existing ? describe(result.existing, lang) : '', file: ctx.file, ifMatch: result.existing?.eTag ?? '' })}\n`,
      );
      return PUSH_EXIT.conflict;
  }
}

/** Upload progress on a terminal; nothing in a pipe or a test. */
function progressLine(io: CliIo, lang: Lang): ((done: number, total: number) => void) | undefined {
  if (io.stderr.isTTY !== true) return undefined;
  return (done, total) => {
    io.stderr.statusLine?.(done >= total ? '' : cliWording(lang).uploading({ percent: total > 0 ? Math.floor((done / total) * 100) : 100 }));
  };
}

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pushRefusalText, pushWorkbook, type PushResult } from '../../app/push-workbook';
import { failure } from '../../core/failures/failure-codes';
import { errorText, failureText } from '../../core/failures/failure-text';
import { formatNumberVi } from '../../core/format/format-number-vi';
import type { Drive, DriveItem } from '../../core/ports/drive';
import { LocalDrive } from '../../drive/local/local-drive';
import { readWorkbook } from '../../xlsx/read-workbook';
import { formOption } from '../cli-args';
import type { CliIo } from '../cli-io';
import { optFlag, optString, type Command, type Lang } from '../command';
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
    to: { type: 'string', arg: '<thư mục>', help: 'Thư mục đích: trong --drive nếu có, không thì một thư mục trên máy.' },
    drive: { type: 'string', arg: '<nguồn>', help: 'local:<thư mục gốc> hoặc graph:<drive-id> (thư viện tài liệu SharePoint/OneDrive; graph:me là OneDrive của bạn).' },
    name: { type: 'string', arg: '<tên tệp>', help: 'Tên tệp trên thư mục đích thay cho "<mã> <tên>.xlsx" lấy từ ThongTin.' },
    replace: { type: 'boolean', help: 'Thay tệp cùng tên đang có (chỉ khi nó chưa bị ai sửa kể từ phiên bản bạn thấy).' },
    'if-match': { type: 'string', arg: '<eTag>', help: 'Với --replace: phiên bản (eTag) bạn đã thấy, như lệnh push trước đã in ra.' },
    form: { type: 'string', arg: '<mẫu|tệp.json>', help: 'Mẫu biểu để đọc trang ThongTin: mã mẫu PHU có sẵn hoặc tệp mẫu biểu .json (mặc định: mẫu biểu tệp mang theo).' },
    map: { ...MAP_OPTION, help: `${MAP_OPTION.help} Tệp của đơn vị không còn (hoặc chưa có) trên danh mục đó không được tải lên. Mặc định: danh mục ghi trong ThongTin của tệp, không có thì theo ngày cuối kỳ.` },
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
  async run({ values, positionals, io, lang }) {
    const [fileArg, ...extra] = positionals;
    if (fileArg === undefined) throw new UsageError('Thiếu tệp cần tải lên.');
    if (extra.length > 0) throw new UsageError(`Mỗi lần tải lên một tệp, thừa "${extra[0] ?? ''}".`);
    const to = optString(values, 'to');
    if (to === undefined || to.trim() === '') throw new UsageError('Thiếu --to <thư mục đích>.');
    const replace = optFlag(values, 'replace');
    const ifMatch = optString(values, 'if-match');
    if (ifMatch !== undefined && !replace) throw new UsageError('--if-match chỉ dùng cùng --replace.');
    const form = await formOption(values, io);

    const file = path.resolve(io.cwd, fileArg);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await fs.readFile(file));
    } catch {
      return fail(io, failureText(failure('push_unreadable', { file }), lang), lang);
    }
    const map = givenMap(values);
    const name = optString(values, 'name')?.trim() || { reader: { readWorkbook }, form, detectForm: optString(values, 'form') === undefined, ...(map ? { map } : {}) };
    const { open, folder, dir } = destination(optString(values, 'drive'), to, io);
    const progress = progressLine(io);
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
function destination(driveSpec: string | undefined, to: string, io: CliIo): { open: () => Promise<Drive>; folder: string; dir?: string } {
  if (driveSpec !== undefined) return { open: () => openDrive(driveSpec, io), folder: to };
  const dir = path.resolve(io.cwd, to);
  return { open: () => Promise.resolve(new LocalDrive(dir)), folder: '', dir };
}

function describe(item: DriveItem): string {
  const when = item.modified ? `, sửa lúc ${item.modified}` : '';
  return `phiên bản ${item.eTag}${when}, ${formatNumberVi(item.size)} byte`;
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
    case 'exists': {
      const there = result.existing ? ` (${describe(result.existing)})` : '';
      io.stderr.write(
        `Xung đột: "${shown}" đã có tệp "${result.name}"${there}. Không ghi đè.\n` +
          `Nếu muốn thay bằng tệp của bạn, chạy lại với --replace${result.existing ? ` --if-match '${result.existing.eTag}'` : ''}; hoặc đặt tên khác bằng --name.\n`,
      );
      return PUSH_EXIT.conflict;
    }
    case 'changed':
      io.stderr.write(
        `Xung đột: tệp "${result.name}" trong "${shown}" đã bị người khác thay đổi sau phiên bản bạn đã thấy (${result.ifMatch})${result.existing ? `; hiện là ${describe(result.existing)}` : ', hoặc đã bị xóa'}.\n` +
          `Không ghi đè: giữ cả hai bản — bản trên thư mục chung giữ nguyên, bản của bạn vẫn ở "${ctx.file}".\n` +
          `Hãy mở bản trên thư mục chung xem thay đổi; nếu vẫn muốn thay, chạy lại với --replace${result.existing ? ` --if-match '${result.existing.eTag}'` : ''}.\n`,
      );
      return PUSH_EXIT.conflict;
  }
}

/** Upload progress on a terminal; nothing in a pipe or a test. */
function progressLine(io: CliIo): ((done: number, total: number) => void) | undefined {
  if (io.stderr.isTTY !== true) return undefined;
  return (done, total) => {
    io.stderr.statusLine?.(done >= total ? '' : `Đang tải lên ${total > 0 ? Math.floor((done / total) * 100) : 100}%`);
  };
}

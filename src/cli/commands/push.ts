import { promises as fs } from 'node:fs';
import { explainUnit } from '../../core/units/explain-unit';
import { mapForDate, parseMapId, registryFor, type MapId } from '../../core/units/unit-maps';
import { MAP_OPTION, givenMap } from '../map-option';
import { detectForm } from '../../core/forms/detect-form';
import type { FormDef } from '../../core/forms/form-schema';
import * as path from 'node:path';
import { formatNumberVi } from '../../core/format/format-number-vi';
import { DriveError, type ConflictPolicy, type Drive, type DriveItem, type UploadResult } from '../../core/ports/drive';
import { readInfo } from '../../core/validate/read-info';
import { LocalDrive } from '../../drive/local/local-drive';
import { IN_THREAD_READER } from '../../node/in-thread-reader';
import { formOption } from '../cli-args';
import type { CliIo } from '../cli-io';
import { optFlag, optString, type Command, type Lang } from '../command';
import { summaryWording } from '../summary-wording';
import { failure } from '../../core/failures/failure-codes';
import { errorText, failureText } from '../../core/failures/failure-text';
import { UsageError } from '../exit-codes';
import { openDrive } from '../open-drive';

/** `phu push` exit codes: a conflict is not a failure, it is a decision left to the person. */
export const PUSH_EXIT = { ok: 0, failed: 1, usage: 2, conflict: 3 } as const;

/** Characters no SharePoint, OneDrive or Windows file name may hold. */
const UNSAFE = /["*:<>?/\\|\u0000-\u001f]/g; // eslint-disable-line no-control-regex

/** `<unit code> <unit name>.xlsx`, the folder convention's file name, safe on every drive. */
export function conventionFileName(unitCode: string, unitName: string): string {
  return `${unitCode} ${unitName}`.normalize('NFC').replace(UNSAFE, '_').replace(/\s+/g, ' ').trim().replace(/[ .]+$/, '') + '.xlsx';
}

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
    const name = optString(values, 'name')?.trim() || (await nameFromWorkbook(bytes, form, optString(values, 'form') !== undefined, givenMap(values)));
    if (typeof name !== 'string') return fail(io, name.problem, lang);

    try {
      const { drive, folder, shown } = await target(optString(values, 'drive'), to, io);
      const policy = replace ? await replacePolicy(drive, folder, name, ifMatch) : ({ kind: 'fail' } as const);
      const result = await drive.upload(folder, name, bytes, policy, progressLine(io));
      return report(io, result, { name, shown, file, policy, size: bytes.length }, lang);
    } catch (err) {
      if (!(err instanceof DriveError)) throw err;
      const hint = err.code === 'auth' ? `\n${failureText(failure('graph_auth_hint', {}), lang)}` : '';
      return fail(io, `${errorText(err, lang)}${hint}`, lang);
    }
  },
};

function fail(io: CliIo, message: string, lang: Lang): number {
  io.stderr.write(`${lang === 'en' ? 'Error' : 'Lỗi'}: ${message}\n`);
  return PUSH_EXIT.failed;
}

/** The convention's name from the workbook's own ThongTin, or why it cannot be made. */
async function nameFromWorkbook(bytes: Uint8Array, given: FormDef, explicit: boolean, map: MapId | undefined): Promise<string | { problem: string }> {
  const read = await IN_THREAD_READER.readWorkbook(bytes);
  if (!read.book) {
    const why = read.findings.map((f) => f.message_vi).join(' ');
    return { problem: `Không phải bảng tính đọc được${why ? `: ${why}` : '.'}` };
  }
  // Without --form, the form the workbook carries says where its info sheet is.
  const form = explicit ? given : (detectForm(read.book) ?? given);
  const { info } = readInfo(read.book, form);
  const code = info.unit_code?.trim();
  const unitName = info.unit_name?.trim();
  if (!code || !unitName) return { problem: `Trang ${form.info.sheet} thiếu mã đơn vị (unit_code) hoặc tên đơn vị (unit_name): không đặt được tên tệp. Hãy điền ThongTin, hoặc đặt tên bằng --name.` };
  // A unit of the other map would land in a folder nobody consolidates: say where it went instead.
  const on = map ?? parseMapId(info['map'] ?? '') ?? (info.period_to !== undefined ? mapForDate(info.period_to) : undefined);
  const why = on === undefined ? undefined : explainUnit(registryFor(on), code, unitName);
  if (why) return { problem: why.message_vi };
  return conventionFileName(code, unitName);
}

async function target(driveSpec: string | undefined, to: string, io: CliIo): Promise<{ drive: Drive; folder: string; shown: string }> {
  if (driveSpec === undefined) {
    const dir = path.resolve(io.cwd, to);
    return { drive: new LocalDrive(dir), folder: '', shown: dir };
  }
  const folder = to.replace(/\\/g, '/').replace(/^\/+|\/+$/g, '');
  return { drive: await openDrive(driveSpec, io), folder, shown: folder || '/' };
}

/**
 * Replace only the version the person saw: the eTag they give, else the one
 * the file has now. With nothing there, there is nothing to replace and the
 * upload must still not overwrite a file created meanwhile.
 */
async function replacePolicy(drive: Drive, folder: string, name: string, ifMatch: string | undefined): Promise<ConflictPolicy> {
  if (ifMatch !== undefined) return { kind: 'replace', ifMatch };
  const existing = await findItem(drive, folder, name);
  return existing ? { kind: 'replace', ifMatch: existing.eTag } : { kind: 'fail' };
}

async function findItem(drive: Drive, folder: string, name: string): Promise<DriveItem | undefined> {
  let items: DriveItem[];
  try {
    items = await drive.list(folder);
  } catch (err) {
    if (err instanceof DriveError && err.code === 'not_found') return undefined;
    throw err;
  }
  const key = name.normalize('NFC').toLowerCase();
  return items.find((i) => !i.isFolder && i.name.normalize('NFC').toLowerCase() === key);
}

function describe(item: DriveItem): string {
  const when = item.modified ? `, sửa lúc ${item.modified}` : '';
  return `phiên bản ${item.eTag}${when}, ${formatNumberVi(item.size)} byte`;
}

function report(io: CliIo, result: UploadResult, ctx: { name: string; shown: string; file: string; policy: ConflictPolicy; size: number }, lang: Lang): number {
  if (result.ok) {
    const bytes = lang === 'en' ? ctx.size.toLocaleString('en-US') : formatNumberVi(ctx.size);
    io.stdout.write(`${summaryWording(lang).uploaded({ replaced: ctx.policy.kind === 'replace', name: ctx.name, bytes, shown: ctx.shown, eTag: result.item.eTag, location: result.item.location })}\n`);
    return PUSH_EXIT.ok;
  }
  const there = result.existing ? ` (${describe(result.existing)})` : '';
  if (result.conflict === 'exists') {
    io.stderr.write(
      `Xung đột: "${ctx.shown}" đã có tệp "${ctx.name}"${there}. Không ghi đè.\n` +
        `Nếu muốn thay bằng tệp của bạn, chạy lại với --replace${result.existing ? ` --if-match '${result.existing.eTag}'` : ''}; hoặc đặt tên khác bằng --name.\n`,
    );
  } else {
    const saw = ctx.policy.kind === 'replace' ? ` sau phiên bản bạn đã thấy (${ctx.policy.ifMatch})` : '';
    io.stderr.write(
      `Xung đột: tệp "${ctx.name}" trong "${ctx.shown}" đã bị người khác thay đổi${saw}${result.existing ? `; hiện là ${describe(result.existing)}` : ', hoặc đã bị xóa'}.\n` +
        `Không ghi đè: giữ cả hai bản — bản trên thư mục chung giữ nguyên, bản của bạn vẫn ở "${ctx.file}".\n` +
        `Hãy mở bản trên thư mục chung xem thay đổi; nếu vẫn muốn thay, chạy lại với --replace${result.existing ? ` --if-match '${result.existing.eTag}'` : ''}.\n`,
    );
  }
  return PUSH_EXIT.conflict;
}

/** Upload progress on a terminal; nothing in a pipe or a test. */
function progressLine(io: CliIo): ((done: number, total: number) => void) | undefined {
  if (io.stderr.isTTY !== true) return undefined;
  return (done, total) => {
    io.stderr.statusLine?.(done >= total ? '' : `Đang tải lên ${total > 0 ? Math.floor((done / total) * 100) : 100}%`);
  };
}

import type { Command, Lang, OptionSpec } from './command';
import { EXIT } from './exit-codes';

/** Options every command takes. */
export const COMMON_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  lang: { type: 'string', arg: '<vi|en>', help: 'Ngôn ngữ của nội dung lỗi, cảnh báo (mặc định vi).' },
  help: { type: 'boolean', short: 'h', help: 'Hiện hướng dẫn của lệnh.' },
};

const EXIT_SUMMARY = [
  `${EXIT.ok}  thành công`,
  `${EXIT.findings}  có lỗi trong số liệu (validate) hoặc có tệp bị loại (consolidate --strict)`,
  `${EXIT.usage}  sai cú pháp lệnh: tùy chọn không hợp lệ, thiếu đối số, mã đơn vị hoặc kỳ không đúng`,
  `${EXIT.failed}  không đọc hoặc ghi được tệp, thư mục`,
];

/** `phu --help`: every command, the common options and the exit codes. */
export function globalHelp(commands: readonly Command[], version: string): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    `phu ${version}: tổng hợp báo cáo "4 phủ" từ các tệp Excel theo mẫu biểu.`,
    '',
    'Cách dùng:',
    '  phu <lệnh> [tùy chọn]',
    '  phu <lệnh> --help',
    '',
    'Các lệnh:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Tùy chọn chung:',
    ...optionLines({ ...COMMON_OPTIONS, version: { type: 'boolean', short: 'V', help: 'Hiện số phiên bản.' } }),
    '',
    'Mã thoát:',
    ...EXIT_SUMMARY.map((l) => `  ${l}`),
    '',
  ].join('\n');
}

/** `phu <command> --help`. */
export function commandHelp(cmd: Command): string {
  return [
    `phu ${cmd.name}: ${cmd.summary}`,
    '',
    'Cách dùng:',
    ...cmd.usage.map((u) => `  phu ${u}`),
    ...(cmd.description ? ['', ...cmd.description.split('\n')] : []),
    '',
    'Tùy chọn:',
    ...optionLines({ ...cmd.options, ...COMMON_OPTIONS }),
    '',
    'Ví dụ:',
    ...cmd.examples.map((e) => `  phu ${e}`),
    '',
    'Mã thoát:',
    ...cmd.exitCodes.map((l) => `  ${l}`),
    '',
  ].join('\n');
}

/** The short usage printed with a command-line error. */
export function shortUsage(cmd: Command | undefined, lang: Lang = 'vi'): string {
  // The usage lines name their arguments in Vietnamese, like --help: in English, point to it instead.
  if (lang === 'en') return `See "phu ${cmd ? `${cmd.name} ` : ''}--help" for the usage (in Vietnamese).\n`;
  if (!cmd) return 'Cách dùng: phu <lệnh> [tùy chọn]. Xem "phu --help".\n';
  return `Cách dùng:\n${cmd.usage.map((u) => `  phu ${u}`).join('\n')}\nXem "phu ${cmd.name} --help".\n`;
}

function optionLines(options: Readonly<Record<string, OptionSpec>>): string[] {
  const heads = Object.entries(options).map(([name, o]) => [`${o.short ? `-${o.short}, ` : '    '}--${name}${o.arg ? ` ${o.arg}` : ''}`, o.help] as const);
  const width = Math.max(...heads.map(([h]) => h.length)) + 2;
  return heads.map(([h, text]) => `  ${h.padEnd(width)}${text}`);
}

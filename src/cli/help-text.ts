import type { Command, Lang, OptionSpec } from './command';
import { EXIT } from './exit-codes';

/** Options every command takes. */
export const COMMON_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  lang: { type: 'string', arg: '<vi|en>', help: 'Ngôn ngữ của mọi dòng lệnh in ra: lỗi, cảnh báo, tóm tắt, hướng dẫn (mặc định vi).', helpEn: 'The language of everything printed: errors, warnings, summaries, help (default vi).' },
  help: { type: 'boolean', short: 'h', help: 'Hiện hướng dẫn của lệnh.', helpEn: 'Show the help of the command.' },
};

const VERSION_OPTION: OptionSpec = { type: 'boolean', short: 'V', help: 'Hiện số phiên bản.', helpEn: 'Show the version number.' };

/** The fixed words of the help in each language. */
const WORDS = {
  vi: {
    tagline: 'tổng hợp báo cáo "4 phủ" từ các tệp Excel theo mẫu biểu.',
    usage: 'Cách dùng:',
    commandArg: '<lệnh> [tùy chọn]',
    commandHelp: '<lệnh> --help',
    commands: 'Các lệnh:',
    common: 'Tùy chọn chung:',
    options: 'Tùy chọn:',
    examples: 'Ví dụ:',
    exitCodes: 'Mã thoát:',
    exitSummary: [
      `${EXIT.ok}  thành công`,
      `${EXIT.findings}  có lỗi trong số liệu (validate) hoặc có tệp bị loại (consolidate --strict)`,
      `${EXIT.usage}  sai cú pháp lệnh: tùy chọn không hợp lệ, thiếu đối số, mã đơn vị hoặc kỳ không đúng`,
      `${EXIT.failed}  không đọc hoặc ghi được tệp, thư mục`,
    ],
  },
  en: {
    tagline: 'consolidates "4 phủ" campaign reports from Excel files made on a form.',
    usage: 'Usage:',
    commandArg: '<command> [options]',
    commandHelp: '<command> --help --lang en',
    commands: 'Commands:',
    common: 'Common options:',
    options: 'Options:',
    examples: 'Examples:',
    exitCodes: 'Exit codes:',
    exitSummary: [
      `${EXIT.ok}  done`,
      `${EXIT.findings}  the figures have errors (validate) or a file was refused (consolidate --strict)`,
      `${EXIT.usage}  the command line is wrong: unknown option, missing argument, wrong unit code or period`,
      `${EXIT.failed}  a file or folder could not be read or written`,
    ],
  },
} as const;

/** `phu --help`: every command, the common options and the exit codes. */
export function globalHelp(commands: readonly Command[], version: string, lang: Lang = 'vi'): string {
  const w = WORDS[lang];
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    `phu ${version}: ${w.tagline}`,
    '',
    w.usage,
    `  phu ${w.commandArg}`,
    `  phu ${w.commandHelp}`,
    '',
    w.commands,
    ...commands.map((c) => `  ${c.name.padEnd(width)}${lang === 'en' ? c.en.summary : c.summary}`),
    '',
    w.common,
    ...optionLines({ ...COMMON_OPTIONS, version: VERSION_OPTION }, lang),
    '',
    w.exitCodes,
    ...w.exitSummary.map((l) => `  ${l}`),
    '',
  ].join('\n');
}

/** `phu <command> --help`. */
export function commandHelp(cmd: Command, lang: Lang = 'vi'): string {
  const w = WORDS[lang];
  const text = lang === 'en' ? cmd.en : cmd;
  return [
    `phu ${cmd.name}: ${text.summary}`,
    '',
    w.usage,
    ...text.usage.map((u) => `  phu ${u}`),
    ...(text.description ? ['', ...text.description.split('\n')] : []),
    '',
    w.options,
    ...optionLines({ ...cmd.options, ...COMMON_OPTIONS }, lang),
    '',
    w.examples,
    ...cmd.examples.map((e) => `  phu ${e}`),
    '',
    w.exitCodes,
    ...text.exitCodes.map((l) => `  ${l}`),
    '',
  ].join('\n');
}

/** The short usage printed with a command-line error. */
export function shortUsage(cmd: Command | undefined, lang: Lang = 'vi'): string {
  const en = lang === 'en';
  if (!cmd) return en ? 'Usage: phu <command> [options]. See "phu --help --lang en".\n' : 'Cách dùng: phu <lệnh> [tùy chọn]. Xem "phu --help".\n';
  const usage = (en ? cmd.en.usage : cmd.usage).map((u) => `  phu ${u}`).join('\n');
  return en ? `Usage:\n${usage}\nSee "phu ${cmd.name} --help --lang en".\n` : `Cách dùng:\n${usage}\nXem "phu ${cmd.name} --help".\n`;
}

function optionLines(options: Readonly<Record<string, OptionSpec>>, lang: Lang): string[] {
  const heads = Object.entries(options).map(([name, o]) => {
    const arg = lang === 'en' ? (o.argEn ?? o.arg) : o.arg;
    return [`${o.short ? `-${o.short}, ` : '    '}--${name}${arg ? ` ${arg}` : ''}`, lang === 'en' ? o.helpEn : o.help] as const;
  });
  const width = Math.max(...heads.map(([h]) => h.length)) + 2;
  return heads.map(([h, text]) => `  ${h.padEnd(width)}${text}`);
}

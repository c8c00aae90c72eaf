import { parseArgs } from 'node:util';
import { errorText } from '../core/failures/failure-text';
import { DriveError } from '../core/ports/drive';
import packageJson from '../../package.json';
import { terminalSafeIo, type CliIo } from './cli-io';
import type { Command, Lang, OptionSpec } from './command';
import { COMMANDS } from './commands';
import { CliFailure, EXIT, UsageError } from './exit-codes';
import { COMMON_OPTIONS, commandHelp, globalHelp, shortUsage } from './help-text';

/** The version `phu --version` prints. */
export const VERSION: string = packageJson.version;

/**
 * Runs `phu` with these arguments (without `node phu.js`) and returns the
 * exit code. Everything is written to `io`, nothing to the process, so
 * tests run it in-process.
 */
export async function main(argv: readonly string[], rawIo: CliIo, commands: readonly Command[] = COMMANDS): Promise<number> {
  const io = terminalSafeIo(rawIo);
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr.write(globalHelp(commands, VERSION));
    return EXIT.usage;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const cmd = rest[0] === undefined ? undefined : commands.find((c) => c.name === rest[0]);
    io.stdout.write(cmd ? commandHelp(cmd) : globalHelp(commands, VERSION));
    return EXIT.ok;
  }
  if (first === '--version' || first === '-V') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const cmd = commands.find((c) => c.name === first);
  if (!cmd) {
    const what = first.startsWith('-') ? `Cần tên lệnh trước tùy chọn "${first}".` : `Không có lệnh "${first}". Các lệnh: ${commands.map((c) => c.name).join(', ')}.`;
    io.stderr.write(`Lỗi: ${what}\n${shortUsage(undefined)}`);
    return EXIT.usage;
  }
  // The language failures are worded in, once the command line says it (the checks below may fail first).
  let wording: Lang = 'vi';
  try {
    const options = { ...cmd.options, ...COMMON_OPTIONS };
    const parsed = parseArgs({ args: [...rest], options: parseArgsOptions(options), allowPositionals: true, strict: true });
    if (parsed.values['help'] === true) {
      io.stdout.write(commandHelp(cmd));
      return EXIT.ok;
    }
    const lang = parsed.values['lang'] ?? 'vi';
    if (lang !== 'vi' && lang !== 'en') throw new UsageError(`--lang chỉ nhận "vi" hoặc "en", không nhận "${String(lang)}".`);
    wording = lang;
    return await cmd.run({ values: parsed.values, positionals: parsed.positionals, io, lang: lang satisfies Lang });
  } catch (err) {
    return report(err, cmd, io, wording);
  }
}

function report(err: unknown, cmd: Command, io: CliIo, lang: Lang): number {
  const usage = err instanceof UsageError ? errorText(err, lang) : usageMessage(err);
  if (usage !== undefined) {
    io.stderr.write(`Lỗi: ${usage}\n${shortUsage(cmd)}`);
    return EXIT.usage;
  }
  if (err instanceof CliFailure || err instanceof DriveError) {
    io.stderr.write(`${lang === 'en' ? 'Error' : 'Lỗi'}: ${errorText(err, lang)}\n`);
    return EXIT.failed;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr.write(`Lỗi không mong đợi: ${message}\n`);
  if (io.env['PHU_DEBUG'] && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
  else io.stderr.write('Đặt biến môi trường PHU_DEBUG=1 để xem chi tiết.\n');
  return EXIT.failed;
}

/** parseArgs errors in Vietnamese; undefined for an error that is not about the command line. */
function usageMessage(err: unknown): string | undefined {
  if (err instanceof UsageError) return err.message;
  // Duck-typed: node:util errors may come from another realm (a test VM), where instanceof fails.
  const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
  const message = typeof err === 'object' && err !== null && 'message' in err && typeof err.message === 'string' ? err.message : '';
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Tùy chọn không hợp lệ: ${quoted || message}.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `Tùy chọn ${quoted.split(' ')[0] ?? quoted} cần một giá trị${message.includes('ambiguous') ? ' (nếu giá trị bắt đầu bằng "-", hãy viết --tùy-chọn=giá-trị)' : ''}.`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `Lệnh không nhận đối số "${quoted}".`;
    default:
      return undefined;
  }
}

function parseArgsOptions(options: Readonly<Record<string, OptionSpec>>): Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> {
  return Object.fromEntries(
    Object.entries(options).map(([name, o]) => [name, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) }]),
  );
}

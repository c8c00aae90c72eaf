import { parseArgs } from 'node:util';
import { failure } from '../core/failures/failure-codes';
import { errorText, failureText } from '../core/failures/failure-text';
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
  // The language failures and help are worded in, as the command line asks, even when it cannot be parsed.
  let wording: Lang = langAsked(argv);
  // `phu --lang en <command> ...`: the common option may come before the command too.
  const [first, ...rest] = leadingLangMoved(argv);
  if (first === undefined) {
    io.stderr.write(globalHelp(commands, VERSION, wording));
    return EXIT.usage;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const cmd = rest[0] === undefined ? undefined : commands.find((c) => c.name === rest[0]);
    io.stdout.write(cmd ? commandHelp(cmd, wording) : globalHelp(commands, VERSION, wording));
    return EXIT.ok;
  }
  if (first === '--version' || first === '-V') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const cmd = commands.find((c) => c.name === first);
  if (!cmd) {
    const what = first.startsWith('-') ? failure('command_missing', { option: first }) : failure('command_unknown', { command: first, commands: commands.map((c) => c.name).join(', ') });
    io.stderr.write(`${errorWord(wording)}: ${failureText(what, wording)}\n${shortUsage(undefined, wording)}`);
    return EXIT.usage;
  }
  try {
    const options = { ...cmd.options, ...COMMON_OPTIONS };
    const parsed = parseArgs({ args: [...rest], options: parseArgsOptions(options), allowPositionals: true, strict: true });
    const lang = parsed.values['lang'] ?? 'vi';
    if (lang !== 'vi' && lang !== 'en') throw new UsageError(failure('lang_invalid', { lang: String(lang) }));
    wording = lang;
    if (parsed.values['help'] === true) {
      io.stdout.write(commandHelp(cmd, lang));
      return EXIT.ok;
    }
    return await cmd.run({ values: parsed.values, positionals: parsed.positionals, io, lang: lang satisfies Lang });
  } catch (err) {
    return report(err, cmd, io, wording);
  }
}

function report(err: unknown, cmd: Command, io: CliIo, lang: Lang): number {
  const usage = err instanceof UsageError ? errorText(err, lang) : usageMessage(err, lang);
  if (usage !== undefined) {
    io.stderr.write(`${errorWord(lang)}: ${usage}\n${shortUsage(cmd, lang)}`);
    return EXIT.usage;
  }
  if (err instanceof CliFailure || err instanceof DriveError) {
    io.stderr.write(`${errorWord(lang)}: ${errorText(err, lang)}\n`);
    return EXIT.failed;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr.write(`${lang === 'en' ? 'Unexpected error' : 'Lỗi không mong đợi'}: ${message}\n`);
  if (io.env['PHU_DEBUG'] && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
  else io.stderr.write(lang === 'en' ? 'Set the environment variable PHU_DEBUG=1 to see the details.\n' : 'Đặt biến môi trường PHU_DEBUG=1 để xem chi tiết.\n');
  return EXIT.failed;
}

/** `Lỗi` or `Error`, before a failure's wording. */
function errorWord(lang: Lang): string {
  return lang === 'en' ? 'Error' : 'Lỗi';
}

/** The language `--lang` asks for (the last one given wins, as parseArgs reads it), read before parsing so that parse errors are worded in it too. */
function langAsked(args: readonly string[]): Lang {
  let lang: Lang = 'vi';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    const value = a === '--lang' ? args[i + 1] : a?.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (value !== undefined) lang = value === 'en' ? 'en' : 'vi';
  }
  return lang;
}

/** The arguments with a leading `--lang <x>` (or `--lang=<x>`) moved after the command name. */
function leadingLangMoved(argv: readonly string[]): readonly string[] {
  const [a, b, ...more] = argv;
  // `phu --lang en` alone is `phu` alone: the overview, in that language.
  if (a === '--lang' && b !== undefined) return more.length === 0 ? [] : [...more.slice(0, 1), a, b, ...more.slice(1)];
  if (a?.startsWith('--lang=') === true) return argv.length === 1 ? [] : [...argv.slice(1, 2), a, ...argv.slice(2)];
  return argv;
}

/** parseArgs errors worded by language; undefined for an error that is not about the command line. */
function usageMessage(err: unknown, lang: Lang): string | undefined {
  // Duck-typed: node:util errors may come from another realm (a test VM), where instanceof fails.
  const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
  const message = typeof err === 'object' && err !== null && 'message' in err && typeof err.message === 'string' ? err.message : '';
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return failureText(failure('option_unknown', { option: quoted || message }), lang);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return failureText(failure(message.includes('ambiguous') ? 'option_value_dash' : 'option_needs_value', { option: quoted.split(' ')[0] ?? quoted }), lang);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return failureText(failure('argument_unexpected', { argument: quoted }), lang);
    default:
      return undefined;
  }
}

function parseArgsOptions(options: Readonly<Record<string, OptionSpec>>): Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> {
  return Object.fromEntries(
    Object.entries(options).map(([name, o]) => [name, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) }]),
  );
}

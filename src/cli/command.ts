import type { CliIo } from './cli-io';

/** The language of everything `phu` prints (`--lang`): Vietnamese unless asked otherwise. */
export type Lang = 'vi' | 'en';

/** An option of a command: what node:util parseArgs needs, and a line of help. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly multiple?: boolean;
  /** The value's placeholder in the help text: `<tệp>`. */
  readonly arg?: string;
  readonly help: string;
  /** The placeholder in the English help (`<file>`), when `arg` is Vietnamese. */
  readonly argEn?: string;
  /** The line of the English help. */
  readonly helpEn: string;
}

/** What `phu <command> --help --lang en` prints in place of the Vietnamese text (the examples are shared). */
export interface CommandHelpEn {
  readonly summary: string;
  readonly usage: readonly string[];
  readonly description?: string;
  readonly exitCodes: readonly string[];
}

/** Option values as parseArgs returns them. */
export type OptionValues = Readonly<Record<string, string | boolean | Array<string | boolean> | undefined>>;

/** What a command runs with. */
export interface CommandContext {
  readonly values: OptionValues;
  readonly positionals: readonly string[];
  readonly io: CliIo;
  readonly lang: Lang;
}

/** One `phu <name>` command, in its own file under commands/. */
export interface Command {
  readonly name: string;
  /** One line for `phu --help`. */
  readonly summary: string;
  /** Usage lines without the leading `phu `: `validate <tệp.xlsx>... [--json]`. */
  readonly usage: readonly string[];
  /** A paragraph after the usage: what the command does. */
  readonly description?: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Example command lines (without `phu `). */
  readonly examples: readonly string[];
  /** What each exit code means for this command. */
  readonly exitCodes: readonly string[];
  /** The help in English. */
  readonly en: CommandHelpEn;
  /** Runs the command; returns the exit code. Throws UsageError for a wrong command line. */
  run(ctx: CommandContext): Promise<number>;
}

/** A string option's value, or undefined. */
export function optString(values: OptionValues, key: string): string | undefined {
  const v = values[key];
  return typeof v === 'string' ? v : undefined;
}

/** A boolean option's value. */
export function optFlag(values: OptionValues, key: string): boolean {
  return values[key] === true;
}

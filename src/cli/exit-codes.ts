import type { Failure } from '../core/failures/failure-codes';
import { failureText } from '../core/failures/failure-text';

/** The `phu` exit codes, as the help text documents them. */
export const EXIT = {
  /** Done: no errors in the inputs (warnings allowed), or the output was written. */
  ok: 0,
  /** Done, but an input has errors (`validate`), or an input was rejected (`consolidate --strict`). */
  findings: 1,
  /** The command line is wrong: unknown option, missing argument, unknown unit or period. */
  usage: 2,
  /** A file or folder could not be read or written, or another failure. */
  failed: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error whose message is Vietnamese text or a Failure (code and parameters), worded by `--lang` when printed. */
abstract class WordedError extends Error {
  /** The failure as a value, when given one. */
  readonly failure?: Failure;

  constructor(message: string | Failure) {
    super(typeof message === 'string' ? message : failureText(message, 'vi'));
    if (typeof message !== 'string') this.failure = message;
  }
}

/** A command line that cannot run: printed with the command's usage, exit 2. */
export class UsageError extends WordedError {
  override readonly name = 'UsageError';
}

/** A failure the person can act on (a file that cannot be written...): printed as is, exit 3. */
export class CliFailure extends WordedError {
  override readonly name = 'CliFailure';
}

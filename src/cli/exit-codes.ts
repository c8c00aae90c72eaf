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

/** A command line that cannot run: printed with the command's usage, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A failure the person can act on (a file that cannot be written...): printed as is, exit 3. */
export class CliFailure extends Error {
  override readonly name = 'CliFailure';
}

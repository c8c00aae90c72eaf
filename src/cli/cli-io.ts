/** Where a command writes: injected, so tests run commands in-process. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  /** The folder relative paths start from. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The real process's streams, folder and environment. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}

/** A stream that reports write errors as events, as Node's stdout does. */
interface ErrorEmitter {
  on(event: 'error', listener: (e: NodeJS.ErrnoException) => void): unknown;
}

/**
 * Makes a closed pipe end the run quietly: `phu validate ... | head` closes
 * stdout once `head` has its lines, and the reader has what it wanted, so
 * `exit` is called instead of an EPIPE stack trace. Other errors are thrown.
 *
 * @example exitQuietlyOnClosedPipe([process.stdout, process.stderr], () => process.exit(process.exitCode ?? 0));
 */
export function exitQuietlyOnClosedPipe(streams: readonly ErrorEmitter[], exit: () => void): void {
  for (const stream of streams) {
    stream.on('error', (e) => {
      if (e.code === 'EPIPE') exit();
      else throw e;
    });
  }
}

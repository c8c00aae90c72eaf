import { escapeControls } from './terminal-text';

/** Where a command writes: injected, so tests run commands in-process. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: {
    write(text: string): unknown;
    readonly isTTY?: boolean;
    /** Rewrites the terminal's current line with `text` ('' clears it); the one place the CLI sends control sequences. */
    statusLine?(text: string): void;
  };
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

/**
 * The output edge: `io` whose streams escape every control character but
 * line feeds and tabs (see {@link escapeControls}), so nothing read from a
 * file, a folder or a server reaches the terminal raw, whichever command
 * printed it. Progress lines go through `statusLine`, which alone adds the
 * carriage return and erase-line sequence, around escaped text.
 *
 * @example terminalSafeIo(processIo()).stdout.write('\u001b[2J') // prints \u001b[2J
 */
export function terminalSafeIo(io: CliIo): CliIo {
  const stderr = io.stderr;
  return {
    ...io,
    stdout: { write: (text: string) => io.stdout.write(escapeControls(text, { keepLines: true })) },
    stderr: {
      write: (text: string) => stderr.write(escapeControls(text, { keepLines: true })),
      ...(stderr.isTTY !== undefined ? { isTTY: stderr.isTTY } : {}),
      statusLine: (text: string) => {
        stderr.write(text === '' ? '\r\u001b[K' : `\r${escapeControls(text)}\u001b[K`);
      },
    },
  };
}

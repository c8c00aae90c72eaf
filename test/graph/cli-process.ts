import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** Where the end-to-end tests keep their output (the closing note). */
export const E2E_BUILD_DIR = path.join(ROOT, 'build', 'graph-e2e');

/**
 * Compiles the CLI (tsconfig.build.json, as `npm run build:node` does) into
 * a folder of this run under E2E_BUILD_DIR, so a stale build/ or another
 * test run compiling at the same time does not matter; inside the
 * repository, so the compiled code finds node_modules. Type errors
 * elsewhere in the project do not stop the emit; a missing phu.js does.
 * Returns phu.js and a function removing the build.
 */
export async function buildCli(): Promise<{ phu: string; remove: () => Promise<void> }> {
  const outDir = path.join(E2E_BUILD_DIR, `run-${process.pid}-${Date.now()}`);
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  await new Promise<void>((resolve) => execFile(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', outDir], { cwd: ROOT, timeout: 240_000 }, () => resolve()));
  const phu = path.join(outDir, 'src', 'cli', 'phu.js');
  const remove = () => rm(outDir, { recursive: true, force: true });
  if (!existsSync(phu)) {
    await remove();
    throw new Error(`the CLI did not compile to ${phu}`);
  }
  return { phu, remove };
}

export interface PhuRun {
  readonly args: readonly string[];
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/**
 * Runs the compiled CLI as a child process (asynchronously: the test server
 * lives in this process and must keep answering). Only the given variables
 * reach it, plus PATH; it is killed after `timeoutMs`.
 */
export function runPhu(phu: string, args: readonly string[], env: Record<string, string>, cwd: string, timeoutMs = 90_000): Promise<PhuRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [phu, ...args], {
      cwd,
      env: { PATH: process.env['PATH'] ?? '', ...(process.env['SystemRoot'] ? { SystemRoot: process.env['SystemRoot'] } : {}), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ args, code, stdout, stderr, ms: Date.now() - started }));
  });
}

import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** Where the end-to-end tests compile the CLI: their own folder, so a stale or concurrent build elsewhere does not matter. */
export const E2E_BUILD_DIR = path.join(ROOT, 'build', 'graph-e2e');

/**
 * Compiles the CLI (tsconfig.build.json, as `npm run build:node` does) into
 * E2E_BUILD_DIR and returns the path of phu.js. Type errors elsewhere in the
 * project do not stop the emit; a missing phu.js does.
 */
export async function buildCli(): Promise<string> {
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  await new Promise<void>((resolve) => execFile(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', E2E_BUILD_DIR], { cwd: ROOT, timeout: 240_000 }, () => resolve()));
  const phu = path.join(E2E_BUILD_DIR, 'src', 'cli', 'phu.js');
  if (!existsSync(phu)) throw new Error(`the CLI did not compile to ${phu}`);
  return phu;
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

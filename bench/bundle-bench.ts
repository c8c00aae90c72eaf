import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';

/** One JavaScript file of dist/. */
export interface BundleFile {
  readonly name: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** Part 5: the add-in's bundles as Excel downloads them. */
export interface BundleBenchResult {
  /** `built` (this run built them), `existing` (dist/ as found) or why there are none. */
  readonly status: 'built' | 'existing' | 'missing' | 'build failed';
  readonly buildSeconds?: number;
  readonly detail?: string;
  readonly files: readonly BundleFile[];
  /** What functions.js pulls in that it must not: ExcelJS, the Graph SDK, MSAL (by their telltale strings). */
  readonly functionsContains: readonly string[];
}

/** Strings each library leaves in a minified bundle. */
const TELLTALES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['ExcelJS', ['sharedStrings.xml', 'xl/worksheets/']],
  ['Graph SDK', ['GraphClientError', 'graph.microsoft.com']],
  ['MSAL', ['msal.js.browser', 'BrowserAuthError']],
];

/**
 * Builds the add-in (the package's `build` script, production mode) unless
 * told not to, then reports raw and gzipped sizes of every script in dist/.
 */
export function bundleBench(root: string, build: boolean): BundleBenchResult {
  const dist = path.join(root, 'dist');
  let status: BundleBenchResult['status'] = 'existing';
  let buildSeconds: number | undefined;
  let detail: string | undefined;
  if (build) {
    const scripts = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
    const t0 = performance.now();
    const run = scripts.build
      ? spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' })
      : spawnSync(process.execPath, [path.join(root, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production'], { cwd: root, encoding: 'utf8' });
    buildSeconds = (performance.now() - t0) / 1000;
    if (run.status === 0) status = 'built';
    else {
      status = 'build failed';
      detail = `${run.stderr ?? ''}${run.stdout ?? ''}`.trim().split('\n').slice(-8).join('\n');
    }
  }
  const files: BundleFile[] = [];
  if (fs.existsSync(dist)) {
    for (const name of fs.readdirSync(dist).sort()) {
      if (!name.endsWith('.js')) continue;
      const bytes = fs.readFileSync(path.join(dist, name));
      files.push({ name, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length });
    }
  }
  if (files.length === 0 && status !== 'build failed') status = 'missing';
  const functions = path.join(dist, 'functions.js');
  const text = fs.existsSync(functions) ? fs.readFileSync(functions, 'utf8') : '';
  const functionsContains = TELLTALES.filter(([, marks]) => marks.some((m) => text.includes(m))).map(([lib]) => lib);
  return { status, ...(buildSeconds !== undefined ? { buildSeconds } : {}), ...(detail !== undefined ? { detail } : {}), files, functionsContains };
}

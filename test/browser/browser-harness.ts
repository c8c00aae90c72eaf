import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';

/** The repository root. */
export const ROOT = join(__dirname, '..', '..');
export const DIST = join(ROOT, 'dist');
export const OUTPUT = join(ROOT, 'test-output', 'browser');
/** Debian's Chromium: the one browser the test drives. */
export const CHROMIUM = '/usr/bin/chromium';

/** Flags for a quiet, offline, throw-away headless Chromium. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];

type WebpackCompiler = { run(cb: (err: Error | null, stats?: { hasErrors(): boolean; toString(o: unknown): string }) => void): void; close(cb: () => void): void };
type Webpack = (config: unknown) => WebpackCompiler;

function compile(config: unknown): Promise<void> {
  const webpack = require('webpack') as Webpack;
  return new Promise((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) reject(err);
      else if (stats?.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
      else resolve();
    });
  });
}

/**
 * Builds dist/ (production) unless `npm run build` already did, with the
 * webpack CLI in its own Node process so the build does not share Jest's
 * module registry.
 */
export async function ensureDist(): Promise<void> {
  if (['taskpane.html', 'taskpane.js', 'functions.js', 'functions.json', 'manifest.xml', 'auth-redirect.html', 'read-worker.js'].every((f) => existsSync(join(DIST, f)))) return;
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  await new Promise<void>((resolve, reject) => {
    execFile(process.execPath, [cli, '--mode', 'production'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (err, _out, stderr) => (err ? reject(new Error(`webpack failed: ${stderr || err.message}`)) : resolve()));
  });
}

/** Bundles the Office.js stand-in for the page (each test file its own `name`, as they run side by side); returns its path. */
export async function buildFakeOffice(name = 'fake-office.js'): Promise<string> {
  mkdirSync(OUTPUT, { recursive: true });
  await compile({
    mode: 'development',
    devtool: false,
    target: ['web', 'es2020'],
    entry: join(ROOT, 'test/support/addin/fake-office-entry.ts'),
    output: { path: OUTPUT, filename: name },
    resolve: { extensions: ['.ts', '.js', '.json'] },
    module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext' } } } }] },
  });
  return join(OUTPUT, name);
}

const TYPES: Readonly<Record<string, string>> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.png': 'image/png', '.xml': 'application/xml', '.map': 'application/json' };

/** The Office.js tag of the built page, whatever the minifier made of its quotes. */
const OFFICE_SCRIPT = /<script[^>]*src=["']?https:\/\/[^"'\s>]*office\.js["']?[^>]*><\/script>/;

/**
 * Serves dist/ (or another build) on 127.0.0.1 with taskpane.html's
 * Office.js tag replaced by the stand-in, so the page needs nothing from
 * the network; `extra` adds files next to it (an IT officer's
 * phu-config.json).
 */
export async function serveDist(fakeOffice: string, dist = DIST, extra: Readonly<Record<string, string>> = {}): Promise<{ url: string; server: Server; officeTagReplaced: () => boolean }> {
  let replaced = false;
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    if (path === '/__test__/fake-office.js') {
      res.writeHead(200, { 'content-type': TYPES['.js'] ?? '' }).end(readFileSync(fakeOffice));
      return;
    }
    const added = extra[path.slice(1)];
    if (added !== undefined) {
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(added);
      return;
    }
    const file = normalize(join(dist, path === '/' ? 'taskpane.html' : path));
    if (!file.startsWith(dist) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    let body: Buffer | string = readFileSync(file);
    if (file.endsWith('taskpane.html')) {
      const html = body.toString('utf8');
      replaced = OFFICE_SCRIPT.test(html);
      body = html.replace(OFFICE_SCRIPT, '<script src="/__test__/fake-office.js"></script>');
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${String(port)}`, server, officeTagReplaced: () => replaced };
}

/** A fresh, empty browser profile directory (removed by `dispose`). */
export function freshProfile(): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'phu-chromium-'));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

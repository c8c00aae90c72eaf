import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * The repository root: the nearest folder above this file with PHU's
 * package.json and its tsconfig.json (build/ holds a copy of package.json
 * but no sources), so it works from bench/ and from build/bench/.
 */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && fs.existsSync(path.join(dir, 'tsconfig.json')) && (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'phu') return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no PHU package.json above ${from}`);
    dir = up;
  }
}

/** Bump when the benchmark's data layout changes without any source change. */
const DATA_LAYOUT = 'bench-data-2';

/** Sources whose change changes the generated files. */
const DATA_SOURCES = ['src/sample', 'src/core/render', 'src/core/forms', 'src/core/units', 'src/core/grid', 'src/core/format', 'src/xlsx/write-workbook.ts', 'src/xlsx/unique-sheet-names.ts'];

/**
 * A short hash of everything the generated files depend on: the generator,
 * the form, the catalogue, the writer and the ExcelJS version. A change to
 * any of them gives a new cache folder, so stale data is never measured.
 */
export function dataVersion(root: string = repoRoot()): string {
  const h = createHash('sha256').update(DATA_LAYOUT);
  const files: string[] = [];
  const walk = (p: string): void => {
    if (!fs.existsSync(p)) return;
    if (fs.statSync(p).isDirectory()) {
      for (const e of fs.readdirSync(p).sort()) walk(path.join(p, e));
    } else if (/\.(ts|json)$/.test(p) && !p.endsWith('.test.ts')) files.push(p);
  };
  for (const s of DATA_SOURCES) walk(path.join(root, s));
  for (const f of files) h.update(path.relative(root, f)).update('\0').update(fs.readFileSync(f)).update('\0');
  const exceljs = path.join(root, 'node_modules', 'exceljs', 'package.json');
  if (fs.existsSync(exceljs)) h.update((JSON.parse(fs.readFileSync(exceljs, 'utf8')) as { version?: string }).version ?? '');
  return h.digest('hex').slice(0, 12);
}

/** Where generated files are kept between runs: `<tmp>/phu-bench-cache/<version>/`. */
export function cacheDir(base: string = path.join(os.tmpdir(), 'phu-bench-cache')): string {
  return path.join(base, dataVersion());
}

/**
 * The layer boundaries are enforced by `npx eslint .` (eslint.config.mjs):
 * each forbidden import below fails lint, each allowed one passes.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * ESLint's Node API run on each snippet, placed at its path (the file need
 * not exist), in a child process: the flat config is an ES module, which
 * the test runner's module sandbox cannot load. Gives, per snippet, the
 * no-restricted-imports reports.
 */
function lintSnippets(cases: readonly (readonly [string, string])[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const cases = JSON.parse(process.argv[1]);
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const [file, code] of cases) {
        const [r] = await eslint.lintText(code + '\\nexport const used = x;\\n', { filePath: require('node:path').join(process.cwd(), file) });
        out.push(r.messages.map((m) => m.ruleId || m.message).filter((id) => id === 'no-restricted-imports'));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script, JSON.stringify(cases)], { cwd: ROOT, encoding: 'utf8' })) as string[][];
}

const FORBIDDEN: readonly (readonly [string, string, string])[] = [
    ['src/cli/commands/x.ts', "import { x } from '../../../test/support/addin/memory-drive';", 'shipped code importing test support'],
    ['src/addin/taskpane/x.ts', "import { x } from '../../../test/support/addin/fake-excel';", 'the pane importing the Office stand-in'],
    ['src/core/units/x.ts', "import { x } from '../../app/read-reports';", 'the core importing the application layer'],
    ['src/core/units/x.ts', "import { x } from '../../node/consolidate-folder';", 'the core importing an adapter'],
    ['src/core/consolidate/x.ts', "import { x } from '../campaign/rate-charts';", 'consolidation importing the campaign module (a cycle)'],
    ['src/app/x.ts', "import { x } from '../xlsx/read-workbook';", 'the application layer importing the xlsx reader itself'],
    ['src/app/x.ts', "import { x } from 'node:fs';", 'the application layer importing Node'],
    ['src/app/x.ts', "import { x } from '../drive/local/local-drive';", 'the application layer importing a drive'],
    ['src/addin/taskpane/x.ts', "import { x } from '../../cli/format-findings';", 'the pane importing the CLI'],
    ['src/addin/taskpane/x.ts', "import { x } from '../../node/consolidate-folder';", 'the pane importing Node code'],
    ['src/web/x.ts', "import { x } from '../addin/taskpane/dom';", 'the web page importing the pane'],
    ['src/cli/x.ts', "import { x } from '../addin/operations/check-workbook';", 'the CLI importing the pane'],
    ['src/drive/local/x.ts', "import { x } from '../../node/budget/budgeted-reader';", 'the local drive importing src/node'],
    ['src/xlsx/x.ts', "import { x } from '../app/read-reports';", 'the xlsx adapter importing the application layer'],
    ['src/addin/taskpane/check-panel.ts', "import { x } from './consolidate-panel';", 'a panel importing a panel'],
    ['src/browser-read/x.ts', "import { x } from '../addin/taskpane/dom';", 'the shared browser reading importing the pane'],
    ['src/browser-read/x.ts', "import { x } from '../web/engine';", 'the shared browser reading importing the web page'],
    ['src/browser-read/x.ts', "import { x } from '../node/budget/budgeted-reader';", 'the shared browser reading importing Node code'],
    ['src/cli/x.ts', "import { x } from '../browser-read/worker-reader';", 'the CLI importing the browser reading'],
    ['src/node/x.ts', "import { x } from '../browser-read/worker-reader';", 'Node code importing the browser reading'],
    ['src/core/units/x.ts', "import { x } from '../../browser-read/worker-reader';", 'the core importing the browser reading'],
    ['src/app/x.ts', "import { x } from '../browser-read/worker-reader';", 'the application layer importing the browser reading'],
];

const ALLOWED: readonly (readonly [string, string])[] = [
    ['src/cli/x.ts', "import { x } from '../app/read-reports';"],
    ['src/cli/x.ts', "import { x } from '../node/consolidate-folder';"],
    ['src/addin/taskpane/x.ts', "import { x } from '../../app/consolidate-files';"],
    ['src/app/x.ts', "import { x } from '../xlsx/read-limits';"],
    ['src/app/x.ts', "import { x } from '../core/consolidate/consolidate';"],
    ['src/core/campaign/x.ts', "import { x } from '../consolidate/consolidation';"],
    ['src/app/x.test.ts', "import { x } from '../../test/support/addin/memory-drive';"],
    ['src/addin/taskpane/x.ts', "import { x } from '../../browser-read/worker-reader';"],
    ['src/web/x.ts', "import { x } from '../browser-read/worker-reader';"],
    ['src/browser-read/x.ts', "import { x } from '../xlsx/read-workbook';"],
    ['src/browser-read/x.ts', "import { x } from '../app/workbook-reader';"],
];

describe('layer boundaries', () => {
  let reports: string[][];
  beforeAll(() => {
    reports = lintSnippets([...FORBIDDEN.map(([f, c]) => [f, c] as const), ...ALLOWED]);
  });

  it.each(FORBIDDEN.map((c, i) => [...c, i] as const))('%s: %s fails lint (%s)', (_file, _code, _why, i) => {
    expect(reports[i]).toContain('no-restricted-imports');
  });

  it.each(ALLOWED.map((c, i) => [...c, FORBIDDEN.length + i] as const))('%s: %s is allowed', (_file, _code, i) => {
    expect(reports[i]).toEqual([]);
  });
});

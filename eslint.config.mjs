import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// The core must run unchanged in Excel, in a browser and in Node: it may not
// reach for a host API. These imports are the ones that would tie it to one.
const hostPatterns = (who) => [
  { group: ['node:*'], message: `${who} is runtime-neutral: no Node.js modules.` },
  { group: ['fs', 'path', 'os', 'crypto', 'stream', 'zlib', 'worker_threads', 'child_process', 'http', 'https', 'url', 'util'], message: `${who} is runtime-neutral: no Node.js modules.` },
  { group: ['exceljs', 'exceljs/*'], message: `${who} is runtime-neutral: ExcelJS belongs to src/xlsx.` },
  { group: ['@microsoft/*', '@azure/*'], message: `${who} is runtime-neutral: Graph and MSAL belong to src/drive.` },
];

// Layers (docs/architecture.md): the core knows nothing else; the application
// layer (src/app) knows the core and ports only; the faces and the adapters
// (src/cli, src/addin, src/web, src/drive/*, src/node) use the core and src/app
// but not one another, except where a face is built on an adapter (the CLI on
// src/node and src/drive; the pane and the page on the browser's Graph drive
// and on src/browser-read, the reading in a Web Worker both browser faces
// share, which imports neither face).
// Test support (the Office stand-in, fixtures) lives in test/ and is never
// imported by shipped code.
const testSupport = { group: ['**/test/**', '**/testing/**', '**/*-fixtures', '**/fixtures/**'], message: 'Shipped code may not import test support (it lives in test/support).' };
const adapter = (...names) => ({ group: names.map((n) => `**/${n}/**`), message: 'Adapters do not import one another: share through src/app or src/core.' });

/** The import rules of one folder: test support, plus the folder's own layer rules. */
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns: [testSupport, ...patterns] }] });

/** The rules by folder, as a list a test can check. */
export const BOUNDARIES = [
  { files: ['src/**/*.ts'], rules: restrict() },
  {
    files: ['src/core/**/*.ts'],
    rules: restrict(...hostPatterns('src/core'), { group: ['office-js', '**/addin/**', '**/xlsx/**', '**/drive/**', '**/cli/**', '**/node/**', '**/web/**', '**/browser-read/**', '**/app/**', '**/sample/**'], message: 'src/core may not import an adapter, src/app or the samples.' }),
  },
  // The campaign's sheets and charts are built on consolidations, never the reverse (no cycle).
  { files: ['src/core/consolidate/**/*.ts'], rules: restrict(...hostPatterns('src/core'), { group: ['office-js', '**/addin/**', '**/xlsx/**', '**/drive/**', '**/cli/**', '**/node/**', '**/web/**', '**/browser-read/**', '**/app/**', '**/sample/**', '**/campaign/**'], message: 'src/core may not import an adapter; core/consolidate may not import core/campaign (a cycle).' }) },
  {
    files: ['src/app/**/*.ts'],
    rules: restrict(...hostPatterns('src/app'), { group: ['office-js', '**/addin/**', '**/cli/**', '**/node/**', '**/drive/**', '**/web/**', '**/browser-read/**', '**/sample/**', '**/xlsx/**', '!**/xlsx/read-limits'], message: 'src/app reaches files and readers through ports; of src/xlsx it uses only the limits.' }),
  },
  { files: ['src/cli/**/*.ts'], rules: restrict(adapter('addin', 'web', 'browser-read')) },
  { files: ['src/addin/**/*.ts'], rules: restrict(adapter('cli', 'node', 'web', 'drive/local')) },
  { files: ['src/web/**/*.ts'], rules: restrict(adapter('cli', 'node', 'addin', 'drive/local')) },
  // Shared by the pane and the page: the reading worker and its protocol, built on src/xlsx and the reader port only.
  { files: ['src/browser-read/**/*.ts'], rules: restrict(adapter('cli', 'node', 'addin', 'web', 'drive')) },
  { files: ['src/node/**/*.ts'], rules: restrict(adapter('cli', 'addin', 'web', 'browser-read', 'drive/local')) },
  { files: ['src/drive/local/**/*.ts'], rules: restrict(adapter('cli', 'addin', 'web', 'browser-read', 'node', 'drive/graph')) },
  { files: ['src/drive/graph/**/*.ts'], rules: restrict(adapter('cli', 'addin', 'web', 'browser-read', 'node', 'drive/local')) },
  { files: ['src/xlsx/**/*.ts'], rules: restrict(adapter('cli', 'addin', 'web', 'browser-read', 'node', 'drive', 'app')) },
  // A panel is one tab of the pane: panels share through the pane's modules, never through each other.
  { files: ['src/addin/taskpane/*-panel.ts'], rules: restrict(adapter('cli', 'node', 'web', 'drive/local'), { group: ['./*-panel', '../taskpane/*-panel'], message: 'Panels do not import panels: move what they share to its own module.' }) },
  // Tests next to the code may use test support.
  { files: ['src/**/*.test.ts'], rules: { 'no-restricted-imports': 'off' } },
];

export default tseslint.config(
  { ignores: ['build/**', 'dist/**', 'node_modules/**', 'coverage/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  ...BOUNDARIES,
  {
    files: ['src/core/**/*.ts', 'src/app/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'Office', message: 'src/core is pure.' }, { name: 'Excel', message: 'src/core is pure.' }, { name: 'process', message: 'src/core is pure: pass configuration in.' }, { name: 'Buffer', message: 'src/core is pure: use Uint8Array.' }],
    },
  },
);

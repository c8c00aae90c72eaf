import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// The core must run unchanged in Excel, in a browser and in Node: it may not
// reach for a host API. These imports are the ones that would tie it to one.
const hostModules = {
  patterns: [
    { group: ['node:*'], message: 'src/core is pure: no Node.js modules.' },
    { group: ['fs', 'path', 'os', 'crypto', 'stream', 'zlib', 'worker_threads', 'child_process', 'http', 'https', 'url', 'util'], message: 'src/core is pure: no Node.js modules.' },
    { group: ['exceljs', 'exceljs/*'], message: 'src/core is pure: ExcelJS belongs to src/xlsx.' },
    { group: ['@microsoft/*', '@azure/*'], message: 'src/core is pure: Graph and MSAL belong to src/drive.' },
    { group: ['office-js', '**/addin/**', '**/xlsx/**', '**/drive/**', '**/cli/**', '**/node/**'], message: 'src/core may not import an adapter.' },
  ],
};

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
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', hostModules],
      'no-restricted-globals': ['error', { name: 'Office', message: 'src/core is pure.' }, { name: 'Excel', message: 'src/core is pure.' }, { name: 'process', message: 'src/core is pure: pass configuration in.' }, { name: 'Buffer', message: 'src/core is pure: use Uint8Array.' }],
    },
  },
);

/**
 * The CLI build (tsconfig.build.json, what `npm run build:node` compiles and
 * the `phu` package ships) holds no test support and no browser face: every
 * file the compiler would emit is listed and checked.
 */
import * as path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');

function buildFiles(config: string): string[] {
  const file = path.join(ROOT, config);
  const read = ts.readConfigFile(file, (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, ROOT, undefined, file);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true } });
  return program
    .getSourceFiles()
    .map((s) => path.relative(ROOT, s.fileName).split(path.sep).join('/'))
    .filter((f) => !f.startsWith('node_modules/') && !f.startsWith('..'));
}

describe('the CLI build', () => {
  const files = buildFiles('tsconfig.build.json');

  it('compiles the command line and what it uses', () => {
    expect(files).toContain('src/cli/phu.ts');
    expect(files).toContain('src/app/index.ts');
    expect(files).toContain('src/node/budget/read-worker.ts');
  });

  it('contains no test support, no test, no benchmark and no browser face', () => {
    const forbidden = files.filter((f) => /^(test|bench)\//.test(f) || /\/testing\//.test(f) || /fixtures/.test(f) || /\.test\.ts$/.test(f) || /^src\/(addin|web|browser-read)\//.test(f));
    expect(forbidden).toEqual([]);
  });
});

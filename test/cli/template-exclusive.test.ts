import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { runCli, tempDir } from './run-cli';

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => ({ dir, remove } = await tempDir('phu-cli-exclusive-')));
afterAll(() => remove());

describe('templates without --force are created exclusively', () => {
  it('two runs racing for one file: one writes it, the other says it exists and changes nothing', async () => {
    const out = path.join(dir, 'race.xlsx');
    const runs = await Promise.all([0, 1].map(() => runCli(['template', '--unit', '688', '--period', 'TK', '--out', out], dir)));
    expect(runs.map((r) => r.code).sort()).toEqual([0, 3]);
    expect(runs.find((r) => r.code === 3)?.stderr).toContain('đã có');
    const read = await readWorkbook(new Uint8Array(await fs.readFile(out)));
    expect(read.book).toBeDefined();
    expect(await fs.readdir(dir)).toEqual(['race.xlsx']);
  });

  it('--out-dir racing with another run: each file written once, never overwritten', async () => {
    const outDir = path.join(dir, 'xa');
    const runs = await Promise.all([0, 1].map(() => runCli(['template', '--unit', '688', '--period', 'TK', '--out-dir', outDir], dir)));
    expect(runs.some((r) => r.code === 3)).toBe(true);
    expect(runs.filter((r) => r.code === 0).length).toBeLessThanOrEqual(1);
    const leftovers = (await fs.readdir(outDir, { recursive: true })).filter((f) => f.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  });
});

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expandWildcards } from './expand-wildcards';

describe('expandWildcards', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'phu-wild-'));
    await fs.mkdir(path.join(dir, 'TK'));
    for (const n of ['25216 Thác Mơ.xlsx', '25217 Long Thủy.XLSX', '~$25216 Thác Mơ.xlsx', 'ghi chu.txt', 'a(1).xlsx']) await fs.writeFile(path.join(dir, 'TK', n), '');
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('expands * and ? in the file name, case-insensitively, without Excel lock files', async () => {
    expect(await expandWildcards(['TK/*.xlsx'], dir)).toEqual(['TK/25216 Thác Mơ.xlsx', 'TK/25217 Long Thủy.XLSX', 'TK/a(1).xlsx']);
    expect(await expandWildcards(['TK/2521?*'], dir)).toEqual(['TK/25216 Thác Mơ.xlsx', 'TK/25217 Long Thủy.XLSX']);
  });

  it('keeps plain names and patterns that match nothing as given', async () => {
    expect(await expandWildcards(['x.xlsx', 'TK/*.pdf', 'khong/*.xlsx'], dir)).toEqual(['x.xlsx', 'TK/*.pdf', 'khong/*.xlsx']);
  });
});

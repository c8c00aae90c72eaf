import * as path from 'node:path';
import { runCli, tempDir } from './run-cli';

describe('failures worded by --lang', () => {
  it('a missing folder is reported in the language asked for, exit 3', async () => {
    const { dir, remove } = await tempDir('phu-failure-');
    try {
      const args = ['consolidate', 'khong-co', '--unit', '688', '--period', 'TK', '--out', path.join(dir, 'x.xlsx')];
      const vi = await runCli(args, dir);
      expect(vi.code).toBe(3);
      expect(vi.stderr).toContain('Lỗi: Không tìm thấy');
      const en = await runCli([...args, '--lang', 'en'], dir);
      expect(en.code).toBe(3);
      expect(en.stderr).toMatch(/^Error: ".*" was not found\.$/m);
      expect(en.stderr).not.toContain('Không tìm thấy');
    } finally {
      await remove();
    }
  });
});

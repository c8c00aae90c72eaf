import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureAddinSyncs } from './measure-syncs';

describe('task pane round trips', () => {
  it('validate takes at most 3 syncs and compute at most 4, the same for 100, 2,000 and 20,000 rows, under 5 MB each', async () => {
    const results = [];
    for (const rows of [100, 2_000, 20_000]) results.push(await measureAddinSyncs(rows));
    for (const r of results) {
      expect(r.validate.syncs).toBeLessThanOrEqual(3);
      expect(r.validateFaulty.syncs).toBeLessThanOrEqual(3);
      expect(r.compute.syncs).toBeLessThanOrEqual(4);
      for (const c of [r.validate, r.validateFaulty, r.compute]) {
        expect(c.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
        expect(c.maxResponseBytes).toBeLessThan(5 * 1024 * 1024);
      }
    }
    expect(new Set(results.map((r) => r.validateFaulty.syncs)).size).toBe(1);
    expect(new Set(results.map((r) => r.compute.syncs)).size).toBe(1);
    const dir = join(__dirname, '..', '..', '..', 'test-output');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'addin-sync-counts.json'), JSON.stringify(results, null, 2) + '\n');
  });
});

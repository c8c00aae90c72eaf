/**
 * `npm run bench` at toy size, so it cannot rot: every part runs and
 * reports figures of the right shape. Nothing here judges a time.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../../bench/bench-paths';
import { PROVINCE_DATASET } from '../../bench/dataset';
import { formatReport } from '../../bench/format-report';
import { ensureDataset } from '../../bench/generate-data';
import { defaultOptions, runBench, type BenchReport } from '../../bench/run-bench';

describe('benchmark smoke run', () => {
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'phu-bench-smoke-'));
  let report: BenchReport;

  beforeAll(async () => {
    report = await runBench({
      ...defaultOptions(repoRoot(), cache),
      // Part 7 starts the built CLI, which a test from sources does not have.
      parts: [1, 2, 3, 4, 5, 6],
      differentialRuns: 20,
      furtherHostile: false,
      reps: 1,
      countryWorkers: [1],
      provinceWorkers: 0,
      // Đà Nẵng, the smallest province: 47 communes in 7 districts.
      country: { name: 'smoke-48', rootCode: '48', seed: 5 },
      generateWorkers: 0,
      excelRows: [50, 500],
      functionCells: 2_000,
      build: false,
    });
  }, 300_000);
  afterAll(() => fs.rmSync(cache, { recursive: true, force: true }));

  it('part 1 consolidates the 111 Bình Phước files into 11 districts and the province, and compares with parsing them', () => {
    const p = report.province;
    expect(p?.files).toBe(111);
    expect(p?.run.filesRead).toEqual({ xa: 111, huyen: 11 });
    expect(p?.run.filesWritten).toEqual({ huyen: 11, tinh: 1 });
    expect(p?.run.invalid).toEqual({ xa: 0, huyen: 0 });
    expect(p?.run.root).toEqual({ expected: 11, onTime: 11, late: 0, missing: 0, invalid: 0 });
    expect(p?.parseOnly.median).toBeGreaterThan(0);
    expect(p?.district).toMatchObject({ code: '692', files: 16 });
    expect(Number.isFinite(p?.ratio)).toBe(true);
    expect(p?.ratio).toBeGreaterThan(0);
    expect(p?.floor.median).toBeGreaterThan(0);
    expect(p?.floorRatio).toBeGreaterThan(0);
  });

  it('part 2 runs the tree from the communes to the root with a worker, and measures memory', () => {
    const run = report.country?.runs[0];
    expect(run?.workers).toBe(1);
    expect(run?.communeFiles).toBe(47);
    expect(run?.result.filesWritten).toEqual({ huyen: 7, tinh: 1 });
    expect(run?.result.invalid).toEqual({ xa: 0, huyen: 0 });
    expect(run?.peakRssBytes).toBeGreaterThan(0);
    expect(run?.peakHeapBytes).toBeGreaterThan(0);
    expect(run?.floor.files).toBe(47 + 7);
    expect(run?.floor.seconds).toBeGreaterThan(0);
    expect(report.country?.provinceBaseline?.communeFiles).toBe(111);
  });

  it('part 3 counts syncs and payload at each size', () => {
    expect(report.excel?.sizes.map((s) => s.rows)).toEqual([50, 500]);
    expect(report.excel?.sizes.every((s) => s.validate.syncs > 0 && s.compute.syncs > 0)).toBe(true);
    expect(report.excel?.maxPayloadBytes).toBeLessThan(5 * 1024 * 1024);
  });

  it('part 4 times the functions per cell, and part 5 reports the bundles it finds', () => {
    expect(report.functions?.tyle.cells).toBe(2_000);
    expect(report.functions?.xephangTenth.cells).toBe(200);
    expect(report.functions?.xephang.nsPerCell).toBeGreaterThan(0);
    expect(['existing', 'missing']).toContain(report.bundles?.status);
  });

  it('prints every part, and a second run reuses the generated files', async () => {
    const text = formatReport(report);
    for (const heading of ['1. Province', 'ratio pipeline / parse-only', 'physical floor', '2. Country', '3. In Excel', '4. Custom functions', '5. Add-in bundles', '6. Reader']) expect(text).toContain(heading);
    expect(report.reader?.hostile.map((h) => h.outcome)).toEqual(['refused (file_corrupt)', 'refused (file_corrupt)', 'refused (sheet_too_large)', 'read', 'read', 'refused (file_corrupt)']);
    expect(report.reader?.differential.failure).toBeUndefined();
    const again = await ensureDataset(PROVINCE_DATASET, cache, { workers: 0 });
    expect(again).toMatchObject({ files: 111, generatedSeconds: 0, cachedFolders: 11, folders: 11 });
  });
});

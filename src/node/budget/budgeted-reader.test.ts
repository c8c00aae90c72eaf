import { FORM_4PHU_2024 } from '../../core/forms/form-4phu-2024';
import { renderSubmission } from '../../core/render/render-submission';
import { generateProvince } from '../../sample/generate-province';
import { readWorkbook } from '../../xlsx/read-workbook';
import { writeWorkbook } from '../../xlsx/write-workbook';
import { numberGridWorkbook } from '../../../test/support/number-grid-workbook';
import { BudgetedReader } from './budgeted-reader';
import { readBudgetFromEnv } from './read-budget';


describe('BudgetedReader', () => {
  const generated = generateProvince({ rootCode: '688', seed: 9, faults: { invalid: ['25219'] } });
  let files: Uint8Array[];
  let heavy: Uint8Array;

  beforeAll(async () => {
    files = [];
    for (const f of generated.files.slice(0, 3)) files.push(await writeWorkbook(renderSubmission(FORM_4PHU_2024, f.data)));
    files.push(new TextEncoder().encode('không phải tệp Excel'));
    heavy = numberGridWorkbook(150_000, 7);
  });

  it('reads in a worker exactly what the calling thread reads, refusals included', async () => {
    const reader = new BudgetedReader({ workers: 2 });
    try {
      const here = await Promise.all(files.map((b) => readWorkbook(b.slice())));
      const there = await Promise.all(files.map((b) => reader.readWorkbook(b.slice())));
      expect(there).toEqual(here);
      expect(there.at(-1)?.book).toBeUndefined();
      expect(there[0]?.book?.sheets.length).toBeGreaterThan(2);
    } finally {
      await reader.close();
    }
  });

  it('a file past the deadline becomes a finding, and the next file is read by a fresh worker', async () => {
    const reader = new BudgetedReader({ workers: 1, budget: { timeoutMs: 2000, heapMb: 1024 } });
    try {
      const slow = await reader.readWorkbook(heavy.slice());
      expect(slow.book).toBeUndefined();
      expect(slow.findings.map((f) => [f.code, f.severity, f.params])).toEqual([['file_read_too_long', 'error', { seconds: 2 }]]);
      expect(slow.findings[0]?.message_vi).toContain('đọc quá lâu');
      const next = await reader.readWorkbook((files[0] as Uint8Array).slice());
      expect(next.book?.sheets.map((s) => s.name)).toContain('SoLieu');
    } finally {
      await reader.close();
    }
  });

  it('threads started early serve a reader with their budget only; a reader with another budget keeps its own', async () => {
    BudgetedReader.startEarly({ workers: 1, budget: { timeoutMs: 120_000, heapMb: 1024 } });
    const strict = new BudgetedReader({ workers: 1, budget: { timeoutMs: 2000, heapMb: 1024 } });
    const early = new BudgetedReader({ workers: 1, budget: { timeoutMs: 120_000, heapMb: 1024 } });
    try {
      const slow = await strict.readWorkbook(heavy.slice());
      expect(slow.findings.map((f) => [f.code, f.params])).toEqual([['file_read_too_long', { seconds: 2 }]]);
      const read = await early.readWorkbook((files[0] as Uint8Array).slice());
      expect(read).toEqual(await readWorkbook((files[0] as Uint8Array).slice()));
    } finally {
      await Promise.all([strict.close(), early.close()]);
    }
  });

  it('a file that needs more memory than the cap becomes a finding, and the run goes on', async () => {
    const reader = new BudgetedReader({ workers: 1, budget: { timeoutMs: 120_000, heapMb: 48 } });
    try {
      const big = await reader.readWorkbook(heavy.slice(), { limits: { maxCellsPerSheet: 10_000_000 } });
      expect(big.findings.map((f) => [f.code, f.params])).toEqual([['file_too_complex', { megabytes: 48 }]]);
      expect(big.findings[0]?.message_vi).toContain('quá phức tạp');
      const next = await reader.readWorkbook((files[1] as Uint8Array).slice());
      expect(next.book?.sheets.map((s) => s.name)).toContain('SoLieu');
    } finally {
      await reader.close();
    }
  });
});

describe('readBudgetFromEnv', () => {
  it('reads seconds and MiB, and names the values it cannot use', () => {
    expect(readBudgetFromEnv({ PHU_MAX_READ_SECONDS: '2,5', PHU_MAX_READ_HEAP_MB: '128' })).toEqual({ budget: { timeoutMs: 2500, heapMb: 128 }, invalid: [] });
    expect(readBudgetFromEnv({ PHU_MAX_READ_SECONDS: 'nhanh', PHU_MAX_READ_HEAP_MB: '-1' })).toEqual({ budget: { timeoutMs: 5000, heapMb: 256 }, invalid: ['PHU_MAX_READ_SECONDS', 'PHU_MAX_READ_HEAP_MB'] });
  });
});

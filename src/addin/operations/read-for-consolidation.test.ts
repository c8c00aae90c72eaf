import { consolidateReports } from '../../app/consolidate-files';
import { inputFromPicked, type InputFile } from '../../app/input-file';
import type { FileState } from '../../app/read-reports';
import type { ReadAnswer, ReadRequest, WorkerLike } from '../../browser-read/read-protocol';
import { WorkerReader } from '../../browser-read/worker-reader';
import { FORM_4PHU_2024 } from '../../core/forms/form-4phu-2024';
import { nationalRegistry } from '../../core/units/national-registry';
import { readWorkbook } from '../../xlsx/read-workbook';
import { writeWorkbook } from '../../xlsx/write-workbook';
import { communeReport } from '../../../test/support/addin/campaign-fixtures';
import { readForConsolidation } from './read-for-consolidation';

const HANG = new TextEncoder().encode('HANG');
const CRASH = new TextEncoder().encode('CRASH');
const startsWith = (bytes: Uint8Array, mark: Uint8Array): boolean => mark.every((b, i) => bytes[i] === b);

/**
 * A Web Worker stand-in that reads with the real reader in this thread,
 * except for files starting with HANG (never answered, as a worker stuck in
 * a hostile file) or CRASH (the worker dies, as out of memory).
 */
class FakeReadWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<ReadAnswer>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  /** `stuck` is told when a file hangs the worker. */
  constructor(private readonly stuck?: () => void) {}
  postMessage(message: ReadRequest): void {
    const bytes = new Uint8Array(message.bytes);
    if (startsWith(bytes, HANG)) {
      this.stuck?.();
      return;
    }
    if (startsWith(bytes, CRASH)) {
      queueMicrotask(() => this.onerror?.({ preventDefault: () => undefined } as unknown as ErrorEvent));
      return;
    }
    void readWorkbook(bytes, message.limits ? { limits: message.limits } : {}).then((read) => {
      if (!this.terminated) this.onmessage?.({ data: { id: message.id, ...(read.book ? { book: read.book } : {}), findings: read.findings } } as MessageEvent<ReadAnswer>);
    });
  }
  terminate(): void {
    this.terminated = true;
  }
}

const registry = nationalRegistry();
const communes = registry.children('688').slice(0, 2);
const base = { form: FORM_4PHU_2024, registry, parentCode: '688', period: 'D2', reportDate: '2024-07-01' };

function input(name: string, bytes: Uint8Array): InputFile {
  return inputFromPicked({ name, size: bytes.length, lastModified: 0, arrayBuffer: () => Promise.resolve(bytes.slice().buffer) });
}

let valid: InputFile[];
beforeAll(async () => {
  valid = [];
  for (const [i, c] of communes.entries()) valid.push(input(`${c.code}.xlsx`, await writeWorkbook(communeReport(registry, c.code, { seed: i * 3, period: 'D2' }))));
});

describe("the pane's Tổng hợp reading in a worker", () => {
  it('gives a file whose worker never answers file_read_too_long, reads the next file in a new worker, and sums the valid communes', async () => {
    const workers: FakeReadWorker[] = [];
    // Long enough for the real reader to read a commune on a busy machine; the stuck file costs all of it.
    const reader = new WorkerReader(() => workers[workers.push(new FakeReadWorker()) - 1] as FakeReadWorker, 5_000);
    // "0 treo.xlsx" sorts first: every commune is read after it.
    const files = [input('0 treo.xlsx', HANG), ...valid];
    const seen: FileState[] = [];
    const got = await readForConsolidation({ files: () => Promise.resolve(files) }, base, reader, (s) => seen.push(s));
    if (got.kind !== 'read') throw new Error(got.kind);
    expect(got.reports.map((r) => [r.source.file, r.findings.filter((f) => f.severity === 'error').map((f) => f.code)])).toEqual([
      ['0 treo.xlsx', ['file_read_too_long']],
      [`${communes[0]?.code ?? ''}.xlsx`, []],
      [`${communes[1]?.code ?? ''}.xlsx`, []],
    ]);
    expect(seen.filter((s) => s.status !== 'reading').map((s) => s.status)).toEqual(['invalid', 'valid', 'valid']);
    expect(workers.map((w) => w.terminated)).toEqual([true, false]);

    const consolidated = consolidateReports(got.reports, got.req).consolidation;
    const alone = await readForConsolidation({ files: () => Promise.resolve(valid) }, base, { readWorkbook });
    if (alone.kind !== 'read') throw new Error(alone.kind);
    expect(consolidated.completeness.onTime + consolidated.completeness.late).toBe(2);
    expect(consolidated.total.values).toEqual(consolidateReports(alone.reports, alone.req).consolidation.total.values);
    expect(consolidated.total.values['cccd_done']).toBeGreaterThan(0);
    expect(consolidated.sources.map((s) => s.file)).toContain('0 treo.xlsx');
  });

  it('gives a file that kills its worker file_too_complex, and goes on', async () => {
    const reader = new WorkerReader(() => new FakeReadWorker(), 10_000);
    const got = await readForConsolidation({ files: () => Promise.resolve([input('0 nang.xlsx', CRASH), ...valid]) }, base, reader);
    if (got.kind !== 'read') throw new Error(got.kind);
    expect(got.reports.map((r) => r.findings.some((f) => f.code === 'file_too_complex'))).toEqual([true, false, false]);
  });

  it('stops before the children when the previous period is not read in time, saying why', async () => {
    const reader = new WorkerReader(() => new FakeReadWorker(), 200);
    let listed = false;
    const got = await readForConsolidation(
      {
        files: () => {
          listed = true;
          return Promise.resolve(valid);
        },
        previous: { name: '688 D1.xlsx', bytes: HANG },
      },
      base,
      reader,
    );
    expect(got.kind).toBe('previous_bad');
    if (got.kind !== 'previous_bad') return;
    expect(got.findings.map((f) => [f.code, f.file])).toEqual([['file_read_too_long', '688 D1.xlsx']]);
    expect(listed).toBe(false);
  });

  it('stops when the target table is not read in time', async () => {
    const reader = new WorkerReader(() => new FakeReadWorker(), 200);
    const got = await readForConsolidation({ files: () => Promise.resolve(valid), targets: { name: 'chi-tieu.xlsx', bytes: HANG } }, base, reader);
    expect(got.kind === 'targets_bad' ? got.findings.map((f) => f.code) : got.kind).toEqual(['file_read_too_long']);
  });

  it('ends at once when the reader is stopped (Hủy) while a file hangs', async () => {
    // Hủy pressed while the worker is stuck in the file: the deadline (a minute here) is not waited for.
    const reader: WorkerReader = new WorkerReader(() => new FakeReadWorker(() => queueMicrotask(() => reader.dispose())), 60_000);
    const seen: FileState[] = [];
    const running = readForConsolidation({ files: () => Promise.resolve([input('0 treo.xlsx', HANG), ...valid]) }, base, reader, (s) => seen.push(s));
    await expect(running).rejects.toThrow('reading was cancelled');
    expect(seen.map((s) => [s.name, s.status])).toEqual([['0 treo.xlsx', 'reading']]);
  });
});

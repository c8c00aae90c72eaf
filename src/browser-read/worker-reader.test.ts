import type { Finding } from '../core/findings/finding';
import type { ReadAnswer, ReadRequest, WorkerLike } from './read-protocol';
import { ReadCancelled, WorkerReader } from './worker-reader';

/** A worker stand-in: answers with `behave`'s result, or never (`'hang'`), or crashes. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<ReadAnswer>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  received: number[] = [];
  constructor(private readonly behave: (bytes: Uint8Array) => 'hang' | 'crash' | readonly Finding[]) {}
  postMessage(message: ReadRequest): void {
    const bytes = new Uint8Array(message.bytes);
    this.received.push(bytes.length);
    const what = this.behave(bytes);
    if (what === 'hang') return;
    queueMicrotask(() => {
      if (what === 'crash') this.onerror?.({ preventDefault: () => undefined } as unknown as ErrorEvent);
      else this.onmessage?.({ data: { id: message.id, book: { sheets: [{ name: 'S', rows: [[bytes.length]] }] }, findings: what } } as unknown as MessageEvent<ReadAnswer>);
    });
  }
  terminate(): void {
    this.terminated = true;
  }
}

/** Files whose first byte is 0 hang the worker, 1 crash it; others are read. */
const behave = (bytes: Uint8Array): 'hang' | 'crash' | [] => (bytes[0] === 0 ? 'hang' : bytes[0] === 1 ? 'crash' : []);

describe('WorkerReader', () => {
  it('reads in a worker and keeps the same worker for the next file', async () => {
    const workers: FakeWorker[] = [];
    const reader = new WorkerReader(() => workers[workers.push(new FakeWorker(behave)) - 1] as FakeWorker, 10_000);
    const a = await reader.readWorkbook(new Uint8Array([9, 9, 9]));
    const b = await reader.readWorkbook(new Uint8Array([7]));
    expect(a.book?.sheets[0]?.rows[0]).toEqual([3]);
    expect(b.book?.sheets[0]?.rows[0]).toEqual([1]);
    expect(workers).toHaveLength(1);
    expect(workers[0]?.terminated).toBe(false);
  });

  it('turns a file past the deadline into a finding, terminates its worker, and reads the next file in a new one', async () => {
    const workers: FakeWorker[] = [];
    const reader = new WorkerReader(() => workers[workers.push(new FakeWorker(behave)) - 1] as FakeWorker, 30);
    const slow = await reader.readWorkbook(new Uint8Array([0, 1, 2]));
    expect(slow.book).toBeUndefined();
    expect(slow.findings.map((f) => [f.code, f.severity, f.params])).toEqual([['file_read_too_long', 'error', { seconds: 1 }]]);
    expect(slow.findings[0]?.message_vi).toContain('đọc quá lâu');
    expect(workers[0]?.terminated).toBe(true);
    const next = await reader.readWorkbook(new Uint8Array([5, 5]));
    expect(next.book?.sheets[0]?.rows[0]).toEqual([2]);
    expect(workers).toHaveLength(2);
    expect(reader.started).toBe(2);
  });

  it('a crashed worker costs its file only', async () => {
    const workers: FakeWorker[] = [];
    const reader = new WorkerReader(() => workers[workers.push(new FakeWorker(behave)) - 1] as FakeWorker, 10_000);
    const crashed = await reader.readWorkbook(new Uint8Array([1]));
    expect(crashed.findings.map((f) => f.code)).toEqual(['file_too_complex']);
    expect(crashed.findings[0]?.message_vi).toContain('quá phức tạp');
    expect((await reader.readWorkbook(new Uint8Array([4]))).book).toBeDefined();
    expect(workers.map((w) => w.terminated)).toEqual([true, false]);
  });

  it('starts its worker ahead of the first file when warmed up', async () => {
    const workers: FakeWorker[] = [];
    const reader = new WorkerReader(() => workers[workers.push(new FakeWorker(behave)) - 1] as FakeWorker, 10_000);
    reader.warmUp();
    expect(workers).toHaveLength(1);
    await reader.readWorkbook(new Uint8Array([8]));
    expect(workers).toHaveLength(1);
    expect(workers[0]?.received).toEqual([1]);
  });

  it('a read that threw in the worker is a damaged file, its message kept as a quoted extra in both languages', async () => {
    const failing: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage(message: ReadRequest): void {
        queueMicrotask(() => this.onmessage?.({ data: { id: message.id, failed: 'Bad\u001b[31m record\n at 0x10' } } as unknown as MessageEvent<ReadAnswer>));
      },
      terminate: () => undefined,
    };
    const r = await new WorkerReader(() => failing, 10_000).readWorkbook(new Uint8Array([2]));
    expect(r.findings.map((f) => [f.code, f.params])).toEqual([['file_corrupt', { reason: 'unreadable', part: '', extra: 'Bad [31m record at 0x10' }]]);
    expect(r.findings[0]?.message_en).toBe('The file is damaged or incomplete (the content cannot be read: Bad [31m record at 0x10): send the original file again.');
    expect(r.findings[0]?.message_vi).toContain('nội dung không đọc được: Bad [31m record at 0x10');
  });

  it('leaves the caller its bytes (the worker gets a transferred copy)', async () => {
    const reader = new WorkerReader(() => new FakeWorker(behave), 10_000);
    const bytes = new Uint8Array([3, 4, 5]);
    await reader.readWorkbook(bytes);
    expect([...bytes]).toEqual([3, 4, 5]);
  });

  it('stops the worker on dispose: the read under way rejects as cancelled, and the next read starts a new worker', async () => {
    const workers: FakeWorker[] = [];
    const reader = new WorkerReader(() => workers[workers.push(new FakeWorker(behave)) - 1] as FakeWorker, 10_000);
    const hanging = reader.readWorkbook(new Uint8Array([0]));
    reader.dispose();
    await expect(hanging).rejects.toBeInstanceOf(ReadCancelled);
    expect(workers[0]?.terminated).toBe(true);
    expect((await reader.readWorkbook(new Uint8Array([6]))).book).toBeDefined();
    expect(workers).toHaveLength(2);
  });
});

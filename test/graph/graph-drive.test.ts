import { createHash, randomBytes } from 'node:crypto';
import { DriveError, type DriveItem } from '../../src/core/ports/drive';
import { GraphDrive, type GraphDriveOptions } from '../../src/drive/graph/graph-drive';
import { SIGN_IN_MESSAGE } from '../../src/drive/graph/graph-failure';
import { staticTokenSource, type GraphTokenSource } from '../../src/drive/graph/graph-token-source';
import type { GraphDriveEvent } from '../../src/drive/graph/retry-policy';
import { startGraphServer, type StartedGraphServer } from '../support/start-graph-server';
import type { GraphTestServer } from './graph-test-server';

const DRIVE = 'b!phu-test';
const TOKEN = 'tok-valid-0123456789';
const KIB = 1024;

let graph: StartedGraphServer;
let server: GraphTestServer;
let httpsFetch: typeof fetch;

beforeAll(async () => {
  graph = await startGraphServer({ tokens: [TOKEN], drives: [DRIVE] });
  ({ server, fetch: httpsFetch } = graph);
});

afterAll(() => graph.close());

afterEach(() => {
  // Every fault a test set must have fired: otherwise the test proved nothing.
  expect(server.pendingFaults()).toEqual([]);
  server.faults.length = 0;
});

function sha(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function open(events: GraphDriveEvent[] = [], options: Partial<GraphDriveOptions> = {}): GraphDrive {
  return new GraphDrive({
    driveId: DRIVE,
    tokens: staticTokenSource(TOKEN),
    baseUrl: server.apiBase,
    fetch: httpsFetch,
    retry: { baseDelayMs: 50, maxDelayMs: 200, maxTotalMs: 15_000, requestTimeoutMs: 10_000 },
    simpleUploadLimit: 256 * KIB,
    chunkSize: 320 * KIB,
    onEvent: (e) => events.push(e),
    ...options,
  });
}

function recordsSince(n: number) {
  return server.records.slice(n);
}

async function failure(p: Promise<unknown>): Promise<DriveError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof DriveError) return err;
    throw err;
  }
  throw new Error('expected a DriveError');
}

describe('GraphDrive against the loopback Graph server', () => {
  it('lists a folder of 450 files by following @odata.nextLink, with Vietnamese names intact', async () => {
    const folder = '4PHU-2024/TK/688 Thị xã Phước Long';
    for (let i = 0; i < 450; i++) server.drive(DRIVE).seed(`${folder}/${String(25000 + i)} Phường Thác Mơ #${i}.xlsx`, Buffer.from(`f${i}`));
    const before = server.records.length;
    const items = await open().list(folder);
    expect(items).toHaveLength(450);
    expect(new Set(items.map((i) => i.name)).size).toBe(450);
    expect(items[0]).toMatchObject({ name: '25000 Phường Thác Mơ #0.xlsx', folder, isFolder: false, size: 2 });
    expect(items[0]?.eTag).toMatch(/^"\{.+\},1"$/);
    const lists = recordsSince(before).filter((r) => r.kind === 'list');
    expect(lists).toHaveLength(3);
    const root = await open().list('');
    expect(root.map((i) => [i.name, i.isFolder])).toContainEqual(['4PHU-2024', true]);
  });

  it('reports a missing folder as not_found', async () => {
    const err = await failure(open().list('không có/thư mục này'));
    expect(err.code).toBe('not_found');
  });

  it('downloads through @microsoft.graph.downloadUrl on the other host, without the token, bytes intact', async () => {
    const bytes = randomBytes(700 * KIB);
    const node = server.drive(DRIVE).seed('dl/a.xlsx', bytes);
    const before = server.records.length;
    const [item] = await open().list('dl');
    const got = await open().download(item as DriveItem);
    expect(sha(got.bytes)).toBe(sha(bytes));
    expect(got.item.eTag).toBe(server.drive(DRIVE).eTag(node));
    const seen = recordsSince(before);
    expect(seen.filter((r) => r.kind === 'download')).toHaveLength(1);
    expect(seen.filter((r) => r.host === 'files').every((r) => r.authorization === undefined)).toBe(true);
    expect(seen.filter((r) => r.host === 'api').every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('fetches a download again when the connection drops mid-body', async () => {
    const bytes = randomBytes(200 * KIB);
    server.drive(DRIVE).seed('dl/drop.xlsx', bytes);
    const events: GraphDriveEvent[] = [];
    const drive = open(events);
    const item = (await drive.list('dl')).find((i) => i.name === 'drop.xlsx') as DriveItem;
    server.inject({ on: 'download', fault: { drop: 'mid-body' } });
    const got = await drive.download(item);
    expect(sha(got.bytes)).toBe(sha(bytes));
    expect(events).toContainEqual(expect.objectContaining({ kind: 'retry', reason: 'network' }));
  });

  it('uploads a small file with one PUT (conflictBehavior=fail), creating missing folders', async () => {
    const bytes = randomBytes(10 * KIB);
    const before = server.records.length;
    const result = await open().upload('up/4PHU-2024/TK/688 Thị xã Phước Long', '25216 Phường Thác Mơ.xlsx', bytes, { kind: 'fail' });
    expect(result.ok).toBe(true);
    const node = server.drive(DRIVE).byPath(['up', '4PHU-2024', 'TK', '688 Thị xã Phước Long', '25216 Phường Thác Mơ.xlsx']);
    expect(node && sha(node.bytes)).toBe(sha(bytes));
    if (result.ok) expect(result.item).toMatchObject({ name: '25216 Phường Thác Mơ.xlsx', folder: 'up/4PHU-2024/TK/688 Thị xã Phước Long', size: bytes.length });
    const seen = recordsSince(before);
    expect(seen.filter((r) => r.kind === 'create_folder')).toHaveLength(4);
    expect(seen.filter((r) => r.kind === 'content')).toHaveLength(2);
  });

  it('never overwrites an existing file under the default policy (409 nameAlreadyExists)', async () => {
    const theirs = randomBytes(5 * KIB);
    server.drive(DRIVE).seed('c/x.xlsx', theirs);
    const small = await open().upload('c', 'x.xlsx', randomBytes(5 * KIB), { kind: 'fail' });
    expect(small).toMatchObject({ ok: false, conflict: 'exists', existing: { name: 'x.xlsx', size: theirs.length } });
    const large = await open().upload('c', 'x.xlsx', randomBytes(700 * KIB), { kind: 'fail' });
    expect(large).toMatchObject({ ok: false, conflict: 'exists' });
    expect(sha(server.drive(DRIVE).byPath(['c', 'x.xlsx'])?.bytes ?? Buffer.alloc(0))).toBe(sha(theirs));
  });

  it('treats an injected 409 on the PUT as a conflict, not a failure', async () => {
    server.inject({ on: 'content', fault: { status: 409 } });
    const result = await open().upload('c', 'new-409.xlsx', randomBytes(KIB), { kind: 'fail' });
    expect(result).toMatchObject({ ok: false, conflict: 'exists' });
    expect(server.drive(DRIVE).byPath(['c', 'new-409.xlsx'])).toBeUndefined();
  });

  it('replaces only with the eTag the user saw (If-Match); a stale eTag is a "changed" conflict (412)', async () => {
    const original = server.drive(DRIVE).seed('r/y.xlsx', randomBytes(3 * KIB));
    const seenTag = server.drive(DRIVE).eTag(original);
    const mine = randomBytes(4 * KIB);
    const ok = await open().upload('r', 'y.xlsx', mine, { kind: 'replace', ifMatch: seenTag });
    expect(ok.ok).toBe(true);
    expect(sha(server.drive(DRIVE).byPath(['r', 'y.xlsx'])?.bytes ?? Buffer.alloc(0))).toBe(sha(mine));
    // Someone else saves meanwhile: replacing with the old eTag must not win.
    const theirs = randomBytes(4 * KIB);
    server.drive(DRIVE).seed('r/y.xlsx', theirs);
    const stale = await open().upload('r', 'y.xlsx', randomBytes(4 * KIB), { kind: 'replace', ifMatch: seenTag });
    expect(stale).toMatchObject({ ok: false, conflict: 'changed', existing: { name: 'y.xlsx' } });
    const staleLarge = await open().upload('r', 'y.xlsx', randomBytes(900 * KIB), { kind: 'replace', ifMatch: seenTag });
    expect(staleLarge).toMatchObject({ ok: false, conflict: 'changed' });
    expect(sha(server.drive(DRIVE).byPath(['r', 'y.xlsx'])?.bytes ?? Buffer.alloc(0))).toBe(sha(theirs));
  });

  it('treats an injected 412 on a replace as "changed", and leaves the file alone', async () => {
    const node = server.drive(DRIVE).seed('r/w.xlsx', randomBytes(KIB));
    const before = sha(node.bytes);
    server.inject({ on: 'content', fault: { status: 412 } });
    const result = await open().upload('r', 'w.xlsx', randomBytes(KIB), { kind: 'replace', ifMatch: server.drive(DRIVE).eTag(node) });
    expect(result).toMatchObject({ ok: false, conflict: 'changed', existing: { eTag: server.drive(DRIVE).eTag(node) } });
    expect(sha(node.bytes)).toBe(before);
  });

  it('uploads a large file through a session in 320 KiB-multiple chunks, without the token on the upload URL', async () => {
    const bytes = randomBytes(1100 * KIB);
    const before = server.records.length;
    const progress: number[] = [];
    const result = await open().upload('big', 'large.xlsx', bytes, { kind: 'fail' }, (done) => progress.push(done));
    expect(result.ok).toBe(true);
    expect(sha(server.drive(DRIVE).byPath(['big', 'large.xlsx'])?.bytes ?? Buffer.alloc(0))).toBe(sha(bytes));
    const chunks = recordsSince(before).filter((r) => r.kind === 'chunk');
    expect(chunks).toHaveLength(4);
    expect(chunks.every((r) => r.host === 'files' && r.authorization === undefined)).toBe(true);
    expect(progress[0]).toBe(0);
    expect(progress[progress.length - 1]).toBe(bytes.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('resumes from nextExpectedRanges after the connection drops mid-chunk', async () => {
    const bytes = randomBytes(1000 * KIB);
    const events: GraphDriveEvent[] = [];
    // The second chunk is cut after 100,000 of its bytes reached the server.
    server.inject({ on: 'chunk', skip: 1, fault: { drop: 'mid-body', commitBytes: 100_000 } });
    const result = await open(events).upload('big', 'resumed.xlsx', bytes, { kind: 'fail' });
    expect(result.ok).toBe(true);
    expect(sha(server.drive(DRIVE).byPath(['big', 'resumed.xlsx'])?.bytes ?? Buffer.alloc(0))).toBe(sha(bytes));
    expect(events).toContainEqual({ kind: 'resume', offset: 320 * KIB + 100_000, total: bytes.length });
  });

  it('sees a conflict at the end of a session when someone created the file meanwhile, and keeps theirs', async () => {
    const theirs = randomBytes(KIB);
    let seeded = false;
    const result = await open().upload('race', 'z.xlsx', randomBytes(700 * KIB), { kind: 'fail' }, (done) => {
      if (done > 0 && !seeded) {
        seeded = true;
        server.drive(DRIVE).seed('race/z.xlsx', theirs);
      }
    });
    expect(result).toMatchObject({ ok: false, conflict: 'exists', existing: { size: theirs.length } });
    expect(sha(server.drive(DRIVE).byPath(['race', 'z.xlsx'])?.bytes ?? Buffer.alloc(0))).toBe(sha(theirs));
  });

  it('counts a dropped PUT whose bytes landed as done, and retries one that did not land', async () => {
    const events: GraphDriveEvent[] = [];
    const landed = randomBytes(8 * KIB);
    server.drive(DRIVE).seed('drop/other.xlsx', Buffer.from('x'));
    server.inject({ on: 'content', fault: { drop: 'after-commit' } });
    const first = await open(events).upload('drop', 'landed.xlsx', landed, { kind: 'fail' });
    expect(first.ok).toBe(true);
    expect(events).toContainEqual({ kind: 'verify_after_drop', landed: true });
    const node = server.drive(DRIVE).byPath(['drop', 'landed.xlsx']);
    expect(node?.version).toBe(1);
    expect(sha(node?.bytes ?? Buffer.alloc(0))).toBe(sha(landed));

    const lost = randomBytes(8 * KIB);
    events.length = 0;
    server.inject({ on: 'content', fault: { drop: 'mid-body' } });
    const second = await open(events).upload('drop', 'lost.xlsx', lost, { kind: 'fail' });
    expect(second.ok).toBe(true);
    expect(events).toContainEqual({ kind: 'verify_after_drop', landed: false });
    expect(sha(server.drive(DRIVE).byPath(['drop', 'lost.xlsx'])?.bytes ?? Buffer.alloc(0))).toBe(sha(lost));
  });

  it('waits for Retry-After on 429 before trying again (listing, upload PUT and chunk)', async () => {
    server.drive(DRIVE).seed('t/a.xlsx', Buffer.from('a'));
    const before = server.records.length;
    server.inject({ on: 'list', fault: { status: 429, retryAfter: 1 } });
    await open().list('t');
    server.inject({ on: 'content', fault: { status: 429, retryAfter: 1 } });
    expect((await open().upload('t', 'b.xlsx', randomBytes(KIB), { kind: 'fail' })).ok).toBe(true);
    server.inject({ on: 'chunk', skip: 1, fault: { status: 429, retryAfter: 1 } });
    const big = randomBytes(700 * KIB);
    expect((await open().upload('t', 'c.xlsx', big, { kind: 'fail' })).ok).toBe(true);
    expect(sha(server.drive(DRIVE).byPath(['t', 'c.xlsx'])?.bytes ?? Buffer.alloc(0))).toBe(sha(big));
    const seen = recordsSince(before);
    const throttled = seen.filter((r) => r.fault === '429');
    expect(throttled).toHaveLength(3);
    for (const t of throttled) {
      const next = seen.find((r) => r.at >= t.at && r !== t && r.kind === t.kind && r.host === t.host);
      expect(next).toBeDefined();
      // Retry-After: 1 means at least a second later (a little slack for clock granularity).
      expect((next?.at ?? 0) - t.at).toBeGreaterThanOrEqual(990);
    }
  });

  it('retries 503 and 504 on the octet-stream PUTs the SDK retry handler would skip', async () => {
    server.inject({ on: 'content', fault: { status: 503 } });
    server.inject({ on: 'chunk', fault: { status: 504 } });
    server.inject({ on: 'create_session', fault: { status: 503, retryAfter: 1 } });
    const small = randomBytes(KIB);
    const large = randomBytes(400 * KIB);
    expect((await open().upload('t5', 's.xlsx', small, { kind: 'fail' })).ok).toBe(true);
    expect((await open().upload('t5', 'l.xlsx', large, { kind: 'fail' })).ok).toBe(true);
    expect(sha(server.drive(DRIVE).byPath(['t5', 's.xlsx'])?.bytes ?? Buffer.alloc(0))).toBe(sha(small));
    expect(sha(server.drive(DRIVE).byPath(['t5', 'l.xlsx'])?.bytes ?? Buffer.alloc(0))).toBe(sha(large));
  });

  it('gives up on endless throttling within its bound, with a clear message', async () => {
    server.drive(DRIVE).seed('busy/a.xlsx', Buffer.from('a'));
    server.inject({ on: 'list', times: 1000, fault: { status: 429, retryAfter: 1 } });
    const before = server.records.length;
    const started = Date.now();
    const err = await failure(open([], { retry: { maxTotalMs: 2_500, maxAttempts: 10, baseDelayMs: 50, requestTimeoutMs: 5_000 } }).list('busy'));
    const elapsed = Date.now() - started;
    expect(err.code).toBe('throttled');
    expect(err.message).toMatch(/quá tải/);
    const attempts = recordsSince(before).filter((r) => r.kind === 'list').length;
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(attempts).toBeLessThanOrEqual(4);
    // The bound holds: 2.5 s of waiting plus the requests, far from the 1000 s the server would have asked for.
    expect(elapsed).toBeLessThan(2_500 + 10_000);
    server.faults.length = 0;

    server.inject({ on: 'list', fault: { status: 503, retryAfter: 3600 } });
    const longWait = await failure(open([], { retry: { maxTotalMs: 2_500 } }).list('busy'));
    expect(longWait.code).toBe('throttled');
    expect(longWait.message).toMatch(/3600 giây/);
  });

  it('refreshes the token once on 401, then asks to sign in again', async () => {
    const asked: boolean[] = [];
    const rotating: GraphTokenSource = { getToken: ({ forceRefresh }) => (asked.push(forceRefresh), Promise.resolve(forceRefresh ? TOKEN : 'tok-expired')) };
    const events: GraphDriveEvent[] = [];
    server.drive(DRIVE).seed('auth/a.xlsx', Buffer.from('a'));
    expect(await open(events, { tokens: rotating }).list('auth')).toHaveLength(1);
    expect(asked).toEqual([false, true]);
    expect(events).toContainEqual({ kind: 'token_refresh' });

    const before = server.records.length;
    const err = await failure(open([], { tokens: staticTokenSource('tok-revoked') }).list('auth'));
    expect(err.code).toBe('auth');
    expect(err.message).toBe(SIGN_IN_MESSAGE);
    expect(err.message).not.toContain('tok-');
    expect(recordsSince(before).map((r) => r.status)).toEqual([401, 401]);
  });

  it('reports a token source that cannot sign in without retrying it', async () => {
    const broken: GraphTokenSource = { getToken: () => Promise.reject(new DriveError('auth', 'Chưa đăng nhập.')) };
    const before = server.records.length;
    const err = await failure(open([], { tokens: broken }).list(''));
    expect(err).toMatchObject({ code: 'auth', message: 'Chưa đăng nhập.' });
    expect(recordsSince(before)).toHaveLength(0);
  });

  it('refuses names SharePoint cannot store, and plain-http base URLs, before any request', async () => {
    const before = server.records.length;
    await expect(open().upload('a', 'x:y.xlsx', new Uint8Array(1), { kind: 'fail' })).rejects.toMatchObject({ code: 'failed' });
    await expect(open().list('a/../b')).rejects.toMatchObject({ code: 'failed' });
    expect(() => open([], { baseUrl: server.apiBase.replace('https:', 'http:') })).toThrow(DriveError);
    expect(recordsSince(before)).toHaveLength(0);
  });

  it('never sent a token to a download or upload URL, and always sent it to the API', () => {
    const files = server.records.filter((r) => r.host === 'files');
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((r) => r.authorization !== undefined)).toEqual([]);
    const api = server.records.filter((r) => r.host === 'api');
    expect(api.every((r) => r.authorization?.startsWith('Bearer '))).toBe(true);
    expect(server.records.filter((r) => r.host === 'unknown')).toEqual([]);
  });
});


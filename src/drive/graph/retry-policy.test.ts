import { DriveError } from '../../core/ports/drive';
import { RetriesExhausted, backoffMs, retryAfterMs, sendWithRetries, startBudget, type Clock, type GraphDriveEvent, type RetryPolicy } from './retry-policy';

const POLICY: RetryPolicy = { maxAttempts: 5, maxTotalMs: 10_000, baseDelayMs: 100, maxDelayMs: 1_000, requestTimeoutMs: 1_000 };

/** A clock that only moves when someone sleeps. */
function fakeClock(): Clock & { slept: number[] } {
  let now = 1_000_000;
  const slept: number[] = [];
  return { slept, now: () => now, sleep: (ms) => ((now += ms), slept.push(ms), Promise.resolve()) };
}

function reply(status: number, retryAfter?: string): Response {
  return new Response(status === 204 ? null : 'x', { status, headers: retryAfter === undefined ? {} : { 'Retry-After': retryAfter } });
}

describe('retryAfterMs', () => {
  it('reads delta-seconds and HTTP dates, and nothing else', () => {
    expect(retryAfterMs('1', 0)).toBe(1000);
    expect(retryAfterMs(' 120 ', 0)).toBe(120_000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:05 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(5000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:29:00 GMT'))).toBe(0);
    expect(retryAfterMs(null, 0)).toBeUndefined();
    expect(retryAfterMs('soon', 0)).toBeUndefined();
    expect(retryAfterMs('-5', 0)).toBeUndefined();
  });
});

describe('backoffMs', () => {
  it('doubles from the base up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((a) => backoffMs(POLICY, a))).toEqual([100, 200, 400, 800, 1000]);
  });
});

describe('sendWithRetries', () => {
  it('waits exactly what Retry-After asks, then returns the first non-busy answer', async () => {
    const clock = fakeClock();
    const events: GraphDriveEvent[] = [];
    const answers = [reply(429, '2'), reply(503), reply(504, '1'), reply(200)];
    const res = await sendWithRetries(() => Promise.resolve(answers.shift() as Response), startBudget(POLICY, clock, (e) => events.push(e)), false);
    expect(res.status).toBe(200);
    expect(clock.slept).toEqual([2000, 200, 1000]);
    expect(events.map((e) => (e.kind === 'retry' ? e.reason : e.kind))).toEqual(['throttled', 'unavailable', 'unavailable']);
  });

  it('returns other failures at once: they are not "busy"', async () => {
    const clock = fakeClock();
    for (const status of [400, 401, 404, 409, 412, 500]) {
      const res = await sendWithRetries(() => Promise.resolve(reply(status)), startBudget(POLICY, clock), true);
      expect(res.status).toBe(status);
    }
    expect(clock.slept).toEqual([]);
  });

  it('gives up after maxAttempts', async () => {
    const clock = fakeClock();
    let calls = 0;
    const run = sendWithRetries(() => (calls++, Promise.resolve(reply(429, '1'))), startBudget(POLICY, clock), true);
    await expect(run).rejects.toMatchObject({ reason: 'throttled', lastStatus: 429, askedWaitMs: 1000 });
    expect(calls).toBe(POLICY.maxAttempts);
  });

  it('never starts a wait that would end past the deadline', async () => {
    const clock = fakeClock();
    let calls = 0;
    const run = sendWithRetries(() => (calls++, Promise.resolve(reply(503, '4'))), startBudget({ ...POLICY, maxTotalMs: 9_000 }, clock), true);
    await expect(run).rejects.toBeInstanceOf(RetriesExhausted);
    expect(clock.slept).toEqual([4000, 4000]);
    expect(calls).toBe(3);
  });

  it('retries a dropped connection only when the request is idempotent', async () => {
    const clock = fakeClock();
    let calls = 0;
    const flaky = () => (++calls < 3 ? Promise.reject(new TypeError('fetch failed')) : Promise.resolve(reply(200)));
    expect((await sendWithRetries(flaky, startBudget(POLICY, clock), true)).status).toBe(200);
    expect(calls).toBe(3);
    calls = 0;
    await expect(sendWithRetries(flaky, startBudget(POLICY, clock), false)).rejects.toThrow('fetch failed');
    expect(calls).toBe(1);
  });

  it('does not retry a DriveError (no token is not a dropped connection)', async () => {
    const clock = fakeClock();
    let calls = 0;
    const run = sendWithRetries(() => (calls++, Promise.reject(new DriveError('auth', 'x'))), startBudget(POLICY, clock), true);
    await expect(run).rejects.toBeInstanceOf(DriveError);
    expect(calls).toBe(1);
  });
});

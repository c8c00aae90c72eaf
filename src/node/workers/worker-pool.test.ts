import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import type { EchoRequest } from '../../../test/support/workers/echo-worker';
import { WorkerPool } from './worker-pool';

const script = path.join(__dirname, '..', '..', '..', 'test', 'support', 'workers', 'echo-worker.ts');

describe('WorkerPool', () => {
  let pool: WorkerPool<EchoRequest, string>;
  beforeAll(() => {
    pool = new WorkerPool<EchoRequest, string>(script, { workers: 2, workerData: { prefix: '>' } });
  });
  afterAll(() => pool.close());

  it('answers every request, with its own worker data, whatever order they finish in', async () => {
    const got = await Promise.all([pool.run({ echo: 'a', delayMs: 40 }), pool.run({ echo: 'b' }), pool.run({ echo: 'c', delayMs: 5 }), pool.run({ echo: 'd' })]);
    expect(got).toEqual(['>a', '>b', '>c', '>d']);
    expect(pool.size).toBe(2);
  });

  it('rejects only the request that throws, with its message', async () => {
    const [bad, good] = await Promise.allSettled([pool.run({ fail: 'hỏng rồi' }), pool.run({ echo: 'ok' })]);
    expect(bad.status).toBe('rejected');
    expect(bad.status === 'rejected' ? String(bad.reason) : '').toContain('hỏng rồi');
    expect(good).toEqual({ status: 'fulfilled', value: '>ok' });
  });

  it('replaces a worker that dies, failing only the job it held', async () => {
    const [dead, ...rest] = await Promise.allSettled([pool.run({ exit: 3 }), pool.run({ echo: 'x' }), pool.run({ echo: 'y' }), pool.run({ echo: 'z' })]);
    expect(dead.status).toBe('rejected');
    expect(rest).toEqual([
      { status: 'fulfilled', value: '>x' },
      { status: 'fulfilled', value: '>y' },
      { status: 'fulfilled', value: '>z' },
    ]);
    expect(await pool.run({ echo: 'again' })).toBe('>again');
  });

  it('moves a transferred buffer to the worker', async () => {
    const bytes = Uint8Array.from([1, 2, 3, 250]);
    expect(await pool.run({ sum: bytes }, [bytes.buffer])).toBe('256');
    expect(bytes.byteLength).toBe(0);
  });

  it('refuses work once closed, and gives up on a script that cannot start', async () => {
    const other = new WorkerPool<EchoRequest, string>(script, { workers: 1 });
    await other.close();
    await expect(other.run({ echo: 'late' })).rejects.toThrow(/closed/);
    const broken = new WorkerPool<EchoRequest, string>(path.join(__dirname, 'no-such-worker.js'), { workers: 1 });
    try {
      await expect(broken.run({ echo: 'x' })).rejects.toThrow();
      await expect(broken.run({ echo: 'y' })).rejects.toThrow();
    } finally {
      await broken.close();
    }
  });
});

describe('WorkerPool in a process with nothing else to wait for', () => {
  it('keeps the process alive while a job waits for a worker still starting (a command reading its first file)', () => {
    // A process of its own: a test runner keeps the event loop alive by itself and would hide the fault.
    const child = `
      const fs = require('node:fs');
      const ts = require('typescript');
      require.extensions['.ts'] = (module, filename) => {
        const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { fileName: filename, compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
        module._compile(out.outputText, filename);
      };
      const { WorkerPool } = require(${JSON.stringify(path.join(__dirname, 'worker-pool.ts'))});
      const pool = new WorkerPool(${JSON.stringify(script)}, { workers: 1, workerData: { prefix: '>' } });
      pool.run({ echo: 'first' }).then((r) => { process.stdout.write(r); return pool.close(); });
    `;
    const out = execFileSync(process.execPath, ['-e', child], { cwd: path.join(__dirname, '..', '..', '..'), encoding: 'utf8', timeout: 60_000 });
    expect(out).toBe('>first');
  });
});

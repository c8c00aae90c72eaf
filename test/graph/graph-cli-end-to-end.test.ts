import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FORM_4PHU_2024 } from '../../src/core/forms/form-4phu-2024';
import { renderSubmission } from '../../src/core/render/render-submission';
import { generateProvince } from '../../src/sample/generate-province';
import { writeWorkbook } from '../../src/xlsx/write-workbook';
import { E2E_BUILD_DIR, buildCli, runPhu, type PhuRun } from './cli-process';
import { startGraphServer, type StartedGraphServer } from '../support/start-graph-server';
import type { FaultRule, GraphTestServer } from './graph-test-server';

/*
 * The acceptance run: the compiled `phu` as a child process, trusting the
 * loopback server's throwaway CA through NODE_EXTRA_CA_CERTS, moves a
 * district's 16 commune files onto the drive (`phu push`), consolidates
 * them from the drive (`phu consolidate --drive graph:`), and pushes the
 * consolidated workbook to the province's folder, with faults injected on
 * the way. A closing note of every fault and its outcome is written to
 * build/graph-e2e/closing-note.md.
 */

jest.setTimeout(240_000);

const DRIVE = 'b!e2e-binhphuoc';
const TOKEN = 'e2e-token-4f1c';
const DISTRICT = { code: '692', name: 'Huyện Lộc Ninh' };
const DISTRICT_FOLDER = `4PHU-2024/TK/${DISTRICT.code} ${DISTRICT.name}`;
const PROVINCE_FOLDER = '4PHU-2024/TK/70 Tỉnh Bình Phước';

let graph: StartedGraphServer | undefined;
let server: GraphTestServer;
let phu: string;
let removeBuild: (() => Promise<void>) | undefined;
let work: string;
let communes: { file: string; target: string; sha256: string }[];
const note: string[] = [];
const started = Date.now();

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

function env(extra: Record<string, string> = {}): Record<string, string> {
  return { NODE_EXTRA_CA_CERTS: graph?.certs.caPath ?? '', PHU_GRAPH_TOKEN: TOKEN, PHU_GRAPH_BASE_URL: server.apiBase, HOME: work, ...extra };
}

/** Runs phu with the faults armed; every fault must fire. Notes what happened. */
async function phuWith(label: string, faults: FaultRule[], args: string[], extraEnv: Record<string, string> = {}, endless = false): Promise<PhuRun> {
  for (const f of faults) server.inject(f);
  const run = await runPhu(phu, args, env(extraEnv), work);
  // An endless fault outlives the run by design; any other must have fired.
  if (!endless) expect(server.pendingFaults()).toEqual([]);
  server.faults.length = 0;
  const what = faults.map((f) => `${'status' in f.fault ? `${f.fault.status}${f.fault.retryAfter !== undefined ? ` Retry-After ${f.fault.retryAfter}` : ''}` : `drop ${f.fault.drop}${'commitBytes' in f.fault && f.fault.commitBytes ? ` after ${f.fault.commitBytes} B` : ''}`} on ${f.on}${f.skip ? ` (after ${f.skip} ok)` : ''}`);
  const said = run.stderr.trim().split('\n').filter((l) => l !== '').join(' / ');
  note.push(`| ${label} | ${what.join('; ') || '—'} | exit ${run.code} | ${(run.ms / 1000).toFixed(1)} s | ${said || run.stdout.trim().split('\n')[0] || ''} |`);
  return run;
}

function stored(folder: string, name: string): Buffer | undefined {
  return server.drive(DRIVE).byPath([...folder.split('/'), name])?.bytes;
}

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'phu-graph-e2e-'));
  ({ phu, remove: removeBuild } = await buildCli());
  graph = await startGraphServer({ tokens: [TOKEN], drives: [DRIVE] });
  server = graph.server;
  const generated = generateProvince({ rootCode: DISTRICT.code, period: 'TK' });
  communes = [];
  for (const f of generated.files) {
    const bytes = await writeWorkbook(renderSubmission(FORM_4PHU_2024, f.data));
    // Local names are whatever the commune used: push names the file from its ThongTin.
    const file = path.join(work, f.fileName);
    await fs.writeFile(file, bytes);
    communes.push({ file, target: `${f.unit.code} ${f.unit.name}.xlsx`, sha256: sha(bytes) });
  }
});

afterAll(async () => {
  await graph?.close();
  const total = ((Date.now() - started) / 1000).toFixed(1);
  const head = ['# Graph end-to-end run: faults injected and what happened', '', `Total ${total} s (CLI compile included).`, '', '| step | fault | result | time | what phu said (stderr) |', '|---|---|---|---|---|'];
  await fs.mkdir(E2E_BUILD_DIR, { recursive: true });
  await fs.writeFile(path.join(E2E_BUILD_DIR, 'closing-note.md'), [...head, ...note, ''].join('\n'));
  await fs.rm(work, { recursive: true, force: true });
  await removeBuild?.();
});

describe('phu push + phu consolidate against the loopback Graph server', () => {
  it('pushes the district’s 16 commune files, each named from its ThongTin, through faults', async () => {
    expect(communes).toHaveLength(16);
    const push = (i: number) => ['push', communes[i]?.file ?? '', '--to', DISTRICT_FOLDER, '--drive', `graph:${DRIVE}`];
    const sessions = { PHU_GRAPH_SIMPLE_UPLOAD_MAX: '0' };
    const plan: Array<{ faults: FaultRule[]; env?: Record<string, string>; expectLine?: RegExp }> = [
      { faults: [{ on: 'content', fault: { status: 429, retryAfter: 1 } }], expectLine: /Máy chủ bận \(HTTP 429\): chờ 1 giây/ },
      { faults: [{ on: 'content', fault: { status: 503 } }], expectLine: /Máy chủ bận \(HTTP 503\)/ },
      { faults: [{ on: 'content', fault: { status: 504, retryAfter: 1 } }], expectLine: /Máy chủ bận \(HTTP 504\)/ },
      { faults: [{ on: 'content', fault: { status: 401 } }], expectLine: /làm mới một lần/ },
      { faults: [{ on: 'content', fault: { drop: 'after-commit' } }], expectLine: /tệp đã lên đủ/ },
      { faults: [{ on: 'content', fault: { drop: 'mid-body' } }], expectLine: /gửi lại/ },
      { faults: [{ on: 'list', fault: { status: 429, retryAfter: 1 } }] },
      { faults: [{ on: 'chunk', fault: { drop: 'mid-body', commitBytes: 4096 } }], env: sessions, expectLine: /tiếp tục từ byte 4\.096/ },
      { faults: [{ on: 'chunk', fault: { status: 503, retryAfter: 1 } }], env: sessions, expectLine: /HTTP 503/ },
      { faults: [{ on: 'create_session', fault: { status: 429, retryAfter: 1 } }], env: sessions, expectLine: /HTTP 429/ },
      { faults: [{ on: 'session_status', fault: { status: 503, retryAfter: 1 } }, { on: 'chunk', fault: { drop: 'mid-body', commitBytes: 0 } }], env: sessions, expectLine: /tiếp tục từ byte 0/ },
      { faults: [], env: sessions },
      { faults: [] },
      { faults: [] },
      { faults: [] },
      { faults: [] },
    ];
    for (const [i, step] of plan.entries()) {
      // Commune 7 is pushed with --replace (nothing there yet): the list it does first is throttled.
      const args = i === 6 ? [...push(i), '--replace'] : push(i);
      const run = await phuWith(`push commune ${i + 1}/16`, step.faults, args, step.env);
      expect(run.code).toBe(0);
      if (step.expectLine) expect(run.stderr).toMatch(step.expectLine);
      const c = communes[i];
      if (!c) throw new Error('missing commune');
      expect(sha(stored(DISTRICT_FOLDER, c.target) ?? Buffer.alloc(0))).toBe(c.sha256);
      // The last line is where a person can open it: the web URL.
      expect(run.stdout.trim().split('\n').pop()).toMatch(/^https:\/\/localhost:\d+\/sites\//);
    }
    expect(server.drive(DRIVE).byPath(DISTRICT_FOLDER.split('/'))?.isFolder).toBe(true);
    const names = server.drive(DRIVE).children(server.drive(DRIVE).byPath(DISTRICT_FOLDER.split('/'))?.id ?? '').map((n) => n.name);
    expect(names.sort()).toEqual(communes.map((c) => c.target).sort());
    // The dropped-after-commit PUT landed once: one version, not two.
    expect(server.drive(DRIVE).byPath([...DISTRICT_FOLDER.split('/'), communes[4]?.target ?? ''])?.version).toBe(1);
  });

  it('never overwrites without consent: 409 exists, 412 someone changed it (keep both), --replace with the current eTag', async () => {
    const first = communes[0];
    const second = communes[1];
    if (!first || !second) throw new Error('missing communes');
    const again = await phuWith('push commune 1 again (exists)', [], ['push', second.file, '--to', DISTRICT_FOLDER, '--drive', `graph:${DRIVE}`, '--name', first.target]);
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(/Không ghi đè/);
    expect(sha(stored(DISTRICT_FOLDER, first.target) ?? Buffer.alloc(0))).toBe(first.sha256);

    const injected = await phuWith('push new name, 409 injected', [{ on: 'content', fault: { status: 409 } }], ['push', second.file, '--to', DISTRICT_FOLDER, '--drive', `graph:${DRIVE}`, '--name', 'ban-sao.xlsx']);
    expect(injected.code).toBe(3);
    expect(stored(DISTRICT_FOLDER, 'ban-sao.xlsx')).toBeUndefined();

    const stale = await phuWith('push --replace with a stale eTag', [], ['push', second.file, '--to', DISTRICT_FOLDER, '--drive', `graph:${DRIVE}`, '--name', first.target, '--replace', '--if-match', '"{0000},1"']);
    expect(stale.code).toBe(3);
    expect(stale.stderr).toMatch(/đã bị người khác thay đổi/);
    expect(stale.stderr).toMatch(/giữ cả hai bản/);
    expect(sha(stored(DISTRICT_FOLDER, first.target) ?? Buffer.alloc(0))).toBe(first.sha256);

    const raced = await phuWith('push --replace, 412 injected', [{ on: 'content', fault: { status: 412 } }], ['push', first.file, '--to', DISTRICT_FOLDER, '--drive', `graph:${DRIVE}`, '--replace']);
    expect(raced.code).toBe(3);
    expect(sha(stored(DISTRICT_FOLDER, first.target) ?? Buffer.alloc(0))).toBe(first.sha256);

    const replaced = await phuWith('push --replace (current eTag)', [], ['push', first.file, '--to', DISTRICT_FOLDER, '--drive', `graph:${DRIVE}`, '--replace']);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toMatch(/^Đã thay/);
    expect(server.drive(DRIVE).byPath([...DISTRICT_FOLDER.split('/'), first.target])?.version).toBe(2);
    expect(sha(stored(DISTRICT_FOLDER, first.target) ?? Buffer.alloc(0))).toBe(first.sha256);
  });

  it('consolidates the district from the drive through throttling and dropped downloads, then pushes the result', async () => {
    const out = path.join(work, 'out', `${DISTRICT.code}.xlsx`);
    const json = path.join(work, 'out', `${DISTRICT.code}.json`);
    const run = await phuWith(
      'consolidate --drive graph:',
      [
        { on: 'list', fault: { status: 429, retryAfter: 1 } },
        { on: 'item', skip: 2, fault: { status: 503, retryAfter: 1 } },
        { on: 'download', skip: 5, fault: { drop: 'mid-body' } },
        { on: 'download', skip: 9, fault: { status: 504 } },
      ],
      ['consolidate', DISTRICT_FOLDER, '--drive', `graph:${DRIVE}`, '--unit', DISTRICT.code, '--period', 'TK', '--out', out, '--json', json],
    );
    expect(run.code).toBe(0);
    const summary = JSON.parse(await fs.readFile(json, 'utf8')) as { completeness: { expected: number; submitted: number; invalid: number }; sources: { file: string; sha256: string; status: string }[] };
    expect(summary.completeness).toMatchObject({ expected: 16, submitted: 16, invalid: 0 });
    // Every byte arrived: the hashes the consolidation recorded are those of the local files.
    expect(summary.sources.map((s) => s.sha256).sort()).toEqual(communes.map((c) => c.sha256).sort());

    const consolidated = await fs.readFile(out);
    const pushed = await phuWith(
      'push the consolidated workbook (chunks)',
      [{ on: 'chunk', fault: { drop: 'mid-body', commitBytes: 8192 } }],
      ['push', out, '--to', PROVINCE_FOLDER, '--drive', `graph:${DRIVE}`],
      { PHU_GRAPH_SIMPLE_UPLOAD_MAX: '0' },
    );
    expect(pushed.code).toBe(0);
    expect(pushed.stdout).toContain(`"${DISTRICT.code} ${DISTRICT.name}.xlsx"`);
    expect(sha(stored(PROVINCE_FOLDER, `${DISTRICT.code} ${DISTRICT.name}.xlsx`) ?? Buffer.alloc(0))).toBe(sha(consolidated));
  });

  it('fails clearly and within its bound when the service stays busy, and when the token is refused', async () => {
    const busy = await phuWith(
      'push while the service stays busy',
      [{ on: 'content', times: 1000, fault: { status: 503, retryAfter: 1 } }],
      ['push', communes[2]?.file ?? '', '--to', 'elsewhere', '--drive', `graph:${DRIVE}`],
      {},
      true,
    );
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/quá tải/);

    const refused = await runPhu(phu, ['push', communes[3]?.file ?? '', '--to', 'elsewhere', '--drive', `graph:${DRIVE}`], env({ PHU_GRAPH_TOKEN: 'revoked-token' }), work);
    note.push(`| push with a revoked token | 401 (real, twice) | exit ${refused.code} | ${(refused.ms / 1000).toFixed(1)} s | ${refused.stderr.trim().split('\n').join(' / ')} |`);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/đăng nhập/);
    expect(refused.stderr).not.toContain('revoked-token');
  });

  it('never sent a token to the download or upload host, nor printed one', () => {
    const files = server.records.filter((r) => r.host === 'files');
    expect(files.filter((r) => r.kind === 'download').length).toBeGreaterThanOrEqual(16);
    expect(files.filter((r) => r.kind === 'chunk').length).toBeGreaterThan(0);
    expect(files.filter((r) => r.authorization !== undefined)).toEqual([]);
    expect(server.records.filter((r) => r.host === 'api' && r.authorization === undefined)).toEqual([]);
    expect(note.join('\n')).not.toContain(TOKEN);
  });
});

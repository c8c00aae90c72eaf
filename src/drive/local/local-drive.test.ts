import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DriveError, type DriveItem } from '../../core/ports/drive';
import { LocalDrive } from './local-drive';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const text = (b: Uint8Array): string => new TextDecoder().decode(b);

let root: string;
let drive: LocalDrive;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'phu-local-drive-'));
  drive = new LocalDrive(root);
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('LocalDrive.list', () => {
  it('lists folders first, then files in Vietnamese numeric order, with their folder path', async () => {
    await fs.mkdir(path.join(root, 'TK', 'sub'), { recursive: true });
    await fs.writeFile(path.join(root, 'TK', '10 Xã B.xlsx'), 'b');
    await fs.writeFile(path.join(root, 'TK', '9 Xã A.xlsx'), 'aa');
    const items = await drive.list('TK');
    expect(items.map((i) => i.name)).toEqual(['sub', '9 Xã A.xlsx', '10 Xã B.xlsx']);
    expect(items[0]).toMatchObject({ isFolder: true, folder: 'TK', size: 0 });
    expect(items[1]).toMatchObject({ isFolder: false, folder: 'TK', size: 2, location: path.join(root, 'TK', '9 Xã A.xlsx') });
    expect(Number.isNaN(Date.parse(items[1]?.modified ?? ''))).toBe(false);
  });

  it('refuses paths that leave the root', async () => {
    await expect(drive.list('..')).rejects.toBeInstanceOf(DriveError);
    await expect(drive.list('TK/../..')).rejects.toBeInstanceOf(DriveError);
    await expect(drive.upload('../x', 'a.txt', bytes('x'), { kind: 'fail' })).rejects.toBeInstanceOf(DriveError);
    await expect(drive.upload('', '../a.txt', bytes('x'), { kind: 'fail' })).rejects.toBeInstanceOf(DriveError);
  });

  it('refuses a symbolic link that leads out of the root', async () => {
    const outside = await fs.mkdtemp(path.join(os.tmpdir(), 'phu-outside-'));
    try {
      await fs.writeFile(path.join(outside, 'secret.txt'), 's');
      await fs.symlink(outside, path.join(root, 'link'));
      await expect(drive.list('link')).rejects.toMatchObject({ code: 'not_found' });
    } finally {
      await fs.rm(outside, { recursive: true, force: true });
    }
  });

  it('reports a missing folder as not_found with a Vietnamese message', async () => {
    await expect(drive.list('khong-co')).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('Không tìm thấy') });
  });
});

describe('LocalDrive.download and upload', () => {
  it('downloads the bytes with the same eTag the listing showed', async () => {
    await fs.writeFile(path.join(root, 'a.xlsx'), 'hello');
    const [item] = await drive.list('');
    if (!item) throw new Error('no item');
    const got = await drive.download(item);
    expect(text(got.bytes)).toBe('hello');
    expect(got.item.eTag).toBe(item.eTag);
  });

  it("'fail' creates a new file (and its folder) but never overwrites one", async () => {
    const progress: Array<[number, number]> = [];
    const first = await drive.upload('out/TK', 'r.xlsx', bytes('one'), { kind: 'fail' }, (d, t) => progress.push([d, t]));
    expect(first.ok).toBe(true);
    expect(progress.at(-1)).toEqual([3, 3]);
    const second = await drive.upload('out/TK', 'r.xlsx', bytes('two'), { kind: 'fail' });
    expect(second).toMatchObject({ ok: false, conflict: 'exists', existing: { name: 'r.xlsx', size: 3 } });
    expect(await fs.readFile(path.join(root, 'out', 'TK', 'r.xlsx'), 'utf8')).toBe('one');
    // No temporary file is left behind.
    expect(await fs.readdir(path.join(root, 'out', 'TK'))).toEqual(['r.xlsx']);
  });

  it("'replace' needs the current eTag, and refuses a file changed meanwhile", async () => {
    const created = await drive.upload('', 'r.xlsx', bytes('one'), { kind: 'fail' });
    if (!created.ok) throw new Error('not created');
    const seen = created.item.eTag;
    // Someone else saves the file after we looked at it.
    await fs.writeFile(path.join(root, 'r.xlsx'), 'someone else');
    const stale = await drive.upload('', 'r.xlsx', bytes('mine'), { kind: 'replace', ifMatch: seen });
    expect(stale).toMatchObject({ ok: false, conflict: 'changed', existing: { size: 12 } });
    expect(await fs.readFile(path.join(root, 'r.xlsx'), 'utf8')).toBe('someone else');

    if (stale.ok || !stale.existing) throw new Error('expected the current item');
    const fresh = await drive.upload('', 'r.xlsx', bytes('mine'), { kind: 'replace', ifMatch: stale.existing.eTag });
    expect(fresh.ok).toBe(true);
    expect(await fs.readFile(path.join(root, 'r.xlsx'), 'utf8')).toBe('mine');
    if (fresh.ok) expect(fresh.item.eTag).not.toBe(stale.existing.eTag);
  });

  it("'replace' of a file that does not exist is a 'changed' conflict", async () => {
    const r = await drive.upload('', 'gone.xlsx', bytes('x'), { kind: 'replace', ifMatch: '"abc"' });
    expect(r).toEqual({ ok: false, conflict: 'changed' });
    await expect(fs.stat(path.join(root, 'gone.xlsx'))).rejects.toThrow();
  });
});

describe('LocalDrive: what is read is what is checked', () => {
  it('lists links out of the root, dangling links and FIFOs with the reason they are not read', async () => {
    const outside = await fs.mkdtemp(path.join(os.tmpdir(), 'phu-outside-'));
    try {
      await fs.writeFile(path.join(outside, 'secret.xlsx'), 'x');
      await fs.writeFile(path.join(root, 'a.xlsx'), 'a');
      await fs.symlink(path.join(outside, 'secret.xlsx'), path.join(root, 'ra-ngoai.xlsx'));
      await fs.symlink(path.join(root, 'khong-co.xlsx'), path.join(root, 'treo.xlsx'));
      await fs.symlink(path.join(root, 'a.xlsx'), path.join(root, 'ban-sao.xlsx'));
      execFileSync('mkfifo', [path.join(root, 'ong.xlsx')]);
      const items = await drive.list('');
      const byName = Object.fromEntries(items.map((i) => [i.name, i.unreadable ?? 'ok']));
      expect(byName).toEqual({ 'a.xlsx': 'ok', 'ban-sao.xlsx': 'ok', 'ong.xlsx': 'special_file', 'ra-ngoai.xlsx': 'link_outside', 'treo.xlsx': 'link_dangling' });
    } finally {
      await fs.rm(outside, { recursive: true, force: true });
    }
  });

  it('never waits on a FIFO swapped in after the listing: refused as not a file', async () => {
    await fs.writeFile(path.join(root, 'ong.xlsx'), 'a');
    const [item] = await drive.list('');
    await fs.rm(path.join(root, 'ong.xlsx'));
    execFileSync('mkfifo', [path.join(root, 'ong.xlsx')]);
    await expect(drive.download(item as DriveItem)).rejects.toMatchObject({ code: 'not_a_file' });
  });

  it('enforces the byte limit on the open file, not on the listed size', async () => {
    await fs.writeFile(path.join(root, 'nho.xlsx'), 'nhỏ');
    const [item] = await drive.list('');
    // Replaced by a larger file between the listing and the download.
    await fs.writeFile(path.join(root, 'nho.xlsx'), new Uint8Array(64 * 1024));
    await expect(drive.download(item as DriveItem, { maxBytes: 1024 })).rejects.toMatchObject({ code: 'too_large', params: { bytes: 64 * 1024, limit: 1024 } });
    const whole = await drive.download(item as DriveItem, { maxBytes: 64 * 1024 });
    expect(whole.bytes.byteLength).toBe(64 * 1024);
    expect(whole.item.size).toBe(64 * 1024);
  });
});

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFileAtomic, writeFileExclusive } from './write-file-atomic';

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'phu-atomic-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('writes a new file with exactly the bytes given and leaves no temporary file', async () => {
    const file = path.join(dir, 'TongHop.xlsx');
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 0, 255, 7]);
    await writeFileAtomic(file, bytes);
    expect(new Uint8Array(await fs.readFile(file))).toEqual(bytes);
    expect(await fs.readdir(dir)).toEqual(['TongHop.xlsx']);
  });

  it('replaces an existing file whole, and writes text as UTF-8', async () => {
    const file = path.join(dir, 'báo cáo.json');
    await fs.writeFile(file, 'old content that is longer than the new one');
    await writeFileAtomic(file, '{"tỉnh":"70"}');
    expect(await fs.readFile(file, 'utf8')).toBe('{"tỉnh":"70"}');
    expect(await fs.readdir(dir)).toEqual(['báo cáo.json']);
  });

  it('keeps the permissions of the file it replaces', async () => {
    if (process.platform === 'win32') return;
    const file = path.join(dir, 'a.xlsx');
    await fs.writeFile(file, 'x');
    await fs.chmod(file, 0o640);
    await writeFileAtomic(file, 'y');
    expect((await fs.stat(file)).mode & 0o777).toBe(0o640);
  });

  it('leaves the target untouched and removes its temporary file when the final step fails', async () => {
    // A non-empty folder cannot be renamed over: the write fails at the last moment.
    const target = path.join(dir, 'out.xlsx');
    await fs.mkdir(target);
    await fs.writeFile(path.join(target, 'keep.txt'), 'still here');
    await expect(writeFileAtomic(target, new Uint8Array(1024))).rejects.toThrow();
    expect(await fs.readFile(path.join(target, 'keep.txt'), 'utf8')).toBe('still here');
    expect(await fs.readdir(dir)).toEqual(['out.xlsx']);
  });

  it('fails without creating anything when the folder does not exist', async () => {
    const file = path.join(dir, 'missing', 'out.xlsx');
    await expect(writeFileAtomic(file, 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('never exposes a partly written file to a reader: concurrent writers each leave a whole file', async () => {
    const file = path.join(dir, 'race.bin');
    const a = new Uint8Array(2_000_000).fill(0x61);
    const b = new Uint8Array(1_000_000).fill(0x62);
    await Promise.all([writeFileAtomic(file, a), writeFileAtomic(file, b), writeFileAtomic(file, a)]);
    const got = new Uint8Array(await fs.readFile(file));
    expect(got.length === a.length ? got.every((x) => x === 0x61) : got.length === b.length && got.every((x) => x === 0x62)).toBe(true);
    expect(await fs.readdir(dir)).toEqual(['race.bin']);
  });
});

describe('writeFileExclusive', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'phu-exclusive-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('creates a new file with exactly the bytes given and no temporary file', async () => {
    const file = path.join(dir, 'Mau.xlsx');
    await writeFileExclusive(file, new Uint8Array([1, 2, 3]));
    expect(new Uint8Array(await fs.readFile(file))).toEqual(new Uint8Array([1, 2, 3]));
    expect(await fs.readdir(dir)).toEqual(['Mau.xlsx']);
  });

  it('never replaces an existing file: EEXIST, the old content kept, nothing left behind', async () => {
    const file = path.join(dir, 'Mau.xlsx');
    await fs.writeFile(file, 'old');
    await expect(writeFileExclusive(file, 'new')).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await fs.readFile(file, 'utf8')).toBe('old');
    expect(await fs.readdir(dir)).toEqual(['Mau.xlsx']);
  });

  it('of many writers racing for one name, exactly one wins and its content is whole', async () => {
    const file = path.join(dir, 'Mau.xlsx');
    const contents = Array.from({ length: 12 }, (_, i) => String(i).repeat(50_000));
    const results = await Promise.allSettled(contents.map((c) => writeFileExclusive(file, c)));
    const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'EEXIST' });
    expect(await fs.readFile(file, 'utf8')).toBe(contents[won[0] ?? -1]);
    expect(await fs.readdir(dir)).toEqual(['Mau.xlsx']);
  });
});

import { storeZip } from './store-zip';
import { readZipDirectory } from './zip-directory';
import { readZipEntryData } from './zip-entry-data';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('readZipDirectory and readZipEntryData', () => {
  const zip = storeZip([
    { name: 'a.xml', data: utf8('<a/>') },
    { name: 'thư mục/b.xml', data: utf8('<b>Ấp 1</b>') },
  ]);

  it('lists entries with their declared sizes and reads their content', () => {
    const dir = readZipDirectory(zip, 10);
    if (!dir.ok) throw new Error(JSON.stringify(dir));
    expect(dir.entries.map((e) => [e.name, e.method, e.uncompressedSize])).toEqual([
      ['a.xml', 0, 4],
      ['thư mục/b.xml', 0, utf8('<b>Ấp 1</b>').length],
    ]);
    const b = readZipEntryData(zip, dir.entries[1] as (typeof dir.entries)[number]);
    expect(b.ok && new TextDecoder().decode(b.data)).toBe('<b>Ấp 1</b>');
  });

  it('finds the directory behind a trailing comment', () => {
    const withComment = new Uint8Array(zip.length + 5);
    withComment.set(zip);
    withComment.set(utf8('hello'), zip.length);
    new DataView(withComment.buffer).setUint16(zip.length - 2, 5, true);
    expect(readZipDirectory(withComment, 10).ok).toBe(true);
  });

  it('refuses more entries than allowed without reading them', () => {
    expect(readZipDirectory(zip, 1)).toMatchObject({ ok: false, tooManyEntries: 2 });
  });

  it('reports a missing end record and a wrong CRC', () => {
    expect(readZipDirectory(zip.subarray(0, zip.length - 1), 10)).toMatchObject({ ok: false });
    const bad = zip.slice();
    const dir = readZipDirectory(bad, 10);
    if (!dir.ok) throw new Error(JSON.stringify(dir));
    const first = dir.entries[0] as (typeof dir.entries)[number];
    bad[30 + 'a.xml'.length] = 0x41;
    expect(readZipEntryData(bad, first)).toMatchObject({ ok: false, problem: 'damaged' });
  });
});

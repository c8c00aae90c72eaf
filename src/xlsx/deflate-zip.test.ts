import ExcelJS from 'exceljs';
import { deflateSync } from 'fflate';
import { deflateRawSync } from 'node:zlib';
import { renderSubmission } from '../core/render/render-submission';
import { FORM_4PHU_2024 } from '../core/forms/form-4phu-2024';
import { generateProvince } from '../sample/generate-province';
import { deflateZip, nativeDeflateRaw } from './deflate-zip';
import { readWorkbook } from './read-workbook';
import { writeWorkbook } from './write-workbook';
import { readZipDirectory } from './zip-directory';
import { readZipEntryData } from './zip-entry-data';

function unzip(bytes: Uint8Array): Map<string, { method: number; data: string }> {
  const dir = readZipDirectory(bytes, 1000);
  if (!dir.ok) throw new Error(JSON.stringify(dir));
  const out = new Map<string, { method: number; data: string }>();
  for (const e of dir.entries) {
    const r = readZipEntryData(bytes, e);
    if (!r.ok) throw new Error(JSON.stringify(r));
    out.set(e.name, { method: e.method, data: Buffer.from(r.data).toString('latin1') });
  }
  return out;
}

describe('deflateZip', () => {
  const xml = '<row>'.repeat(500);
  const noise = Uint8Array.from({ length: 300 }, (_, i) => (i * 2654435761) >>> 24);

  it('writes every entry back with its name, content and CRC, deflating what shrinks and storing what does not', () => {
    const zip = deflateZip(
      [
        { name: 'xl/worksheets/sheet1.xml', data: new TextEncoder().encode(xml) },
        { name: 'noise.bin', data: noise },
        { name: 'empty.txt', data: new Uint8Array(0) },
        { name: 'Tên tiếng Việt.xml', data: new TextEncoder().encode('<a/>') },
      ],
      deflateRawSync,
    );
    const got = unzip(zip);
    expect([...got.keys()]).toEqual(['xl/worksheets/sheet1.xml', 'noise.bin', 'empty.txt', 'Tên tiếng Việt.xml']);
    expect(got.get('xl/worksheets/sheet1.xml')).toEqual({ method: 8, data: xml });
    expect(got.get('noise.bin')).toEqual({ method: 0, data: Buffer.from(noise).toString('latin1') });
    expect(got.get('empty.txt')?.data).toBe('');
    expect(zip.length).toBeLessThan(xml.length);
  });

  it('deflates with fflate as well, where the runtime has no native zlib', () => {
    const zip = deflateZip([{ name: 'a.xml', data: new TextEncoder().encode(xml) }], (d, o) => deflateSync(d, { level: o.level as 6 }));
    expect(unzip(zip).get('a.xml')).toEqual({ method: 8, data: xml });
  });

  it('finds native deflate in Node', () => {
    expect(nativeDeflateRaw()).toBe(deflateRawSync);
  });
});

describe('writeWorkbook output', () => {
  it('is deflated, opens in ExcelJS, and reads back to the same submission', async () => {
    const file = generateProvince({ rootCode: '688', seed: 3 }).files[0];
    if (!file) throw new Error('no file generated');
    const bytes = await writeWorkbook(renderSubmission(FORM_4PHU_2024, file.data));
    const entries = unzip(bytes);
    for (const [name, e] of entries) if (name.endsWith('.xml') && e.data.length > 1000) expect([name, e.method]).toEqual([name, 8]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['ThongTin', 'SoLieu', 'LyDo', 'PHU_MauBieu']);
    const read = await readWorkbook(bytes);
    expect(read.findings).toEqual([]);
    expect(read.book?.sheets.find((s) => s.name === 'ThongTin')?.rows.some((r) => r?.[2] === file.unit.code)).toBe(true);
  });
});

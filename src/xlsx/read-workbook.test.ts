import { Inflate, inflateSync } from 'fflate';
import { renderSubmission } from '../core/render/render-submission';
import { FORM_4PHU_2024 } from '../core/forms/form-4phu-2024';
import { generateProvince } from '../sample/generate-province';
import { writeWorkbook } from './write-workbook';
import * as entryData from './zip-entry-data';
import { readZipDirectory } from './zip-directory';

// Every inflation, in one call or streamed, goes through these two.
jest.mock('fflate', () => {
  const actual = jest.requireActual<typeof import('fflate')>('fflate');
  return {
    ...actual,
    inflateSync: jest.fn(actual.inflateSync),
    Inflate: jest.fn((...args: ConstructorParameters<typeof actual.Inflate>) => new actual.Inflate(...args)),
  };
});

/** A commune's submission as PHU writes it. */
async function communeFile(): Promise<Uint8Array> {
  const generated = generateProvince({ rootCode: '688', seed: 7 });
  const first = generated.files[0];
  if (!first) throw new Error('fixture');
  return writeWorkbook(renderSubmission(FORM_4PHU_2024, first.data));
}

describe('readWorkbook touches a file’s bytes once', () => {
  afterEach(() => jest.restoreAllMocks());

  it('inflates each part it needs exactly once, and nothing else', async () => {
    const bytes = await communeFile();
    const dir = readZipDirectory(bytes, 1000);
    if (!dir.ok) throw new Error(JSON.stringify(dir));
    const reads = jest.spyOn(entryData, 'readZipEntryData');
    const oneCall = jest.mocked(inflateSync);
    const streamed = jest.mocked(Inflate);
    oneCall.mockClear();
    streamed.mockClear();
    const { readWorkbook } = await import('./read-workbook');
    const r = await readWorkbook(bytes);
    expect(r.findings).toEqual([]);
    expect(r.book?.sheets.map((s) => s.name)).toContain('SoLieu');

    const names = reads.mock.calls.map(([, entry]) => entry.name);
    expect(new Set(names).size).toBe(names.length);
    const sheets = r.book?.sheets.length ?? 0;
    // The package and workbook relationships, the workbook, each sheet, the shared strings and the styles.
    expect(names.filter((n) => n.startsWith('xl/worksheets/') && n.endsWith('.xml'))).toHaveLength(sheets);
    expect(names).toEqual(expect.arrayContaining(['_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml']));
    expect(names).toHaveLength(sheets + 5);
    const deflated = dir.entries.filter((e) => names.includes(e.name) && e.method === 8).length;
    expect(oneCall.mock.calls.length + streamed.mock.calls.length).toBe(deflated);
    expect(deflated).toBeGreaterThan(0);
  });

  it('does not load ExcelJS for a file PHU’s own reader reads', async () => {
    const bytes = await communeFile();
    let loaded = false;
    await jest.isolateModulesAsync(async () => {
      jest.doMock('exceljs', () => {
        loaded = true;
        return {};
      });
      const { readWorkbook } = await import('./read-workbook');
      const r = await readWorkbook(bytes);
      expect(r.book).toBeDefined();
    });
    expect(loaded).toBe(false);
  });
});

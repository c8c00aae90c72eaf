import { hostileFiles, hostilePackage } from '../../bench/hostile-files';
import { readWorkbook } from '../../src/xlsx/read-workbook';

describe('hostile files against the reader (each within the read limits; times and memory are measured by `npm run bench`)', () => {
  const files = hostileFiles();

  it.each(files.map((f) => [f.name, f] as const))('%s', async (_name, file) => {
    const r = await readWorkbook(file.bytes);
    if (file.expect === 'read') {
      expect(r.book).toBeDefined();
      expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    } else {
      expect(r.book).toBeUndefined();
      expect(r.findings.map((f) => f.code)).toEqual([file.expect.refused]);
    }
  });

  it('the file sizes are those of the table (a few kB to a few hundred kB)', () => {
    for (const f of files) expect(f.bytes.length).toBeLessThan(1_100_000);
  });

  it('says what is wrong: the unknown element, the loose reference, the part listed twice', async () => {
    const params = await Promise.all(files.map(async (f) => (await readWorkbook(f.bytes)).findings.map((x) => x.params)));
    expect(params[0]).toEqual([{ reason: 'sheet_element_unexpected', part: 'xl/worksheets/sheet1.xml', extra: '<mergeCells><x>' }]);
    expect(params[1]).toEqual([{ reason: 'merge_range_invalid', part: 'xl/worksheets/sheet1.xml', extra: 'A1000:XFD1048576,A1' }]);
    expect(params[5]).toEqual([expect.objectContaining({ reason: 'part_listed_twice' })]);
  });

  it('100,000 merges read keep each value in its top-left cell only', async () => {
    const r = await readWorkbook((files[3] as { bytes: Uint8Array }).bytes);
    expect(r.book?.sheets[0]?.rows[0]).toEqual(['Ấp 1']);
  });

  it('95 sheets of empty cells give the rich text cell, and a smaller workbook budget refuses them', async () => {
    const bytes = (files[4] as { bytes: Uint8Array }).bytes;
    const r = await readWorkbook(bytes);
    expect(r.book?.sheets).toHaveLength(95);
    expect(r.book?.sheets[0]?.rows[0]).toEqual(['Ấp 1']);
    const small = await readWorkbook(bytes, { limits: { maxCellsPerWorkbook: 200_000 } });
    expect(small.book).toBeUndefined();
    expect(small.findings.map((f) => f.code)).toEqual(['workbook_too_large']);
    expect(small.findings[0]?.message_vi).toContain('giới hạn 200.000');
  });

  it('unknown elements inside sheetData, a row or a cell are refused; the format’s own are read', async () => {
    const refused = [
      '<sheetData><x><row r="1"><c r="A1"><v>1</v></c></row></x></sheetData>',
      '<sheetData><row r="1"><x><c r="A1"><v>1</v></c></x></row></sheetData>',
      '<sheetData><row r="1"><c r="A1"><x><v>1</v></x></c></row></sheetData>',
      '<sheetData><row r="1"><y:c xmlns:y="urn:y" r="A1"><v>1</v></y:c></row></sheetData>',
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B2"><x/></mergeCell></mergeCells>',
    ];
    for (const body of refused) {
      const r = await readWorkbook(hostilePackage([{ name: 'SoLieu', body }]));
      expect(r.findings.map((f) => f.code)).toEqual(['file_corrupt']);
    }
    const ok = '<sheetData><row r="1"><c r="A1"><f>1+1</f><v>2</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells>';
    expect((await readWorkbook(hostilePackage([{ name: 'SoLieu', body: ok }]))).book?.sheets[0]?.rows).toEqual([[2]]);
  });

  it('merge references other than a plain A1:B2 inside the grid are refused', async () => {
    for (const ref of ['A1', 'A1:B2 ', 'a1:b2', '$A$1:$B$2', 'A0:B2', 'A1:XFE2', 'A1:B1048577', 'A1:B2:C3']) {
      const r = await readWorkbook(hostilePackage([{ name: 'SoLieu', body: `${'<sheetData/>'}<mergeCells><mergeCell ref="${ref}"/></mergeCells>` }]));
      expect([ref, r.findings.map((f) => f.code)]).toEqual([ref, ['file_corrupt']]);
    }
  });
});

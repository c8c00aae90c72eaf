import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { FORM_4PHU_2024 } from '../../src/core/forms/form-4phu-2024';
import { renderSubmission } from '../../src/core/render/render-submission';
import { generateProvince } from '../../src/sample/generate-province';
import { writeWorkbook } from '../../src/xlsx/write-workbook';
import { forgeOle } from '../corpus/forge-ole';
import { forgeZip, zipEntries } from '../corpus/forge-zip';
import { runCli, tempDir } from './run-cli';

/** Every letter with a Vietnamese diacritic, in both cases. */
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/iu;
const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

/** Each damaged file, and the reason its `file_corrupt` finding gives. */
const DAMAGED: ReadonlyArray<readonly [string, string]> = [
  ['not-a-zip.xlsx', 'not_zip'],
  ['cut-short.xlsx', 'zip_truncated'],
  ['entry-twice.xlsx', 'entry_duplicate'],
  ['broken-sheet-xml.xlsx', 'xml_close_mismatch'],
  ['no-content.ods', 'part_missing'],
  ['not-biff.xls', 'unreadable'],
];

let dir: string;
let remove: () => Promise<void>;

beforeAll(async () => {
  ({ dir, remove } = await tempDir('phu-damaged-en-'));
  const commune = generateProvince({ rootCode: '688', seed: 7 }).files[0];
  if (!commune) throw new Error('no commune generated');
  const good = await writeWorkbook(renderSubmission(FORM_4PHU_2024, commune.data));
  const entries = zipEntries(good);
  const sheet = entries.find((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name));
  if (!sheet) throw new Error('no worksheet in the rendered workbook');
  const sheetText = new TextDecoder().decode(sheet.data);
  let x = 99;
  const noise = Uint8Array.from({ length: 2048 }, () => ((x = (x * 1103515245 + 12345) >>> 0) >>> 24) & 0xff);
  noise[0] = 0x01;
  const files: Record<string, Uint8Array> = {
    'not-a-zip.xlsx': noise,
    'cut-short.xlsx': good.subarray(0, Math.floor(good.length * 0.6)),
    'entry-twice.xlsx': forgeZip([...entries, { name: sheet.name.toUpperCase(), data: sheet.data }]),
    'broken-sheet-xml.xlsx': forgeZip(entries.map((e) => (e === sheet ? { name: e.name, data: sheetText.replace('</sheetData>', '</sheetDat>') } : e))),
    'no-content.ods': forgeZip([
      { name: 'mimetype', data: ODS_MIME, method: 'store' },
      { name: 'META-INF/manifest.xml', data: '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>' },
    ]),
    'not-biff.xls': forgeOle(['Workbook', '\u0005SummaryInformation']),
  };
  for (const [name, bytes] of Object.entries(files)) await fs.writeFile(path.join(dir, name), bytes);
});
afterAll(() => remove());

describe('phu validate on damaged files', () => {
  const names = DAMAGED.map(([name]) => name);

  it('with --lang en prints English only', async () => {
    const r = await runCli(['validate', ...names, '--lang', 'en'], dir);
    expect(r.code).toBe(1);
    for (const name of names) expect(r.stdout).toContain(name);
    expect(r.stdout.match(/The file is damaged or incomplete \(/g)).toHaveLength(names.length);
    expect(r.stdout).toContain('(the end of the ZIP directory is missing; the file may be cut short)');
    expect(r.stdout).toContain('(part "content.xml" is missing)');
    expect(r.stdout.match(VIETNAMESE)).toBeNull();
    expect(r.stderr.match(VIETNAMESE)).toBeNull();
  });

  it('without --lang prints Vietnamese', async () => {
    const r = await runCli(['validate', ...names], dir);
    expect(r.code).toBe(1);
    expect(r.stdout.match(/Tệp bị hỏng hoặc không đầy đủ \(/g)).toHaveLength(names.length);
    expect(r.stdout).toContain('(thiếu phần "content.xml")');
    expect(r.stdout).not.toContain('The file is damaged');
  });

  it('with --json gives each file its code and reason, with both wordings', async () => {
    const r = await runCli(['validate', ...names, '--json', '--lang', 'en'], dir);
    const out = JSON.parse(r.stdout) as { files: Array<{ file: string; findings: Array<{ code: string; params: Record<string, unknown>; message_vi: string; message_en: string }> }> };
    expect(out.files.map((f) => [f.file, f.findings.map((x) => [x.code, x.params['reason']])])).toEqual(DAMAGED.map(([name, reason]) => [name, [['file_corrupt', reason]]]));
    for (const f of out.files) for (const x of f.findings) expect([f.file, x.message_en.match(VIETNAMESE)]).toEqual([f.file, null]);
  });
});

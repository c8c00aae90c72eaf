import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { moreHostileFiles, type MoreHostileFile } from '../../bench/more-hostile-files';
import { FORM_4PHU_2024 } from '../../src/core/forms/form-4phu-2024';
import type { WorkbookGrid } from '../../src/core/grid/sheet-grid';
import { renderSubmission } from '../../src/core/render/render-submission';
import { generateProvince } from '../../src/sample/generate-province';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { writeWorkbook } from '../../src/xlsx/write-workbook';
import { keyedTable, sheetOf } from '../acceptance/workbook-sheets';
import { runCli, tempDir, type CliRun } from '../cli/run-cli';
import { alterZip, zipEntries, zipText } from '../corpus/forge-zip';

/**
 * The further hostile files (.xlsx, .xls, .ods) dropped at once among a
 * district's real submissions and consolidated through the CLI under the
 * default read budget: the run ends, every valid commune is summed exactly,
 * every hostile file is listed in NguonDuLieu, each refused one with its
 * own finding (or the budget's), and nothing printed carries a raw control
 * character.
 */
const DISTRICT = '693';
// A name with a line feed, an escape sequence, a carriage return and a right-to-left override.
const NEWLINE_NAME = 'dong\nmoi\u001b[31m\r\u202eslx.xlsx';
// Anything a terminal acts on (bidi overrides and isolates included), but the line feeds the CLI writes itself.
// eslint-disable-next-line no-control-regex -- the test looks for control characters
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const BUDGET_CODES = ['file_read_too_long', 'file_too_complex'];

interface Summary {
  total: { values: Record<string, number | null> };
  sources: Array<{ file: string; status: string }>;
  findings: Array<{ file?: string; code: string; severity: string }>;
}

let dir: string;
let remove: () => Promise<void>;
const generated = generateProvince({ rootCode: DISTRICT, seed: 12 });
const sent = generated.communes.filter((c) => c.files.length > 0);
const hostile = new Map<string, MoreHostileFile | undefined>();
let run: CliRun;
let summary: Summary;
let book: WorkbookGrid;

beforeAll(async () => {
  ({ dir, remove } = await tempDir('phu-more-hostile-'));
  const inbox = path.join(dir, 'inbox');
  await fs.mkdir(inbox);
  for (const c of sent) for (const f of c.files) await fs.writeFile(path.join(inbox, `${f.unit.code} ${f.unit.name}.xlsx`), await writeWorkbook(renderSubmission(FORM_4PHU_2024, f.data)));
  // One commune's unit name carries bidi overrides and isolates (characters XML allows) in every part that names it.
  const bidi = sent[0];
  if (!bidi) throw new Error('no commune generated');
  const bidiFile = path.join(inbox, `${bidi.unit.code} ${bidi.unit.name}.xlsx`);
  const good = new Uint8Array(await fs.readFile(bidiFile));
  const changes: Record<string, string> = {};
  for (const e of zipEntries(good)) {
    const text = zipText(good, e.name);
    if (e.name.endsWith('.xml') && text.includes(bidi.unit.name)) changes[e.name] = text.split(bidi.unit.name).join(`\u202e${bidi.unit.name}\u202c\u2066x\u2069`);
  }
  expect(Object.keys(changes).length).toBeGreaterThan(0);
  await fs.writeFile(bidiFile, alterZip(good, changes));
  for (const [i, f] of moreHostileFiles().entries()) {
    const name = `doc-hai-${i + 1}.${f.ext}`;
    await fs.writeFile(path.join(inbox, name), f.bytes);
    hostile.set(name, f);
  }
  await fs.writeFile(path.join(inbox, NEWLINE_NAME), 'không phải tệp Excel');
  hostile.set(NEWLINE_NAME, undefined);

  const out = path.join(dir, 'tong-hop.xlsx');
  const json = path.join(dir, 'tom-tat.json');
  run = await runCli(['consolidate', inbox, '--unit', DISTRICT, '--period', 'TK', '--out', out, '--report-date', '08/07/2024', '--json', json], dir);
  summary = JSON.parse(await fs.readFile(json, 'utf8')) as Summary;
  const read = await readWorkbook(new Uint8Array(await fs.readFile(out)));
  if (!read.book) throw new Error(`output unreadable: ${read.findings.map((f) => f.code).join(', ')}`);
  book = read.book;
}, 900_000);
afterAll(() => remove());

describe('a district folder holding every further hostile file at once', () => {
  it('finishes, and what it printed carries no raw control character', () => {
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).not.toMatch(RAW_CONTROL);
  });

  it('lists every hostile file, refused ones as Không hợp lệ with their own finding or the budget’s', () => {
    const byFile = new Map(summary.sources.map((s) => [s.file, s.status]));
    for (const [name, f] of hostile) {
      const status = byFile.get(name) ?? 'absent';
      expect([name, ['invalid', 'unexpected'].includes(status)]).toEqual([name, true]);
      const errors = summary.findings.filter((x) => x.file === name && x.severity === 'error').map((x) => x.code);
      const refusedAs = f?.expect.filter((c) => c !== 'read') ?? ['file_not_workbook'];
      // A file the reader refuses is invalid because of that refusal; one it reads is a stranger's workbook.
      if (!f?.expect.includes('read')) expect([name, status, refusedAs.concat(BUDGET_CODES).includes(errors[0] ?? '')]).toEqual([name, 'invalid', true]);
    }
    const listed = sheetOf(book, 'NguonDuLieu').rows.slice(1).filter((r) => r?.[0]);
    const words = new Map(listed.map((r) => [String(r?.[0]), r?.[2]]));
    for (const name of hostile.keys()) {
      // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids are dropped from the workbook
      const inXml = name.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
      expect([name, words.get(inXml)]).toEqual([name, expect.stringMatching(/^(Không hợp lệ|Không trực thuộc)$/)]);
    }
    expect(listed).toHaveLength(generated.files.length + hostile.size);
  });

  it('sums every valid commune exactly', () => {
    const table = keyedTable(book, 'SoLieu', 3, 'unit_code');
    let compared = 0;
    for (const col of FORM_4PHU_2024.tables[0]?.columns.filter((c) => c.kind === 'count') ?? []) {
      const expected = sent.reduce((s, c) => s + (c.figures.values[col.key] ?? 0), 0);
      expect([col.key, table.get(table.total?.cells ?? [], col.key)]).toEqual([col.key, expected]);
      expect([col.key, summary.total.values[col.key]]).toEqual([col.key, expected]);
      compared++;
    }
    expect(compared).toBeGreaterThan(5);
    const statusOf = new Map(table.rows.map((r) => [String(table.get(r.cells, 'unit_code')), table.get(r.cells, 'status')]));
    for (const c of sent) expect([c.unit.code, statusOf.get(c.unit.code)]).toEqual([c.unit.code, 'Đúng hạn']);
  });
});

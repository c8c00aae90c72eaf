import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { hostileFiles } from '../../bench/hostile-files';
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
 * The containment issue's acceptance at district level: every hostile file
 * of its table dropped at once among a district's real submissions. The
 * run ends, the valid communes are summed exactly, each hostile file is
 * listed with a status, the output is well-formed and nothing printed
 * carries a raw control character.
 */
const DISTRICT = '693';
// A name that would erase the line, write the clipboard (OSC 52) and return the carriage.
const ESCAPED_NAME = 'x\u001b[2K\u001b]52;c;ZXZpbA==\u0007\r\u009b31m.xlsx';
// Anything a terminal acts on, but the line feeds the CLI writes itself.
// eslint-disable-next-line no-control-regex -- the test looks for control characters
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

interface Summary {
  total: { values: Record<string, number | null> };
  sources: Array<{ file: string; status: string }>;
}

let dir: string;
let remove: () => Promise<void>;
let outside: string;
const generated = generateProvince({ rootCode: DISTRICT, seed: 11 });
const sent = generated.communes.filter((c) => c.files.length > 0);
const victim = sent[0];
const fileOf = (code: string, name: string): string => `${code} ${name}.xlsx`;
/** Every hostile entry of the folder and the statuses it may end with. */
const hostile = new Map<string, readonly string[]>();
let run: CliRun;
let summary: Summary;
let book: WorkbookGrid;
let outBytes: Uint8Array;

beforeAll(async () => {
  ({ dir, remove } = await tempDir('phu-all-hostile-'));
  const inbox = path.join(dir, 'inbox');
  outside = path.join(dir, 'outside');
  await Promise.all([fs.mkdir(inbox), fs.mkdir(outside)]);
  for (const c of sent) for (const f of c.files) await fs.writeFile(path.join(inbox, fileOf(f.unit.code, f.unit.name)), await writeWorkbook(renderSubmission(FORM_4PHU_2024, f.data)));
  if (!victim) throw new Error('no commune generated');
  // The victim's unit name carries U+FFFF, a character XML 1.0 forbids, in every part that names it.
  const victimFile = path.join(inbox, fileOf(victim.unit.code, victim.unit.name));
  const good = new Uint8Array(await fs.readFile(victimFile));
  const changes: Record<string, string> = {};
  for (const e of zipEntries(good)) {
    const text = zipText(good, e.name);
    if (e.name.endsWith('.xml') && text.includes(victim.unit.name)) changes[e.name] = text.split(victim.unit.name).join(`${victim.unit.name}\uFFFF`);
  }
  expect(Object.keys(changes).length).toBeGreaterThan(0);
  await fs.writeFile(victimFile, alterZip(good, changes));

  const built = hostileFiles();
  for (const [i, f] of built.entries()) {
    const name = `doc-hai-${i + 1}.xlsx`;
    await fs.writeFile(path.join(inbox, name), f.bytes);
    // Read or not, none of them is a commune's report.
    hostile.set(name, ['invalid', 'unexpected']);
  }
  execFileSync('mkfifo', [path.join(inbox, 'ong-dan.xlsx')]);
  hostile.set('ong-dan.xlsx', ['invalid', 'ignored']);
  await fs.writeFile(path.join(outside, 'bi-mat.xlsx'), await fs.readFile(path.join(inbox, fileOf(sent[1]?.unit.code ?? '', sent[1]?.unit.name ?? ''))));
  await fs.symlink(path.join(outside, 'bi-mat.xlsx'), path.join(inbox, 'ra-ngoai.xlsx'));
  hostile.set('ra-ngoai.xlsx', ['invalid', 'ignored']);
  await fs.symlink(path.join(inbox, 'khong-co.xlsx'), path.join(inbox, 'treo.xlsx'));
  hostile.set('treo.xlsx', ['invalid', 'ignored']);
  await fs.writeFile(path.join(inbox, ESCAPED_NAME), 'không phải tệp Excel');
  hostile.set(ESCAPED_NAME, ['invalid']);

  const out = path.join(dir, 'tong-hop.xlsx');
  const json = path.join(dir, 'tom-tat.json');
  run = await runCli(['consolidate', inbox, '--unit', DISTRICT, '--period', 'TK', '--out', out, '--report-date', '08/07/2024', '--json', json], dir);
  summary = JSON.parse(await fs.readFile(json, 'utf8')) as Summary;
  outBytes = new Uint8Array(await fs.readFile(out));
  const read = await readWorkbook(outBytes.slice());
  if (!read.book) throw new Error(`output unreadable: ${read.findings.map((f) => f.code).join(', ')}`);
  book = read.book;
}, 300_000);
afterAll(() => remove());

describe('a district folder holding every hostile file of the table at once', () => {
  it('finishes, and what it printed carries no raw control character', () => {
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).not.toMatch(RAW_CONTROL);
    expect(run.stdout).toContain('\\u001b]52;c;ZXZpbA==\\u0007');
  });

  it('lists every hostile entry in NguonDuLieu with a refusing status', () => {
    const byFile = new Map(summary.sources.map((s) => [s.file, s.status]));
    for (const [name, statuses] of hostile) expect([name, statuses.includes(byFile.get(name) ?? 'absent')]).toEqual([name, true]);
    const listed = sheetOf(book, 'NguonDuLieu').rows.slice(1).filter((r) => r?.[0]);
    const words = new Map(listed.map((r) => [String(r?.[0]), r?.[2]]));
    // The workbook keeps a name as XML allows it: characters XML 1.0 forbids are dropped.
    // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids
    const inXml = (name: string): string => name.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
    for (const name of hostile.keys()) expect([name, words.get(inXml(name))]).toEqual([name, expect.stringMatching(/^(Không hợp lệ|Bỏ qua|Không trực thuộc)$/)]);
    expect(listed).toHaveLength(generated.files.length + hostile.size);
  });

  it('refuses the file whose unit name carries U+FFFF, and writes a well-formed output without it', () => {
    expect(summary.sources.find((s) => s.file === fileOf(victim?.unit.code ?? '', victim?.unit.name ?? ''))?.status).toBe('invalid');
    for (const e of zipEntries(outBytes)) if (e.name.endsWith('.xml')) expect(zipText(outBytes, e.name)).not.toContain('\uFFFF');
  });

  it('sums every valid commune exactly: the totals are the sum of the valid files', () => {
    const table = keyedTable(book, 'SoLieu', 3, 'unit_code');
    const counted = sent.filter((c) => c !== victim);
    let compared = 0;
    for (const col of FORM_4PHU_2024.tables[0]?.columns.filter((c) => c.kind === 'count') ?? []) {
      const expected = counted.reduce((s, c) => s + (c.figures.values[col.key] ?? 0), 0);
      expect([col.key, table.get(table.total?.cells ?? [], col.key)]).toEqual([col.key, expected]);
      expect([col.key, summary.total.values[col.key]]).toEqual([col.key, expected]);
      compared++;
    }
    expect(compared).toBeGreaterThan(5);
    const statusOf = new Map(table.rows.map((r) => [String(table.get(r.cells, 'unit_code')), table.get(r.cells, 'status')]));
    for (const c of counted) expect([c.unit.code, statusOf.get(c.unit.code)]).toEqual([c.unit.code, 'Đúng hạn']);
  });
});

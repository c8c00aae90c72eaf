import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { FORM_4PHU_2024 } from '../../src/core/forms/form-4phu-2024';
import type { OutputBook } from '../../src/core/grid/output-book';
import type { Scalar } from '../../src/core/grid/scalar';
import type { WorkbookGrid } from '../../src/core/grid/sheet-grid';
import { renderSubmission } from '../../src/core/render/render-submission';
import { generateProvince } from '../../src/sample/generate-province';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { writeWorkbook } from '../../src/xlsx/write-workbook';
import { keyedTable, sheetOf } from '../acceptance/workbook-sheets';
import { runCli, tempDir } from '../cli/run-cli';
import { forgeOle } from '../corpus/forge-ole';
import { forgeZip, zipEntries, zipText } from '../corpus/forge-zip';

/**
 * The promise at folder level: hostile and broken files dropped
 * among a district's real submissions are each reported, listed in
 * NguonDuLieu, and change nothing in the totals; text that looks like a
 * formula travels into the output as text.
 */
const DISTRICT = '693';
const INJECTION = ['=HYPERLINK("http://example.invalid","bấm vào")', "+cmd|' /C calc'!A0", '-1+1', '@SUM(1+1)'] as const;

interface Summary {
  total: { values: Record<string, number | null> };
  sources: Array<{ file: string; status: string }>;
  findings: Array<{ code: string; file: string | null }>;
}

let dir: string;
let remove: () => Promise<void>;
let inbox: string;
const generated = generateProvince({ rootCode: DISTRICT, seed: 11 });
const victim = generated.files[0];

async function consolidate(name: string): Promise<{ summary: Summary; book: WorkbookGrid; out: string }> {
  const out = path.join(dir, `${name}.xlsx`);
  const json = path.join(dir, `${name}.json`);
  const run = await runCli(['consolidate', inbox, '--unit', DISTRICT, '--period', 'TK', '--out', out, '--report-date', '08/07/2024', '--json', json], dir);
  expect(run.code).toBe(0);
  const read = await readWorkbook(new Uint8Array(await fs.readFile(out)));
  if (!read.book) throw new Error('output unreadable');
  return { summary: JSON.parse(await fs.readFile(json, 'utf8')) as Summary, book: read.book, out };
}

/** The victim commune's file with formula-like text in a village name, the preparer and a count cell. */
function injected(book: OutputBook): OutputBook {
  const sheets = book.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]) }));
  const data = sheets.find((s) => s.name === 'SoLieu');
  const info = sheets.find((s) => s.name === 'ThongTin');
  const keys = data?.rows[2] ?? [];
  const first = data?.rows[3];
  if (!first || !info) throw new Error('unexpected layout');
  first[keys.indexOf('unit_name')] = INJECTION[0];
  first[keys.indexOf('stt')] = INJECTION[1];
  first[keys.indexOf('cccd_done')] = INJECTION[2];
  const preparer = info.rows.find((r) => r[0] === 'preparer');
  if (preparer) preparer[2] = INJECTION[3];
  return { sheets };
}

const victimName = (): string => `${victim?.unit.code ?? ''} ${victim?.unit.name ?? ''}.xlsx`;

beforeAll(async () => {
  ({ dir, remove } = await tempDir('phu-hostile-'));
  inbox = path.join(dir, 'inbox');
  await fs.mkdir(inbox);
  for (const f of generated.files) await fs.writeFile(path.join(inbox, `${f.unit.code} ${f.unit.name}.xlsx`), await writeWorkbook(renderSubmission(FORM_4PHU_2024, f.data)));
});
afterAll(() => remove());

describe('a district folder with hostile and broken files', () => {
  let clean: Awaited<ReturnType<typeof consolidate>>;
  let hostile: Awaited<ReturnType<typeof consolidate>>;
  const bad: Record<string, string> = {};

  beforeAll(async () => {
    if (!victim) throw new Error('no commune generated');
    clean = await consolidate('clean');
    const good = await fs.readFile(path.join(inbox, victimName()));
    const bomb = zipEntries(new Uint8Array(good)).map((e) => (e.name.startsWith('xl/worksheets/') ? { ...e, declaredSize: 2 ** 31 } : e));
    const files: Array<[string, Uint8Array | string, string]> = [
      ['rỗng.xlsx', new Uint8Array(0), 'file_empty'],
      ['xuat-tu-phan-mem.xlsx', '\uFEFFMã;Tên;Chỉ tiêu\n25216;Thác Mơ;100\n', 'file_not_workbook'],
      // An .xls whose Workbook stream is not BIFF: SheetJS cannot read it, so it is damaged.
      ['ban-cu.xlsx', forgeOle(['Workbook']), 'file_corrupt'],
      ['co-mat-khau.xlsx', forgeOle(['EncryptionInfo', 'EncryptedPackage']), 'file_encrypted'],
      ['tai-do-dang.xlsx', new Uint8Array(good.subarray(0, Math.floor(good.length / 2))), 'file_corrupt'],
      ['bom-nen.xlsx', forgeZip(bomb), 'zip_bomb'],
    ];
    for (const [name, bytes, code] of files) {
      await fs.writeFile(path.join(inbox, name), bytes);
      bad[name] = code;
    }
    await fs.writeFile(path.join(inbox, victimName()), await writeWorkbook(injected(renderSubmission(FORM_4PHU_2024, victim.data))));
    hostile = await consolidate('hostile');
  });

  it('reports each bad file with its own finding and lists it as invalid', () => {
    for (const [name, code] of Object.entries(bad)) {
      expect(hostile.summary.findings.filter((f) => f.file === name).map((f) => f.code)).toContain(code);
      expect(hostile.summary.sources.find((s) => s.file === name)?.status).toBe('invalid');
    }
    expect(hostile.summary.sources).toHaveLength(generated.files.length + Object.keys(bad).length);
    expect(sheetOf(hostile.book, 'NguonDuLieu').rows.slice(1).filter((r) => r?.[0])).toHaveLength(generated.files.length + Object.keys(bad).length);
  });

  it('keeps totals to the valid files: the clean totals less the commune whose file turned invalid', () => {
    const table = keyedTable(clean.book, 'SoLieu', 3, 'unit_code');
    const row = table.rows.find((r) => table.get(r.cells, 'unit_code') === victim?.unit.code);
    const cols = table.columns;
    expect(row).toBeDefined();
    let compared = 0;
    for (const [key, before] of Object.entries(clean.summary.total.values)) {
      const col = cols.get(key);
      const own = col === undefined ? undefined : (row?.cells[col] as Scalar);
      if (typeof before !== 'number' || typeof own !== 'number') continue;
      expect(hostile.summary.total.values[key]).toBe(before - own);
      compared++;
    }
    expect(compared).toBe(12);
    expect(hostile.summary.sources.find((s) => s.file === victimName())?.status).toBe('invalid');
  });

  it('writes text that looks like a formula as text, never as a formula', async () => {
    const messages = sheetOf(hostile.book, 'KiemTra').rows.map((r) => r?.[6]).filter((m): m is string => typeof m === 'string');
    expect(messages.some((m) => m.includes(`"${INJECTION[2]}"`))).toBe(true);
    const bytes = new Uint8Array(await fs.readFile(hostile.out));
    const sheets = zipEntries(bytes).filter((e) => e.name.startsWith('xl/worksheets/sheet'));
    expect(sheets.length).toBeGreaterThan(4);
    for (const s of sheets) expect(zipText(bytes, s.name)).not.toMatch(/<f[ >]/);
  });
});

/**
 * Acceptance on today's map: Đồng Nai's 95 communes consolidated straight
 * into the province (--map 2025-07-01), compared with Bình Phước's 111 old
 * commune files of 2024 carried onto the new communes through the
 * conversion table; a missing commune, a late and a faulty file, and a file
 * from a commune the reform abolished.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { FORM_4PHU_2024 } from '../../src/core/forms/form-4phu-2024';
import { renderSubmission } from '../../src/core/render/render-submission';
import { reformBridge } from '../../src/core/units/map-bridge';
import { registryFor } from '../../src/core/units/unit-maps';
import { binhPhuocDistrictFigures } from '../../src/sample/binh-phuoc-districts';
import { generateProvince, type GeneratedProvince } from '../../src/sample/generate-province';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { writeWorkbook } from '../../src/xlsx/write-workbook';
import { keyedTable, type KeyedTable } from '../acceptance/workbook-sheets';
import { runCli, tempDir, type CliRun } from '../cli/run-cli';

const form = FORM_4PHU_2024;
const today = registryFor('2025-07-01');
const bridge = reformBridge();
const communes = today.children('75');
const MISSING = communes[10]?.code ?? '';
const LATE = communes[20]?.code ?? '';
const INVALID = communes[30]?.code ?? '';

async function writeFiles(dir: string, gen: GeneratedProvince): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  for (const f of gen.files) await fs.writeFile(path.join(dir, `${f.unit.code} ${f.unit.name}${f.fault === 'stale' ? ' (bản cũ)' : ''}.xlsx`), await writeWorkbook(renderSubmission(form, f.data)));
}

describe('acceptance: Đồng Nai on today\'s map, against Bình Phước\'s old communes', () => {
  let dir: string;
  let remove: () => Promise<void>;
  let before: GeneratedProvince;
  let now: GeneratedProvince;
  let run: CliRun;
  let table: KeyedTable;
  let summary: { findings: Array<{ code: string; message_vi: string; file?: string }>; children: Array<{ code: string; status: string }>; completeness: Record<string, number> };

  beforeAll(async () => {
    ({ dir, remove } = await tempDir('phu-maps-'));
    before = generateProvince({ rootCode: '70', fixed: binhPhuocDistrictFigures(), seed: 2024 });
    // A year on, every commune has done more: the new map's figures are drawn on their own.
    now = generateProvince({ rootCode: '75', registry: today, seed: 2025, faults: { missing: [MISSING], late: [LATE], invalid: [INVALID] } });
    await writeFiles(path.join(dir, 'cu'), before);
    await writeFiles(path.join(dir, 'moi'), now);
    // Phường Thác Mơ still sends last year's kind of file.
    await fs.copyFile(path.join(dir, 'cu', '25216 Phường Thác Mơ.xlsx'), path.join(dir, 'moi', '25216 Phường Thác Mơ.xlsx'));
    run = await runCli(['consolidate', 'moi', '--unit', '75', '--period', 'TK', '--map', '2025-07-01', '--previous', 'cu', '--out', 'dong-nai.xlsx', '--json', 'tom-tat.json', '--report-date', '08/07/2024'], dir);
    const read = await readWorkbook(new Uint8Array(await fs.readFile(path.join(dir, 'dong-nai.xlsx'))));
    if (!read.book) throw new Error('output not readable');
    table = keyedTable(read.book, 'SoLieu', 3, 'unit_code');
    summary = JSON.parse(await fs.readFile(path.join(dir, 'tom-tat.json'), 'utf8')) as typeof summary;
  }, 120_000);
  afterAll(() => remove());

  it('consolidates the 95 communes straight into the province', () => {
    expect(run.code).toBe(0);
    expect(table.rows.map((r) => String(table.get(r.cells, 'unit_code')))).toEqual(communes.map((u) => u.code));
    expect(summary.completeness).toMatchObject({ expected: 95, missing: 1, late: 1, invalid: 1, onTime: 92 });
  });

  it('totals exactly the valid communes, and ranks them', () => {
    const used = now.communes.filter((c) => c.files.length > 0 && c.unit.code !== INVALID);
    expect(used).toHaveLength(93);
    for (const key of ['cccd_target', 'cccd_done', 'ddt_target', 'ddt_done']) {
      expect([key, table.get(table.total?.cells ?? [], key)]).toEqual([key, used.reduce((s, c) => s + (c.figures.values[key] ?? 0), 0)]);
    }
    const ranks = table.rows.map((r) => table.get(r.cells, 'ddt_rank')).filter((v): v is number => typeof v === 'number');
    expect(ranks).toHaveLength(93);
    expect(Math.min(...ranks)).toBe(1);
  });

  it('marks the missing commune Chưa nộp', () => {
    const row = table.rows.find((r) => table.get(r.cells, 'unit_code') === MISSING);
    expect(String(table.get(row?.cells ?? [], 'status'))).toBe('Chưa nộp');
  });

  it('explains the abolished commune\'s file, once, and keeps it out', () => {
    const abolished = summary.findings.filter((f) => f.code === 'unit_abolished');
    expect(abolished).toHaveLength(1);
    expect(abolished[0]?.message_vi).toMatch(/^Phường Thác Mơ \(25216\) đã nhập vào Phường Phước Long \(25217\) từ 01\/07\/2025/);
    expect(summary.findings.filter((f) => f.code === 'child_unexpected')).toEqual([]);
    expect(summary.findings.filter((f) => f.code === 'map_period_mismatch')).toHaveLength(1);
    expect(run.stderr.match(/Đang dùng danh mục đơn vị 01\/07\/2025/g)).toHaveLength(1);
  });

  it('gives ddt_change = now minus the sum of the old communes on every new commune made whole from Bình Phước', () => {
    const oldDdt = new Map(before.communes.map((c) => [c.unit.code, c.figures.values['ddt_done'] ?? 0]));
    const nowDdt = new Map(now.communes.map((c) => [c.unit.code, c.figures.values['ddt_done'] ?? 0]));
    let checked = 0;
    for (const u of communes) {
      const made = bridge.predecessors(u.code);
      const fromBp = made.length > 0 && made.every((s) => oldDdt.has(s.oldCode) && bridge.carry(s) === 'whole');
      const row = table.rows.find((r) => table.get(r.cells, 'unit_code') === u.code);
      const change = table.get(row?.cells ?? [], 'ddt_change');
      if (!fromBp || [MISSING, INVALID].includes(u.code)) {
        if (!made.some((s) => oldDdt.has(s.oldCode))) expect([u.code, change]).toEqual([u.code, null]);
        continue;
      }
      const sum = made.reduce((s, e) => s + (oldDdt.get(e.oldCode) ?? 0), 0);
      expect([u.code, change]).toEqual([u.code, (nowDdt.get(u.code) ?? 0) - sum]);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(35);
  });
});

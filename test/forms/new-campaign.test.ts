import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { FORMS } from '../../src/core/forms/form-catalog';
import { FORM_SHEET } from '../../src/core/forms/form-sheet';
import { registryFor } from '../../src/core/units/unit-maps';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { runCli, tempDir } from '../cli/run-cli';
import { fillDistrictTemplate } from './fill-template';

/**
 * A province's IT officer starts a monthly campaign with nothing but PHU and
 * a text editor: export 4PHU-2024, rename it, give it the months of 2026,
 * send Đồng Nai's communes their November templates, and consolidate what comes
 * back. Nothing of PHU changes: the JSON file is the only new input, and
 * the consolidation needs not even that.
 */
const CALENDAR = { calendar: { repeat: 'monthly', first: '2026-01', last: '2026-12', countFrom: '2026-01-01', dueDays: 5 }, periods: [], period: '2026-11', hint: '2026-01 đến 2026-12 (hằng tháng' };
const LISTED = { periods: [{ id: 'T10', label: 'Tháng 10', from: '2026-01-01', to: '2026-10-31', due: '2026-11-05' }, { id: 'T11', label: 'Tháng 11', from: '2026-01-01', to: '2026-11-30', due: '2026-12-05' }], period: 'T11', hint: 'T10, T11' };

describe.each([
  ['a monthly calendar', CALENDAR],
  ['an explicit period list', LISTED],
])('a new campaign made from an exported form, with %s', (_, setup) => {
  let dir: string;
  let remove: () => Promise<void>;
  const shippedJson = path.join(__dirname, '../../src/core/forms/4phu-2024.form.json');
  let shippedHash: string;
  beforeAll(async () => {
    ({ dir, remove } = await tempDir('phu-new-campaign-'));
    shippedHash = createHash('sha256').update(await fs.readFile(shippedJson)).digest('hex');
  });
  afterAll(() => remove());

  const run = (...argv: string[]) => runCli(argv, dir);
  // November 2026 is on today's map (01/07/2025): Đồng Nai's communes report straight to the province.
  const children = registryFor('2025-07-01').children('75');

  it('exports, edits and checks the form', async () => {
    expect((await run('form', 'export', '4PHU-2024', '--out', 'da06-2026.json')).code).toBe(0);
    const form = JSON.parse(await fs.readFile(path.join(dir, 'da06-2026.json'), 'utf8')) as Record<string, unknown>;
    form['id'] = 'DA06-2026';
    form['title'] = 'Báo cáo Đề án 06 hằng tháng năm 2026';
    form['periods'] = setup.periods;
    if ('calendar' in setup) form['calendar'] = setup.calendar;
    await fs.writeFile(path.join(dir, 'da06-2026.json'), JSON.stringify(form, null, 2));
    const check = await run('form', 'check', 'da06-2026.json');
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('hợp lệ. Mẫu biểu DA06-2026');
    expect(check.stdout).toContain(setup.hint);
  });

  it('makes one November template per commune of Đồng Nai, chosen on the map of 01/07/2025 by the period alone, each carrying the form, dated by the calendar', async () => {
    const r = await run('template', '--form', 'da06-2026.json', '--unit', '75', '--period', setup.period, '--out-dir', 'drive');
    expect(r.code).toBe(0);
    const folder = path.join(dir, 'drive', 'DA06-2026', setup.period, '75 Tỉnh Đồng Nai');
    const files = (await fs.readdir(folder)).sort();
    expect(files).toHaveLength(children.length);
    const read = await readWorkbook(new Uint8Array(await fs.readFile(path.join(folder, files[0] ?? ''))));
    expect(read.book?.sheets.map((s) => s.name)).toContain(FORM_SHEET);
    const info = read.book?.sheets.find((s) => s.name === 'ThongTin')?.rows ?? [];
    const value = (key: string) => info.find((row) => row?.[0] === key)?.[2];
    expect([value('form'), value('period'), value('period_from'), value('period_to')]).toEqual(['DA06-2026', setup.period, new Date('2026-01-01T00:00:00Z'), new Date('2026-11-30T00:00:00Z')]);
    expect(value('map')).toBe('2025-07-01');
  });

  it('consolidates three filled communes with no --form: on time, late by the due rule, missing', async () => {
    const folder = path.join(dir, 'drive', 'DA06-2026', setup.period, '75 Tỉnh Đồng Nai');
    const files = (await fs.readdir(folder)).sort();
    const [a, b, c] = files;
    // Due 5 days after 30/11/2026: 05/12/2026.
    await fillDistrictTemplate(path.join(folder, a ?? ''), path.join(folder, a ?? ''), new Date(Date.UTC(2026, 11, 3)));
    await fillDistrictTemplate(path.join(folder, b ?? ''), path.join(folder, b ?? ''), new Date(Date.UTC(2026, 11, 5)));
    await fillDistrictTemplate(path.join(folder, c ?? ''), path.join(folder, c ?? ''), new Date(Date.UTC(2026, 11, 9)));
    for (const blank of files.slice(3)) await fs.rm(path.join(folder, blank));

    const checked = await run('validate', path.join(folder, a ?? ''), '--period', setup.period);
    expect(checked.stdout).toContain('hợp lệ (không có lỗi, cảnh báo)');

    const r = await run('consolidate', folder, '--unit', '75', '--period', setup.period, '--out', 'tong-hop.xlsx', '--json', 'tom-tat.json', '--report-date', '10/12/2026');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(await fs.readFile(path.join(dir, 'tom-tat.json'), 'utf8')) as { form: string; children: Array<{ code: string; status: string }>; completeness: Record<string, number> };
    expect(summary.form).toBe('DA06-2026');
    expect(summary.completeness).toMatchObject({ expected: children.length, onTime: 2, late: 1, missing: children.length - 3, invalid: 0 });
    const statusOf = (file: string | undefined) => summary.children.find((x) => file?.startsWith(`${x.code} `))?.status;
    expect([statusOf(a), statusOf(b), statusOf(c)]).toEqual(['on_time', 'on_time', 'late']);

    // The province's consolidated workbook carries the form too: the level above needs nothing else.
    const out = await readWorkbook(new Uint8Array(await fs.readFile(path.join(dir, 'tong-hop.xlsx'))));
    expect(out.book?.sheets.at(-1)?.name).toBe(FORM_SHEET);
    const again = await run('validate', 'tong-hop.xlsx', '--period', setup.period);
    expect(again.stdout).toContain('tong-hop.xlsx: hợp lệ');
  });

  it('left PHU itself untouched: the shipped forms are as they were', async () => {
    expect(FORMS.map((f) => f.id)).toEqual(['4PHU-2024', 'DVC25-2023']);
    expect(createHash('sha256').update(await fs.readFile(shippedJson)).digest('hex')).toBe(shippedHash);
  });
});

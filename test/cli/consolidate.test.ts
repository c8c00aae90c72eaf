import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { FORM_4PHU_2024 } from '../../src/core/forms/form-4phu-2024';
import type { WorkbookGrid } from '../../src/core/grid/sheet-grid';
import { renderSubmission } from '../../src/core/render/render-submission';
import { nationalRegistry } from '../../src/core/units/national-registry';
import { generateProvince, type GeneratedProvince } from '../../src/sample/generate-province';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { writeWorkbook } from '../../src/xlsx/write-workbook';
import { keyedTable, sheetOf } from '../acceptance/workbook-sheets';
import { runCli, tempDir } from './run-cli';

const DISTRICT = '688';
const communes = nationalRegistry().children(DISTRICT);
const code = (i: number): string => communes[i]?.code ?? '';
const [LATE, STALE, INVALID] = [code(1), code(2), code(3)];

let dir: string;
let remove: () => Promise<void>;
let generated: GeneratedProvince;
let inbox: string;
/** Every file name put in the folder, with its bytes' sha256. */
const written = new Map<string, string>();

async function put(name: string, bytes: Uint8Array): Promise<void> {
  await fs.writeFile(path.join(inbox, name), bytes);
  written.set(name, createHash('sha256').update(bytes).digest('hex'));
}

beforeAll(async () => {
  ({ dir, remove } = await tempDir('phu-cli-consolidate-'));
  inbox = path.join(dir, '4PHU-2024', 'TK', `${DISTRICT} Thị xã Phước Long`);
  await fs.mkdir(inbox, { recursive: true });
  generated = generateProvince({ rootCode: DISTRICT, seed: 7, faults: { late: [LATE], staleDuplicate: [STALE], invalid: [INVALID] } });
  for (const f of generated.files) {
    const name = `${f.unit.code} ${f.unit.name}${f.fault === 'stale' ? ' (bản cũ)' : ''}.xlsx`;
    await put(name, await writeWorkbook(renderSubmission(FORM_4PHU_2024, f.data)));
  }
  await put(`~$${code(0)} ${communes[0]?.name ?? ''}.xlsx`, new Uint8Array(165).fill(32));
  await put('Ghi chú.txt', new TextEncoder().encode('các xã đã gửi qua thư điện tử'));
});
afterAll(() => remove());

async function grid(file: string): Promise<WorkbookGrid> {
  const read = await readWorkbook(new Uint8Array(await fs.readFile(file)));
  if (!read.book) throw new Error('output unreadable');
  return read.book;
}

const args = (out: string, ...more: string[]): string[] => ['consolidate', inbox, '--unit', DISTRICT, '--period', 'TK', '--out', out, '--report-date', '08/07/2024', ...more];

describe('phu consolidate: a folder with a stale duplicate, a lock file, a text file, a late file and an invalid file', () => {
  let out: string;
  let book: WorkbookGrid;
  let stdout: string;
  let exitCode: number;
  let summary: Record<string, unknown> & {
    completeness: Record<string, number>;
    counts: Record<string, number>;
    sources: Array<{ file: string; status: string; sha256: string; bytes: number }>;
    findings: Array<{ code: string; file: string | null; severity: string }>;
    children: Array<{ code: string; status: string }>;
  };

  beforeAll(async () => {
    out = path.join(dir, 'out', 'Phước Long TK.xlsx');
    const r = await runCli(args(out, '--json', 'out/summary.json'), dir);
    ({ stdout, code: exitCode } = r);
    book = await grid(out);
    summary = JSON.parse(await fs.readFile(path.join(dir, 'out', 'summary.json'), 'utf8')) as typeof summary;
  });

  it('writes the output and exits 0 although inputs were rejected', () => {
    expect(exitCode).toBe(0);
    expect(stdout).toContain('Đã nộp 7/7 đơn vị: 5 đúng hạn, 1 trễ hạn, 1 không hợp lệ; 0 chưa nộp.');
    expect(stdout).toContain('Đã đọc 10 tệp: 6 được tổng hợp; 1 không hợp lệ, 1 có tệp mới hơn, 0 không thuộc đơn vị, 2 bỏ qua.');
    expect(stdout).toContain(`Đã ghi: ${out}`);
  });

  it('lists every file of the folder exactly once in NguonDuLieu, with its status, hash and size', async () => {
    const sheet = sheetOf(book, 'NguonDuLieu');
    const [header, ...rows] = sheet.rows.map((r) => r ?? []);
    expect(header).toEqual(['file', 'unit_code', 'status', 'report_date', 'sha256', 'bytes']);
    const byFile = new Map(rows.map((r) => [String(r[0]), r] as const));
    expect([...byFile.keys()].sort()).toEqual([...written.keys()].sort());
    expect(rows).toHaveLength(written.size);
    const status = (name: string): unknown => byFile.get(name)?.[2];
    const nameOf = (c: string, suffix = ''): string => `${c} ${communes.find((u) => u.code === c)?.name ?? ''}${suffix}.xlsx`;
    expect(status(nameOf(LATE))).toBe('Trễ hạn');
    expect(status(nameOf(STALE, ' (bản cũ)'))).toBe('Bị thay thế');
    expect(status(nameOf(STALE))).toBe('Đúng hạn');
    expect(status(nameOf(INVALID))).toBe('Không hợp lệ');
    expect(status('Ghi chú.txt')).toBe('Bỏ qua');
    expect(status(`~$${nameOf(code(0))}`)).toBe('Bỏ qua');
    for (const [name, sha] of written) expect(byFile.get(name)?.[4]).toBe(sha);
    expect(byFile.get('Ghi chú.txt')?.[5]).toBe((await fs.stat(path.join(inbox, 'Ghi chú.txt'))).size);
  });

  it('totals exclude only the invalid file and the stale duplicate: the late file is summed, the latest file wins', () => {
    const table = keyedTable(book, 'SoLieu', 3, 'unit_code');
    const counted = generated.communes.filter((c) => c.unit.code !== INVALID);
    for (const col of FORM_4PHU_2024.tables[0]?.columns.filter((c) => c.kind === 'count') ?? []) {
      const expected = counted.reduce((s, c) => s + (c.figures.values[col.key] ?? 0), 0);
      expect([col.key, table.get(table.total?.cells ?? [], col.key)]).toEqual([col.key, expected]);
    }
    const statusOf = new Map(table.rows.map((r) => [String(table.get(r.cells, 'unit_code')), table.get(r.cells, 'status')]));
    expect(statusOf.get(LATE)).toBe('Trễ hạn');
    expect(statusOf.get(INVALID)).toBe('Không hợp lệ');
    expect(statusOf.get(STALE)).toBe('Đúng hạn');
    expect(table.rows).toHaveLength(communes.length);
  });

  it('puts the invalid file’s errors in KiemTra with their cells', () => {
    const table = keyedTable(book, 'KiemTra', 1, 'file');
    const invalidRows = table.rows.filter((r) => String(table.get(r.cells, 'file')).startsWith(INVALID) && table.get(r.cells, 'severity') === 'Lỗi');
    expect(invalidRows.map((r) => table.get(r.cells, 'rule'))).toContain('total_mismatch');
    expect(invalidRows.every((r) => table.get(r.cells, 'sheet') === 'SoLieu' && /^[A-Z]+\d+$/.test(String(table.get(r.cells, 'cell'))))).toBe(true);
  });

  it('--json: completeness, every source with its status, findings with their codes', () => {
    expect(summary.completeness).toEqual({ expected: 7, onTime: 5, late: 1, missing: 0, invalid: 1, submitted: 7 });
    expect(summary.counts).toMatchObject({ files: 10, used: 5, late: 1, superseded: 1, invalid: 1, ignored: 2, unexpected: 0, rejected: 1 });
    expect(summary.sources.map((s) => s.file).sort()).toEqual([...written.keys()].sort());
    expect(summary.sources.find((s) => s.file === 'Ghi chú.txt')).toMatchObject({ status: 'ignored', sha256: written.get('Ghi chú.txt') });
    const codes = new Set(summary.findings.map((f) => f.code));
    for (const c of ['total_mismatch', 'late', 'duplicate_superseded', 'file_ignored']) expect(codes).toContain(c);
    expect(summary.findings.every((f) => f.file !== null)).toBe(true);
    expect(summary.children.find((c) => c.code === INVALID)?.status).toBe('invalid');
    expect(summary.unit).toEqual({ code: DISTRICT, name: 'Thị xã Phước Long', level: 'huyen' });
  });

  it('--json - prints the machine summary on stdout and the sentences on stderr', async () => {
    const r = await runCli(args(path.join(dir, 'stdout.xlsx'), '--json', '-'), dir);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as typeof summary).completeness).toEqual(summary.completeness);
    expect(r.stderr).toContain('Đã nộp 7/7 đơn vị');
  });

  it('the output is itself a valid district submission', async () => {
    const r = await runCli(['validate', out, '--period', 'TK'], dir);
    expect(r.code).toBe(0);
  });

  it('--strict exits 1 when an input was rejected, and still writes the output', async () => {
    const strictOut = path.join(dir, 'strict.xlsx');
    const r = await runCli(args(strictOut, '--strict'), dir);
    expect(r.code).toBe(1);
    await expect(fs.stat(strictOut)).resolves.toBeTruthy();
  });

  it('--drive local:<root> reads the folder as a path inside that root', async () => {
    const r = await runCli(['consolidate', '4PHU-2024/TK/688 Thị xã Phước Long', '--drive', `local:${dir}`, '--unit', DISTRICT, '--period', 'TK', '--out', 'via-drive.xlsx', '--json', 'via-drive.json'], dir);
    expect(r.code).toBe(0);
    const viaDrive = JSON.parse(await fs.readFile(path.join(dir, 'via-drive.json'), 'utf8')) as typeof summary;
    expect(viaDrive.sources.map((s) => [s.file, s.status])).toEqual(summary.sources.map((s) => [s.file, s.status]));
    const escape = await runCli(['consolidate', '../..', '--drive', `local:${dir}`, '--unit', DISTRICT, '--period', 'TK', '--out', 'x.xlsx'], dir);
    expect(escape.code).toBe(3);
  });

  it('an output written into the folder it consolidates is not read back as an input on the next run', async () => {
    const inside = path.join(inbox, 'Tổng hợp.xlsx');
    expect((await runCli(args(inside), dir)).code).toBe(0);
    const again = await runCli(args(inside, '--json', 'again.json'), dir);
    expect(again.code).toBe(0);
    const s = JSON.parse(await fs.readFile(path.join(dir, 'again.json'), 'utf8')) as typeof summary;
    expect(s.sources.find((x) => x.file === 'Tổng hợp.xlsx')?.status).toBe('ignored');
    expect(s.completeness).toEqual(summary.completeness);
    await fs.rm(inside);
  });
});

describe('phu consolidate --lang en: the summary in English', () => {
  it('prints every summary line in English, with the same figures as the Vietnamese one', async () => {
    const out = path.join(dir, 'out-en', 'Phuoc Long TK.xlsx');
    const r = await runCli([...args(out), '--lang', 'en'], dir);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^Consolidated Thị xã Phước Long \(688\), period TK \(.+\):$/);
    expect(lines[1]).toBe('  Submitted 7/7 units: 5 on time, 1 late, 1 invalid; 0 not submitted.');
    expect(lines[2]).toBe('  Read 10 files: 6 consolidated; 1 invalid, 1 superseded by a newer file, 0 not of a child unit, 2 ignored.');
    expect(lines[3]).toMatch(/^ {2}\d+ errors, \d+ warnings \(details in the KiemTra sheet\)\.$/);
    expect(lines[4]).toBe('Files not consolidated:');
    expect(r.stdout).toMatch(/^ {2}Ghi chú\.txt +Ignored +/m);
    expect(r.stdout).toMatch(/ Superseded +/);
    expect(r.stdout).toContain('\nInvalid:\n');
    expect(r.stdout).toContain(`Written: ${out}\n`);
    for (const vi of ['Tổng hợp', 'Đã nộp', 'Đã đọc', 'Tệp không được tổng hợp', 'Chưa nộp', 'Đã ghi', 'Bỏ qua', 'Bị thay thế', 'lỗi khác']) expect(r.stdout).not.toContain(vi);
  });
});

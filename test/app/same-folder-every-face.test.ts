/**
 * One folder, every face: the command line (`phu consolidate`, files read in
 * budgeted workers) and the task pane (the same files picked in a browser,
 * written into the Excel stand-in) give the same SoLieu values, cell for
 * cell, and the same findings, because both run src/app.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { consolidateReports } from '../../src/app/consolidate-files';
import { inputFromPicked, inputsFromDrive } from '../../src/app/input-file';
import { readReports } from '../../src/app/read-reports';
import { writeConsolidation } from '../../src/addin/operations/write-consolidation';
import { findingJson } from '../../src/cli/format-findings';
import { FORM_4PHU_2024 } from '../../src/core/forms/form-4phu-2024';
import type { Scalar } from '../../src/core/grid/scalar';
import { renderSubmission } from '../../src/core/render/render-submission';
import { nationalRegistry } from '../../src/core/units/national-registry';
import { LocalDrive } from '../../src/drive/local/local-drive';
import { generateProvince } from '../../src/sample/generate-province';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { writeWorkbook } from '../../src/xlsx/write-workbook';
import { FakeExcelHost } from '../support/addin/fake-excel';
import { runCli, tempDir } from '../cli/run-cli';

const DISTRICT = '688';
const registry = nationalRegistry();

/** A cell as both faces hold it: Excel's blank is '' where a file's is null. */
const cell = (v: Scalar | undefined): unknown => (v === undefined || v === '' ? null : v);

describe('the same folder through the CLI and through the task pane', () => {
  let dir: string;
  let remove: () => Promise<void>;
  let inbox: string;
  const out = (): string => path.join(dir, 'tong-hop.xlsx');

  beforeAll(async () => {
    ({ dir, remove } = await tempDir('phu-faces-'));
    inbox = path.join(dir, 'TK');
    await fs.mkdir(inbox);
    const generated = generateProvince({ rootCode: DISTRICT, seed: 11, faults: { late: ['25216'], invalid: ['25219'], staleDuplicate: ['25220'] } });
    for (const f of generated.files) {
      const name = `${f.unit.code} ${f.unit.name}${f.fault === 'stale' ? ' (bản cũ)' : ''}.xlsx`;
      await fs.writeFile(path.join(inbox, name), await writeWorkbook(renderSubmission(FORM_4PHU_2024, f.data)));
    }
    await fs.writeFile(path.join(inbox, '~$25216.xlsx'), new Uint8Array(165));
    await fs.writeFile(path.join(inbox, 'Ghi chú.txt'), 'gửi qua thư');
    await fs.writeFile(path.join(inbox, 'hong.xlsx'), 'PK\u0003\u0004 hỏng');
  });
  afterAll(() => remove());

  it('gives cell-for-cell the same SoLieu and the same findings', async () => {
    const run = await runCli(['consolidate', inbox, '--unit', DISTRICT, '--period', 'TK', '--out', out(), '--report-date', '08/07/2024', '--json', path.join(dir, 'tom-tat.json')], dir);
    expect(run.code).toBe(0);
    const cliBook = (await readWorkbook(new Uint8Array(await fs.readFile(out())))).book;
    const cliSummary = JSON.parse(await fs.readFile(path.join(dir, 'tom-tat.json'), 'utf8')) as { findings: unknown[] };

    // The pane: the folder's files picked in the browser, read with the xlsx module the pane loads.
    const picked = [];
    for (const name of await fs.readdir(inbox)) {
      const file = path.join(inbox, name);
      const st = await fs.stat(file);
      const bytes = new Uint8Array(await fs.readFile(file));
      picked.push(inputFromPicked({ name, size: st.size, lastModified: st.mtimeMs, relativePath: `TK/${name}`, arrayBuffer: () => Promise.resolve(bytes.slice().buffer) }));
    }
    const req = { form: FORM_4PHU_2024, registry, parentCode: DISTRICT, period: 'TK', reportDate: '2024-07-08' };
    const pane = consolidateReports(await readReports(picked, req, { reader: { readWorkbook } }), req);
    const host = new FakeExcelHost();
    host.loadGrid({ sheets: [{ name: 'Sheet1', rows: [] }] });
    const written = await writeConsolidation(host.newContext() as unknown as Excel.RequestContext, pane, { activate: 'SoLieu' });
    expect('clashes' in written).toBe(false);

    const cliRows = cliBook?.sheets.find((s) => s.name === 'SoLieu')?.rows ?? [];
    const excel = host.sheet('SoLieu');
    expect(cliRows.length).toBeGreaterThan(8);
    const width = Math.max(...cliRows.map((r) => r?.length ?? 0));
    for (let r = 0; r < Math.max(cliRows.length, excel.rowExtent); r++) {
      for (let c = 0; c < width; c++) expect([r, c, cell(excel.value(r, c) as Scalar)]).toEqual([r, c, cell(cliRows[r]?.[c])]);
    }
    expect(pane.consolidation.findings.map(findingJson)).toEqual(cliSummary.findings);
    const codes = new Set(pane.consolidation.findings.map((f) => f.code));
    for (const c of ['file_ignored', 'late', 'duplicate_superseded', 'file_corrupt']) expect(codes).toContain(c);
  });

  it('lists a FIFO, a dangling link and a link out of the folder in NguonDuLieu with their reasons, and never waits on the FIFO', async () => {
    const hostile = path.join(dir, 'hostile');
    await fs.mkdir(hostile);
    const [first] = await fs.readdir(inbox);
    await fs.copyFile(path.join(inbox, first ?? ''), path.join(hostile, first ?? ''));
    execFileSync('mkfifo', [path.join(hostile, 'ong.xlsx')]);
    await fs.symlink(path.join(hostile, 'khong-co.xlsx'), path.join(hostile, 'treo.xlsx'));
    await fs.symlink(path.join(inbox, 'hong.xlsx'), path.join(hostile, 'ra-ngoai.xlsx'));
    const req = { form: FORM_4PHU_2024, registry, period: 'TK' };
    const reports = await readReports(await inputsFromDrive(new LocalDrive(hostile), ''), req, { reader: { readWorkbook } });
    const reasons = Object.fromEntries(reports.map((r) => [r.source.file, r.findings.find((f) => f.code === 'file_ignored')?.params]));
    expect(reasons).toMatchObject({ 'ong.xlsx': { reason: 'special_file' }, 'treo.xlsx': { reason: 'link_dangling' }, 'ra-ngoai.xlsx': { reason: 'link_outside' } });
    expect(reasons[first ?? '']).toBeUndefined();
    const linkOut = reports.find((r) => r.source.file === 'ra-ngoai.xlsx')?.findings[0];
    expect(linkOut?.message_vi).toContain('trỏ ra ngoài thư mục');
    expect(linkOut?.message_en).toContain('outside the folder');
  });
});

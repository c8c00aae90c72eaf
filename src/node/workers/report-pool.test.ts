import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FORM_4PHU_2024 } from '../../core/forms/form-4phu-2024';
import { renderSubmission } from '../../core/render/render-submission';
import { nationalRegistry } from '../../core/units/national-registry';
import { registryFor } from '../../core/units/unit-maps';
import { UnitRegistry } from '../../core/units/unit-registry';
import { LocalDrive } from '../../drive/local/local-drive';
import { generateProvince } from '../../sample/generate-province';
import { writeWorkbook } from '../../xlsx/write-workbook';
import { readFolderReports } from '../read-folder-reports';
import { readFolderInPool } from './read-folder-in-pool';
import { registryData, ReportPool } from './report-pool';

const registry = nationalRegistry();
const ctx = { form: FORM_4PHU_2024, registry, expect: { period: 'TK' } };

describe('ReportPool', () => {
  // Phước Long: 7 communes; one sends a total that does not add up, one is late.
  const generated = generateProvince({ rootCode: '688', seed: 9, faults: { invalid: ['25219'], late: ['25216'] } });
  let files: { name: string; bytes: Uint8Array }[];
  let pool: ReportPool;

  beforeAll(async () => {
    files = [];
    for (const f of generated.files) files.push({ name: f.fileName, bytes: await writeWorkbook(renderSubmission(FORM_4PHU_2024, f.data)) });
    files.push({ name: 'ghi-chu.xlsx', bytes: new TextEncoder().encode('không phải tệp Excel') });
    pool = new ReportPool({ workers: 2 });
  });
  afterAll(() => pool.close());

  it('gives in worker threads exactly the reports the calling thread gives, errors and all', async () => {
    const inThread = new ReportPool({ workers: 0 });
    const here = await Promise.all(files.map((f) => inThread.report(f.bytes.slice(), { file: f.name, modified: '2024-07-01T00:00:00.000Z' }, ctx)));
    const there = await Promise.all(files.map((f) => pool.report(f.bytes.slice(), { file: f.name, modified: '2024-07-01T00:00:00.000Z' }, ctx)));
    expect(there).toEqual(here);
    // A form outside the catalogue travels whole rather than by its index.
    const copy = { ...FORM_4PHU_2024 };
    const f0 = files[0] as { name: string; bytes: Uint8Array };
    expect(await pool.report(f0.bytes.slice(), { file: f0.name, modified: '2024-07-01T00:00:00.000Z' }, { ...ctx, form: copy })).toEqual(here[0]);
    const invalid = there.find((r) => r.source.file.startsWith('25219'));
    expect(invalid?.findings.map((f) => f.code)).toContain('total_mismatch');
    expect(there.at(-1)?.info).toBeUndefined();
    expect(there.at(-1)?.findings.map((f) => f.severity)).toContain('error');
    expect(there[0]?.source).toMatchObject({ bytes: files[0]?.bytes.length, modified: '2024-07-01T00:00:00.000Z' });
    expect(there[0]?.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('checks on today\'s map in each worker, explaining a file of an abolished commune', async () => {
    const today = registryFor('2025-07-01');
    const onToday = new ReportPool({ workers: 1, registry: today });
    try {
      const f = files.find((x) => x.name.startsWith('25216')) as { name: string; bytes: Uint8Array };
      const r = await onToday.report(f.bytes.slice(), { file: f.name }, { ...ctx, registry: today });
      expect(r.findings.find((x) => x.code === 'unit_abolished')?.message_vi).toMatch(/^Phường Thác Mơ \(25216\) đã nhập vào Phường Phước Long \(25217\)/);
    } finally {
      await onToday.close();
    }
  });

  it('checks against a registry of its own, rebuilt in each worker', async () => {
    const rebuilt = new UnitRegistry(registryData(registry));
    expect(rebuilt.children('688').map((u) => u.code)).toEqual(registry.children('688').map((u) => u.code));
    const own = new ReportPool({ workers: 1, registry: rebuilt });
    try {
      const f = files[1] as { name: string; bytes: Uint8Array };
      const r = await own.report(f.bytes.slice(), { file: f.name }, { ...ctx, registry: rebuilt });
      expect(r.findings).toEqual([]);
      await expect(own.report(f.bytes.slice(), { file: f.name }, ctx)).rejects.toThrow(/registry/);
    } finally {
      await own.close();
    }
  });

  it('reads a folder like readFolderReports does: lock files, other files and subfolders reported, in listing order', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phu-pool-'));
    try {
      for (const f of files) fs.writeFileSync(path.join(dir, f.name), f.bytes);
      fs.writeFileSync(path.join(dir, '~$25216_Phuong_Thac_Mo.xlsx'), 'lock');
      fs.writeFileSync(path.join(dir, 'doc-truoc.txt'), 'ghi chú');
      fs.mkdirSync(path.join(dir, 'cu'));
      const drive = new LocalDrive(dir);
      const seen: number[] = [];
      const pooled = await readFolderInPool(drive, '', ctx, pool, { window: 3, onProgress: (p) => seen.push(p.index) });
      const plain = await readFolderReports(drive, '', ctx);
      expect(pooled).toEqual(plain);
      expect(pooled).toHaveLength(files.length + 3);
      expect(seen).toEqual(pooled.map((_, i) => i + 1));
      expect(pooled.filter((r) => r.findings.some((f) => f.code === 'file_ignored')).map((r) => r.source.file).sort()).toEqual(['cu', 'doc-truoc.txt', '~$25216_Phuong_Thac_Mo.xlsx']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { createHash } from 'node:crypto';
import { FORM_4PHU_2024 } from '../../core/forms/form-4phu-2024';
import { renderSubmission } from '../../core/render/render-submission';
import { nationalRegistry } from '../../core/units/national-registry';
import { balancedRow, infoFor, reasonRows } from '../../core/validate/submission-fixtures';
import { readWorkbook } from '../../xlsx/read-workbook';
import { writeWorkbook } from '../../xlsx/write-workbook';
import { consolidateReports, ignoreReason, reportsFromFiles, sha256Hex, type FileState, type PickedFile } from './consolidate-files';

const registry = nationalRegistry();
const form = FORM_4PHU_2024;

function picked(name: string, bytes: Uint8Array, relativePath = ''): PickedFile {
  return { name, size: bytes.length, lastModified: Date.UTC(2024, 4, 9), relativePath, arrayBuffer: () => Promise.resolve(bytes.slice().buffer) };
}

async function communeFile(code: string, seed: number): Promise<Uint8Array> {
  const unit = registry.get(code);
  if (!unit) throw new Error(code);
  const villages = [1, 2, 3].map((i) => balancedRow(`KP${i}`, `Khu phố ${i}`, seed + i));
  const sum = (k: string): number => villages.reduce((s, r) => s + (r.values[k] ?? 0), 0);
  const book = renderSubmission(form, { info: infoFor('xa', unit.code, unit.name, '688'), tables: { SoLieu: villages, LyDo: reasonRows(sum('cccd_processed'), sum('ddt_processed')) } });
  return writeWorkbook(book);
}

describe('consolidating picked files', () => {
  it('reads each file into a report, with progress, and consolidates the district', async () => {
    const communes = registry.children('688');
    const files: PickedFile[] = [];
    for (const [i, c] of communes.slice(1).entries()) files.push(picked(`${c.code}.xlsx`, await communeFile(c.code, i * 3)));
    files.push(picked('ghi-chu.txt', new TextEncoder().encode('không phải báo cáo')));
    files.push(picked('hong.xlsx', new Uint8Array([80, 75, 3, 4, 1, 2, 3])));
    const states: FileState[] = [];
    const req = { form, registry, parentCode: '688', period: 'D1', reportDate: '2024-05-10' };
    const reports = await reportsFromFiles(files, req, { readWorkbook }, (s) => states.push(s));
    expect(reports).toHaveLength(files.length);
    expect(states.filter((s) => s.status === 'reading')).toHaveLength(files.length);
    const final = new Map(states.filter((s) => s.status !== 'reading').map((s) => [s.name, s.status]));
    expect(final.get('ghi-chu.txt')).toBe('ignored');
    expect(final.get('hong.xlsx')).toBe('invalid');
    expect(final.get(`${communes[1]?.code ?? ''}.xlsx`)).toBe('valid');
    const { consolidation, book } = consolidateReports(reports, req);
    expect(consolidation.completeness).toEqual({ expected: communes.length, onTime: communes.length - 1, late: 0, missing: 1, invalid: 0 });
    expect(consolidation.sources).toHaveLength(files.length);
    expect(book.sheets.map((s) => s.name)).toEqual(['ThongTin', 'SoLieu', 'LyDo', 'KiemTra', 'NguonDuLieu', 'NhanXet']);
    const src = reports.find((r) => r.source.file === 'ghi-chu.txt')?.source;
    expect(src?.sha256).toBe(createHash('sha256').update('không phải báo cáo').digest('hex'));
  });

  it('tells submissions from what is not one', () => {
    const f = (name: string, relativePath = ''): PickedFile => picked(name, new Uint8Array(0), relativePath);
    expect(ignoreReason(f('25216.xlsx', 'BaoCao/25216.xlsx'))).toBeUndefined();
    expect(ignoreReason(f('~$25216.xlsx'))).toMatch(/khóa tạm/);
    expect(ignoreReason(f('25216.xlsx', 'BaoCao/cu/25216.xlsx'))).toMatch(/thư mục con/);
    expect(ignoreReason(f('anh.png'))).toMatch(/\.png/);
  });

  it('hashes with Web Crypto as Node does', async () => {
    const bytes = new TextEncoder().encode('Phước Long');
    expect(await sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});

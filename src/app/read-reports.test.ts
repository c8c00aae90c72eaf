import { FORM_4PHU_2024 } from '../core/forms/form-4phu-2024';
import { DriveError, type Drive, type DriveItem } from '../core/ports/drive';
import { renderSubmission } from '../core/render/render-submission';
import { nationalRegistry } from '../core/units/national-registry';
import { generateProvince } from '../sample/generate-province';
import { writeWorkbook } from '../xlsx/write-workbook';
import { readWorkbook } from '../xlsx/read-workbook';
import { ignoreReason } from './ignore-reason';
import { inputFromDriveItem, inputsFromDrive } from './input-file';
import { readReports, type FileState } from './read-reports';

const item = (name: string, size: number, extra: Partial<DriveItem> = {}): DriveItem => ({
  id: name,
  name,
  folder: 'TK',
  isFolder: false,
  size,
  modified: '2024-07-05T08:00:00.000Z',
  eTag: `"${name}"`,
  location: `/x/TK/${name}`,
  ...extra,
});

/** An in-memory drive that records what was downloaded. */
function fakeDrive(files: ReadonlyMap<string, Uint8Array>, extra: readonly DriveItem[] = []): Drive & { downloaded: string[] } {
  const downloaded: string[] = [];
  return {
    downloaded,
    list: () => Promise.resolve([...[...files].map(([name, b]) => item(name, b.length)), ...extra]),
    download: (i) => {
      downloaded.push(i.name);
      const bytes = files.get(i.name);
      return bytes ? Promise.resolve({ item: i, bytes }) : Promise.reject(new DriveError('not_found', 'gone'));
    },
    upload: () => Promise.reject(new Error('read only')),
  };
}

const req = { form: FORM_4PHU_2024, registry: nationalRegistry(), period: 'TK' };
const reader = { readWorkbook };

/** The app's reading of a drive folder, as the command line does it. */
async function readFolderReports(drive: Drive, folder: string, onFile?: (s: FileState) => void) {
  return readReports(await inputsFromDrive(drive, folder), req, { reader, ...(onFile ? { onFile } : {}) });
}

describe('readReports', () => {
  it('reads workbooks and reports every other entry as ignored, with its hash, without dropping any', async () => {
    const [commune] = generateProvince({ rootCode: '688', seed: 2 }).files;
    if (!commune) throw new Error('no sample');
    const files = new Map<string, Uint8Array>([
      ['25216.xlsx', await writeWorkbook(renderSubmission(FORM_4PHU_2024, commune.data))],
      ['~$25216.xlsx', new Uint8Array(165)],
      ['ghi chu.txt', new TextEncoder().encode('abc')],
      ['._25216.xlsx', new Uint8Array(4096)],
    ]);
    const drive = fakeDrive(files, [item('cu', 0, { isFolder: true }), item('bien-ban.pdf', 900 * 1024 * 1024), item('da-xoa.xlsx', 10)]);
    const progress: FileState[] = [];
    const reports = await readFolderReports(drive, 'TK', (p) => progress.push(p));

    // PHU's one order: folders first, then names in Vietnamese order, numbers as numbers.
    expect(reports.map((r) => r.source.file)).toEqual(['cu', '._25216.xlsx', '~$25216.xlsx', '25216.xlsx', 'bien-ban.pdf', 'da-xoa.xlsx', 'ghi chu.txt']);
    const [folder, mac, lock, sub, big, gone, txt] = reports;
    expect(sub?.info?.unit_code).toBe(commune.unit.code);
    expect(sub?.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(sub?.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const r of [lock, txt, mac, folder, big, gone]) {
      expect(r?.info).toBeUndefined();
      expect(r?.findings.map((f) => [f.code, f.file])).toEqual([['file_ignored', r?.source.file]]);
    }
    // sha256 of "abc".
    expect(txt?.source).toMatchObject({ bytes: 3, sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' });
    expect(big?.source).toMatchObject({ bytes: 900 * 1024 * 1024, sha256: '' });
    // A huge file is never downloaded; a folder is not downloaded either.
    expect(drive.downloaded).not.toContain('bien-ban.pdf');
    expect(drive.downloaded).not.toContain('cu');
    expect(progress.filter((p) => p.status !== 'reading').map((p) => `${p.done}/${p.total}`)).toEqual(['1/7', '2/7', '3/7', '4/7', '5/7', '6/7', '7/7']);
  });

  it('refuses an oversized workbook without downloading it', async () => {
    const drive = fakeDrive(new Map(), [item('lon.xlsx', 30 * 1024 * 1024)]);
    const [r] = await readFolderReports(drive, 'TK');
    expect(r?.findings.map((f) => f.code)).toEqual(['file_too_large']);
    expect(drive.downloaded).toEqual([]);
  });

  it('an unreadable workbook is a report with its error, not an exception', async () => {
    const drive = fakeDrive(new Map([['hong.xlsx', new TextEncoder().encode('PK\u0003\u0004 not really')]]));
    const [r] = await readFolderReports(drive, 'TK');
    expect(r?.info).toBeUndefined();
    expect(r?.findings.some((f) => f.severity === 'error' && f.file === 'hong.xlsx')).toBe(true);
  });

  it('other drive failures are not hidden', async () => {
    const drive: Drive = { ...fakeDrive(new Map([['a.xlsx', new Uint8Array(4)]])), download: () => Promise.reject(new DriveError('auth', 'hết phiên')) };
    await expect(readFolderReports(drive, 'TK')).rejects.toMatchObject({ code: 'auth' });
  });
});

describe('ignoreReason', () => {
  it.each([
    ['25216 Phường Thác Mơ.xlsx', false],
    ['BAO CAO.XLSX', false],
    ['cu.xls', false],
    ['macro.xlsm', false],
    ['~$25216.xlsx', true],
    ['ghi chu.txt', true],
    ['khong-duoi', true],
  ])('%s ignored: %s', (name, ignored) => {
    expect(ignoreReason(inputFromDriveItem(fakeDrive(new Map()), item(name, 1))) !== undefined).toBe(ignored);
  });
});

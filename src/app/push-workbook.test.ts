import { createFinding } from '../core/findings/finding';
import { FORM_4PHU_2024 } from '../core/forms/form-4phu-2024';
import type { WorkbookGrid } from '../core/grid/sheet-grid';
import { DriveError, type Drive } from '../core/ports/drive';
import { MemoryDrive } from '../../test/support/addin/memory-drive';
import { communeSubmission, gridOfBook } from '../../test/support/addin/sample-books';
import { pushRefusalText, pushWorkbook, type NameFromWorkbook, type PushResult } from './push-workbook';
import type { WorkbookRead, WorkbookReader } from './workbook-reader';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const text = (b: Uint8Array | undefined): string => new TextDecoder().decode(b);

const folder = '4PHU-2024/D1/70 Tỉnh Bình Phước';
const name = '688 Thị xã Phước Long.xlsx';
const path = `${folder}/${name}`;

/** A reader answering with a fixed read, that spoils the bytes it gets as a reader moving them to a worker would. */
function readerOf(read: WorkbookRead): WorkbookReader & { calls: number } {
  const reader = {
    calls: 0,
    readWorkbook(b: Uint8Array): Promise<WorkbookRead> {
      reader.calls++;
      b.fill(0);
      return Promise.resolve(read);
    },
  };
  return reader;
}

const thacMo: WorkbookGrid = gridOfBook(communeSubmission(2));
const naming = (book: WorkbookGrid | undefined, extra: Partial<NameFromWorkbook> = {}): NameFromWorkbook => ({
  reader: readerOf(book ? { book, findings: [] } : { findings: [createFinding('file_not_workbook', { detected: 'text' })] }),
  form: FORM_4PHU_2024,
  detectForm: true,
  ...extra,
});

/** A drive whose every call fails, and that counts its openings. */
function refusingDrive(code: 'auth' | 'network'): { open: () => Promise<Drive>; opened: () => number } {
  let opened = 0;
  const fail = (): Promise<never> => Promise.reject(new DriveError(code, 'không kết nối được'));
  return { open: () => (opened++, Promise.resolve({ list: fail, download: fail, upload: fail })), opened: () => opened };
}

describe('pushWorkbook: conflicts', () => {
  it('sends a new file, tidying the folder path', async () => {
    const drive = new MemoryDrive();
    const out = await pushWorkbook({ bytes: bytes('mới'), folder: `\\${folder.replace(/\//g, '\\')}\\`, name }, drive);
    expect(out).toMatchObject({ kind: 'sent', name, folder, replaced: false, item: { name, folder } });
    expect(text(drive.files.get(path)?.bytes)).toBe('mới');
  });

  it('never overwrites an existing file unasked, and shows the version it found', async () => {
    const drive = new MemoryDrive();
    const theirs = drive.put(path, bytes('của họ'));
    const out = await pushWorkbook({ bytes: bytes('của tôi'), folder, name }, drive);
    expect(out).toEqual({ kind: 'exists', name, folder, existing: theirs });
    expect(text(drive.files.get(path)?.bytes)).toBe('của họ');
  });

  it('replaces exactly the version shown', async () => {
    const drive = new MemoryDrive();
    const seen = drive.put(path, bytes('của họ'));
    const out = await pushWorkbook({ bytes: bytes('của tôi'), folder, name, replace: { ifMatch: seen.eTag } }, drive);
    expect(out).toMatchObject({ kind: 'sent', replaced: true });
    expect(text(drive.files.get(path)?.bytes)).toBe('của tôi');
  });

  it('keeps a version changed after it was shown: nothing is overwritten, and says which version was seen', async () => {
    const drive = new MemoryDrive();
    const seen = drive.put(path, bytes('bản đầu'));
    const newer = drive.put(path, bytes('bản người khác vừa sửa'));
    const out = await pushWorkbook({ bytes: bytes('của tôi'), folder, name, replace: { ifMatch: seen.eTag } }, drive);
    expect(out).toEqual({ kind: 'changed', name, folder, ifMatch: seen.eTag, existing: newer });
    expect(text(drive.files.get(path)?.bytes)).toBe('bản người khác vừa sửa');
  });

  it('replace without a version replaces the one there now', async () => {
    const drive = new MemoryDrive();
    drive.put(path, bytes('của họ'));
    const out = await pushWorkbook({ bytes: bytes('của tôi'), folder, name, replace: {} }, drive);
    expect(out).toMatchObject({ kind: 'sent', replaced: true });
    expect(text(drive.files.get(path)?.bytes)).toBe('của tôi');
  });

  it('replace with nothing there (not even the folder) sends without overwriting anything', async () => {
    const drive = new MemoryDrive();
    const out = await pushWorkbook({ bytes: bytes('mới'), folder, name, replace: {} }, drive);
    expect(out).toMatchObject({ kind: 'sent', replaced: false });
  });

  it('passes the upload progress to the drive', async () => {
    const seen: string[] = [];
    const drive: Drive = {
      list: () => Promise.resolve([]),
      download: () => Promise.reject(new Error('no download')),
      upload: (f, n, b, policy, onProgress) => {
        onProgress?.(b.length, b.length);
        seen.push(`${f}|${n}|${policy.kind}`);
        return Promise.resolve({ ok: true, item: { id: n, name: n, folder: f, isFolder: false, size: b.length, modified: '', eTag: '"1"', location: n } });
      },
    };
    const progress: number[] = [];
    await pushWorkbook({ bytes: bytes('abc'), folder, name, onProgress: (done) => progress.push(done) }, drive);
    expect(seen).toEqual([`${folder}|${name}|fail`]);
    expect(progress).toEqual([3]);
  });

  it('returns a drive failure as a value with its code, and throws anything else', async () => {
    const drive = refusingDrive('auth');
    const out = await pushWorkbook({ bytes: bytes('x'), folder, name }, drive.open);
    expect(out).toMatchObject({ kind: 'failed', name, folder, error: { code: 'auth' } });
    const broken = (): Promise<Drive> => Promise.reject(new TypeError('lỗi lập trình'));
    await expect(pushWorkbook({ bytes: bytes('x'), folder, name }, broken)).rejects.toThrow(TypeError);
  });
});

describe('pushWorkbook: the name from the workbook and the checks before pushing', () => {
  const original = 'nội dung tệp';

  it('names the file "<code> <name>.xlsx" from ThongTin and uploads the bytes untouched by the reader', async () => {
    const drive = new MemoryDrive();
    const how = naming(thacMo);
    const out = await pushWorkbook({ bytes: bytes(original), folder: 'chung/688', name: how }, drive);
    expect(out).toMatchObject({ kind: 'sent', name: '25216 Phường Thác Mơ.xlsx' });
    expect(text(drive.files.get('chung/688/25216 Phường Thác Mơ.xlsx')?.bytes)).toBe(original);
  });

  const refused = async (how: NameFromWorkbook): Promise<Extract<PushResult, { kind: 'refused' }> & { opened: number }> => {
    const drive = refusingDrive('network');
    const out = await pushWorkbook({ bytes: bytes(original), folder: 'chung', name: how }, drive.open);
    if (out.kind !== 'refused') throw new Error(`expected a refusal, got ${out.kind}`);
    return { ...out, opened: drive.opened() };
  };

  it('refuses what is not a workbook, with the reader’s findings, before opening the drive', async () => {
    const out = await refused(naming(undefined));
    expect(out.opened).toBe(0);
    expect(out.refusal).toMatchObject({ code: 'not_a_workbook', findings: [{ code: 'file_not_workbook' }] });
    expect(pushRefusalText(out.refusal, 'vi')).toMatch(/^Không phải bảng tính đọc được: ./);
    expect(pushRefusalText(out.refusal, 'en')).toMatch(/^Not a readable workbook: ./);
    expect(pushRefusalText({ code: 'not_a_workbook', findings: [] }, 'vi')).toBe('Không phải bảng tính đọc được.');
  });

  it('refuses a workbook whose ThongTin names no unit, naming the sheet', async () => {
    const out = await refused(naming({ sheets: [{ name: 'ThongTin', rows: [] }] }));
    expect(out.refusal).toEqual({ code: 'unit_missing', sheet: 'ThongTin' });
    expect(pushRefusalText(out.refusal, 'vi')).toMatch(/^Trang ThongTin thiếu mã đơn vị .*--name\.$/);
  });

  it('refuses a commune that is not on the map the upper level consolidates, with the finding explaining it', async () => {
    const out = await refused(naming(thacMo, { map: '2025-07-01' }));
    expect(out.refusal).toMatchObject({ code: 'unit_elsewhere', finding: { code: 'unit_abolished', params: { code: '25216' } } });
    if (out.refusal.code !== 'unit_elsewhere') throw new Error('unreachable');
    expect(pushRefusalText(out.refusal, 'en')).toBe(out.refusal.finding.message_en);
    const sent = await pushWorkbook({ bytes: bytes(original), folder: 'chung', name: naming(thacMo, { map: '2025-03-01' }) }, new MemoryDrive());
    expect(sent.kind).toBe('sent');
  });
});

import { FORM_4PHU_2024 } from '../../core/forms/form-4phu-2024';
import { nationalRegistry } from '../../core/units/national-registry';
import { MemoryDrive } from '../../../test/support/addin/memory-drive';
import { pushTarget, pushWorkbook } from './push-workbook';

const registry = nationalRegistry();
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const text = (b: Uint8Array | undefined): string => new TextDecoder().decode(b);

describe('pushTarget', () => {
  it('sends a district up into its province’s folder of the period, named after the district', () => {
    expect(pushTarget(FORM_4PHU_2024, registry, '688', 'd1')).toEqual({ folder: '4PHU-2024/D1/70 Tỉnh Bình Phước', name: '688 Thị xã Phước Long.xlsx' });
    expect(pushTarget(FORM_4PHU_2024, registry, '25216', 'D2')).toEqual({ folder: '4PHU-2024/D2/688 Thị xã Phước Long', name: '25216 Phường Thác Mơ.xlsx' });
  });

  it('has no target for a code or period it does not know', () => {
    expect(pushTarget(FORM_4PHU_2024, registry, '99999999', 'D1')).toBeUndefined();
    expect(pushTarget(FORM_4PHU_2024, registry, '688', 'D9')).toBeUndefined();
  });
});

describe('pushWorkbook', () => {
  const target = { folder: '4PHU-2024/D1/70 Tỉnh Bình Phước', name: '688 Thị xã Phước Long.xlsx' };
  const path = `${target.folder}/${target.name}`;

  it('sends a new file', async () => {
    const drive = new MemoryDrive();
    const out = await pushWorkbook(drive, target, bytes('mới'));
    expect(out).toMatchObject({ kind: 'sent', replaced: false, item: { name: target.name, folder: target.folder } });
    expect(text(drive.files.get(path)?.bytes)).toBe('mới');
  });

  it('never overwrites an existing file unasked, and shows the version it found', async () => {
    const drive = new MemoryDrive();
    const theirs = drive.put(path, bytes('của họ'));
    const out = await pushWorkbook(drive, target, bytes('của tôi'));
    expect(out).toEqual({ kind: 'exists', existing: theirs });
    expect(text(drive.files.get(path)?.bytes)).toBe('của họ');
  });

  it('replaces exactly the version shown', async () => {
    const drive = new MemoryDrive();
    const seen = drive.put(path, bytes('của họ'));
    const out = await pushWorkbook(drive, target, bytes('của tôi'), seen.eTag);
    expect(out).toMatchObject({ kind: 'sent', replaced: true });
    expect(text(drive.files.get(path)?.bytes)).toBe('của tôi');
  });

  it('keeps a version changed after it was shown: nothing is overwritten', async () => {
    const drive = new MemoryDrive();
    const seen = drive.put(path, bytes('bản đầu'));
    const newer = drive.put(path, bytes('bản người khác vừa sửa'));
    const out = await pushWorkbook(drive, target, bytes('của tôi'), seen.eTag);
    expect(out).toEqual({ kind: 'changed', existing: newer });
    expect(text(drive.files.get(path)?.bytes)).toBe('bản người khác vừa sửa');
  });
});

import { FORM_4PHU_2024 } from '../../core/forms/form-4phu-2024';
import { nationalRegistry } from '../../core/units/national-registry';
import { validateSubmission } from '../../core/validate/validate-submission';
import { gridOfBook } from '../../../test/support/addin/sample-books';
import { MemoryDrive } from '../../../test/support/addin/memory-drive';
import { TemplateError } from './create-template';
import { splitFilePath, unitTemplates, uploadTemplates, type TemplateUpload } from './unit-templates';

const registry = nationalRegistry();
const form = FORM_4PHU_2024;

describe('unitTemplates', () => {
  it('makes one prefilled template per child unit, named by the folder convention, its targets assigned', () => {
    const communes = registry.children('688');
    const first = communes[0];
    if (!first) throw new Error('fixture');
    const made = unitTemplates(form, registry, '688', 'd2', { targets: { [first.code]: { cccd_target: 1250 } } });
    expect(made.map((m) => m.unit.code)).toEqual(communes.map((c) => c.code));
    expect(made[0]?.path).toBe(`4PHU-2024/D2/688 Thị xã Phước Long/${first.code} ${first.name}.xlsx`);
    expect(made[0]?.assigned).toEqual(['cccd_target']);
    expect(made.slice(1).every((m) => m.assigned.length === 0)).toBe(true);
    const info = validateSubmission(gridOfBook(made[0]?.book ?? { sheets: [] }), { form, registry }).submission.info;
    expect(info).toMatchObject({ unit_code: first.code, period: 'D2', parent_code: '688' });
  });

  it('says what is wrong with the unit or the period', () => {
    expect(() => unitTemplates(form, registry, '123456789', 'D1')).toThrow(TemplateError);
    expect(() => unitTemplates(form, registry, '688', 'D7')).toThrow(/D1, D2/);
  });
});

describe('uploadTemplates', () => {
  it('puts each file at its conventional path under the chosen folder, never over an existing file', async () => {
    const drive = new MemoryDrive();
    const made = unitTemplates(form, registry, '688', 'D1').slice(0, 3);
    const kept = `Chiến dịch/${made[1]?.path ?? ''}`;
    drive.put(kept, new Uint8Array([7]));
    const seen: Array<[number, TemplateUpload]> = [];
    const counts = await uploadTemplates(drive, 'Chiến dịch', made, (book) => Promise.resolve(new TextEncoder().encode(book.sheets[0]?.name ?? '')), (i, s) => seen.push([i, s]));
    expect(counts).toEqual({ sent: 2, exists: 1, failed: 0 });
    expect(seen.filter(([, s]) => s.status !== 'uploading')).toEqual([
      [0, { status: 'uploaded' }],
      [1, { status: 'exists' }],
      [2, { status: 'uploaded' }],
    ]);
    expect([...(drive.files.get(kept)?.bytes ?? [])]).toEqual([7]);
    expect(drive.files.has(`Chiến dịch/${made[0]?.path ?? ''}`)).toBe(true);
  });

  it('reports a failed file and still sends the others', async () => {
    const drive = new MemoryDrive();
    const made = unitTemplates(form, registry, '688', 'D1').slice(0, 2);
    let calls = 0;
    const counts = await uploadTemplates(drive, '', made, () => (++calls === 1 ? Promise.reject(new Error('hết bộ nhớ')) : Promise.resolve(new Uint8Array([1]))), () => undefined);
    expect(counts).toEqual({ sent: 1, exists: 0, failed: 1 });
    expect(drive.files.has(made[1]?.path ?? '')).toBe(true);
  });

  it('splits a path into folder and name', () => {
    expect(splitFilePath('a/b/c.xlsx')).toEqual({ folder: 'a/b', name: 'c.xlsx' });
    expect(splitFilePath('c.xlsx')).toEqual({ folder: '', name: 'c.xlsx' });
  });
});

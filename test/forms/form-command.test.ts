import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { FORM_4PHU_2024 } from '../../src/core/forms/form-4phu-2024';
import { runCli, tempDir } from '../cli/run-cli';
import { fillDistrictTemplate } from './fill-template';

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => ({ dir, remove } = await tempDir('phu-form-cmd-')));
afterAll(() => remove());
const run = (...argv: string[]) => runCli(argv, dir);

describe('phu form', () => {
  it('lists the forms PHU ships with their periods', async () => {
    const r = await run('form', 'list');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('4PHU-2024');
    expect(r.stdout).toContain('Kỳ báo cáo: 6T, 9T, CN');
  });

  it('exports a form as the JSON it reads back, and never overwrites without --force', async () => {
    const printed = await run('form', 'export', '4phu-2024');
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout)).toEqual(FORM_4PHU_2024);
    expect((await run('form', 'export', '4PHU-2024', '--out', 'f.json')).code).toBe(0);
    expect(await fs.readFile(path.join(dir, 'f.json'), 'utf8')).toBe(printed.stdout);
    const again = await run('form', 'export', '4PHU-2024', '--out', 'f.json');
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('--force');
    expect((await run('form', 'export', 'KHONG-CO')).code).toBe(2);
  });

  it('check: exit 0 for a valid form, 1 with each problem and its JSON path in Vietnamese (or English), never a stack trace', async () => {
    const same = await run('form', 'check', 'f.json');
    expect(same.code).toBe(0);
    expect(same.stdout).not.toContain('Lưu ý');
    const form = JSON.parse(await fs.readFile(path.join(dir, 'f.json'), 'utf8')) as { id: string; title: string; tables: Array<{ columns: Array<Record<string, unknown>> }> };
    await fs.writeFile(path.join(dir, 'same-id.json'), JSON.stringify({ ...form, title: 'Đã sửa' }));
    expect((await run('form', 'check', 'same-id.json')).stdout).toContain('Lưu ý: mã "4PHU-2024" trùng mẫu có sẵn');
    form.id = 'THU-2026';
    const col = form.tables[0]?.columns[5];
    if (col) col['kind'] = 'số';
    await fs.writeFile(path.join(dir, 'bad.json'), JSON.stringify(form));
    const r = await run('form', 'check', 'bad.json');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('bad.json: KHÔNG HỢP LỆ (1 lỗi, 0 cảnh báo)');
    expect(r.stdout).toContain('Mục "tables[0].columns[5].kind" chỉ nhận một trong các giá trị');
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
    const en = await run('form', 'check', 'bad.json', '--lang', 'en', '--json');
    expect(en.code).toBe(1);
    expect((JSON.parse(en.stdout) as { findings: Array<{ code: string; params: { path: string } }> }).findings).toEqual([expect.objectContaining({ code: 'form_field_value', params: expect.objectContaining({ path: 'tables[0].columns[5].kind' }) })]);
    await fs.writeFile(path.join(dir, 'broken.json'), '{ "id": "X", }');
    const broken = await run('form', 'check', 'broken.json');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('không phải JSON hợp lệ');
    expect((await run('form')).code).toBe(2);
    expect((await run('form', 'sua')).code).toBe(2);
    expect((await run('form', '--help')).stdout).toContain('form check <tệp.json>');
  });

  it('--form with a broken file makes nothing and shows why', async () => {
    const r = await run('template', '--form', 'bad.json', '--unit', '688', '--period', 'D1', '--out', 'x.xlsx');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('tables[0].columns[5].kind');
    expect(r.stderr).toContain('phu form check bad.json');
    await expect(fs.stat(path.join(dir, 'x.xlsx'))).rejects.toThrow();
  });
});

describe('a form changed after its templates were sent', () => {
  it('is refused file by file at consolidation, with a finding that says to send the new template', async () => {
    const v1 = JSON.parse(await fs.readFile(path.join(dir, 'f.json'), 'utf8')) as Record<string, unknown>;
    v1['id'] = 'THU-2026';
    await fs.writeFile(path.join(dir, 'v1.json'), JSON.stringify(v1));
    await fs.writeFile(path.join(dir, 'v2.json'), JSON.stringify({ ...v1, title: 'Tiêu đề đã sửa sau khi gửi' }));
    expect((await run('template', '--form', 'v1.json', '--unit', '688', '--period', 'D1', '--out', 'in/688.xlsx')).code).toBe(0);
    await fillDistrictTemplate(path.join(dir, 'in/688.xlsx'), path.join(dir, 'in/688.xlsx'), new Date(Date.UTC(2024, 4, 9)));

    // With the definition it was made from (carried, or given), it is valid.
    expect((await run('validate', 'in/688.xlsx')).stdout).toContain('hợp lệ (không có lỗi, cảnh báo)');
    expect((await run('consolidate', 'in', '--unit', '70', '--period', 'D1', '--out', 'ok.xlsx', '--form', 'v1.json', '--json', 'ok.json')).code).toBe(0);
    expect((JSON.parse(await fs.readFile(path.join(dir, 'ok.json'), 'utf8')) as { completeness: { invalid: number } }).completeness.invalid).toBe(0);

    const r = await run('consolidate', 'in', '--unit', '70', '--period', 'D1', '--out', 'changed.xlsx', '--form', 'v2.json', '--json', 'changed.json');
    expect(r.code).toBe(0);
    const summary = JSON.parse(await fs.readFile(path.join(dir, 'changed.json'), 'utf8')) as { completeness: { invalid: number }; findings: Array<{ code: string; sheet: string }> };
    expect(summary.completeness.invalid).toBe(1);
    expect(summary.findings).toContainEqual(expect.objectContaining({ code: 'form_carried_differs', sheet: 'PHU_MauBieu' }));
    expect(r.stdout).toContain('gửi lại biểu mẫu mới');
  });
});

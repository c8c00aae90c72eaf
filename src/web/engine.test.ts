import { consolidateReports, inputFromPicked, readReports } from '../app';
import { renderTargetTable } from '../core/campaign/render-target-table';
import { FORM_4PHU_2024 } from '../core/forms/form-4phu-2024';
import { nationalRegistry } from '../core/units/national-registry';
import { readWorkbook } from '../xlsx/read-workbook';
import { writeWorkbook } from '../xlsx/write-workbook';
import { communeReport } from '../../test/support/addin/campaign-fixtures';
import { readPrevious, type PickedFile } from './engine';

const form = FORM_4PHU_2024;
const registry = nationalRegistry();
const communes = registry.children('688').slice(0, 2);
const reader = { readWorkbook };

function picked(name: string, bytes: Uint8Array): PickedFile {
  return { name, size: bytes.length, lastModified: 0, arrayBuffer: () => Promise.resolve(bytes.slice().buffer) };
}

/** The communes' own D1 reports, and each one's cccd_done as its fixture made it. */
async function d1Files(): Promise<PickedFile[]> {
  return Promise.all(communes.map(async (c, i) => picked(`${c.code}.xlsx`, await writeWorkbook(communeReport(registry, c.code, { seed: i * 5, period: 'D1' })))));
}

describe("the page's previous period", () => {
  it('reads one file as the consolidated workbook of the period before', async () => {
    const files = await d1Files();
    const req = { form, registry, parentCode: '688', period: 'D1', reportDate: '2024-05-10' };
    const reports = await readReports(files.map(inputFromPicked), req, { reader });
    const book = await writeWorkbook(consolidateReports(reports, req).book);
    const got = await readPrevious([picked('688 D1.xlsx', book)], form, registry, 'D2', reader);
    expect(got.previous?.period).toBe('D1');
    expect(Object.keys(got.previous?.byUnit ?? {}).sort()).toEqual(['688', ...communes.map((c) => c.code)].sort());
  });

  it("reads several files as the units' own reports of the period before, with each unit's figures", async () => {
    const files = await d1Files();
    const got = await readPrevious(files, form, registry, 'D2', reader);
    expect(got.previous?.period).toBe('D1');
    expect(Object.keys(got.previous?.byUnit ?? {}).sort()).toEqual(communes.map((c) => c.code).sort());
    expect(got.previous?.label).toBe('Đợt 1');
  });

  it('refuses a file that is not a report, saying how many errors it has', async () => {
    const table = await writeWorkbook(renderTargetTable(form, communes));
    const got = await readPrevious([picked('chi-tieu.xlsx', table)], form, registry, 'D2', reader);
    expect(got.previous).toBeUndefined();
    expect(got).toMatchObject({ errors: expect.any(Number) });
    expect('errors' in got && got.errors).toBeGreaterThan(0);
    const text = await readPrevious([picked('ghi-chu.xlsx', new TextEncoder().encode('không phải báo cáo'))], form, registry, 'D2', reader);
    expect(text.previous).toBeUndefined();
  });
});

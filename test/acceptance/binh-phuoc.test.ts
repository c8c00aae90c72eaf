/**
 * Acceptance: the Bình Phước province notice (shared/seeds/000_*), rebuilt
 * from files. 111 commune workbooks are written as real .xlsx bytes, read
 * back and validated, consolidated into the 11 districts; each district
 * workbook is written, read back as a district submission and consolidated
 * into province 70; the province workbook is written and read back, and
 * every figure of the notice is checked on it as read from the file.
 */
import { reportFromValidation } from '../../src/core/consolidate/report-from-validation';
import { consolidate } from '../../src/core/consolidate/consolidate';
import { FORM_4PHU_2024 } from '../../src/core/forms/form-4phu-2024';
import type { Scalar } from '../../src/core/grid/scalar';
import type { WorkbookGrid } from '../../src/core/grid/sheet-grid';
import { renderConsolidation } from '../../src/core/render/render-consolidation';
import { renderSubmission } from '../../src/core/render/render-submission';
import { nationalRegistry } from '../../src/core/units/national-registry';
import { BINH_PHUOC_DISTRICTS, binhPhuocDistrictFigures, DISTRICT_COLUMNS } from '../../src/sample/binh-phuoc-districts';
import { NOTICE_DISTRICT_QUOTES, quoteFragment } from '../../src/sample/binh-phuoc-notice';
import { generateProvince } from '../../src/sample/generate-province';
import { sumFigures } from '../../src/sample/unit-figures';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { writeWorkbook } from '../../src/xlsx/write-workbook';
import { expectNoticeOnProvinceWorkbook } from './notice-checks';
import { roundTrip, runProvince, type PipelineIo, type PipelineOptions, type PipelineResult } from './province-pipeline';
import { infoValues, keyedTable } from './workbook-sheets';

const io: PipelineIo = {
  write: (book) => writeWorkbook(book),
  read: (bytes) => readWorkbook(bytes),
  report: (source, readFindings, validation) => reportFromValidation(source, readFindings, validation, FORM_4PHU_2024),
};

const registry = nationalRegistry();
const options: PipelineOptions = { form: FORM_4PHU_2024, registry, provinceCode: '70', period: 'TK', reportDate: '2024-07-08', topN: 4 };
const errorsOf = (fs: ReadonlyArray<{ readonly severity: string; readonly code: string; readonly file?: string; readonly cell?: string }>): string[] => fs.filter((f) => f.severity === 'error').map((f) => `${f.file ?? ''} ${f.cell ?? ''} ${f.code}`);

describe('acceptance: the Bình Phước notice from 111 commune files', () => {
  const generated = generateProvince({ rootCode: '70', fixed: binhPhuocDistrictFigures(), seed: 2024 });
  let run: PipelineResult;

  beforeAll(async () => {
    run = await runProvince(io, generated.files, options);
  }, 60_000);

  it('writes 111 commune workbooks that read back and validate without a finding', () => {
    expect(run.communes).toHaveLength(111);
    for (const c of run.communes) {
      expect(c.bytes[0]).toBe(0x50); // a zip: "PK"
      expect([c.name, c.findings.map((f) => `${f.cell ?? ''} ${f.code}`)]).toEqual([c.name, []]);
      expect(c.report.info?.unit_code).toBe(c.name.slice(0, 5));
    }
  });

  it('consolidates each district exactly, and its workbook reads back as a valid district submission', () => {
    expect(run.districts.map((d) => d.code)).toEqual(BINH_PHUOC_DISTRICTS.map((d) => d.code));
    for (const [i, d] of run.districts.entries()) {
      const want = BINH_PHUOC_DISTRICTS[i]!;
      expect([d.code, errorsOf(d.file.findings)]).toEqual([d.code, []]);
      expect([d.code, d.file.findings.length]).toEqual([d.code, 0]);
      expect(d.consolidation.completeness).toMatchObject({ expected: registry.children(d.code).length, missing: 0, invalid: 0, late: 0 });
      const info = infoValues(d.file.grid);
      expect(info).toMatchObject({ level: 'huyen', unit_code: d.code, parent_code: '70', period: 'TK' });
      const so = keyedTable(d.file.grid, 'SoLieu', 3, 'unit_code');
      expect(so.rows.map((r) => String(so.get(r.cells, 'unit_code')))).toEqual(registry.children(d.code).map((u) => u.code));
      for (const key of DISTRICT_COLUMNS) expect([d.code, key, so.get(so.total?.cells ?? [], key)]).toEqual([d.code, key, want.figures.values[key]]);
      const ly = keyedTable(d.file.grid, 'LyDo', 2, 'reason_code');
      for (const r of ly.rows) {
        const code = String(ly.get(r.cells, 'reason_code'));
        expect([d.code, code, ly.get(r.cells, 'ddt')]).toEqual([d.code, code, want.figures.items['LyDo']?.[code]?.['ddt']]);
      }
    }
  });

  it('gives a province workbook that is itself a valid submission', () => {
    expect(errorsOf(run.province.file.findings)).toEqual([]);
    expect(run.province.file.findings).toEqual([]);
    expect(run.province.consolidation.completeness).toEqual({ expected: 11, onTime: 11, late: 0, missing: 0, invalid: 0 });
  });

  it('shows every figure of the notice on the province workbook as read from the file', () => {
    expectNoticeOnProvinceWorkbook(run.province.file.grid);
  });

  it('rejects a province workbook one case away from the notice', () => {
    const book = run.province.file.grid;
    const so = keyedTable(book, 'SoLieu', 3, 'unit_code');
    const col = so.columns.get('cccd_done') as number;
    const tamper = (sheet: string, edit: (rows: Scalar[][]) => void): WorkbookGrid => ({
      sheets: book.sheets.map((s) => {
        if (s.name !== sheet) return s;
        const rows = s.rows.map((r) => [...(r ?? [])]);
        edit(rows);
        return { name: s.name, rows };
      }),
    });
    // Phước Long 580/837 instead of 579/837.
    expect(() => expectNoticeOnProvinceWorkbook(tamper('SoLieu', (rows) => void ((rows[3] as Scalar[])[col] = 580)))).toThrow();
    // A narrative that rounds like the notice (55%) instead of two decimals.
    expect(() => expectNoticeOnProvinceWorkbook(tamper('NhanXet', (rows) => void (rows[0] = [String(rows[0]?.[0]).replace('55,14%', '55%')])))).toThrow();
    // R09 and R10 that no longer add up to the notice's 687.
    expect(() => expectNoticeOnProvinceWorkbook(tamper('LyDo', (rows) => void ((rows[10] as Scalar[])[2] = 403)))).toThrow();
  });

  it('writes the notice own lists with the default two best and two worst', () => {
    const two = consolidate(
      run.districts.map((d) => d.file.report),
      { form: FORM_4PHU_2024, registry, parentCode: '70', period: 'TK', reportDate: '2024-07-08' },
    );
    const quotes = (ind: string, list: string): string[] => NOTICE_DISTRICT_QUOTES.filter((q) => q.indicator === ind && q.list === list).map(quoteFragment);
    const text = two.narrative.join('\n');
    expect(text).toContain(`Địa phương thu nhận hồ sơ cấp CCCD cao (chỉ tính số đã thu nhận): ${quotes('cccd', 'high').join(', ')}.`);
    expect(text).toContain(`Địa phương có kết quả cao (chỉ tính số đã thực hiện được): ${quotes('ddt', 'high').join(', ')}. Địa phương có kết quả thấp: ${quotes('ddt', 'low').join(', ')}.`);
    expect(text).toContain(`Địa phương thực hiện tốt: ${quotes('simcks', 'high').join(', ')}.`);
    expect(text).toContain('Bình Long (8.466/23.920 đạt 35,39%).');
  });
});

describe('acceptance: a district with a late, a duplicate, an invalid and a missing commune', () => {
  // All four faults in Phước Long (688), so only its communes are needed.
  const generated = generateProvince({ rootCode: '70', fixed: binhPhuocDistrictFigures(), seed: 2024, faults: { late: ['25216'], staleDuplicate: ['25217'], invalid: ['25219'], missing: ['25220'] } });
  const files = generated.files.filter((f) => f.unit.parentCode === '688');

  it('marks each, keeps the latest file, and sums only what is valid', async () => {
    expect(files).toHaveLength(7);
    const communes = [];
    for (const f of files) communes.push(await roundTrip(io, f.fileName, renderSubmission(FORM_4PHU_2024, f.data), options, 'xa'));
    const invalid = communes.find((c) => c.name.startsWith('25219'));
    expect(invalid?.validation.ok).toBe(false);
    expect(invalid?.findings.map((f) => f.code)).toContain('total_mismatch');

    const c = consolidate(
      communes.map((x) => x.report),
      { form: FORM_4PHU_2024, registry, parentCode: '688', period: 'TK', reportDate: '2024-07-08' },
    );
    expect(c.completeness).toEqual({ expected: 7, onTime: 4, late: 1, missing: 1, invalid: 1 });
    const district = await roundTrip(io, '688_tong_hop.xlsx', renderConsolidation(FORM_4PHU_2024, c), options, 'huyen');
    expect(errorsOf(district.findings)).toEqual([]);

    const so = keyedTable(district.grid, 'SoLieu', 3, 'unit_code');
    const status = Object.fromEntries(so.rows.map((r) => [String(so.get(r.cells, 'unit_code')), so.get(r.cells, 'status')]));
    expect(status).toEqual({ '25216': 'Trễ hạn', '25217': 'Đúng hạn', '25219': 'Không hợp lệ', '25220': 'Chưa nộp', '25237': 'Đúng hạn', '25245': 'Đúng hạn', '25249': 'Đúng hạn' });
    // The late commune counts; the invalid and the missing do not; the stale duplicate never does.
    const used = generated.communes.filter((x) => x.unit.parentCode === '688' && !['25219', '25220'].includes(x.unit.code));
    const want = sumFigures(used.map((x) => x.figures));
    for (const key of DISTRICT_COLUMNS) expect([key, so.get(so.total?.cells ?? [], key)]).toEqual([key, want.values[key]]);

    const sources = keyedTable(district.grid, 'NguonDuLieu', 1, 'file');
    const byFile = Object.fromEntries(sources.rows.map((r) => [String(sources.get(r.cells, 'file')), sources.get(r.cells, 'status')]));
    expect(byFile).toMatchObject({ '25216_Phuong_Thac_Mo.xlsx': 'Trễ hạn', '25217_Phuong_Long_Thuy.xlsx': 'Đúng hạn', '25217_Phuong_Long_Thuy_ban_cu.xlsx': 'Bị thay thế', '25219_Phuong_Phuoc_Binh.xlsx': 'Không hợp lệ' });
    const rules = keyedTable(district.grid, 'KiemTra', 1, 'file').rows.map((r) => r.cells[3]);
    expect(rules).toEqual(expect.arrayContaining(['late', 'duplicate_superseded', 'total_mismatch', 'child_missing']));
    expect(c.narrative.at(-1)).toBe('Tình hình gửi báo cáo: 06/07 đơn vị đã gửi báo cáo, trong đó 01 đơn vị gửi trễ hạn: Thác Mơ. Còn 01 đơn vị chưa gửi báo cáo: Long Phước. Có 01 đơn vị gửi báo cáo không hợp lệ, chưa được tổng hợp: Phước Bình.');
  });
});

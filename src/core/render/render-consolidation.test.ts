import { anError, fakeReport } from '../../../test/fixtures/child-report-fixtures';
import { consolidate } from '../consolidate/consolidate';
import type { ChildReport } from '../consolidate/child-report';
import { createFinding } from '../findings/finding';
import { FORM_4PHU_2024 } from '../forms/form-4phu-2024';
import type { OutputBook, OutputSheet } from '../grid/output-book';
import type { WorkbookGrid } from '../grid/sheet-grid';
import { nationalRegistry } from '../units/national-registry';
import type { Unit } from '../units/unit';
import { validateSubmission } from '../validate/validate-submission';
import { renderConsolidation } from './render-consolidation';

const registry = nationalRegistry();
const unit = (code: string): Unit => registry.get(code) as Unit;
const reports: ChildReport[] = [
  fakeReport(unit('688'), { seed: 1 }),
  fakeReport(unit('689'), { seed: 2, file: '689-old.xlsx', reportDate: '2024-07-01' }),
  fakeReport(unit('689'), { seed: 3, file: '689-new.xlsx' }),
  fakeReport(unit('690'), { seed: 4, reportDate: '2024-07-10' }),
  fakeReport(unit('691'), { seed: 5, findings: [anError('691.xlsx')] }),
  fakeReport(unit('693'), { seed: 6, file: '=HYPERLINK("x").xlsx' }),
  ...['694', '695', '696', '697', '698'].map((code, i) => fakeReport(unit(code), { seed: 7 + i })),
  { source: { file: '~$688.xlsx', bytes: 165, sha256: 'lock' }, findings: [createFinding('file_ignored', { reason: 'tệp khóa' }, { file: '~$688.xlsx' })] },
];
const c = consolidate(reports, { form: FORM_4PHU_2024, registry, parentCode: '70', period: 'TK', reportDate: '2024-07-09' });
const book = renderConsolidation(FORM_4PHU_2024, c);
const sheet = (name: string): OutputSheet => {
  const s = book.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
const asGrid = (b: OutputBook): WorkbookGrid => ({ sheets: b.sheets.map((s) => ({ name: s.name, rows: s.rows })) });
/** Column index of a key in a table's key row. */
const col = (s: OutputSheet, keyRow: number, key: string): number => (s.rows[keyRow] ?? []).indexOf(key);

describe('renderConsolidation', () => {
  it('writes the form sheets then KiemTra, NguonDuLieu and NhanXet', () => {
    expect(book.sheets.map((s) => s.name)).toEqual(['ThongTin', 'SoLieu', 'LyDo', 'KiemTra', 'NguonDuLieu', 'NhanXet', 'PHU_MauBieu']);
  });

  it('reads back as a valid province submission', () => {
    const result = validateSubmission(asGrid(book), { form: FORM_4PHU_2024, registry, file: 'binh-phuoc.xlsx', expect: { period: 'TK', level: 'tinh' } });
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.submission.info).toMatchObject({ unit_code: '70', level: 'tinh', period: 'TK', report_date: '2024-07-09' });
    expect(result.submission.tables.SoLieu?.rows.map((r) => r.code)).toEqual(['688', '689', '690', '691', '692', '693', '694', '695', '696', '697', '698']);
    expect(result.submission.tables.SoLieu?.total?.values.cccd_done).toBe(c.total.values.cccd_done);
  });

  it('puts rates as numbers formatted as percentages, ranks and status in SoLieu', () => {
    const s = sheet('SoLieu');
    const rate = col(s, 2, 'cccd_rate');
    const rank = col(s, 2, 'cccd_rank');
    const status = col(s, 2, 'status');
    expect(rate).toBeGreaterThan(col(s, 2, 'simcks_done'));
    expect(s.columns?.[rate]?.numFmt).toBe('0.00%');
    expect(s.rateColumns).toContain(rate);
    const first = s.rows[3] ?? [];
    expect(first[1]).toBe('688');
    expect(typeof first[rate]).toBe('number');
    expect(first[rate]).toBeCloseTo(c.children[0]?.rates.cccd ?? Number.NaN, 12);
    expect(first[rank]).toBe(c.children[0]?.ranks.cccd);
    expect(s.rows.slice(3, 14).map((r) => r[status])).toEqual(['Đúng hạn', 'Đúng hạn', 'Trễ hạn', 'Không hợp lệ', 'Chưa nộp', 'Đúng hạn', 'Đúng hạn', 'Đúng hạn', 'Đúng hạn', 'Đúng hạn', 'Đúng hạn']);
    // A missing child: blank figures, no rate, no rank.
    const missing = s.rows[7] ?? [];
    expect(missing[col(s, 2, 'cccd_done')]).toBeNull();
    expect(missing[rate]).toBeNull();
    expect(missing[rank]).toBeNull();
    // The total row: rates, no rank, no status.
    const total = s.rows[14] ?? [];
    expect(total[1]).toBe('TONG');
    expect(total[rate]).toBeCloseTo(c.total.rates.cccd ?? Number.NaN, 12);
    expect(total[rank]).toBeNull();
    expect(s.totalRow).toBe(14);
    expect(s.filter).toBeDefined();
    expect(s.frozen).toEqual({ rows: 3, columns: 3 });
  });

  it('sums reasons in LyDo, blank where a reason does not apply', () => {
    const s = sheet('LyDo');
    expect(s.rows[1]).toEqual(['reason_code', 'reason_name', 'cccd', 'ddt']);
    const cccd = col(s, 1, 'cccd');
    const r15 = s.rows.find((r) => r[0] === 'R15') ?? [];
    expect(r15[cccd]).toBeNull();
    expect(s.rows.find((r) => r[0] === 'TONG')?.[cccd]).toBe(c.items.LyDo?.TONG?.cccd);
  });

  it('lists every finding in KiemTra under a header row', () => {
    const s = sheet('KiemTra');
    expect(s.rows[0]).toEqual(['file', 'unit_code', 'severity', 'rule', 'sheet', 'cell', 'message']);
    expect(s.rows).toHaveLength(c.findings.length + 1);
    expect(s.rows.find((r) => r[3] === 'total_mismatch')).toEqual(['691.xlsx', '691', 'Lỗi', 'total_mismatch', 'SoLieu', 'E9', c.findings.find((f) => f.code === 'total_mismatch')?.message_vi]);
    expect(s.rows.find((r) => r[3] === 'child_missing')?.slice(0, 6)).toEqual([null, '692', 'Cảnh báo', 'child_missing', 'SoLieu', 'B8']);
    expect(s.frozen).toEqual({ rows: 1, columns: 0 });
    expect(s.filter).toEqual({ top: 0, left: 0, bottom: c.findings.length, right: 6 });
  });

  it('lists every input file in NguonDuLieu, text kept as text', () => {
    const s = sheet('NguonDuLieu');
    expect(s.rows[0]).toEqual(['file', 'unit_code', 'status', 'report_date', 'sha256', 'bytes']);
    expect(s.rows.slice(1).map((r) => r[0])).toEqual(reports.map((r) => r.source.file));
    expect(s.rows.slice(1).map((r) => r[2])).toEqual(['Đúng hạn', 'Bị thay thế', 'Đúng hạn', 'Trễ hạn', 'Không hợp lệ', 'Đúng hạn', 'Đúng hạn', 'Đúng hạn', 'Đúng hạn', 'Đúng hạn', 'Đúng hạn', 'Bỏ qua']);
    const hyper = s.rows.find((r) => r[1] === '693') ?? [];
    expect(hyper[0]).toBe('=HYPERLINK("x").xlsx');
    expect(hyper[3]).toEqual(new Date(Date.UTC(2024, 6, 5)));
    expect(typeof hyper[5]).toBe('number');
    expect(s.rows.at(-1)).toEqual(['~$688.xlsx', null, 'Bỏ qua', null, 'lock', 165]);
  });

  it('writes the narrative one paragraph per row in column A', () => {
    const s = sheet('NhanXet');
    expect(s.rows).toEqual(c.narrative.map((p) => [p]));
    expect(s.rows.length).toBeGreaterThan(4);
  });
});

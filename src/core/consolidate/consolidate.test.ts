import { anError, fakeReport, fakeTotal } from '../../../test/fixtures/child-report-fixtures';
import { createFinding } from '../findings/finding';
import { FORM_4PHU_2024 } from '../forms/form-4phu-2024';
import { nationalRegistry } from '../units/national-registry';
import type { Unit } from '../units/unit';
import type { ChildReport } from './child-report';
import { consolidate, type ConsolidationContext } from './consolidate';

const registry = nationalRegistry();
const unit = (code: string): Unit => {
  const u = registry.get(code);
  if (!u) throw new Error(`no unit ${code}`);
  return u;
};
const ctx: ConsolidationContext = { form: FORM_4PHU_2024, registry, parentCode: '70', period: 'TK', reportDate: '2024-07-09' };

/** Bình Phước's eleven districts, every case of the rules at least once. */
function scenario(): ChildReport[] {
  return [
    fakeReport(unit('688'), { seed: 1 }),
    fakeReport(unit('689'), { seed: 2, file: '689-old.xlsx', reportDate: '2024-07-01' }),
    fakeReport(unit('689'), { seed: 3, file: '689-new.xlsx', reportDate: '2024-07-05' }),
    fakeReport(unit('690'), { seed: 4, reportDate: '2024-07-10' }),
    fakeReport(unit('691'), { seed: 5, findings: [anError('691.xlsx')] }),
    // 692 never reported.
    fakeReport(unit('25216'), { seed: 6, file: 'thac-mo.xlsx' }),
    fakeReport(unit('693'), { seed: 7, file: '693-d1.xlsx', period: 'D1', reportDate: '2024-05-09' }),
    fakeReport(unit('693'), { seed: 8 }),
    fakeReport(unit('694'), { seed: 9, file: '694-a.xlsx', modified: '2024-07-05T10:00:00Z' }),
    fakeReport(unit('694'), { seed: 10, file: '694-b.xlsx', modified: '2024-07-05T08:00:00Z' }),
    fakeReport(unit('695'), { seed: 0 }),
    fakeReport(unit('696'), { seed: 6 }),
    fakeReport(unit('697'), { seed: 0 }),
    fakeReport(unit('698'), { seed: 11 }),
    { source: { file: '~$688.xlsx', bytes: 165, sha256: 'lock' }, findings: [createFinding('file_ignored', { reason: 'tệp khóa của Excel' }, { file: '~$688.xlsx' })] },
    { source: { file: 'hong.xlsx', bytes: 10, sha256: 'broken' }, findings: [createFinding('file_corrupt', { reason: 'not_zip', part: '', extra: '' }, { file: 'hong.xlsx' })] },
  ];
}

describe('consolidate', () => {
  const reports = scenario();
  const c = consolidate(reports, ctx);
  const row = (code: string) => c.children.find((r) => r.unit.code === code);
  const source = (file: string) => c.sources.find((s) => s.file === file);

  it('lists every expected child exactly once, in catalogue order', () => {
    expect(c.children.map((r) => r.unit.code)).toEqual(['688', '689', '690', '691', '692', '693', '694', '695', '696', '697', '698']);
  });

  it('marks a missing child Chưa nộp with a finding on its row', () => {
    expect(row('692')?.status).toBe('missing');
    expect(row('692')?.values.cccd_done).toBeNull();
    expect(row('692')?.ranks.cccd).toBeNull();
    const f = c.findings.find((x) => x.code === 'child_missing');
    expect(f).toMatchObject({ unitCode: '692', sheet: 'SoLieu', cell: 'B8' });
    expect(f?.message_vi).toBe('Huyện Lộc Ninh (692) chưa nộp báo cáo.');
  });

  it('keeps the latest report of a unit and reports the stale one, never summing both', () => {
    expect(row('689')?.file).toBe('689-new.xlsx');
    expect(row('689')?.values.cccd_done).toBe(fakeTotal(3).cccd_done);
    expect(source('689-old.xlsx')?.status).toBe('superseded');
    expect(source('689-new.xlsx')?.status).toBe('used');
    expect(c.findings.find((x) => x.code === 'duplicate_superseded' && x.file === '689-old.xlsx')).toMatchObject({ unitCode: '689', sheet: 'ThongTin', cell: 'C11', params: { kept: '689-new.xlsx' } });
  });

  it('settles equal report dates by file time', () => {
    expect(row('694')?.file).toBe('694-a.xlsx');
    expect(source('694-b.xlsx')?.status).toBe('superseded');
  });

  it('marks a late report Trễ hạn and still sums it', () => {
    expect(row('690')?.status).toBe('late');
    expect(source('690.xlsx')?.status).toBe('late');
    expect(row('690')?.values.cccd_done).toBe(fakeTotal(4).cccd_done);
    expect(c.findings.find((x) => x.code === 'late')?.message_vi).toBe('Nộp trễ hạn: ngày báo cáo 10/07/2024, hạn 08/07/2024.');
  });

  it('excludes an invalid report from totals and ranks', () => {
    expect(row('691')?.status).toBe('invalid');
    expect(row('691')?.file).toBe('691.xlsx');
    expect(row('691')?.values.cccd_done).toBeNull();
    expect(row('691')?.ranks.cccd).toBeNull();
    expect(source('691.xlsx')?.status).toBe('invalid');
  });

  it('refuses a unit that is not a child, and a report of another period', () => {
    expect(source('thac-mo.xlsx')).toMatchObject({ status: 'unexpected', unitCode: '25216' });
    expect(c.findings.find((x) => x.code === 'child_unexpected')).toMatchObject({ file: 'thac-mo.xlsx', severity: 'error', params: { code: '25216', parent: '70' } });
    expect(source('693-d1.xlsx')?.status).toBe('invalid');
    expect(c.findings.find((x) => x.code === 'period_mismatch')).toMatchObject({ file: '693-d1.xlsx', cell: 'C8', params: { expected: 'TK', actual: 'D1' } });
    expect(row('693')?.status).toBe('on_time');
  });

  it('lists every report in sources, unreadable and ignored ones too', () => {
    expect(c.sources).toHaveLength(reports.length);
    expect(c.sources.map((s) => s.file)).toEqual(reports.map((r) => r.source.file));
    expect(source('~$688.xlsx')?.status).toBe('ignored');
    expect(source('hong.xlsx')?.status).toBe('invalid');
    expect(c.findings.filter((f) => f.file === 'hong.xlsx').map((f) => f.code)).toEqual(['file_corrupt']);
    expect(source('688.xlsx')).toMatchObject({ unitCode: '688', reportDate: '2024-07-05', bytes: expect.any(Number), sha256: 'sha-688.xlsx' });
  });

  it('sums the used children only', () => {
    const usedSeeds = [1, 3, 4, 8, 9, 0, 6, 0, 11];
    const want = usedSeeds.reduce((s, k) => s + fakeTotal(k).cccd_done, 0);
    expect(c.total.values.cccd_done).toBe(want);
    expect(c.total.values.cccd_processed).toBe(200 * usedSeeds.length);
    expect(c.total.rates.cccd).toBeCloseTo(want / usedSeeds.reduce((s, k) => s + fakeTotal(k).cccd_target, 0), 12);
    // 0/0 has no rate.
    expect(c.total.values.simcks_target).toBe(0);
    expect(c.total.rates.simcks).toBeNull();
    expect(c.items.LyDo?.R01).toEqual({ cccd: 120 * 9, ddt: 100 * 9 });
    expect(c.items.LyDo?.R15).toEqual({ cccd: null, ddt: 200 * 9 });
    expect(c.items.LyDo?.R03).toEqual({ cccd: 0, ddt: 0 });
    expect(c.items.LyDo?.TONG).toEqual({ cccd: 200 * 9, ddt: 300 * 9 });
  });

  it('ranks the used children by rate, ties sharing', () => {
    // Seeds 0 (695, 697) tie for ddt's best rate.
    expect(row('695')?.ranks.ddt).toBe(1);
    expect(row('697')?.ranks.ddt).toBe(1);
    expect(row('688')?.ranks.ddt).toBe(3);
    expect(row('698')?.ranks.ddt).toBe(9);
    expect(row('698')?.ranks.phone4g).toBe(1);
    expect(row('688')?.ranks.simcks).toBeNull();
  });

  it('counts completeness', () => {
    expect(c.completeness).toEqual({ expected: 11, onTime: 8, late: 1, missing: 1, invalid: 1 });
  });

  it('writes the parent info as a province submission', () => {
    expect(c.info).toEqual({
      form: '4PHU-2024',
      form_version: '1',
      level: 'tinh',
      unit_code: '70',
      unit_name: 'Tỉnh Bình Phước',
      parent_code: 'VN',
      period: 'TK',
      period_from: '2024-04-08',
      period_to: '2024-07-08',
      report_date: '2024-07-09',
      // The map the units are on, so the next level reads it on the same one.
      map: '2025-03-01',
    });
  });

  it('writes the narrative with short names and completeness', () => {
    expect(c.narrative[0]).toMatch(/^Kết quả cấp căn cước công dân: đã thu nhận hồ sơ cấp CCCD được [\d.]+\/[\d.]+ trường hợp \(chiếm \d+,\d\d%\)/);
    expect(c.narrative[5]).toMatch(/^Địa phương thực hiện tốt: Phú Riềng \(203\/100 đạt 203,00%\), Hớn Quản \(177\/100 đạt 177,00%\)\. Địa phương thực hiện chưa tốt: Đồng Phú \(60\/100 đạt 60,00%\), Chơn Thành \(60\/100 đạt 60,00%\)\.$/);
    expect(c.narrative.at(-1)).toBe(
      'Tình hình gửi báo cáo: 10/11 đơn vị đã gửi báo cáo, trong đó 01 đơn vị gửi trễ hạn: Bình Long. Còn 01 đơn vị chưa gửi báo cáo: Lộc Ninh. Có 01 đơn vị gửi báo cáo không hợp lệ, chưa được tổng hợp: Bù Gia Mập.',
    );
  });

  it('puts every report finding in the result, located in its file', () => {
    expect(c.findings.filter((f) => f.code === 'total_mismatch')).toEqual([expect.objectContaining({ file: '691.xlsx', unitCode: '691', cell: 'E9' })]);
    expect(c.findings.every((f) => f.sheet !== undefined || f.code === 'file_ignored' || f.code === 'file_corrupt')).toBe(true);
  });

  it('is invalid when the latest report of a unit is broken, rather than falling back', () => {
    const r = consolidate([fakeReport(unit('688'), { file: 'a.xlsx', reportDate: '2024-07-01' }), fakeReport(unit('688'), { file: 'b.xlsx', reportDate: '2024-07-02', findings: [anError('b.xlsx')] })], ctx);
    expect(r.children[0]).toMatchObject({ status: 'invalid', file: 'b.xlsx' });
    expect(r.sources.map((s) => s.status)).toEqual(['superseded', 'invalid']);
    expect(r.total.values.cccd_done).toBe(0);
    expect(r.total.rates.cccd).toBeNull();
  });

  it('refuses a report at the wrong level or of another form', () => {
    const r = consolidate([fakeReport(unit('688'), { level: 'xa' }), { ...fakeReport(unit('689')), info: { ...fakeReport(unit('689')).info, form: 'KHAC-2024' } }], ctx);
    expect(r.sources.map((s) => s.status)).toEqual(['invalid', 'invalid']);
    expect(r.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['level_invalid', 'form_mismatch']));
  });

  it('consolidates nothing into a parent with every child missing', () => {
    const r = consolidate([], { ...ctx, parentCode: '688', topN: 3 });
    expect(r.children).toHaveLength(7);
    expect(r.children.every((x) => x.status === 'missing')).toBe(true);
    expect(r.findings.filter((f) => f.code === 'child_missing')).toHaveLength(7);
    expect(r.total.values.cccd_target).toBe(0);
    expect(r.info).toMatchObject({ level: 'huyen', unit_code: '688', parent_code: '70' });
    expect(r.narrative.at(-1)).toMatch(/^Tình hình gửi báo cáo: 00\/07 đơn vị đã gửi báo cáo\. Còn 07 đơn vị chưa gửi báo cáo: Thác Mơ/);
  });

  it('reports an unknown parent or period instead of throwing', () => {
    const r = consolidate([fakeReport(unit('688'))], { ...ctx, parentCode: '99999', period: 'Q9' });
    expect(r.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['unit_unknown', 'period_unknown', 'child_unexpected']));
    expect(r.children).toEqual([]);
    expect(r.sources[0]?.status).toBe('unexpected');
  });

  it('forgives a lost leading zero in a child code, even when the digits are another unit elsewhere', () => {
    // Commune 00004 typed as the number 4, which padded to two digits is province 04.
    const commune = unit('00004');
    const r = consolidate([{ ...fakeReport(commune), info: { ...fakeReport(commune).info, unit_code: '4' } }], { ...ctx, parentCode: '001' });
    expect(r.info.unit_code).toBe('001');
    expect(r.children.find((x) => x.unit.code === '00004')?.status).toBe('on_time');
    expect(r.sources[0]?.unitCode).toBe('00004');
  });
});

describe('consolidate: a child whose only file is refused', () => {
  const base = [fakeReport(unit('688'), { seed: 1 }), fakeReport(unit('689'), { seed: 2 })];
  const unreadable: ChildReport = { source: { file: '692 Huyện Lộc Ninh.xls', bytes: 10, sha256: 'x' }, findings: [createFinding('file_encrypted', {}, { file: '692 Huyện Lộc Ninh.xls' })] };
  const c = consolidate([...base, unreadable, fakeReport(unit('693'), { seed: 3, file: '693 D1.xlsx', period: 'D1' }), fakeReport(unit('694'), { seed: 4, findings: [anError('694.xlsx')] })], ctx);
  const row = (code: string) => c.children.find((r) => r.unit.code === code);

  it('is Không hợp lệ with its file and first error, never Chưa nộp, when the file cannot be read and its name starts with the code', () => {
    expect(row('692')).toMatchObject({ status: 'invalid', file: '692 Huyện Lộc Ninh.xls', firstError: { code: 'file_encrypted', file: '692 Huyện Lộc Ninh.xls' } });
    expect(c.sources.find((s) => s.file === '692 Huyện Lộc Ninh.xls')).toMatchObject({ status: 'invalid', unitCode: '692' });
    expect(c.findings.some((f) => f.code === 'child_missing' && f.params.code === '692')).toBe(false);
  });

  it('is Không hợp lệ when its only file is of another period, and when it has an error', () => {
    expect(row('693')).toMatchObject({ status: 'invalid', file: '693 D1.xlsx', firstError: { code: 'period_mismatch' } });
    expect(row('694')).toMatchObject({ status: 'invalid', file: '694.xlsx' });
    expect(c.completeness).toMatchObject({ invalid: 3, missing: 11 - 5 });
  });

  it('keeps a file named by no expected code out of every child', () => {
    const other = consolidate([{ source: { file: '99999 Xã khác.xlsx', bytes: 1, sha256: 'y' }, findings: [createFinding('file_corrupt', { reason: 'not_zip', part: '', extra: '' })] }], ctx);
    expect(other.children.every((r) => r.status === 'missing')).toBe(true);
  });
});

import type { SubmissionData, SubmissionDataRow } from '../core/submission/submission-data';
import { nationalRegistry } from '../core/units/national-registry';
import { UnitRegistry } from '../core/units/unit-registry';
import { BINH_PHUOC_DISTRICTS, binhPhuocDistrictFigures, binhPhuocProvinceFigures, DISTRICT_COLUMNS } from './binh-phuoc-districts';
import { REASON_CODES } from './binh-phuoc-notice';
import { asciiName, generateCommunes, generateProvince, SAMPLE_PREPARER } from './generate-province';
import { sumFigures, type UnitFigures } from './unit-figures';

const bp = () => generateProvince({ rootCode: '70', fixed: binhPhuocDistrictFigures(), seed: 2024 });
const rows = (d: SubmissionData, sheet: string): readonly SubmissionDataRow[] => d.tables[sheet] ?? [];
const colSum = (list: readonly SubmissionDataRow[], key: string): number => list.reduce((s, r) => s + (r.values[key] ?? 0), 0);

describe('generateProvince (Bình Phước)', () => {
  const g = bp();

  it('gives one file per real commune: 111 under 11 districts', () => {
    expect(g.communes).toHaveLength(111);
    expect(g.files).toHaveLength(111);
    expect(g.missing).toEqual([]);
    const reg = nationalRegistry();
    const expected = reg.children('70').flatMap((d) => reg.children(d.code).map((c) => c.code));
    expect(g.files.map((f) => f.unit.code)).toEqual(expected);
  });

  it('keeps every district figure exact in its communes, and every commune exact in its villages', () => {
    for (const d of BINH_PHUOC_DISTRICTS) {
      const mine = g.communes.filter((c) => c.unit.parentCode === d.code);
      const sum = sumFigures(mine.map((c) => c.figures));
      expect([d.code, sum]).toEqual([d.code, d.figures]);
    }
    for (const c of g.communes) {
      const data = c.files[0]?.data as SubmissionData;
      const villages = rows(data, 'SoLieu');
      expect(villages.length).toBeGreaterThanOrEqual(3);
      expect(villages.length).toBeLessThanOrEqual(7);
      for (const key of DISTRICT_COLUMNS) expect([c.unit.code, key, colSum(villages, key)]).toEqual([c.unit.code, key, c.figures.values[key]]);
      const lyDo = rows(data, 'LyDo');
      expect(lyDo.map((r) => r.code)).toEqual(REASON_CODES);
      expect(colSum(lyDo, 'cccd')).toBe(c.figures.values['cccd_processed']);
      expect(colSum(lyDo, 'ddt')).toBe(c.figures.values['ddt_processed']);
      expect(lyDo.find((r) => r.code === 'R15')?.values['cccd']).toBeUndefined();
    }
  });

  it('balances every village row and keeps rates plausible', () => {
    for (const f of g.files) {
      for (const r of rows(f.data, 'SoLieu')) {
        const v = (k: string): number => r.values[k] ?? -1;
        for (const ind of ['cccd', 'ddt']) {
          expect(v(`${ind}_done`) + v(`${ind}_processed`) + v(`${ind}_declined`)).toBe(v(`${ind}_target`));
          expect(Math.min(v(`${ind}_done`), v(`${ind}_processed`), v(`${ind}_declined`))).toBeGreaterThanOrEqual(0);
        }
        for (const ind of ['phone4g', 'simcks']) {
          expect(v(`${ind}_target`)).toBeGreaterThan(0);
          expect(v(`${ind}_done`) / v(`${ind}_target`)).toBeLessThanOrEqual(2);
        }
        for (const x of Object.values(r.values)) expect(Number.isInteger(x)).toBe(true);
      }
    }
  });

  it('fills ThongTin as a commune of period TK, due date respected, no real person', () => {
    for (const f of g.files) {
      const i = f.data.info;
      expect(i).toMatchObject({ form: '4PHU-2024', form_version: '1', level: 'xa', unit_code: f.unit.code, unit_name: f.unit.name, parent_code: f.unit.parentCode, period: 'TK', period_from: '2024-04-08', period_to: '2024-07-08', preparer: SAMPLE_PREPARER, phone: '' });
      expect(i.report_date! < '2024-07-08').toBe(true);
      expect(i.report_date! >= '2024-07-01').toBe(true);
      expect(f.fileName).toMatch(/^\d{5}_[A-Za-z0-9_]+\.xlsx$/);
    }
    const tm = g.files.find((f) => f.unit.code === '25216');
    expect(tm?.fileName).toBe('25216_Phuong_Thac_Mo.xlsx');
    expect(rows(tm!.data, 'SoLieu')[0]?.name).toBe('Khu phố 1');
    expect(asciiName('Xã Đak Ơ')).toBe('Xa_Dak_O');
  });

  it('is deterministic in its seed', () => {
    expect(JSON.stringify(bp().files)).toBe(JSON.stringify(g.files));
    const other = generateProvince({ rootCode: '70', fixed: binhPhuocDistrictFigures(), seed: 7 });
    expect(JSON.stringify(other.files)).not.toBe(JSON.stringify(g.files));
    // The district figures are fixed, whatever the seed.
    expect(other.figures.get('688')).toEqual(g.figures.get('688'));
  });
});

describe('generateProvince faults', () => {
  const g = generateProvince({ rootCode: '70', fixed: binhPhuocDistrictFigures(), seed: 2024, faults: { late: ['25216'], staleDuplicate: ['25217'], invalid: 1, missing: 2 } });

  it('injects each fault once, on distinct communes', () => {
    expect(g.communes).toHaveLength(111);
    expect(g.missing).toHaveLength(2);
    expect(g.files).toHaveLength(111 - 2 + 1);
    const late = g.files.filter((f) => f.fault === 'late');
    expect(late.map((f) => f.unit.code)).toEqual(['25216']);
    expect((late[0]?.data.info.report_date ?? '') > '2024-07-08').toBe(true);
    const pair = g.files.filter((f) => f.unit.code === '25217');
    expect(pair.map((f) => f.fault)).toEqual([undefined, 'stale']);
    expect(pair[1]!.data.info.report_date! < pair[0]!.data.info.report_date!).toBe(true);
    expect(pair[1]!.fileName).toBe('25217_Phuong_Long_Thuy_ban_cu.xlsx');
    const bad = g.files.filter((f) => f.fault === 'invalid');
    expect(bad).toHaveLength(1);
    const missingCodes = g.missing.map((u) => u.code);
    expect(missingCodes).not.toContain(bad[0]!.unit.code);
    expect(missingCodes).not.toContain('25216');
  });

  it('a stale duplicate is older and lower but still balanced', () => {
    const [fresh, stale] = g.files.filter((f) => f.unit.code === '25217');
    const a = rows(fresh!.data, 'SoLieu');
    const b = rows(stale!.data, 'SoLieu');
    expect(colSum(b, 'cccd_done')).toBeLessThan(colSum(a, 'cccd_done'));
    for (const ind of ['cccd', 'ddt']) expect(colSum(b, `${ind}_done`) + colSum(b, `${ind}_processed`) + colSum(b, `${ind}_declined`)).toBe(colSum(b, `${ind}_target`));
  });

  it('an invalid file carries a total row that is not the sum of its rows', () => {
    const bad = g.files.find((f) => f.fault === 'invalid')!;
    const total = bad.data.totals?.['SoLieu'];
    expect(total?.values['cccd_done']).toBe(colSum(rows(bad.data, 'SoLieu'), 'cccd_done') + 7);
    expect(total?.values['ddt_done']).toBe(colSum(rows(bad.data, 'SoLieu'), 'ddt_done'));
  });
});

describe('generateProvince anywhere in the registry', () => {
  it('invents plausible figures for a district and keeps them exact', () => {
    const g = generateProvince({ rootCode: '001', seed: 3 });
    const root = g.figures.get('001') as UnitFigures;
    expect(g.root.level).toBe('huyen');
    expect(g.communes.length).toBe(nationalRegistry().children('001').length);
    expect(sumFigures(g.communes.map((c) => c.figures)).values).toEqual(root.values);
    const v = root.values;
    expect(v['cccd_done']! + v['cccd_processed']! + v['cccd_declined']!).toBe(v['cccd_target']);
    expect(Object.values(root.items['LyDo'] ?? {}).reduce((s, r) => s + (r['ddt'] ?? 0), 0)).toBe(v['ddt_processed']);
    // Northern wards are divided into tổ dân phố.
    expect(rows(g.files[0]!.data, 'SoLieu')[0]?.name).toMatch(/^(Tổ dân phố|Thôn) 1$/);
  });

  it('streams all 10,047 communes of the country, each summing to its own figures', () => {
    let count = 0;
    let withoutFile = 0;
    const provinces = new Set<string>();
    let checked = 0;
    const reg = nationalRegistry();
    for (const c of generateCommunes({ rootCode: 'VN', seed: 11, villages: { min: 2, max: 4 } })) {
      count++;
      const f = c.files[0];
      if (!f) withoutFile++;
      else if (count % 97 === 0) {
        checked++;
        expect(colSum(rows(f.data, 'SoLieu'), 'simcks_done')).toBe(c.figures.values['simcks_done']);
      }
      provinces.add(reg.get(c.unit.parentCode ?? '')?.parentCode ?? '');
    }
    expect(withoutFile).toBe(0);
    expect(count).toBe(10047);
    expect(provinces.size).toBe(63);
    expect(checked).toBeGreaterThan(100);
  });

  it('lets the siblings of a fixed unit share what their parent has left', () => {
    const fixed = new Map([['688', BINH_PHUOC_DISTRICTS[0]!.figures]]);
    const g = generateProvince({ rootCode: '70', fixed, rootFigures: binhPhuocProvinceFigures(), seed: 5 });
    expect(g.figures.get('688')).toEqual(BINH_PHUOC_DISTRICTS[0]!.figures);
    expect(g.figures.get('689')).not.toEqual(BINH_PHUOC_DISTRICTS[1]!.figures);
    expect(sumFigures(g.communes.map((c) => c.figures))).toEqual(binhPhuocProvinceFigures());
    expect(sumFigures(g.communes.filter((c) => c.unit.parentCode === '688').map((c) => c.figures))).toEqual(BINH_PHUOC_DISTRICTS[0]!.figures);
  });

  it('follows a two-level registry: communes straight under the province', () => {
    const reg = nationalRegistry();
    const communes = reg.children('70').flatMap((d) => reg.children(d.code)).map((c) => ({ ...c, parentCode: '70' }));
    const twoLevel = new UnitRegistry({ levels: ['tinh', 'xa'], units: [{ code: '70', name: 'Tỉnh Bình Phước', shortName: 'Bình Phước', level: 'tinh' }, ...communes] });
    const g = generateProvince({ rootCode: '70', registry: twoLevel, rootFigures: binhPhuocProvinceFigures(), seed: 9 });
    expect(g.files).toHaveLength(111);
    expect(new Set(g.files.map((f) => f.data.info.parent_code))).toEqual(new Set(['70']));
    expect(sumFigures(g.communes.map((c) => c.figures))).toEqual(binhPhuocProvinceFigures());
  });

  it('refuses fixed figures larger than their parent, and unknown units', () => {
    const big: UnitFigures = { values: { ...BINH_PHUOC_DISTRICTS[0]!.figures.values, cccd_target: 10 ** 9 }, items: BINH_PHUOC_DISTRICTS[0]!.figures.items };
    const fixed = new Map([['688', big]]);
    expect(() => generateProvince({ rootCode: '70', fixed, rootFigures: BINH_PHUOC_DISTRICTS[1]!.figures })).toThrow(RangeError);
    expect(() => generateProvince({ rootCode: '99999' })).toThrow(/not in the registry/);
  });
});

import { readSharedCsv } from '../../../test/support/read-csv';
import { normalizeName } from '../text/normalize-text';
import { reformBridge } from './map-bridge';
import { MAP_IDS, mapForDate, mapInfo, packedMap, parseMapId, registryFor, unpackMap } from './unit-maps';

describe('the shipped maps', () => {
  it('knows both maps with their date, source and levels', () => {
    expect(MAP_IDS).toEqual(['2025-03-01', '2025-07-01']);
    expect(mapInfo('2025-03-01')).toMatchObject({ date: '2025-03-01', levels: ['tinh', 'huyen', 'xa'] });
    expect(mapInfo('2025-07-01')).toMatchObject({ date: '2025-07-01', levels: ['tinh', 'xa'], label: 'danh mục 01/07/2025 (tỉnh, xã)' });
    expect(mapInfo('2025-07-01').source).toMatch(/Thống kê/);
  });

  it('names each map as the map itself records it (the names are known without parsing the map)', () => {
    for (const id of MAP_IDS) {
      const { date, source, levels } = packedMap(id);
      expect(mapInfo(id)).toMatchObject({ id, date, source, levels });
    }
  });

  it('holds 34 provinces and 3,321 communes straight under them on today\'s map', () => {
    const reg = registryFor('2025-07-01');
    expect(reg.levels).toEqual(['quocgia', 'tinh', 'xa']);
    expect(reg.atLevel('tinh')).toHaveLength(34);
    expect(reg.atLevel('xa')).toHaveLength(3321);
    expect(reg.children('75')).toHaveLength(95);
    const dongXoai = reg.children('75').find((u) => u.name === 'Phường Đồng Xoài');
    expect(dongXoai).toMatchObject({ shortName: 'Đồng Xoài', parentCode: '75', level: 'xa' });
    expect(reg.get('75')?.name).toBe('Tỉnh Đồng Nai');
    expect(reg.map).toBe('2025-07-01');
    expect(registryFor('2025-03-01').map).toBe('2025-03-01');
  });

  it('keeps the type word where two units of a province share a short name', () => {
    const packed = {
      date: '2025-07-01',
      source: 'test',
      levels: ['tinh', 'xa'],
      types: [['Tỉnh', 'Tỉnh'], ['Xã', 'Xã'], ['Phường', 'Phường']] as const,
      tree: [['99', 'Thử', 0, [['1', 'Tân Phú', 1], ['2', 'Tân Phú', 2], ['3', 'Bình Long', 2]]]] as const,
    };
    const short = unpackMap(packed, true).map((u) => u.shortName);
    expect(short).toEqual(['Việt Nam', 'Thử', 'Xã Tân Phú', 'Phường Tân Phú', 'Bình Long']);
    expect(unpackMap(packed, false).map((u) => u.shortName)).toContain('Tân Phú');
  });

  it('chooses the map by the period\'s last day', () => {
    expect(mapForDate('2024-07-08')).toBe('2025-03-01');
    expect(mapForDate('2025-06-30')).toBe('2025-03-01');
    expect(mapForDate('2025-07-01')).toBe('2025-07-01');
    expect(mapForDate('2026-12-31')).toBe('2025-07-01');
  });

  it('reads a map id typed either way, and refuses others', () => {
    expect(parseMapId('2025-07-01')).toBe('2025-07-01');
    expect(parseMapId('1/7/2025')).toBe('2025-07-01');
    expect(parseMapId(' 01/03/2025 ')).toBe('2025-03-01');
    expect(parseMapId('2025-06-01')).toBeUndefined();
  });
});

describe('the maps against the statistics office\'s CSVs', () => {
  const before = readSharedCsv('dvhc-vn-2025-03-01.csv');
  const after = readSharedCsv('dvhc-vn-2025-07-01.csv');
  const table = readSharedCsv('chuyen-doi-dvhc-2025-07-01.csv');
  // The packed JSON is the shipped copy: the published counts always, row by row where the shared data is beside the project.
  it('has every unit of both CSVs, with the same names in normal form', () => {
    expect(registryFor('2025-03-01').atLevel('xa')).toHaveLength(10047);
    expect(registryFor('2025-07-01').atLevel('xa')).toHaveLength(3321);
    if (before === undefined || after === undefined) return;
    for (const [id, rows] of [['2025-03-01', before], ['2025-07-01', after]] as const) {
      const reg = registryFor(id);
      const communes = new Set((rows ?? []).map((r) => r['commune_code']));
      expect(reg.atLevel('xa')).toHaveLength(communes.size);
      expect(reg.atLevel('tinh')).toHaveLength(new Set((rows ?? []).map((r) => r['province_code'])).size);
      for (const r of rows ?? []) {
        const u = reg.get(r['commune_code'] ?? '');
        expect(u && normalizeName(u.name)).toBe(normalizeName(r['commune_name'] ?? ''));
        expect(u?.parentCode).toBe(id === '2025-07-01' ? r['province_code'] : r['district_code']);
      }
    }
    expect(registryFor('2025-03-01').atLevel('huyen')).toHaveLength(new Set((before ?? []).map((r) => r['district_code'])).size);
  });

  it('has every row of the conversion table with a commune code', () => {
    const bridge = reformBridge();
    expect(bridge.successors('25216')).toEqual([{ oldCode: '25216', newCode: '25217', change: 'Nhập toàn bộ' }]);
    if (table === undefined) return;
    const rows = (table ?? []).filter((r) => r['old_commune_code'] !== '');
    expect(rows.length).toBe(10565);
    let edges = 0;
    for (const code of new Set(rows.map((r) => r['old_commune_code'] ?? ''))) edges += bridge.successors(code).length;
    expect(edges).toBe(rows.length);
    for (const r of rows.slice(0, 500)) {
      expect(bridge.successors(r['old_commune_code'] ?? '').some((s) => s.newCode === r['new_commune_code'] && s.change === r['change']?.trim())).toBe(true);
    }
  });
});

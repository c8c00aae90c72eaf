import { COUNTRY } from './country';
import type { Unit } from './unit';
import { UnitRegistry } from './unit-registry';

/** The administrative maps PHU ships, oldest first, by the date they took effect. */
export const MAP_IDS = ['2025-03-01', '2025-07-01'] as const;
export type MapId = (typeof MAP_IDS)[number];

/** The day the reform took effect: periods ending before it are on the old map. */
export const REFORM_DATE = '2025-07-01';

/** What a map is: its date, where it comes from, its levels below the country. */
export interface MapInfo {
  readonly id: MapId;
  readonly date: string;
  readonly source: string;
  readonly levels: readonly string[];
  /** How people name it: `danh mục 01/07/2025 (tỉnh, xã)`. */
  readonly label: string;
}

/** A map as `scripts/pack-units.js` writes it: type prefixes once, then the tree. */
export interface PackedMap {
  readonly date: string;
  readonly source: string;
  readonly levels: readonly string[];
  readonly types: ReadonlyArray<readonly [string, string]>;
  readonly tree: readonly Packed[];
}
export type Packed = readonly [string, string, number, (readonly Packed[])?];

// Each map is parsed on its first use (a `require`, which Node and the bundler both resolve at once):
// a command on one map does not pay for the other's 90 to 280 kB of JSON. The type queries keep
// both files in the compiled program, so that they are copied to the build.
const PACKED: Record<MapId, () => PackedMap> = {
  '2025-03-01': () => require('./dvhc-2025-03-01.json') as typeof import('./dvhc-2025-03-01.json') as unknown as PackedMap,
  '2025-07-01': () => require('./dvhc-2025-07-01.json') as typeof import('./dvhc-2025-07-01.json') as unknown as PackedMap,
};

/** The head of each packed map (a test holds them equal), so that naming a map, as every command's help does, loads none. */
const HEADS: Record<MapId, Pick<PackedMap, 'date' | 'source' | 'levels'>> = {
  '2025-03-01': { date: '2025-03-01', source: 'Tổng cục Thống kê, danh mục đơn vị hành chính', levels: ['tinh', 'huyen', 'xa'] },
  '2025-07-01': { date: '2025-07-01', source: 'Tổng cục Thống kê, danh mục đơn vị hành chính', levels: ['tinh', 'xa'] },
};

/** A shipped map as packed, parsed on its first use. @example packedMap('2025-07-01').tree.length === 34 */
export function packedMap(id: MapId): PackedMap {
  return PACKED[id]();
}

const LEVEL_NAMES: Readonly<Record<string, string>> = { tinh: 'tỉnh', huyen: 'huyện', xa: 'xã' };

/** A map's date, source and levels. @example mapInfo('2025-07-01').levels // ['tinh', 'xa'] */
export function mapInfo(id: MapId): MapInfo {
  const p = HEADS[id];
  const [y, m, d] = p.date.split('-');
  return { id, date: p.date, source: p.source, levels: p.levels, label: `danh mục ${d ?? ''}/${m ?? ''}/${y ?? ''} (${p.levels.map((l) => LEVEL_NAMES[l] ?? l).join(', ')})` };
}

const cache = new Map<MapId, UnitRegistry>();

/**
 * Every unit of a map under the country root: `2025-03-01` (63 provinces,
 * 691 districts, 10,047 communes) or `2025-07-01` (34 provinces, 3,321
 * communes straight under them).
 *
 * @example registryFor('2025-07-01').children('75').length === 95
 */
export function registryFor(id: MapId): UnitRegistry {
  let reg = cache.get(id);
  if (!reg) {
    const p = packedMap(id);
    reg = new UnitRegistry({ levels: ['quocgia', ...p.levels], units: unpackMap(p, id !== '2025-03-01'), map: id });
    cache.set(id, reg);
  }
  return reg;
}

/**
 * The map in force on a day (`yyyy-mm-dd`): a period is on the map of its
 * last day.
 *
 * @example mapForDate('2025-06-30') === '2025-03-01'
 */
export function mapForDate(isoDate: string): MapId {
  let found: MapId = MAP_IDS[0];
  for (const id of MAP_IDS) if (isoDate >= id) found = id;
  return found;
}

/** A map id as typed (`2025-07-01`, `01/07/2025`, `1/7/2025`), undefined when it names no shipped map. */
export function parseMapId(text: string): MapId | undefined {
  const t = text.trim();
  const vi = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const iso = vi ? `${vi[3] ?? ''}-${(vi[2] ?? '').padStart(2, '0')}-${(vi[1] ?? '').padStart(2, '0')}` : t;
  return MAP_IDS.find((id) => id === iso);
}

/** The shipped map a registry is, if it is one. */
export function mapOfRegistry(registry: UnitRegistry): MapId | undefined {
  return MAP_IDS.find((id) => id === registry.map);
}

/**
 * The units of a packed map under the country root. With
 * `distinctShortNames`, siblings sharing a short name keep their full names
 * as short names (today's map: a province holds communes straight, and
 * "Xã X" next to "Phường X" must stay apart in NhanXet).
 *
 * @example unpackMap({ date, source, levels: ['tinh', 'xa'], types, tree }, true)
 */
export function unpackMap(p: PackedMap, distinctShortNames: boolean): Unit[] {
  const units: Unit[] = [COUNTRY];
  const walk = (nodes: readonly Packed[], depth: number, parentCode: string): void => {
    const level = p.levels[depth] ?? 'unknown';
    const named = nodes.map(([code, short, t]) => ({ code, short, name: `${p.types[t]?.[1] ?? ''} ${short}` }));
    // Today's provinces hold a "Xã X" and a "Phường X" side by side: a report
    // naming only "X" would not say which, so they keep their type word.
    const seen = new Map<string, number>();
    if (distinctShortNames) for (const n of named) seen.set(n.short, (seen.get(n.short) ?? 0) + 1);
    nodes.forEach(([code, short, , kids], i) => {
      const name = named[i]?.name ?? short;
      // "Phường 1" would shorten to "1": reports keep the prefix then.
      const shortName = /^\d+$/.test(short) || (seen.get(short) ?? 0) > 1 ? name : short;
      units.push({ code, name, shortName, level, parentCode });
      if (kids) walk(kids, depth + 1, code);
    });
  };
  walk(p.tree, 0, COUNTRY.code);
  return units;
}

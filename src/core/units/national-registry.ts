import data from './dvhc-2025-03-01.json';
import type { Unit } from './unit';
import { UnitRegistry } from './unit-registry';

type Packed = readonly [string, string, number, (readonly Packed[])?];

/** The country's root unit, parent of the provinces. */
export const COUNTRY: Unit = { code: 'VN', name: 'Việt Nam', shortName: 'Việt Nam', level: 'quocgia' };

let cached: UnitRegistry | undefined;

/**
 * Every unit of the statistics office's catalogue of 01/03/2025 (63
 * provinces, 691 districts, 10,047 communes) under the country root.
 */
export function nationalRegistry(): UnitRegistry {
  cached ??= new UnitRegistry({ levels: ['quocgia', ...data.levels], units: unpack() });
  return cached;
}

function unpack(): Unit[] {
  const units: Unit[] = [COUNTRY];
  const types = data.types as unknown as ReadonlyArray<readonly [string, string]>;
  const walk = (nodes: readonly Packed[], depth: number, parentCode: string): void => {
    const level = data.levels[depth] ?? 'unknown';
    for (const [code, short, t, kids] of nodes) {
      const prefix = types[t]?.[1] ?? '';
      const name = `${prefix} ${short}`;
      // "Phường 1" would shorten to "1": reports keep the prefix then.
      units.push({ code, name, shortName: /^\d+$/.test(short) ? name : short, level, parentCode });
      if (kids) walk(kids, depth + 1, code);
    }
  };
  walk(data.tree as unknown as readonly Packed[], 0, COUNTRY.code);
  return units;
}

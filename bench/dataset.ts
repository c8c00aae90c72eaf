import type { UnitRegistry } from '../src/core/units/unit-registry';

/** A set of commune files the benchmark reads. */
export interface DatasetSpec {
  /** Folder name under the cache (`province-70`, `country`). */
  readonly name: string;
  /** The unit whose communes report (`70`, `VN`). */
  readonly rootCode: string;
  readonly seed: number;
  /** Use Bình Phước's district figures (the province notice) rather than random ones. */
  readonly binhPhuoc?: boolean;
}

/** Bình Phước: 111 communes in 11 districts, figures that give back the province notice. */
export const PROVINCE_DATASET: DatasetSpec = { name: 'province-70', rootCode: '70', seed: 2024, binhPhuoc: true };

/** Every commune of the catalogue: 10,047 files in 691 districts and 63 provinces. */
export const COUNTRY_DATASET: DatasetSpec = { name: 'country', rootCode: 'VN', seed: 1 };

/**
 * Where the marker of a complete folder goes: apart from the folders the
 * consolidation lists, where it would show up as a stray file.
 */
export function doneMarker(datasetDir: string, parentCode: string): string {
  return `${datasetDir}/.done/${parentCode}`;
}

/**
 * The folder of `code` below the root, as the codes of the units between
 * them (`70/688` under `VN`, `688` under `70`, `` for the root itself).
 */
export function unitFolder(registry: UnitRegistry, rootCode: string, code: string): string {
  const parts: string[] = [];
  let u = registry.get(code);
  while (u && u.code !== rootCode) {
    parts.unshift(u.code);
    u = registry.parent(u);
  }
  return parts.join('/');
}

/** The units under the root that have communes directly below them, in catalogue order: one folder of files each. */
export function communeParents(registry: UnitRegistry, rootCode: string): string[] {
  const leaf = registry.levels[registry.levels.length - 1];
  const out: string[] = [];
  const walk = (code: string): void => {
    const kids = registry.children(code);
    if (kids.some((k) => k.level === leaf)) out.push(code);
    for (const k of kids) if (k.level !== leaf) walk(k.code);
  };
  walk(rootCode);
  return out;
}

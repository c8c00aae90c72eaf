import { normalizeCode } from '../text/normalize-text';
import type { Unit } from './unit';

/** What a registry is built from: levels top-down, then the units. */
export interface RegistryData {
  /** Level codes from the top down: `['quocgia', 'tinh', 'huyen', 'xa']`, or `['tinh', 'xa']`. */
  readonly levels: readonly string[];
  readonly units: readonly Unit[];
  /** The administrative map the units are from (`2025-07-01`), when it is one of the shipped maps. */
  readonly map?: string;
}

/**
 * The administrative hierarchy as data. Depth is whatever `levels` says, so
 * a two-level chain (commune straight to province) needs no code change.
 */
export class UnitRegistry {
  readonly levels: readonly string[];
  /** The shipped map this registry is (`2025-03-01`, `2025-07-01`), undefined for a hand-made one. */
  readonly map: string | undefined;
  private readonly byCode = new Map<string, Unit>();
  private readonly childrenOf = new Map<string, Unit[]>();

  constructor(data: RegistryData) {
    this.levels = data.levels;
    this.map = data.map;
    for (const u of data.units) {
      if (!this.levels.includes(u.level)) throw new Error(`unit ${u.code}: unknown level ${u.level}`);
      if (this.byCode.has(u.code)) throw new Error(`unit code ${u.code} appears twice`);
      this.byCode.set(u.code, u);
      if (u.parentCode !== undefined) {
        const list = this.childrenOf.get(u.parentCode) ?? [];
        list.push(u);
        this.childrenOf.set(u.parentCode, list);
      }
    }
  }

  /** The unit with this code (spaces, NBSP and a lost leading zero forgiven). */
  get(code: string): Unit | undefined {
    const c = normalizeCode(code);
    return this.byCode.get(c) ?? this.padded(c)[0];
  }

  /**
   * The unit with this code at this level only. A code that lost its
   * leading zeros is restored at the width of that level: `4` is commune
   * `00004` here, not province `04`.
   */
  getAt(code: string, level: string): Unit | undefined {
    const c = normalizeCode(code);
    const exact = this.byCode.get(c);
    if (exact) return exact.level === level ? exact : undefined;
    return this.padded(c).find((u) => u.level === level);
  }

  /** The units directly under `code`, in catalogue order. */
  children(code: string): readonly Unit[] {
    return this.childrenOf.get(code) ?? [];
  }

  parent(unit: Unit): Unit | undefined {
    return unit.parentCode === undefined ? undefined : this.byCode.get(unit.parentCode);
  }

  /** Every unit at a level, in catalogue order. */
  atLevel(level: string): Unit[] {
    return [...this.byCode.values()].filter((u) => u.level === level);
  }

  /** The level below `level`, or undefined at the bottom. */
  childLevel(level: string): string | undefined {
    const i = this.levels.indexOf(level);
    return i >= 0 ? this.levels[i + 1] : undefined;
  }

  /** Excel drops leading zeros of codes typed as numbers: the units `4` may have meant, shortest code first. */
  private padded(code: string): Unit[] {
    if (!/^\d+$/.test(code)) return [];
    const found: Unit[] = [];
    for (let width = code.length + 1; width <= 6; width++) {
      const u = this.byCode.get(code.padStart(width, '0'));
      if (u) found.push(u);
    }
    return found;
  }
}

import { normalizeCode } from '../text/normalize-text';
import type { Unit } from './unit';

/** What a registry is built from: levels top-down, then the units. */
export interface RegistryData {
  /** Level codes from the top down: `['quocgia', 'tinh', 'huyen', 'xa']`, or `['tinh', 'xa']`. */
  readonly levels: readonly string[];
  readonly units: readonly Unit[];
}

/**
 * The administrative hierarchy as data. Depth is whatever `levels` says, so
 * a two-level chain (commune straight to province) needs no code change.
 */
export class UnitRegistry {
  readonly levels: readonly string[];
  private readonly byCode = new Map<string, Unit>();
  private readonly childrenOf = new Map<string, Unit[]>();

  constructor(data: RegistryData) {
    this.levels = data.levels;
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
    return this.byCode.get(c) ?? this.byCode.get(this.padded(c));
  }

  /** The unit with this code at this level only. */
  getAt(code: string, level: string): Unit | undefined {
    const u = this.get(code);
    return u && u.level === level ? u : undefined;
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

  /** Excel drops leading zeros of codes typed as numbers: 1 -> 01, 4 -> 00004. */
  private padded(code: string): string {
    if (!/^\d+$/.test(code)) return code;
    for (const width of [2, 3, 5]) {
      const p = code.padStart(width, '0');
      if (this.byCode.has(p)) return p;
    }
    return code;
  }
}

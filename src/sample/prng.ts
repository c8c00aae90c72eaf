/** A deterministic source of numbers in [0, 1): the sample data never uses Math.random. */
export type Rng = () => number;

/**
 * Mulberry32: tiny, fast and good enough for sample figures. The same seed
 * gives the same sequence on every runtime.
 *
 * @example const r = createRng(42); r() === createRng(42)()
 */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seed for one unit (or any key) derived from the run's seed (FNV-1a), so
 * that a unit's figures do not depend on the order units are generated in.
 */
export function seedFor(seed: number, key: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A number in [lo, hi). */
export function between(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng();
}

/** An integer in [lo, hi]. */
export function intBetween(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor((hi - lo + 1) * rng());
}

/**
 * Splits a whole number `total` into whole parts proportional to `weights`,
 * each part at most its cap: the parts always sum to `total` exactly.
 * Largest remainder after water-filling the caps; ties go to the earlier
 * index, so the result is deterministic. O(n log n).
 *
 * Weights that are all zero split evenly (over the room left by the caps).
 * Throws a RangeError when the caps cannot hold the total: callers of the
 * sample generator pass consistent figures, and an inconsistency there is a
 * programming error, not a user's input.
 *
 * @example apportion(10, [1, 1, 2]) // [3, 2, 5]
 * @example apportion(10, [1, 1, 8], [5, 5, 2]) // [4, 4, 2]
 */
export function apportion(total: number, weights: readonly number[], caps?: readonly number[]): number[] {
  const n = weights.length;
  const out = new Array<number>(n).fill(0);
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`apportion: total ${total} is not a whole number >= 0`);
  if (total === 0) return out;
  if (n === 0) throw new RangeError(`apportion: ${total} over no parts`);
  // Caps read once into a plain array: this runs hundreds of thousands of times for a country.
  const capOf = new Array<number>(n);
  let room = 0;
  for (let i = 0; i < n; i++) {
    const c = caps ? (caps[i] ?? 0) : Infinity;
    capOf[i] = c > 0 ? (c === Infinity ? c : Math.floor(c)) : 0;
    room += capOf[i] as number;
  }
  const cap = (i: number): number => capOf[i] as number;
  if (room < total) throw new RangeError(`apportion: caps hold ${room}, less than ${total}`);

  let w = weights.map((x, i) => (cap(i) > 0 && x > 0 && x < Infinity ? x : 0));
  // Scaled to at most 1, so that neither tiny nor huge weights overflow the arithmetic below.
  const top = w.reduce((m, x) => (x > m ? x : m), 0);
  if (top > 0) w = w.map((x) => x / top);
  let W = w.reduce((s, x) => s + x, 0);
  if (W === 0) {
    w = w.map((_, i) => (cap(i) > 0 ? 1 : 0));
    W = w.reduce((s, x) => s + x, 0);
  }

  // Water-filling: the parts whose proportional share would pass their cap
  // are fixed at the cap, smallest cap/weight first, and the rest re-shared.
  const fixed = new Array<boolean>(n).fill(false);
  if (caps) {
    const order = [...w.keys()].filter((i) => w[i] as number > 0).sort((a, b) => cap(a) / (w[a] as number) - cap(b) / (w[b] as number) || a - b);
    let rest = total;
    for (const i of order) {
      const wi = w[i] as number;
      if (W <= 0 || cap(i) * W > rest * wi) break;
      fixed[i] = true;
      out[i] = cap(i);
      rest -= cap(i);
      W -= wi;
    }
    total = rest;
    if (total > 0 && W <= 0) {
      // Only zero-weight parts have room left: fill them in order.
      for (let i = 0; i < n && total > 0; i++) {
        const add = Math.min(cap(i) - (out[i] as number), total);
        out[i] = (out[i] as number) + add;
        total -= add;
      }
      return out;
    }
  }
  if (total === 0) return out;

  const idx: number[] = [];
  const frac = new Array<number>(n).fill(0);
  let given = 0;
  for (let i = 0; i < n; i++) {
    if (fixed[i] || (w[i] as number) === 0) continue;
    const exact = (total * (w[i] as number)) / W;
    const whole = Math.min(Math.floor(exact), cap(i));
    out[i] = whole;
    given += whole;
    frac[i] = exact - whole;
    idx.push(i);
  }
  idx.sort((a, b) => (frac[b] as number) - (frac[a] as number) || a - b);
  let left = total - given;
  // Float rounding can leave a part at its cap: skip those and go round again.
  while (left > 0) {
    let moved = false;
    for (let k = 0; k < idx.length && left > 0; k++) {
      const i = idx[k] as number;
      if ((out[i] as number) < cap(i)) {
        out[i] = (out[i] as number) + 1;
        left--;
        moved = true;
      }
    }
    if (!moved) break;
  }
  for (let i = 0; i < n && left > 0; i++) {
    const add = Math.min(cap(i) - (out[i] as number), left);
    out[i] = (out[i] as number) + add;
    left -= add;
  }
  return out;
}

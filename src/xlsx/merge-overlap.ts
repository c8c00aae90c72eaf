/** A merged range, 1-based and inclusive. */
export interface MergeRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * Two merged ranges that share a cell, or undefined when none do, in
 * O(n log n): ranges sorted by top row are swept downwards while the
 * ranges still open at the current row are kept sorted by column. Open
 * ranges never overlap one another, so a new range need only be compared
 * with its neighbours in that order, and there are at most as many of them
 * as a sheet has columns.
 *
 * @example firstOverlap([{ top: 1, left: 1, bottom: 2, right: 2 }, { top: 2, left: 2, bottom: 3, right: 3 }]) // both ranges
 */
export function firstOverlap(ranges: readonly MergeRange[]): [MergeRange, MergeRange] | undefined {
  const sorted = [...ranges].sort((a, b) => a.top - b.top || a.left - b.left);
  const open: MergeRange[] = [];
  for (const m of sorted) {
    // First open range whose left column is at or after m's.
    let lo = 0;
    let hi = open.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((open[mid] as MergeRange).left < m.left) lo = mid + 1;
      else hi = mid;
    }
    let at = lo;
    // Ranges to the right that start within m's columns.
    while (at < open.length && (open[at] as MergeRange).left <= m.right) {
      const o = open[at] as MergeRange;
      if (o.bottom >= m.top) return [o, m];
      open.splice(at, 1);
    }
    // Ranges to the left that reach into m's columns.
    while (at > 0 && (open[at - 1] as MergeRange).right >= m.left) {
      const o = open[at - 1] as MergeRange;
      if (o.bottom >= m.top) return [o, m];
      open.splice(at - 1, 1);
      at--;
    }
    open.splice(at, 0, m);
  }
  return undefined;
}

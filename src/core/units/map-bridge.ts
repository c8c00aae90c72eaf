import type { MapId } from './unit-maps';

/** One edge of the conversion table: an old commune and a new one, and how the table says it went. */
export interface Succession {
  /** The old commune's code (on `from`). */
  readonly oldCode: string;
  /** The new commune's code (on `to`). */
  readonly newCode: string;
  /** The table's own wording: `Nhập toàn bộ`, `Nhập một phần`, ... */
  readonly change: string;
}

/**
 * How much of an old commune's people an edge carries, which is what the
 * campaign counts: `whole` (all of them: merged whole, kept, renamed, or
 * part of the area with all of the population), `none` (only land: another
 * edge of the same commune took all its people), `part` (some of them: its
 * figures cannot be carried).
 */
export type Carry = 'whole' | 'none' | 'part';

/** The conversion between two maps, both ways. */
export interface MapBridge {
  readonly from: MapId;
  readonly to: MapId;
  /** The day the new map took effect, `yyyy-mm-dd`. */
  readonly date: string;
  /** Where an old commune went (empty when the table does not list it). */
  successors(oldCode: string): readonly Succession[];
  /** What a new commune was made of (empty when made of no listed commune). */
  predecessors(newCode: string): readonly Succession[];
  /** How much of the old commune's people the edge carries. */
  carry(edge: Succession): Carry;
}

interface PackedBridge {
  readonly date: string;
  readonly changes: readonly string[];
  readonly communes: ReadonlyArray<readonly [string, string, number]>;
}

let cached: MapBridge | undefined;

/**
 * The reform of 01/07/2025 from the official conversion table (10,571
 * rows): 2025-03-01 -> 2025-07-01.
 *
 * @example reformBridge().successors('25216') // [{ oldCode: '25216', newCode: '25217', change: 'Nhập toàn bộ' }]
 */
export function reformBridge(): MapBridge {
  if (cached) return cached;
  // Parsed on first use: only a run that crosses the reform pays for the 213 kB table (see unit-maps' PACKED).
  const p = require('./chuyen-doi-2025-07-01.json') as typeof import('./chuyen-doi-2025-07-01.json') as unknown as PackedBridge;
  const forward = new Map<string, Succession[]>();
  const backward = new Map<string, Succession[]>();
  for (const [oldCode, newCode, c] of p.communes) {
    const edge: Succession = { oldCode, newCode, change: p.changes[c] ?? '' };
    push(forward, oldCode, edge);
    push(backward, newCode, edge);
  }
  const successors = (code: string): readonly Succession[] => forward.get(code) ?? [];
  cached = {
    from: '2025-03-01',
    to: '2025-07-01',
    date: p.date,
    successors,
    predecessors: (code) => backward.get(code) ?? [],
    carry: (edge) => carryOf(edge, successors(edge.oldCode)),
  };
  return cached;
}

/**
 * The people an edge carries, judged with its siblings (the other edges of
 * the same old commune): a commune that went to one place went whole,
 * whatever the wording; a split carries people only where the table says
 * "toàn bộ dân số", and an area-only edge next to such a sibling carries none.
 *
 * @example carryOf({ oldCode: '1', newCode: 'A', change: 'Nhập một phần' }, [a, b]) === 'part'
 */
export function carryOf(edge: Succession, siblings: readonly Succession[]): Carry {
  if (siblings.length <= 1) return 'whole';
  const w = wording(edge.change);
  if (w.includes('toàn bộ dân số')) return 'whole';
  const areaOnly = w.includes('diện tích') && !w.includes('dân số');
  if (areaOnly && siblings.some((s) => s !== edge && wording(s.change).includes('toàn bộ dân số'))) return 'none';
  return 'part';
}

// The table's wordings carry typos ("Nhâp"): compare on a lowercase NFC form.
function wording(s: string): string {
  return s.normalize('NFC').toLocaleLowerCase('vi').replace(/nhâp/g, 'nhập');
}

function push(m: Map<string, Succession[]>, key: string, v: Succession): void {
  const list = m.get(key);
  if (list) list.push(v);
  else m.set(key, [v]);
}

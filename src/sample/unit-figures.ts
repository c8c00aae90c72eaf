/**
 * A unit's figures as the sample data keeps them: the count columns of the
 * form's main table and the counts of its item tables. Plain numbers, no
 * blanks: sample units report every figure.
 */
export interface UnitFigures {
  /** Main table (`SoLieu`) count columns by key: `cccd_target` -> 837. */
  readonly values: Readonly<Record<string, number>>;
  /** Item tables: sheet -> item code -> column -> count (`LyDo` -> `R01` -> `cccd` -> 70). */
  readonly items: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, number>>>>>>;
}

/** Column-by-column sum of several units' figures (the parent's figures). */
export function sumFigures(list: readonly UnitFigures[]): UnitFigures {
  const values: Record<string, number> = {};
  const items: Record<string, Record<string, Record<string, number>>> = {};
  for (const f of list) {
    for (const [k, v] of Object.entries(f.values)) values[k] = (values[k] ?? 0) + v;
    for (const [sheet, rows] of Object.entries(f.items)) {
      const s = (items[sheet] ??= {});
      for (const [code, cols] of Object.entries(rows)) {
        const r = (s[code] ??= {});
        for (const [c, v] of Object.entries(cols)) r[c] = (r[c] ?? 0) + v;
      }
    }
  }
  return { values, items };
}

/** Sum of one column of an item table (`LyDo`, `cccd`): the reasons' total. */
export function itemColumnTotal(figures: UnitFigures, sheet: string, column: string): number {
  let sum = 0;
  for (const cols of Object.values(figures.items[sheet] ?? {})) sum += cols[column] ?? 0;
  return sum;
}

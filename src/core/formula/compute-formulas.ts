import { isCellError, isUncalculated, type Scalar } from '../grid/scalar';
import type { SheetGrid, WorkbookGrid } from '../grid/sheet-grid';
import { evaluateFormula, formulaDepth, parseFormula, type FormulaCells } from './evaluate-formula';

/** How deep formulas may refer to formulas before PHU gives up on a chain (and leaves it not calculated). */
const MAX_CHAIN = 200;

/**
 * How deep the evaluation may recurse along a chain, each formula counting
 * its tree's depth: far below what overflows the stack, far above a report.
 */
const MAX_STACK = 2_000;

/**
 * Cells one sheet's formulas may read in all: 20,000 formulas each summing
 * 100,000 cells would otherwise cost two billion lookups in the thread that
 * validates. Past it the remaining formulas stay not calculated.
 */
const MAX_LOOKUPS = 5_000_000;

/**
 * The workbook with each formula saved without a result (`{ uncalculated }`)
 * replaced by the number it gives, where PHU can compute it (see
 * parseFormula: SUM of ranges, `+ - * /` of cells of the same sheet).
 * Formulas that refer to other formulas are computed in order; a cycle, an
 * unknown function, another sheet or a text operand leaves the cell as it
 * was, for validation to report. The input is not modified.
 *
 * @example computeFormulas(book).sheets[1]?.rows[6]?.[3] // 182, where the file held { uncalculated: 'SUM(D4:D6)' }
 */
export function computeFormulas(book: WorkbookGrid): WorkbookGrid {
  if (!book.sheets.some(hasUncalculated)) return book;
  return { sheets: book.sheets.map((s) => (hasUncalculated(s) ? computeSheet(s) : s)) };
}

function hasUncalculated(sheet: SheetGrid): boolean {
  return sheet.rows.some((row) => row?.some((v) => isUncalculated(v)) === true);
}

function computeSheet(sheet: SheetGrid): SheetGrid {
  const results = new Map<string, number | undefined>();
  const visiting = new Set<string>();
  let depth = 0;
  let stack = 0;
  let lookups = 0;

  const valueOf = (row: number, col: number): number | undefined | 'blank' | 'text' => {
    if (++lookups > MAX_LOOKUPS) return undefined;
    const v: Scalar = sheet.rows[row]?.[col] ?? null;
    if (v === null) return 'blank';
    if (typeof v === 'number') return v;
    if (isUncalculated(v)) return computeCell(row, col, v.uncalculated);
    if (isCellError(v)) return undefined;
    return 'text';
  };
  const cells: FormulaCells = {
    direct: (row, col) => {
      const v = valueOf(row, col);
      if (v === 'blank') return 0;
      return v === 'text' ? undefined : v;
    },
    inRange: (row, col) => {
      const v = valueOf(row, col);
      return v === 'blank' || v === 'text' ? 0 : v;
    },
  };
  const computeCell = (row: number, col: number, formula: string): number | undefined => {
    const key = `${row},${col}`;
    if (results.has(key)) return results.get(key);
    if (visiting.has(key) || depth >= MAX_CHAIN) return undefined;
    const tree = parseFormula(formula);
    if (!tree) {
      results.set(key, undefined);
      return undefined;
    }
    const cost = formulaDepth(tree) + 1;
    if (stack + cost > MAX_STACK) return undefined;
    visiting.add(key);
    depth++;
    stack += cost;
    const value = evaluateFormula(tree, cells);
    stack -= cost;
    depth--;
    visiting.delete(key);
    results.set(key, value);
    return value;
  };

  const rows = sheet.rows.map((row, r) => {
    if (!row?.some((v) => isUncalculated(v))) return row;
    return row.map((v, c) => {
      if (!isUncalculated(v)) return v;
      const n = computeCell(r, c, v.uncalculated);
      return n === undefined ? v : n;
    });
  });
  return { name: sheet.name, rows };
}

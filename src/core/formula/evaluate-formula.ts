/**
 * The value a formula refers to, by 0-based row and column of its own
 * sheet: a number, or undefined when the cell cannot take part in
 * arithmetic (text, an error, a formula that could not be computed).
 * Blank cells are 0 for `+ -` and skipped by SUM, as in Excel.
 */
export interface FormulaCells {
  /** A cell used directly (`A1 + B2`): blank is 0; text, errors, unknowns are undefined. */
  direct(row: number, col: number): number | undefined;
  /** A cell inside a SUM range: what SUM adds (text, booleans, blanks add 0); undefined for an error or an unknown. */
  inRange(row: number, col: number): number | undefined;
}

type Node =
  | { readonly kind: 'num'; readonly value: number }
  | { readonly kind: 'ref'; readonly row: number; readonly col: number }
  | { readonly kind: 'range'; readonly top: number; readonly left: number; readonly bottom: number; readonly right: number }
  | { readonly kind: 'neg'; readonly arg: Node }
  | { readonly kind: 'bin'; readonly op: '+' | '-' | '*' | '/'; readonly left: Node; readonly right: Node }
  | { readonly kind: 'sum'; readonly args: readonly Node[] };

/** Largest range a SUM may cover: a sheet-wide range in a hand-made file must not cost a million lookups. */
const MAX_RANGE_CELLS = 100_000;

/** Excel's own limit on a formula's length: a longer text comes from no spreadsheet, and each token would rescan it. */
const MAX_FORMULA_LENGTH = 8192;

/**
 * Deepest tree PHU evaluates (parentheses, unary signs and chained
 * operators all count). The parser and the evaluator recurse: a formula
 * nested thousands deep would overflow the stack; a report's are a few deep.
 */
export const MAX_FORMULA_DEPTH = 100;

/**
 * Parses the formulas PHU computes itself when a file was saved without
 * their results (openpyxl, some web exports): numbers, references to cells
 * of the same sheet (`D4`, `$D$4`), `SUM` (and `SUBTOTAL(9|109, ...)`) of
 * references and ranges, unary minus, `+ - * /` and parentheses, the shapes
 * PHU's own templates and common hand-made report sheets use. Anything else
 * (other functions, other sheets, names, text) gives undefined: the caller
 * reports it as not calculated rather than guess.
 *
 * @example parseFormula('SUM(D4:D6)+$E$2') // a tree; evaluateFormula(tree, cells) gives the number
 */
export function parseFormula(text: string): Node | undefined {
  if (text.length > MAX_FORMULA_LENGTH) return undefined;
  const src = text.trim().replace(/^=/, '');
  let p = 0;
  let nesting = 0;
  const ws = (): void => {
    while (p < src.length && (src[p] === ' ' || src[p] === '\n' || src[p] === '\r' || src[p] === '\t')) p++;
  };
  const fail = (): never => {
    throw new Unsupported();
  };
  const ref = (): { row: number; col: number } | undefined => {
    const m = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})/.exec(src.slice(p));
    if (!m || !m[1] || !m[2]) return undefined;
    // A name such as `SUM(` or `LOG10` is not a reference: the next character tells.
    const after = src[p + m[0].length];
    if (after !== undefined && /[A-Za-z0-9_.(!]/.test(after)) return undefined;
    p += m[0].length;
    let col = 0;
    for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
    const row = Number(m[2]);
    if (row < 1 || col > 16_384) fail();
    return { row: row - 1, col: col - 1 };
  };
  const operand = (): Node => {
    ws();
    if (++nesting > MAX_FORMULA_DEPTH) fail();
    try {
      return operandAt();
    } finally {
      nesting--;
    }
  };
  const operandAt = (): Node => {
    const ch = src[p];
    if (ch === '(') {
      p++;
      const e = expr();
      ws();
      if (src[p] !== ')') fail();
      p++;
      return e;
    }
    if (ch === '-' || ch === '+') {
      p++;
      const arg = operand();
      return ch === '-' ? { kind: 'neg', arg } : arg;
    }
    const num = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(src.slice(p));
    if (num) {
      p += num[0].length;
      return { kind: 'num', value: Number(num[0]) };
    }
    const fn = /^(SUM|SUBTOTAL)\s*\(/i.exec(src.slice(p));
    if (fn?.[1]) {
      p += fn[0].length;
      const args: Node[] = [];
      ws();
      if (src[p] !== ')') {
        for (;;) {
          args.push(rangeOrExpr());
          ws();
          if (src[p] === ',' || src[p] === ';') {
            p++;
            continue;
          }
          break;
        }
      }
      if (src[p] !== ')') fail();
      p++;
      if (fn[1].toUpperCase() === 'SUBTOTAL') {
        // Only the summing variants: 9, and 109 (which skips hidden rows, as no hidden rows are known here, the same).
        const kind = args[0];
        if (!kind || kind.kind !== 'num' || (kind.value !== 9 && kind.value !== 109)) fail();
        return { kind: 'sum', args: args.slice(1) };
      }
      return { kind: 'sum', args };
    }
    const r = ref();
    if (r) return { kind: 'ref', ...r };
    return fail();
  };
  const rangeOrExpr = (): Node => {
    ws();
    const save = p;
    const a = ref();
    if (a) {
      ws();
      if (src[p] === ':') {
        p++;
        ws();
        const b = ref() ?? fail();
        return { kind: 'range', top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
      }
    }
    p = save;
    return expr();
  };
  const term = (): Node => {
    let left = operand();
    for (;;) {
      ws();
      const op = src[p];
      if (op !== '*' && op !== '/') return left;
      p++;
      left = { kind: 'bin', op, left, right: operand() };
    }
  };
  const expr = (): Node => {
    let left = term();
    for (;;) {
      ws();
      const op = src[p];
      if (op !== '+' && op !== '-') return left;
      p++;
      left = { kind: 'bin', op, left, right: term() };
    }
  };
  try {
    const tree = expr();
    ws();
    return p === src.length && formulaDepth(tree) <= MAX_FORMULA_DEPTH ? tree : undefined;
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

class Unsupported {}

/**
 * The depth of a parsed formula's tree (a number or a reference is 1), which
 * is how deep evaluateFormula recurses. Iterative: a long chain of `+` is a
 * deep tree built without recursion.
 *
 * @example formulaDepth(parseFormula('A1+B1+C1')!) // 3
 */
export function formulaDepth(root: Node): number {
  let max = 0;
  const stack: [Node, number][] = [[root, 1]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, d] = item;
    max = Math.max(max, d);
    if (node.kind === 'neg') stack.push([node.arg, d + 1]);
    else if (node.kind === 'bin') stack.push([node.left, d + 1], [node.right, d + 1]);
    else if (node.kind === 'sum') for (const a of node.args) stack.push([a, d + 1]);
  }
  return max;
}

/**
 * The number a parsed formula gives over `cells`, or undefined when a cell
 * it needs is unknown, or the result is not a finite number (division by
 * zero).
 *
 * @example evaluateFormula(parseFormula('A1-B1')!, cells) // 12 when A1 = 20 and B1 = 8
 */
export function evaluateFormula(node: Node, cells: FormulaCells): number | undefined {
  const v = evaluate(node, cells);
  return v !== undefined && Number.isFinite(v) ? v : undefined;
}

function evaluate(node: Node, cells: FormulaCells): number | undefined {
  switch (node.kind) {
    case 'num':
      return node.value;
    case 'ref':
      return cells.direct(node.row, node.col);
    case 'range':
      // A bare range outside SUM is an implicit intersection in Excel: not a shape PHU computes.
      return undefined;
    case 'neg': {
      const v = evaluate(node.arg, cells);
      return v === undefined ? undefined : -v;
    }
    case 'bin': {
      const a = evaluate(node.left, cells);
      const b = evaluate(node.right, cells);
      if (a === undefined || b === undefined) return undefined;
      if (node.op === '+') return a + b;
      if (node.op === '-') return a - b;
      if (node.op === '*') return a * b;
      return b === 0 ? undefined : a / b;
    }
    case 'sum': {
      let total = 0;
      for (const arg of node.args) {
        if (arg.kind === 'range') {
          if ((arg.bottom - arg.top + 1) * (arg.right - arg.left + 1) > MAX_RANGE_CELLS) return undefined;
          for (let r = arg.top; r <= arg.bottom; r++) {
            for (let c = arg.left; c <= arg.right; c++) {
              const v = cells.inRange(r, c);
              if (v === undefined) return undefined;
              total += v;
            }
          }
        } else if (arg.kind === 'ref') {
          const v = cells.inRange(arg.row, arg.col);
          if (v === undefined) return undefined;
          total += v;
        } else {
          const v = evaluate(arg, cells);
          if (v === undefined) return undefined;
          total += v;
        }
      }
      return total;
    }
  }
}

/** A parsed formula. */
export type Formula = Node;

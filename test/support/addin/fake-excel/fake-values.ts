import { parseCellAddress } from '../../../../src/core/grid/cell-address';
import type { FakeSheet, FakeValue } from './fake-model';

/** What a cell becomes when a value is written to it, the way Excel coerces typed input. */
export type CellInput = { readonly kind: 'unchanged' } | { readonly kind: 'value'; readonly value: FakeValue } | { readonly kind: 'formula'; readonly formula: string };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^[+-]?(\d+\.?\d*|\.\d+)%$/;

/**
 * How Excel takes a value written through `Range.values` or `formulas`:
 * null leaves the cell alone, `''` clears it, a leading apostrophe keeps
 * the rest as literal text, a leading `=` (or `+`/`-` before something that
 * is not a number) makes a formula, and text that looks like a number,
 * percentage or boolean becomes one unless the cell is formatted as text.
 */
export function coerceInput(v: unknown, numberFormat: string): CellInput | { readonly kind: 'invalid' } {
  if (v === null || v === undefined) return { kind: 'unchanged' };
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'value', value: v } : { kind: 'invalid' };
  if (typeof v === 'boolean') return { kind: 'value', value: v };
  if (typeof v !== 'string') return { kind: 'invalid' };
  if (v === '') return { kind: 'value', value: null };
  if (v.startsWith("'")) return { kind: 'value', value: v.slice(1) };
  if (numberFormat === '@') return { kind: 'value', value: v };
  if (v.startsWith('=')) return { kind: 'formula', formula: v };
  const t = v.trim();
  if (NUMBER.test(t)) return { kind: 'value', value: Number(t) };
  if (PERCENT.test(t)) return { kind: 'value', value: Number(t.slice(0, -1)) / 100 };
  if (/^(true|false)$/i.test(t)) return { kind: 'value', value: t.toLowerCase() === 'true' };
  if (/^[+\-@]/.test(t)) return { kind: 'formula', formula: `=${t.replace(/^@/, '')}` };
  return { kind: 'value', value: v };
}

/**
 * The result of the few formulas PHU writes (`SUM(D4:D20)`, a number);
 * anything else is `#NAME?`, so a test notices text that became a formula.
 */
export function evaluateFormula(sheet: FakeSheet, formula: string): FakeValue {
  const body = formula.replace(/^=/, '').trim();
  if (NUMBER.test(body)) return Number(body);
  const sum = /^SUM\(\$?([A-Z]{1,3}\$?\d+):\$?([A-Z]{1,3}\$?\d+)\)$/i.exec(body);
  if (sum?.[1] && sum[2]) {
    const a = parseCellAddress(sum[1].replace(/\$/g, ''));
    const b = parseCellAddress(sum[2].replace(/\$/g, ''));
    if (!a || !b) return { error: '#REF!' };
    let total = 0;
    for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
      for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) {
        const x = sheet.value(r, c);
        if (typeof x === 'number') total += x;
        else if (typeof x === 'object' && x !== null) return x;
      }
    }
    return total;
  }
  return { error: '#NAME?' };
}

/** A cell value as `Range.values` returns it: blanks are `''`, errors their text. */
export function outputValue(v: FakeValue): number | string | boolean {
  if (v === null) return '';
  if (typeof v === 'object') return v.error;
  return v;
}

/** A cell's type as `Range.valueTypes` returns it. */
export function valueType(v: FakeValue): 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error' {
  if (v === null) return 'Empty';
  if (typeof v === 'object') return 'Error';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return 'String';
}

import { assessRate } from '../../core/indicators/assess-rate';
import { competitionRank } from '../../core/indicators/competition-rank';
import { rate, remaining } from '../../core/indicators/rate';
import { topBottom } from '../../core/indicators/top-bottom';
import { nhanXetSentence } from '../../core/narrative/nhan-xet-sentence';
import { shortUnitName } from '../../core/narrative/short-unit-name';
import { unitFragment } from '../../core/narrative/unit-fragment';
import { asMatrix, cellError, divisionByZero, countArg, countCell, flatten, isErrorValue, optionalArg, yesNo, zipCells, type FunctionError } from './function-cells';

/**
 * The PHU.* custom functions' work, thin over the core: each reads its
 * cells (blanks stay blank, text and negatives are #VALUE! with a reason),
 * calls the core and shapes the answer like its input.
 */

/**
 * Done and target read pairwise from two ranges: a cell's error or a
 * blank on either side answers for the pair; otherwise `f` gets both counts.
 */
function doneTargetCells(done: unknown, target: unknown, f: (done: number, target: number) => unknown): unknown[][] {
  return zipCells([asMatrix(done), asMatrix(target)], ([d, t]) => {
    const a = countCell(d, 'Số đã thực hiện');
    const b = countCell(t, 'Chỉ tiêu');
    if (a.kind === 'error') return a.error;
    if (b.kind === 'error') return b.error;
    if (a.kind === 'blank' || b.kind === 'blank') return '';
    return f(a.value, b.value);
  });
}

/** done/target per cell; #DIV/0! for a zero target. */
export function rateCells(done: unknown, target: unknown): unknown[][] {
  return doneTargetCells(done, target, (d, t) => (t === 0 ? divisionByZero() : (rate(d, t) ?? '')));
}

/** target - done per cell, never negative. */
export function remainingCells(done: unknown, target: unknown): unknown[][] {
  return doneTargetCells(done, target, (d, t) => remaining(d, t) ?? '');
}

/** Competition rank of each value among the numbers of `among` (blanks, text and errors there are ignored). */
export function rankCells(values: unknown, among: unknown, ascending?: unknown): unknown[][] {
  const pool = flatten(asMatrix(among)).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const ranks = competitionRank(pool, yesNo(ascending) ? 'asc' : 'desc');
  const rankOf = new Map<number, number>();
  pool.forEach((v, i) => {
    const r = ranks[i];
    if (r !== null && r !== undefined) rankOf.set(v, r);
  });
  return zipCells([asMatrix(values)], ([v]) => {
    if (v === null || v === undefined || v === '') return '';
    if (isErrorValue(v)) return v;
    if (typeof v !== 'number' || !Number.isFinite(v)) return cellError('invalidValue', `Giá trị cần xếp hạng không phải là số ("${String(v)}").`);
    return rankOf.get(v) ?? cellError('notAvailable', 'Giá trị không có trong vùng xếp hạng.');
  });
}

/** Vượt chỉ tiêu / Đạt / Chưa đạt per rate, against a threshold (1 = 100%). */
export function assessCells(rates: unknown, threshold?: unknown): unknown[][] {
  const t = optionalArg(threshold);
  if (t !== undefined && (typeof t !== 'number' || !Number.isFinite(t) || t <= 0)) return [[cellError('invalidValue', 'Ngưỡng phải là một số dương (1 = 100% chỉ tiêu).')]];
  return zipCells([asMatrix(rates)], ([v]) => {
    const r = countCell(v, 'Tỷ lệ');
    if (r.kind === 'error') return r.error;
    if (r.kind === 'blank') return '';
    return assessRate(r.value, t ?? 1) ?? '';
  });
}

/** `Phước Long (579/837 đạt 69,18%)` per cell; without a name `579/837 đạt 69,18%`. */
export function fragmentCells(done: unknown, target: unknown, name?: unknown): unknown[][] {
  const names = name === undefined || name === null ? [['']] : asMatrix(name);
  return zipCells([asMatrix(done), asMatrix(target), names], ([d, t, n]) => {
    const a = countCell(d, 'Số đã thực hiện');
    const b = countCell(t, 'Chỉ tiêu');
    if (a.kind === 'error') return a.error;
    if (b.kind === 'error') return b.error;
    if (isErrorValue(n)) return n;
    if (a.kind === 'blank' && b.kind === 'blank') return '';
    if (b.kind === 'number' && b.value === 0) return divisionByZero();
    const label = n === null || n === undefined || n === '' ? '' : shortUnitName(String(n));
    const text = unitFragment(label, a.kind === 'number' ? a.value : null, b.kind === 'number' ? b.value : null);
    return label === '' ? text.trim().replace(/^\((.*)\)$/, '$1') : text;
  });
}

/** Reads parallel name and count ranges; the first bad cell's error, if any. */
function units(names: unknown, counts: readonly unknown[], whats: readonly string[]): { names: string[]; counts: Array<Array<number | null>> } | FunctionError {
  const ns = flatten(asMatrix(names));
  const cs = counts.map((c) => flatten(asMatrix(c)));
  if (cs.some((c) => c.length !== ns.length)) return cellError('invalidValue', `Vùng tên và vùng số liệu phải có cùng số ô (${[ns.length, ...cs.map((c) => c.length)].join(', ')}).`);
  const out: Array<Array<number | null>> = [];
  for (const [k, col] of cs.entries()) {
    const vals: Array<number | null> = [];
    for (const v of col) {
      const c = countCell(v, whats[k] ?? 'Số liệu');
      if (c.kind === 'error') return c.error;
      vals.push(c.kind === 'number' ? c.value : null);
    }
    out.push(vals);
  }
  return { names: ns.map((n) => (n === null || n === undefined ? '' : String(n))), counts: out };
}

/** The notice's sentence naming the best and worst units by done/target. */
export function nhanXetCells(names: unknown, done: unknown, target: unknown, n?: unknown): unknown[][] {
  const k = countArg(n, 2, 'Số đơn vị nêu tên');
  if (isErrorValue(k)) return [[k]];
  const u = units(names, [done, target], ['Số đã thực hiện', 'Chỉ tiêu']);
  if (isErrorValue(u)) return [[u]];
  return [[nhanXetSentence(u.names, u.counts[0] ?? [], u.counts[1] ?? [], k)]];
}

/** The n best (or worst) names by value, one per row. */
export function topCells(names: unknown, values: unknown, n?: unknown, low?: unknown): unknown[][] {
  const k = countArg(n, 3, 'Số đơn vị');
  if (isErrorValue(k)) return [[k]];
  const ns = flatten(asMatrix(names));
  const vs = flatten(asMatrix(values));
  if (ns.length !== vs.length) return [[cellError('invalidValue', `Vùng tên và vùng giá trị phải có cùng số ô (${String(ns.length)} và ${String(vs.length)}).`)]];
  const nums: Array<number | null> = [];
  for (const v of vs) {
    if (isErrorValue(v) || v === '' || v === null || v === undefined) nums.push(null);
    else if (typeof v === 'number' && Number.isFinite(v)) nums.push(v);
    else return [[cellError('invalidValue', `Vùng giá trị có ô không phải là số ("${String(v)}").`)]];
  }
  const picked = topBottom(
    ns.map((x) => (x === null || x === undefined ? '' : String(x))),
    nums,
    k,
    yesNo(low),
  );
  if (picked.length === 0) return [[cellError('notAvailable', 'Không có đơn vị nào có giá trị.')]];
  return picked.map((e) => [e.name]);
}

import { FORM_4PHU_2024 } from '../core/forms/form-4phu-2024';
import type { FormDef } from '../core/forms/form-schema';
import type { SubmissionData, SubmissionDataRow } from '../core/submission/submission-data';
import { nationalRegistry } from '../core/units/national-registry';
import type { Unit } from '../core/units/unit';
import type { UnitRegistry } from '../core/units/unit-registry';
import { between, createRng, intBetween, seedFor, type Rng } from './prng';
import { randomFigures } from './random-figures';
import { mainTableOf, splitFigures } from './split-figures';
import { sumFigures, type UnitFigures } from './unit-figures';

/** Which communes get a fault: their codes, or a number of them picked by the seed. */
export type FaultPick = number | readonly string[];

/** Faults to inject, for demos and tests of the consolidation. */
export interface FaultOptions {
  /** Reported after the period's due date (figures still right). */
  readonly late?: FaultPick;
  /** An extra, older file for the same commune with lower figures: the latest must win. */
  readonly staleDuplicate?: FaultPick;
  /** A file whose total row does not equal the sum of its rows (an error: out of the totals). */
  readonly invalid?: FaultPick;
  /** No file at all. */
  readonly missing?: FaultPick;
}

/** What to generate. */
export interface GenerateOptions {
  /** The unit whose communes report: a province (`70`), a district, or `VN` for the whole country. */
  readonly rootCode: string;
  readonly registry?: UnitRegistry;
  readonly form?: FormDef;
  readonly seed?: number;
  /** Period id of the form; the last one (`TK`) when absent. */
  readonly period?: string;
  /**
   * Figures for chosen units (Bình Phước's districts): used as they are;
   * their siblings share what the parent has left.
   */
  readonly fixed?: ReadonlyMap<string, UnitFigures>;
  /** The root's figures; when absent, the sum of its children if all are fixed, else random. */
  readonly rootFigures?: UnitFigures;
  /** Villages per commune, inclusive (default 3..7). */
  readonly villages?: { readonly min: number; readonly max: number };
  readonly faults?: FaultOptions;
}

/** The fault a generated file carries. */
export type FaultKind = 'late' | 'stale' | 'invalid';

/** One commune workbook to write. */
export interface GeneratedFile {
  /** ASCII file name: `25216_Phuong_Thac_Mo.xlsx` (`..._ban_cu.xlsx` for a stale duplicate). */
  readonly fileName: string;
  readonly unit: Unit;
  readonly data: SubmissionData;
  readonly fault?: FaultKind;
}

/** A commune, its true figures and the files it sent (none when missing, two with a stale duplicate). */
export interface GeneratedCommune {
  readonly unit: Unit;
  readonly figures: UnitFigures;
  readonly files: readonly GeneratedFile[];
}

/** Everything generated under the root. */
export interface GeneratedProvince {
  readonly root: Unit;
  readonly communes: readonly GeneratedCommune[];
  /** Every file, in catalogue order (stale duplicates right after their commune's file). */
  readonly files: readonly GeneratedFile[];
  readonly missing: readonly Unit[];
  /** True figures of the root and of every unit between it and the communes. */
  readonly figures: ReadonlyMap<string, UnitFigures>;
}

/** The preparer written in every sample file: never a real person. */
export const SAMPLE_PREPARER = 'Cán bộ mẫu';

/**
 * Generates the commune submissions of a province (or any unit of the
 * registry), deterministically from `seed` (no Math.random): the root's
 * figures are split over its children by size, down to the communes, and
 * each commune's over a few villages (ấp, thôn, khu phố with a blank or
 * local code). Whole numbers throughout, every sum exact: the communes of a
 * district add up to the district, its villages to each commune, balances
 * and reasons too. Linear in the number of communes, so the whole country
 * (10,047 communes) is a benchmark input.
 *
 * @example generateProvince({ rootCode: '70', fixed: binhPhuocDistrictFigures() })
 */
export function generateProvince(opts: GenerateOptions): GeneratedProvince {
  const communes: GeneratedCommune[] = [];
  const figures = new Map<string, UnitFigures>();
  const { root, steps } = plan(opts, figures);
  for (const step of steps) step(communes);
  return {
    root,
    communes,
    files: communes.flatMap((c) => c.files),
    missing: communes.filter((c) => c.files.length === 0).map((c) => c.unit),
    figures,
  };
}

/**
 * The same communes one district at a time, for callers that write each
 * file and drop it (the national benchmark), so memory stays flat.
 */
export function* generateCommunes(opts: GenerateOptions): Generator<GeneratedCommune> {
  const buffer: GeneratedCommune[] = [];
  for (const step of plan(opts).steps) {
    step(buffer);
    yield* buffer;
    buffer.length = 0;
  }
}

interface Plan {
  readonly root: Unit;
  /** Each step emits the communes of one lowest-but-one unit. */
  readonly steps: Array<(out: GeneratedCommune[]) => void>;
}

function plan(opts: GenerateOptions, record?: Map<string, UnitFigures>): Plan {
  const registry = opts.registry ?? nationalRegistry();
  const form = opts.form ?? FORM_4PHU_2024;
  const seed = opts.seed ?? 1;
  const root = registry.get(opts.rootCode);
  if (!root) throw new Error(`unit ${opts.rootCode} is not in the registry`);
  const leafLevel = registry.levels[registry.levels.length - 1];
  const period = form.periods.find((x) => x.id === (opts.period ?? form.periods[form.periods.length - 1]?.id));
  if (!period) throw new Error(`form ${form.id} has no period ${opts.period ?? ''}`);

  // Communes under each unit, computed once: weights by size, no quadratic walk.
  const leaves = new Map<string, number>();
  const countLeaves = (u: Unit): number => {
    const kids = registry.children(u.code);
    const n = u.level === leafLevel ? 1 : kids.reduce((s, k) => s + countLeaves(k), 0);
    leaves.set(u.code, n);
    return n;
  };
  countLeaves(root);

  const fixed = opts.fixed ?? new Map<string, UnitFigures>();
  const rootKids = registry.children(root.code);
  const rootFigures =
    opts.rootFigures ??
    fixed.get(root.code) ??
    (rootKids.length > 0 && rootKids.every((k) => fixed.has(k.code)) ? sumFigures(rootKids.map((k) => fixed.get(k.code) as UnitFigures)) : randomFigures(form, leaves.get(root.code) ?? 1, createRng(seedFor(seed, `root:${root.code}`))));

  const faults = assignFaults(opts.faults ?? {}, registry, root, leafLevel, seed);
  const villages = opts.villages ?? { min: 3, max: 7 };
  const steps: Array<(out: GeneratedCommune[]) => void> = [];
  const ctx: CommuneContext = { form, period, villages, faults, seed, ...(registry.map !== undefined ? { map: registry.map } : {}) };

  // Units above the communes are split eagerly (there are few); each
  // commune-parent becomes one step that splits and renders its communes.
  const descend = (unit: Unit, f: UnitFigures): void => {
    record?.set(unit.code, f);
    if (unit.level === leafLevel) {
      steps.push((out) => out.push(buildCommune(unit, f, ctx)));
      return;
    }
    const kids = registry.children(unit.code).filter((k) => (leaves.get(k.code) ?? 0) > 0);
    if (kids.length === 0) return;
    const split = (): UnitFigures[] => splitChildren(form, unit, f, kids, fixed, leaves, seed);
    if (kids.every((k) => k.level === leafLevel)) {
      steps.push((out) => {
        const parts = split();
        kids.forEach((k, i) => out.push(buildCommune(k, parts[i] as UnitFigures, ctx)));
      });
      return;
    }
    const parts = split();
    kids.forEach((k, i) => descend(k, parts[i] as UnitFigures));
  };
  descend(root, rootFigures);
  return { root, steps };
}

function splitChildren(form: FormDef, unit: Unit, f: UnitFigures, kids: readonly Unit[], fixed: ReadonlyMap<string, UnitFigures>, leaves: ReadonlyMap<string, number>, seed: number): UnitFigures[] {
  const rng = createRng(seedFor(seed, `split:${unit.code}`));
  const free = kids.filter((k) => !fixed.has(k.code));
  const taken = kids.filter((k) => fixed.has(k.code)).map((k) => fixed.get(k.code) as UnitFigures);
  const rest = taken.length === 0 ? f : subtractFigures(f, sumFigures(taken));
  const weights = free.map((k) => (leaves.get(k.code) ?? 1) * between(rng, 0.6, 1.4));
  const parts = free.length > 0 ? splitFigures(form, rest, weights, rng) : [];
  let j = 0;
  return kids.map((k) => fixed.get(k.code) ?? (parts[j++] as UnitFigures));
}

function subtractFigures(a: UnitFigures, b: UnitFigures): UnitFigures {
  const values: Record<string, number> = {};
  for (const [k, v] of Object.entries(a.values)) {
    values[k] = v - (b.values[k] ?? 0);
    if ((values[k] as number) < 0) throw new RangeError(`fixed figures exceed their parent in ${k}`);
  }
  const items: Record<string, Record<string, Record<string, number>>> = {};
  for (const [sheet, rows] of Object.entries(a.items)) {
    items[sheet] = {};
    for (const [code, cols] of Object.entries(rows)) {
      const r: Record<string, number> = ((items[sheet] as Record<string, Record<string, number>>)[code] = {});
      for (const [c, v] of Object.entries(cols)) r[c] = v - (b.items[sheet]?.[code]?.[c] ?? 0);
    }
  }
  return { values, items };
}

interface CommuneContext {
  readonly form: FormDef;
  readonly period: { readonly id: string; readonly from: string; readonly to: string; readonly due: string };
  readonly villages: { readonly min: number; readonly max: number };
  readonly faults: ReadonlyMap<string, ReadonlySet<keyof FaultOptions>>;
  readonly seed: number;
  /** The map the files are made on, written in ThongTin when a shipped one. */
  readonly map?: string;
}

function buildCommune(unit: Unit, figures: UnitFigures, ctx: CommuneContext): GeneratedCommune {
  const rng = createRng(seedFor(ctx.seed, `xa:${unit.code}`));
  const kinds = ctx.faults.get(unit.code) ?? new Set<keyof FaultOptions>();
  if (kinds.has('missing')) return { unit, figures, files: [] };
  const rows = villageRows(ctx.form, unit, figures, rng, ctx.villages);
  const dueDay = addDays(ctx.period.due, -intBetween(rng, 1, 6));
  const base = (reportDate: string, villageRows: readonly SubmissionDataRow[]): SubmissionData => ({
    info: {
      form: ctx.form.id,
      form_version: ctx.form.version,
      level: unit.level,
      unit_code: unit.code,
      unit_name: unit.name,
      parent_code: unit.parentCode ?? '',
      period: ctx.period.id,
      period_from: ctx.period.from,
      period_to: ctx.period.to,
      report_date: reportDate,
      preparer: SAMPLE_PREPARER,
      phone: '',
      ...(ctx.map !== undefined ? { map: ctx.map } : {}),
    },
    tables: { [mainTableOf(ctx.form).sheet]: villageRows, ...itemRows(ctx.form, figures) },
  });
  const name = `${unit.code}_${asciiName(unit.name)}`;
  const files: GeneratedFile[] = [];
  if (kinds.has('invalid')) {
    const data = base(dueDay, rows);
    files.push({ fileName: `${name}.xlsx`, unit, data: { ...data, totals: { [mainTableOf(ctx.form).sheet]: brokenTotal(ctx.form, rows) } }, fault: 'invalid' });
  } else if (kinds.has('late')) {
    files.push({ fileName: `${name}.xlsx`, unit, data: base(addDays(ctx.period.due, 2), rows), fault: 'late' });
  } else {
    files.push({ fileName: `${name}.xlsx`, unit, data: base(dueDay, rows) });
  }
  if (kinds.has('staleDuplicate')) {
    files.push({ fileName: `${name}_ban_cu.xlsx`, unit, data: base(addDays(dueDay, -10), staleRows(ctx.form, rows)), fault: 'stale' });
  }
  return { unit, figures, files };
}

/** The commune's rows: its villages, with figures that sum to the commune's. */
function villageRows(form: FormDef, unit: Unit, figures: UnitFigures, rng: Rng, range: { readonly min: number; readonly max: number }): SubmissionDataRow[] {
  const k = intBetween(rng, Math.max(1, range.min), Math.max(1, range.min, range.max));
  const weights = Array.from({ length: k }, () => between(rng, 0.5, 1.5));
  const parts = splitFigures(form, figures, weights, rng, { items: false, spread: 0.15 });
  const urban = /^(Phường|Thị trấn)/.test(unit.name);
  const south = Number(unit.code) >= 25000;
  const label = urban ? (south ? 'Khu phố' : 'Tổ dân phố') : south ? 'Ấp' : 'Thôn';
  const prefix = urban ? (south ? 'KP' : 'TDP') : south ? 'AP' : 'TH';
  // Villages have no national code: half the communes leave it blank, half use a local one.
  const coded = rng() < 0.5;
  return parts.map((p, i) => ({ code: coded ? `${prefix}${String(i + 1).padStart(2, '0')}` : '', name: `${label} ${i + 1}`, values: p.values }));
}

/** The item tables (LyDo) of a commune, in form order, blank where an item does not apply. */
function itemRows(form: FormDef, figures: UnitFigures): Record<string, SubmissionDataRow[]> {
  const out: Record<string, SubmissionDataRow[]> = {};
  for (const t of form.tables) {
    if (t.rows !== 'items' || !t.items) continue;
    out[t.sheet] = t.items.map((item) => {
      const cols = figures.items[t.sheet]?.[item.code] ?? {};
      const values = Object.fromEntries(Object.entries(cols).filter(([c]) => !item.only || item.only.includes(c)));
      return { code: item.code, name: item.name, values };
    });
  }
  return out;
}

/** The sum row, with one done figure off by 7: what a hand-edited total looks like. */
function brokenTotal(form: FormDef, rows: readonly SubmissionDataRow[]): SubmissionDataRow {
  const main = mainTableOf(form);
  const values: Record<string, number> = {};
  for (const col of main.columns) {
    if (col.kind !== 'count') continue;
    values[col.key] = rows.reduce((s, r) => s + (r.values[col.key] ?? 0), 0);
  }
  const first = form.indicators.find((i) => i.table === main.sheet);
  if (first) values[first.done] = (values[first.done] ?? 0) + 7;
  return { code: main.total.code, name: main.total.name, values };
}

/** An earlier snapshot: about 10% fewer done, moved to the last accounting outcome so balances still hold. */
function staleRows(form: FormDef, rows: readonly SubmissionDataRow[]): SubmissionDataRow[] {
  const main = mainTableOf(form);
  return rows.map((r) => {
    const values: Record<string, number | null> = { ...r.values };
    for (const ind of form.indicators.filter((i) => i.table === main.sheet)) {
      const done = values[ind.done] ?? 0;
      const less = Math.ceil(done * 0.1);
      values[ind.done] = done - less;
      const sink = ind.accountedBy[ind.accountedBy.length - 1];
      if (sink !== undefined) values[sink] = (values[sink] ?? 0) + less;
    }
    return { ...r, values };
  });
}

/** Fault kinds by commune code; numbers are turned into distinct communes picked by the seed. */
function assignFaults(faults: FaultOptions, registry: UnitRegistry, root: Unit, leafLevel: string | undefined, seed: number): Map<string, Set<keyof FaultOptions>> {
  const out = new Map<string, Set<keyof FaultOptions>>();
  const kinds: Array<keyof FaultOptions> = ['missing', 'invalid', 'late', 'staleDuplicate'];
  let pool: string[] | undefined;
  const rng = createRng(seedFor(seed, `faults:${root.code}`));
  for (const kind of kinds) {
    const pick = faults[kind];
    if (pick === undefined) continue;
    let codes: readonly string[];
    if (typeof pick === 'number') {
      pool ??= shuffled(collectLeaves(registry, root, leafLevel), rng);
      codes = pool.splice(0, Math.max(0, Math.floor(pick)));
    } else codes = pick;
    for (const c of codes) {
      const set = out.get(c) ?? new Set<keyof FaultOptions>();
      set.add(kind);
      out.set(c, set);
    }
  }
  return out;
}

function collectLeaves(registry: UnitRegistry, root: Unit, leafLevel: string | undefined): string[] {
  const out: string[] = [];
  const stack: Unit[] = [root];
  while (stack.length > 0) {
    const u = stack.pop() as Unit;
    if (u.level === leafLevel) out.push(u.code);
    else stack.push(...registry.children(u.code));
  }
  return out.sort();
}

function shuffled<T>(list: T[], rng: Rng): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [list[i], list[j]] = [list[j] as T, list[i] as T];
  }
  return list;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** `Phường Thác Mơ` -> `Phuong_Thac_Mo`: file names that survive every zip tool and file system. */
export function asciiName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

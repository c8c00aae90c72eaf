import { createFinding, hasErrors, type Finding, type FindingLocation } from '../findings/finding';
import type { FormDef, PeriodDef } from '../forms/form-schema';
import { formatDateVi } from '../format/iso-date';
import { cellAddress } from '../grid/cell-address';
import { normalizeCode } from '../text/normalize-text';
import type { Unit } from '../units/unit';
import type { UnitRegistry } from '../units/unit-registry';
import type { ChildReport } from './child-report';
import type { SourceStatus } from './consolidation';

/** One input file after placement: what became of it, for which unit, and why. */
export interface PlacedReport {
  readonly status: SourceStatus;
  /** The unit it reports for, as the registry spells it (or as typed when unknown). */
  readonly unitCode?: string;
  /** Findings the consolidation adds about this file (on top of its own). */
  readonly findings: readonly Finding[];
}

/** Where every report went. */
export interface Placement {
  /** Per report, in input order. */
  readonly reports: readonly PlacedReport[];
  /** Child unit code -> index of the report that stands for it (status used, late or invalid). */
  readonly chosen: ReadonlyMap<string, number>;
}

/** What placement checks reports against. */
export interface PlacementContext {
  readonly form: FormDef;
  readonly registry: UnitRegistry;
  /** The expected children, by code. */
  readonly children: ReadonlyMap<string, Unit>;
  readonly parentCode: string;
  readonly period: string;
  readonly periodDef: PeriodDef | undefined;
}

/**
 * Gives every report exactly one status:
 * - no ThongTin (unreadable file): `ignored` when the reader ignored it on
 *   purpose (a lock file, a `file_ignored` warning and no error), else `invalid`;
 * - a unit that is not one of the expected children: `unexpected`;
 * - another form, another level or another period: `invalid`;
 * - then per child, among its reports of the right form and period, the one
 *   with the latest `report_date` stands for it (tie: latest `modified`, then
 *   the greatest file name); the others are `superseded`, never summed. The
 *   one chosen is `invalid` when it has an error (the unit's latest word is
 *   broken: older figures are not silently used instead), `late` when
 *   reported after the period's due date, else `used`;
 * - a child with no usable report but a refused one (unreadable, another
 *   period, wrong form...) stands as `invalid` with the newest of them, so
 *   that it is "Không hợp lệ", never "Chưa nộp". A file that could not be
 *   read is the child's when its name starts with the child's code (the
 *   folder convention `<code> <name>.xlsx`).
 */
export function placeReports(reports: readonly ChildReport[], ctx: PlacementContext): Placement {
  const placed: Array<{ status: SourceStatus; unitCode?: string; findings: Finding[] }> = [];
  const candidates = new Map<string, number[]>();
  const wantPeriod = normalizeCode(ctx.period).toUpperCase();
  const byNumber = new Map<string, Unit>();
  for (const u of ctx.children.values()) if (/^\d+$/.test(u.code)) byNumber.set(String(Number(u.code)), u);

  reports.forEach((r, i) => {
    const info = r.info;
    const typedCode = unitCodeOf(r);
    const at = (key: string): FindingLocation => ({ file: r.source.file, ...(typedCode !== undefined ? { unitCode: typedCode } : {}), sheet: ctx.form.info.sheet, cell: infoCell(ctx.form, r, key) });
    const has = (code: string): boolean => r.findings.some((f) => f.code === code);
    if (!info) {
      const ignored = has('file_ignored') && !hasErrors(r.findings);
      const findings = ignored || hasErrors(r.findings) ? [] : [createFinding('sheet_missing', { expected: ctx.form.info.sheet }, { file: r.source.file, sheet: ctx.form.info.sheet, cell: 'A1' })];
      placed.push({ status: ignored ? 'ignored' : 'invalid', findings });
      return;
    }
    const typed = typedCode;
    if (typed === undefined) {
      placed.push({ status: 'invalid', findings: has('info_missing') ? [] : [createFinding('info_missing', { key: 'unit_code' }, at('unit_code'))] });
      return;
    }
    // A unit of the other map: its error already says where it went; it stands for no child.
    if (has('unit_abolished') || has('unit_not_yet')) {
      placed.push({ status: 'invalid', unitCode: typed, findings: [] });
      return;
    }
    const child = resolveChild(typed, ctx.children, byNumber);
    const unitCode = child?.code ?? ctx.registry.get(typed)?.code ?? typed;
    if (!child) {
      placed.push({ status: 'unexpected', unitCode, findings: [createFinding('child_unexpected', { code: unitCode, parent: ctx.parentCode }, at('unit_code'))] });
      return;
    }
    const findings: Finding[] = [];
    if (info.form !== undefined && info.form.trim().toUpperCase() !== ctx.form.id.toUpperCase() && !has('form_mismatch')) {
      findings.push(createFinding('form_mismatch', { expected: ctx.form.id, actual: info.form }, at('form')));
    }
    if (info.level !== undefined && normalizeCode(info.level).toLowerCase() !== child.level && !has('level_invalid') && !has('unit_unknown')) {
      findings.push(createFinding('level_invalid', { value: info.level, allowed: child.level }, at('level')));
    }
    if (info.period === undefined) {
      if (!hasErrors(r.findings)) findings.push(createFinding('info_missing', { key: 'period' }, at('period')));
      placed.push({ status: 'invalid', unitCode, findings });
      return;
    }
    if (normalizeCode(info.period).toUpperCase() !== wantPeriod) {
      if (!has('period_mismatch')) findings.push(createFinding('period_mismatch', { expected: ctx.period, actual: info.period }, at('period')));
      placed.push({ status: 'invalid', unitCode, findings });
      return;
    }
    if (findings.length > 0) {
      placed.push({ status: 'invalid', unitCode, findings });
      return;
    }
    placed.push({ status: 'used', unitCode, findings });
    const list = candidates.get(unitCode) ?? [];
    list.push(i);
    candidates.set(unitCode, list);
  });

  const chosen = new Map<string, number>();
  for (const [code, list] of candidates) {
    const order = [...list].sort((a, b) => newer(reports[b] as ChildReport, reports[a] as ChildReport));
    const win = order[0] as number;
    const winner = reports[win] as ChildReport;
    chosen.set(code, win);
    const slot = placed[win] as { status: SourceStatus; findings: Finding[] };
    const due = ctx.periodDef?.due;
    const reportDate = winner.info?.report_date;
    if (hasErrors(winner.findings)) slot.status = 'invalid';
    else if (due !== undefined && reportDate !== undefined && reportDate > due) {
      slot.status = 'late';
      slot.findings.push(createFinding('late', { reportDate: formatDateVi(reportDate), due: formatDateVi(due) }, { file: winner.source.file, unitCode: code, sheet: ctx.form.info.sheet, cell: infoCell(ctx.form, winner, 'report_date') }));
    }
    for (const lose of order.slice(1)) {
      const r = reports[lose] as ChildReport;
      const s = placed[lose] as { status: SourceStatus; findings: Finding[] };
      s.status = 'superseded';
      s.findings.push(createFinding('duplicate_superseded', { code, kept: winner.source.file }, { file: r.source.file, unitCode: code, sheet: ctx.form.info.sheet, cell: infoCell(ctx.form, r, 'report_date') }));
    }
  }
  for (const child of ctx.children.values()) {
    if (chosen.has(child.code)) continue;
    const refused = placed
      .map((p, i) => ({ p, i }))
      .filter(({ p, i }) => p.status === 'invalid' && (p.unitCode === child.code || (p.unitCode === undefined && !reports[i]?.info && fileNameChild(reports[i]?.source.file ?? '', ctx.children, byNumber) === child)))
      .map(({ i }) => i)
      .sort((a, b) => newer(reports[b] as ChildReport, reports[a] as ChildReport));
    const stand = refused[0];
    if (stand === undefined) continue;
    chosen.set(child.code, stand);
    (placed[stand] as { unitCode?: string }).unitCode = child.code;
  }
  return { reports: placed, chosen };
}

/** The expected child a file name starts with (`25308 Thị trấn Thanh Bình.xls`), when its leading code is one. */
function fileNameChild(file: string, children: ReadonlyMap<string, Unit>, byNumber: ReadonlyMap<string, Unit>): Unit | undefined {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const m = /^(\d+)(?!\d)/.exec(base.normalize('NFC'));
  return m?.[1] ? resolveChild(m[1], children, byNumber) : undefined;
}

/**
 * The expected child a typed code means. Excel drops leading zeros of codes
 * typed as numbers, and the same digits padded differently can be another
 * unit elsewhere in the country (`4` is province `04` and commune `00004`):
 * among the expected children the intended one is unambiguous.
 */
function resolveChild(typed: string, children: ReadonlyMap<string, Unit>, byNumber: ReadonlyMap<string, Unit>): Unit | undefined {
  return children.get(typed) ?? (/^\d+$/.test(typed) ? byNumber.get(String(Number(typed))) : undefined);
}

function unitCodeOf(r: ChildReport): string | undefined {
  const c = r.info?.unit_code;
  return c === undefined || normalizeCode(c) === '' ? undefined : normalizeCode(c);
}

/** > 0 when report a is newer than b: report date, then file time, then file name. */
function newer(a: ChildReport, b: ChildReport): number {
  const da = a.info?.report_date ?? '';
  const db = b.info?.report_date ?? '';
  if (da !== db) return da > db ? 1 : -1;
  const ma = time(a.source.modified);
  const mb = time(b.source.modified);
  if (ma !== mb) return ma > mb ? 1 : -1;
  if (a.source.file !== b.source.file) return a.source.file > b.source.file ? 1 : -1;
  return 0;
}

function time(iso: string | undefined): number {
  const t = iso === undefined ? Number.NaN : Date.parse(iso);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/** The A1 cell of a ThongTin value: as the reader found it, else where the form puts it. */
export function infoCell(form: FormDef, r: ChildReport, key: string): string {
  const found = r.infoCells?.[key];
  if (found !== undefined) return found;
  const i = form.info.keys.findIndex((k) => k.key === key);
  return cellAddress(form.info.headerRow + Math.max(0, i), form.info.valueColumn);
}

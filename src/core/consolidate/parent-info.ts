import type { FormDef, PeriodDef } from '../forms/form-schema';
import type { SubmissionInfo } from '../submission/submission';
import type { Unit } from '../units/unit';

/** What the parent's ThongTin is written from. */
export interface ParentInfoInput {
  readonly form: FormDef;
  /** The parent unit; when unknown to the registry, only its code is known. */
  readonly parent: Unit | undefined;
  readonly parentCode: string;
  /** The period id being consolidated, and its definition when the form knows it. */
  readonly period: string;
  readonly periodDef: PeriodDef | undefined;
  /** `yyyy-mm-dd`. */
  readonly reportDate: string;
  readonly preparer?: string;
  readonly phone?: string;
  /** The administrative map the parent's units are on (`2025-07-01`), when a shipped one. */
  readonly map?: string;
}

/**
 * The parent's ThongTin, so that the consolidated workbook is itself a valid
 * submission of the parent's level: the form and version, the parent's level,
 * code, name and own parent (blank at the top of the registry), the period
 * with its dates, and the report date.
 */
export function parentInfo(p: ParentInfoInput): SubmissionInfo {
  const info: Record<string, string> = {
    form: p.form.id,
    form_version: p.form.version,
    level: p.parent?.level ?? '',
    unit_code: p.parent?.code ?? p.parentCode,
    unit_name: p.parent?.name ?? '',
    parent_code: p.parent?.parentCode ?? '',
    period: p.periodDef?.id ?? p.period,
    period_from: p.periodDef?.from ?? '',
    period_to: p.periodDef?.to ?? '',
    report_date: p.reportDate,
  };
  if (p.preparer !== undefined) info.preparer = p.preparer;
  if (p.phone !== undefined) info.phone = p.phone;
  if (p.map !== undefined) info['map'] = p.map;
  return info;
}

/** Today's date where the code runs, `yyyy-mm-dd` (local calendar day, as a person reads it). */
export function localIsoToday(now: Date = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${String(now.getFullYear())}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

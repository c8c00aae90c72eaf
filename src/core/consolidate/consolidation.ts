import type { Progress } from './progress';
import type { Finding } from '../findings/finding';
import type { SubmissionInfo } from '../submission/submission';
import type { Unit } from '../units/unit';
import type { SourceFile, TableTotals } from './child-report';

/** A child unit's standing in a consolidation. */
export type ChildStatus = 'on_time' | 'late' | 'missing' | 'invalid';

/** What happened to an input file. Every file gets one: none is dropped. */
export type SourceStatus = 'used' | 'late' | 'superseded' | 'invalid' | 'unexpected' | 'ignored';

/** One row of the parent's main table: a child unit, reported or not. */
export interface ChildRow {
  readonly unit: Unit;
  readonly status: ChildStatus;
  /** The file whose figures are used (absent when missing). */
  readonly file?: string;
  /** Its total-row figures; null everywhere when missing or invalid. */
  readonly values: Readonly<Record<string, number | null>>;
  /** Indicator key -> rate (done/target), null when undefined. */
  readonly rates: Readonly<Record<string, number | null>>;
  /** Indicator key -> competition rank; null for units without valid data. */
  readonly ranks: Readonly<Record<string, number | null>>;
}

/** One row of `NguonDuLieu`. */
export interface SourceRow extends SourceFile {
  readonly unitCode?: string;
  readonly status: SourceStatus;
  readonly reportDate?: string;
}

/** Submitted x/y on time, late, missing, invalid. */
export interface Completeness {
  readonly expected: number;
  readonly onTime: number;
  readonly late: number;
  readonly missing: number;
  readonly invalid: number;
}

/** The parent's table: its children's rows, totals, reasons, sources, findings and narrative. */
export interface Consolidation {
  /** The parent's ThongTin, ready to be a submission for the next level. */
  readonly info: SubmissionInfo;
  readonly children: readonly ChildRow[];
  /** Sum of the valid children's figures, and its rates. */
  readonly total: { readonly values: Readonly<Record<string, number | null>>; readonly rates: Readonly<Record<string, number | null>> };
  /** Each item table summed over valid children (sheet -> code -> column -> value). */
  readonly items: Readonly<Record<string, TableTotals>>;
  readonly findings: readonly Finding[];
  readonly sources: readonly SourceRow[];
  readonly completeness: Completeness;
  /** The draft report, one paragraph per entry. */
  readonly narrative: readonly string[];
  /** Each child's progress since the previous period, when one was given. */
  readonly progress?: Progress;
}

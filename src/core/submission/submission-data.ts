import type { Scalar } from '../grid/scalar';
import type { SubmissionInfo } from './submission';

/**
 * One row to render into a table: a child unit or an item, with its figures.
 * Plain data, so the consolidation, the CLI's `template` command and tests
 * all build submissions the same way.
 */
export interface SubmissionDataRow {
  /** Unit code or item code (`25216`, `R01`); blank for a village without a code. */
  readonly code: string;
  readonly name: string;
  /** Count columns by key; `null` (or absent) is a blank cell. */
  readonly values: Readonly<Record<string, number | null>>;
  /** Text and enum columns by key. */
  readonly texts?: Readonly<Record<string, string>>;
  /** computed column key -> value (rates, ranks, status) */
  readonly computed?: Readonly<Record<string, Scalar>>;
}

/** What `renderSubmission` writes: the ThongTin values and each table's rows. */
export interface SubmissionData {
  /** ThongTin values; dates as `yyyy-mm-dd`. */
  readonly info: SubmissionInfo;
  /** sheet -> rows (without the total row) */
  readonly tables: Readonly<Record<string, readonly SubmissionDataRow[]>>;
  /** sheet -> total row; computed as column sums (null when every row is null) when absent */
  readonly totals?: Readonly<Record<string, SubmissionDataRow>>;
}

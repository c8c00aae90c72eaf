import type { Finding } from '../findings/finding';
import type { SubmissionInfo } from '../submission/submission';

/** An input file as the sources sheet lists it. */
export interface SourceFile {
  /** File name (or drive path) as shown to people. */
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
  /** Last modification time of the file, ISO 8601, when known. */
  readonly modified?: string;
}

/** Totals of one table: by row code (`TONG` for the total row), then column key. */
export type TableTotals = Readonly<Record<string, Readonly<Record<string, number | null>>>>;

/**
 * What consolidation needs from one input file, and no more: so files can be
 * read and validated one at a time (or in workers) and dropped, and a whole
 * country fits in memory.
 */
export interface ChildReport {
  readonly source: SourceFile;
  /** Every finding of reading and validating the file, located in it. */
  readonly findings: readonly Finding[];
  /** Its ThongTin, when the file could be read. */
  readonly info?: SubmissionInfo;
  /**
   * ThongTin key -> A1 cell of its value, so consolidation findings about
   * the file (wrong period, late) point at the right cell. When absent, the
   * form's own row order is assumed.
   */
  readonly infoCells?: Readonly<Record<string, string>>;
  /** The total row of the main table (column key -> value). */
  readonly total?: Readonly<Record<string, number | null>>;
  /** Each item table's rows and total (sheet -> code -> column -> value). */
  readonly items?: Readonly<Record<string, TableTotals>>;
}

import type { MergeRange } from './merge-overlap';
import type { IsoDateCell } from './scan-worksheet';

/** One worksheet as the preflight checked it. */
export interface CheckedSheet {
  /** The tab name, as the workbook part lists it. */
  readonly name: string;
  /** `visible`, `hidden` or `veryHidden`. */
  readonly state: string;
  /**
   * The worksheet part reduced to its values and merges, root prefix
   * removed, every row and cell with its `r` reference (see scanWorksheet).
   */
  readonly values: Uint8Array;
  /** Its merged ranges, checked not to overlap. */
  readonly merges: readonly MergeRange[];
  /** The `t="d"` cells, whose ISO text ExcelJS cannot read. */
  readonly isoDates: readonly IsoDateCell[];
}

/**
 * A workbook's parts that hold values, inflated once and checked against
 * the limits by the preflight: what the value readers work from, with no
 * zip around them.
 */
export interface CheckedWorkbook {
  /** Worksheets in tab order. */
  readonly sheets: readonly CheckedSheet[];
  /** The shared strings part, root prefix removed. */
  readonly sharedStrings?: Uint8Array;
  /** The styles part, root prefix removed. */
  readonly styles?: Uint8Array;
  /** Dates count from 1904 (old Mac workbooks) rather than 1900. */
  readonly date1904: boolean;
}

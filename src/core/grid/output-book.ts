import type { Scalar } from './scalar';

/** A 0-based rectangle of cells, inclusive. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** How a column looks. */
export interface OutputColumn {
  readonly width?: number;
  readonly numFmt?: string;
  readonly hidden?: boolean;
  /** Wrap long text (a paragraph per cell) instead of letting it run past the column. */
  readonly wrap?: boolean;
}

/**
 * A sheet to write, as data: the core decides what a consolidated workbook
 * or a template holds, and each adapter (ExcelJS file, Office.js workbook)
 * only renders it. Strings are always written as literal text, never as
 * formulas, whatever they start with.
 */
export interface OutputSheet {
  readonly name: string;
  readonly rows: ReadonlyArray<ReadonlyArray<Scalar>>;
  readonly columns?: readonly OutputColumn[];
  readonly hiddenRows?: readonly number[];
  /** Rows rendered bold as headers (0-based); files also centre and wrap them, tall enough for their text. */
  readonly headerRows?: readonly number[];
  /** The total row, rendered bold (0-based). */
  readonly totalRow?: number;
  readonly frozen?: { readonly rows: number; readonly columns: number };
  readonly merges?: readonly CellRange[];
  /** An autofilter over the header row and the data below it. */
  readonly filter?: CellRange;
  /** Columns (0-based) whose data rows (below the header and key rows, above the total) get data bars. */
  readonly rateColumns?: readonly number[];
  /** Cells a person types into: unlocked, whole numbers >= 0 only. */
  readonly inputs?: readonly CellRange[];
  /**
   * Cells a person types text into (a village's code and name, a service's
   * connection status and difficulties): unlocked, no number rule; when
   * `values` is given only those words are allowed (a drop-down list).
   */
  readonly textInputs?: ReadonlyArray<{ readonly range: CellRange; readonly values?: readonly string[] }>;
  /** Protect the sheet (key rows locked; `inputs` and `textInputs` stay editable). */
  readonly protect?: boolean;
  /**
   * Formulas PHU itself writes (a template's total row: `SUM(D4:D20)`),
   * with the result to cache so that a file read back before Excel
   * recalculates still has values. Never built from input text.
   */
  readonly formulas?: ReadonlyArray<{ readonly row: number; readonly col: number; readonly formula: string; readonly result: number }>;
  /**
   * Who sees the sheet: `veryHidden` sheets (the form a workbook carries)
   * cannot be unhidden from Excel's menus, only by code. Visible when absent.
   */
  readonly state?: 'visible' | 'hidden' | 'veryHidden';
  /** How the sheet prints; absent means the writer's defaults (portrait, no titles). */
  readonly print?: OutputPrint;
}

/** Page set-up of a sheet, so PHU's own outputs print well. */
export interface OutputPrint {
  readonly orientation?: 'portrait' | 'landscape';
  /** Scale to fit all columns on one page width (height unbounded). */
  readonly fitToWidth?: boolean;
  /** Rows (0-based, inclusive) repeated at the top of every printed page. */
  readonly repeatRows?: { readonly top: number; readonly bottom: number };
}

/** A workbook to write: its sheets in order. */
export interface OutputBook {
  readonly sheets: readonly OutputSheet[];
}

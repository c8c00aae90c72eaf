/** One data row of a table: its key, name and the numbers of its count columns. */
export interface TableRow {
  /** Unit code or item code (`25216`, `R01`, `TONG`), normalized. */
  readonly code: string;
  readonly name: string;
  /** Count columns by key; `null` for a blank or unreadable cell. */
  readonly values: Readonly<Record<string, number | null>>;
  /** Text and enum columns by key. */
  readonly texts: Readonly<Record<string, string>>;
  /** 0-based sheet row, so findings and highlights can point at it. */
  readonly row: number;
}

/** A table read from its sheet: where each key is, its rows and total row. */
export interface ParsedTable {
  readonly sheet: string;
  /** 0-based column index of each key found in the key row. */
  readonly columns: Readonly<Record<string, number>>;
  readonly rows: readonly TableRow[];
  readonly total?: TableRow;
}

/** The `ThongTin` values, read and normalized (dates as `yyyy-mm-dd`). */
export interface SubmissionInfo {
  readonly form?: string;
  readonly form_version?: string;
  readonly level?: string;
  readonly unit_code?: string;
  readonly unit_name?: string;
  readonly parent_code?: string;
  readonly period?: string;
  readonly period_from?: string;
  readonly period_to?: string;
  readonly report_date?: string;
  readonly preparer?: string;
  readonly phone?: string;
  readonly [key: string]: string | undefined;
}

/** A submission as read: metadata and tables, whatever the findings say. */
export interface Submission {
  readonly info: SubmissionInfo;
  readonly tables: Readonly<Record<string, ParsedTable>>;
}

/**
 * Every failure PHU reports about its inputs and outputs (a drive, a file
 * the command line was given) rather than about a submission, with the
 * parameters its wording needs: the failures' counterpart of FINDING_CODES.
 * Codes are stable; the wording is chosen by language at the edge.
 */
export const FAILURE_CODES = {
  // Drives (a local folder, SharePoint).
  path_outside_root: ['path'],
  path_invalid: ['path'],
  name_invalid: ['name'],
  not_found: ['path'],
  access_denied: ['path'],
  no_space: ['path'],
  is_folder: ['path'],
  not_a_file: ['path'],
  too_large: ['path', 'bytes', 'limit'],
  io_failed: ['path', 'detail'],
  // Inputs of the command line and the pane.
  input_unreadable: ['what', 'file', 'detail'],
  previous_first_period: ['period', 'form'],
  previous_auto_convention: ['example'],
  previous_not_a_report: ['file', 'form'],
  previous_file_missing: ['file'],
  previous_folder_missing: ['folder'],
  previous_folder_empty: ['folder', 'period'],
  // Templates.
  unit_unknown: ['code'],
  period_unknown: ['period', 'form', 'periods'],
} as const satisfies Record<string, readonly string[]>;

export type FailureCode = keyof typeof FAILURE_CODES;

/** The parameters of a failure of code C. */
export type FailureParams<C extends FailureCode> = { readonly [K in (typeof FAILURE_CODES)[C][number]]: string | number };

/** A failure as a value: its code and parameters, worded by `failureText`. */
export type Failure = { [C in FailureCode]: { readonly code: C; readonly params: FailureParams<C> } }[FailureCode];

/**
 * A failure of code C.
 *
 * @example failure('not_found', { path: 'TK/688' })
 */
export function failure<C extends FailureCode>(code: C, params: FailureParams<C>): Failure {
  return { code, params } as Failure;
}

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
  targets_unreadable: ['file', 'detail'],
  previous_unreadable: ['file', 'detail'],
  previous_first_period: ['period', 'form'],
  previous_auto_convention: ['example'],
  previous_not_a_report: ['file', 'form'],
  previous_file_missing: ['file'],
  previous_folder_missing: ['folder'],
  previous_folder_empty: ['folder', 'period'],
  // The command line itself.
  command_unknown: ['command', 'commands'],
  command_missing: ['option'],
  option_unknown: ['option'],
  option_needs_value: ['option'],
  // A value that starts with "-" needs --option=value.
  option_value_dash: ['option'],
  argument_unexpected: ['argument'],
  lang_invalid: ['lang'],
  option_missing: ['option'],
  date_invalid: ['option', 'text'],
  form_unknown: ['form', 'forms'],
  period_missing: ['form', 'periods'],
  period_unknown: ['period', 'form', 'periods'],
  unit_unknown: ['unit', 'map'],
  // A unit of another map: the parameters of the unit finding that explains it (unit_abolished, unit_not_yet).
  unit_abolished_here: ['code', 'name', 'successors', 'date', 'map'],
  unit_not_yet_here: ['code', 'name', 'predecessors', 'date', 'map'],
  map_invalid: ['map', 'maps'],
  form_file_missing: ['file'],
  form_file_invalid: ['file'],
  // Outputs: the causes people can act on have their own code, the others carry the system's detail.
  output_exists: ['file'],
  output_access_denied: ['file'],
  output_no_space: ['file'],
  output_busy: ['file'],
  output_unwritable: ['file', 'detail'],
  // `phu push`.
  push_unreadable: ['file'],
  // The checks before pushing: the detail is the reader's findings, worded in the same language.
  push_not_a_workbook: ['detail'],
  push_unit_missing: ['sheet'],
  graph_auth_hint: [],
  // Arguments and options of each command.
  argument_not_output: ['command', 'argument'],
  options_out_and_out_dir: [],
  rows_invalid: ['text'],
  no_children_for_templates: ['unit'],
  no_children_for_targets: ['unit'],
  no_children_to_consolidate: ['unit'],
  outputs_exist: ['count', 'file'],
  consolidate_needs_folder: [],
  consolidate_one_folder: ['argument'],
  validate_needs_file: [],
  file_not_found: ['file'],
  file_is_folder: ['file'],
  file_unreadable: ['file', 'detail'],
  form_action_missing: [],
  form_action_unknown: ['action'],
  form_export_needs_id: ['forms'],
  form_export_one: ['argument'],
  form_id_unknown: ['form', 'forms'],
  form_check_needs_file: [],
  form_check_one: ['argument'],
  form_no_period: ['form'],
  convert_needs_input: [],
  convert_one_input: ['argument'],
  convert_to_map: ['to', 'from'],
  convert_choose_unit: ['count', 'units'],
  push_needs_file: [],
  push_one_file: ['argument'],
  push_if_match_alone: [],
  drive_invalid: ['drive', 'schemes'],
  drive_local_empty: [],
  drive_graph_empty: [],
  // Microsoft Graph (SharePoint, OneDrive): `action` is a GraphAction code, `path` what it concerned ('' for none),
  // `detail` the HTTP status and Graph's error code.
  graph_signed_out: [],
  graph_forbidden: ['action', 'path', 'detail'],
  graph_not_found: ['action', 'path', 'detail'],
  graph_too_large: ['action', 'path', 'detail'],
  graph_locked: ['action', 'path', 'detail'],
  graph_busy: ['action', 'path', 'detail'],
  graph_failed: ['action', 'path', 'detail'],
  graph_busy_retries_used: ['action', 'path', 'status', 'wait'],
  graph_connection_retries_used: ['action', 'path'],
  graph_timeout: ['action', 'path'],
  graph_connection_lost: ['action', 'path'],
  graph_same_page: ['action', 'path'],
  graph_no_upload_url: ['action', 'path'],
  graph_no_download_url: ['action', 'path'],
  graph_session_expired_twice: ['action', 'path'],
  graph_unreadable_reply: ['action', 'path'],
  graph_upload_incomplete: ['action', 'path'],
  graph_chunk_refused: ['action', 'path'],
  graph_session_state: ['action', 'path'],
  graph_file_not_folder: ['path'],
  graph_name_invalid: ['name'],
  graph_link_invalid: [],
  graph_link_not_https: [],
  graph_link_no_library: [],
  graph_base_url_invalid: ['url'],
  graph_base_url_not_https: ['url'],
  graph_base_url_shape: [],
  graph_base_url_no_version: ['url'],
  graph_next_link_elsewhere: [],
  graph_no_drive_id: [],
  // `what` is a GraphReply code.
  graph_bad_reply: ['what'],
  // Signing in to Microsoft 365 from the command line.
  graph_not_signed_in: [],
  graph_device_code_failed: ['detail'],
  graph_drive_id_missing: [],
  graph_simple_upload_max: ['value'],
} as const satisfies Record<string, readonly string[]>;

export type FailureCode = keyof typeof FAILURE_CODES;

/** What a Microsoft Graph request was doing, by code: the `action` of the graph_* failures. */
export const GRAPH_ACTIONS = ['list', 'download', 'upload', 'create_folder', 'open_link', 'list_sites', 'list_libraries'] as const;

export type GraphAction = (typeof GRAPH_ACTIONS)[number];

/** What a Graph reply should have been, by code: the `what` of graph_bad_reply. */
export type GraphReply = 'file_list' | 'uploaded_file' | 'upload_session' | 'upload_session_state' | 'file_info' | 'shared_item' | 'site_list' | 'library_list';

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

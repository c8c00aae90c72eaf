/**
 * Every finding PHU can report, with its severity and the parameters its
 * wording needs. Codes are stable: tests, `--json` output and the `KiemTra`
 * sheet rely on them; wording lives apart in the message tables.
 */
export const FINDING_CODES = {
  // The file itself (read before any sheet is looked at).
  file_empty: { severity: 'error' },
  file_not_workbook: { severity: 'error', params: ['detected'] },
  file_xls_binary: { severity: 'error' },
  file_encrypted: { severity: 'error' },
  file_corrupt: { severity: 'error', params: ['reason', 'part', 'extra'] },
  file_too_large: { severity: 'error', params: ['bytes', 'limit'] },
  zip_bomb: { severity: 'error', params: ['expanded', 'limit'] },
  sheet_too_large: { severity: 'error', params: ['rows', 'columns', 'limit'] },
  workbook_too_large: { severity: 'error', params: ['cells', 'limit'] },
  strings_too_large: { severity: 'error', params: ['bytes', 'limit'] },
  file_ignored: { severity: 'warning', params: ['reason'] },
  external_links_ignored: { severity: 'warning', params: ['count'] },
  macros_ignored: { severity: 'warning' },
  formula_uncalculated: { severity: 'error', params: ['formula', 'count', 'cells'] },
  file_name_mismatch: { severity: 'warning', params: ['expected', 'actual'] },
  zip_entries_too_many: { severity: 'error', params: ['count', 'limit'] },
  xml_too_deep: { severity: 'error', params: ['part', 'depth', 'limit'] },
  // Structure.
  sheet_missing: { severity: 'error', params: ['expected'] },
  column_missing: { severity: 'error', params: ['key'] },
  info_missing: { severity: 'error', params: ['key'] },
  form_mismatch: { severity: 'error', params: ['expected', 'actual'] },
  form_version_mismatch: { severity: 'error', params: ['expected', 'actual'] },
  total_row_missing: { severity: 'error' },
  key_row_missing: { severity: 'error', params: ['row'] },
  key_row_read_by_labels: { severity: 'warning', params: ['row', 'labelRow'] },
  total_row_duplicate: { severity: 'error', params: ['first'] },
  row_duplicate: { severity: 'error', params: ['code', 'first'] },
  item_missing: { severity: 'error', params: ['code'] },
  item_unknown: { severity: 'error', params: ['code'] },
  // Identity.
  level_invalid: { severity: 'error', params: ['value', 'allowed'] },
  unit_unknown: { severity: 'error', params: ['code', 'level'] },
  unit_name_mismatch: { severity: 'warning', params: ['expected', 'actual'] },
  parent_mismatch: { severity: 'error', params: ['expected', 'actual'] },
  period_unknown: { severity: 'error', params: ['value', 'allowed'] },
  period_mismatch: { severity: 'error', params: ['expected', 'actual'] },
  row_not_child: { severity: 'error', params: ['code', 'parent'] },
  // Numbers, dates and text.
  number_as_text: { severity: 'error', params: ['value', 'intended'] },
  not_a_number: { severity: 'error', params: ['value'] },
  number_negative: { severity: 'error', params: ['value'] },
  number_not_integer: { severity: 'error', params: ['value'] },
  cell_error: { severity: 'error', params: ['value'] },
  value_not_allowed: { severity: 'error', params: ['value', 'allowed'] },
  date_as_text: { severity: 'warning', params: ['value', 'intended'] },
  date_invalid: { severity: 'error', params: ['value'] },
  date_implausible: { severity: 'error', params: ['value', 'from', 'to'] },
  // Sums and balances.
  total_mismatch: { severity: 'error', params: ['column', 'expected', 'actual'] },
  cross_total_mismatch: { severity: 'error', params: ['column', 'expected', 'actual', 'other'] },
  reason_not_applicable: { severity: 'error', params: ['code', 'column'] },
  rule_exceeds: { severity: 'error', params: ['left', 'right', 'leftValue', 'rightValue'] },
  rule_sum_mismatch: { severity: 'error', params: ['parts', 'total', 'sum', 'totalValue'] },
  balance_exceeds: { severity: 'error', params: ['indicator', 'sum', 'target'] },
  balance_short: { severity: 'warning', params: ['indicator', 'sum', 'target'] },
  done_exceeds_target: { severity: 'error', params: ['indicator', 'done', 'target'] },
  target_mismatch: { severity: 'error', params: ['column', 'assigned', 'submitted'] },
  // Plausibility.
  rate_implausible: { severity: 'warning', params: ['indicator', 'rate', 'limit'] },
  decreased_since_previous: { severity: 'warning', params: ['column', 'previous', 'current'] },
  rate_without_base: { severity: 'warning', params: ['indicator', 'stated', 'done', 'target'] },
  rate_stated_wrong: { severity: 'warning', params: ['indicator', 'stated', 'done', 'target', 'computed'] },
  // Target tables (bảng chỉ tiêu).
  target_column_unknown: { severity: 'error', params: ['key', 'allowed'] },
  target_split_mismatch: { severity: 'error', params: ['code', 'column', 'assigned', 'sum'] },
  // Consolidation.
  child_missing: { severity: 'warning', params: ['code', 'name'] },
  child_unexpected: { severity: 'error', params: ['code', 'parent'] },
  duplicate_superseded: { severity: 'warning', params: ['code', 'kept'] },
  late: { severity: 'warning', params: ['reportDate', 'due'] },
  // A file's reading stopped by its budget (a worker's memory cap or deadline).
  file_too_complex: { severity: 'error', params: ['megabytes'] },
  file_read_too_long: { severity: 'error', params: ['seconds'] },
  // Administrative maps (before and after the reform of 01/07/2025).
  unit_abolished: { severity: 'error', params: ['code', 'name', 'successors', 'date', 'map'] },
  unit_not_yet: { severity: 'error', params: ['code', 'name', 'predecessors', 'date', 'map'] },
  map_period_mismatch: { severity: 'warning', params: ['map', 'expected', 'periodTo'] },
  map_mismatch: { severity: 'warning', params: ['fileMap', 'map'] },
  previous_partial: { severity: 'warning', params: ['code', 'name', 'parts'] },
  previous_incomplete: { severity: 'warning', params: ['code', 'name', 'missing'] },
  // Form definitions (a form as a JSON file; the form a workbook carries). `path` is the JSON path.
  form_json_invalid: { severity: 'error', params: ['detail'] },
  form_json_too_large: { severity: 'error', params: ['bytes', 'limit'] },
  form_field_missing: { severity: 'error', params: ['path'] },
  form_field_unknown: { severity: 'error', params: ['path', 'name'] },
  form_field_type: { severity: 'error', params: ['path', 'expected'] },
  form_field_value: { severity: 'error', params: ['path', 'allowed'] },
  form_field_format: { severity: 'error', params: ['path', 'example'] },
  form_field_too_small: { severity: 'error', params: ['path', 'minimum'] },
  form_field_invalid: { severity: 'error', params: ['path', 'detail'] },
  form_reference_unknown: { severity: 'error', params: ['path', 'value', 'where'] },
  form_duplicate: { severity: 'error', params: ['path', 'value'] },
  form_info_key_missing: { severity: 'error', params: ['path', 'key'] },
  form_no_periods: { severity: 'error', params: ['path'] },
  form_date_invalid: { severity: 'error', params: ['path', 'value'] },
  form_dates_out_of_order: { severity: 'error', params: ['path', 'first', 'second'] },
  form_period_id_invalid: { severity: 'error', params: ['path', 'value', 'example'] },
  form_carried_invalid: { severity: 'error', params: ['sheet'] },
  form_carried_differs: { severity: 'error', params: ['form', 'expected', 'actual'] },
  form_carried_hash_mismatch: { severity: 'error', params: ['sheet'] },
} as const satisfies Record<string, { severity: 'error' | 'warning'; params?: readonly string[] }>;

export type FindingCode = keyof typeof FINDING_CODES;
export type Severity = 'error' | 'warning';

type ParamNames<C extends FindingCode> = (typeof FINDING_CODES)[C] extends { params: readonly (infer P)[] } ? P & string : never;

/** The parameters of a finding of code C: values quoted in its wording. */
export type FindingParams<C extends FindingCode> = { readonly [K in ParamNames<C>]: string | number };

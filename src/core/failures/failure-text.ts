import type { Failure, FailureCode, FailureParams } from './failure-codes';

type Wording = { readonly [C in FailureCode]: (p: FailureParams<C>) => string };

/** Vietnamese wording of every failure. */
export const FAILURE_MESSAGES_VI: Wording = {
  path_outside_root: (p) => `Đường dẫn "${p.path}" nằm ngoài thư mục gốc.`,
  path_invalid: (p) => `Đường dẫn "${p.path}" không hợp lệ (không được dùng "..").`,
  name_invalid: (p) => `Tên tệp "${p.name}" không hợp lệ.`,
  not_found: (p) => `Không tìm thấy "${p.path}".`,
  access_denied: (p) => `Không có quyền truy cập "${p.path}".`,
  no_space: (p) => `Không đủ chỗ để ghi "${p.path}".`,
  is_folder: (p) => `"${p.path}" là thư mục, không phải tệp.`,
  not_a_file: (p) => `"${p.path}" không phải tệp thông thường.`,
  too_large: (p) => `"${p.path}" quá lớn (${p.bytes} byte, giới hạn ${p.limit} byte).`,
  io_failed: (p) => `Không đọc/ghi được "${p.path}" (${p.detail}).`,
  input_unreadable: (p) => `Không đọc được ${p.what} "${p.file}" (${p.detail}).`,
  previous_first_period: (p) => `Kỳ ${p.period} là kỳ đầu của mẫu ${p.form}: không có kỳ trước để so sánh.`,
  previous_auto_convention: (p) => `--previous auto cần thư mục theo quy ước <mẫu>/<kỳ>/<đơn vị> (ví dụ ${p.example}): hãy chỉ rõ tệp hoặc thư mục kỳ trước.`,
  previous_not_a_report: (p) => `Tệp kỳ trước "${p.file}" không đọc được như một báo cáo ${p.form}.`,
  previous_file_missing: (p) => `Không tìm thấy tệp kỳ trước "${p.file}" trong nguồn dữ liệu.`,
  previous_folder_missing: (p) => `Không tìm thấy thư mục kỳ trước "${p.folder}".`,
  previous_folder_empty: (p) => `Thư mục kỳ trước "${p.folder}" không có báo cáo hợp lệ nào của kỳ ${p.period}.`,
  unit_unknown: (p) => `Không có đơn vị mã "${p.code}" trong danh mục hành chính.`,
  period_unknown: (p) => `Kỳ "${p.period}" không có trong mẫu ${p.form} (${p.periods}).`,
};

/** English wording of every failure. */
export const FAILURE_MESSAGES_EN: Wording = {
  path_outside_root: (p) => `The path "${p.path}" is outside the root folder.`,
  path_invalid: (p) => `The path "${p.path}" is not valid (".." is not allowed).`,
  name_invalid: (p) => `The file name "${p.name}" is not valid.`,
  not_found: (p) => `"${p.path}" was not found.`,
  access_denied: (p) => `No permission to access "${p.path}".`,
  no_space: (p) => `Not enough space to write "${p.path}".`,
  is_folder: (p) => `"${p.path}" is a folder, not a file.`,
  not_a_file: (p) => `"${p.path}" is not a regular file.`,
  too_large: (p) => `"${p.path}" is too large (${p.bytes} bytes, limit ${p.limit} bytes).`,
  io_failed: (p) => `Could not read or write "${p.path}" (${p.detail}).`,
  input_unreadable: (p) => `Could not read the ${p.what} "${p.file}" (${p.detail}).`,
  previous_first_period: (p) => `Period ${p.period} is the first of form ${p.form}: there is no previous period to compare with.`,
  previous_auto_convention: (p) => `--previous auto needs a folder named by the convention <form>/<period>/<unit> (for example ${p.example}): name the previous period's file or folder.`,
  previous_not_a_report: (p) => `The previous period's file "${p.file}" cannot be read as a ${p.form} report.`,
  previous_file_missing: (p) => `The previous period's file "${p.file}" was not found in the source.`,
  previous_folder_missing: (p) => `The previous period's folder "${p.folder}" was not found.`,
  previous_folder_empty: (p) => `The previous period's folder "${p.folder}" has no valid report of period ${p.period}.`,
  unit_unknown: (p) => `No unit of code "${p.code}" in the administrative catalogue.`,
  period_unknown: (p) => `Period "${p.period}" is not in form ${p.form} (${p.periods}).`,
};

/**
 * The wording of a failure in a language.
 *
 * @example failureText(failure('not_found', { path: 'TK' }), 'en') // '"TK" was not found.'
 */
export function failureText(f: Failure, lang: 'vi' | 'en'): string {
  const table = lang === 'en' ? FAILURE_MESSAGES_EN : FAILURE_MESSAGES_VI;
  return (table[f.code] as (p: Failure['params']) => string)(f.params);
}

/**
 * The wording of an error in a language: from its failure code when it
 * carries one, else its message.
 *
 * @example errorText(new DriveError('not_found', failure('not_found', { path: 'TK' })), 'en')
 */
export function errorText(err: unknown, lang: 'vi' | 'en'): string {
  const f = typeof err === 'object' && err !== null && 'failure' in err ? (err as { failure?: Failure }).failure : undefined;
  if (f) return failureText(f, lang);
  return err instanceof Error ? err.message : String(err);
}

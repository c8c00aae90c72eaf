import { MESSAGES_EN } from '../findings/messages-en';
import { MESSAGES_VI } from '../findings/messages-vi';
import type { Failure, FailureCode, FailureParams } from './failure-codes';

/** The placeholder the Vietnamese usage names for each required option's value. */
const ARG_VI: Readonly<Record<string, string>> = { unit: '<mã đơn vị>', out: '<tệp>' };

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
  command_unknown: (p) => `Không có lệnh "${p.command}". Các lệnh: ${p.commands}.`,
  command_missing: (p) => `Cần tên lệnh trước tùy chọn "${p.option}".`,
  option_unknown: (p) => `Tùy chọn không hợp lệ: ${p.option}.`,
  option_needs_value: (p) => `Tùy chọn ${p.option} cần một giá trị.`,
  option_value_dash: (p) => `Tùy chọn ${p.option} cần một giá trị (nếu giá trị bắt đầu bằng "-", hãy viết --tùy-chọn=giá-trị).`,
  argument_unexpected: (p) => `Lệnh không nhận đối số "${p.argument}".`,
  lang_invalid: (p) => `--lang chỉ nhận "vi" hoặc "en", không nhận "${p.lang}".`,
  option_missing: (p) => `Thiếu --${p.option} ${ARG_VI[p.option] ?? '<giá trị>'}.`,
  date_invalid: (p) => `--${p.option} cần một ngày dạng dd/mm/yyyy, không nhận "${p.text}".`,
  form_unknown: (p) => `Không có mẫu biểu "${p.form}". Các mẫu biểu: ${p.forms}, hoặc một tệp mẫu biểu .json.`,
  period_missing: (p) => `Thiếu --period <kỳ>. Các kỳ của mẫu ${p.form}: ${p.periods}.`,
  period_unknown: (p) => `Kỳ báo cáo "${p.period}" không có trong mẫu ${p.form}. Các kỳ: ${p.periods}.`,
  unit_unknown: (p) =>
    `Mã đơn vị "${p.unit}" không có trong danh mục đơn vị hành chính${p.map !== '' ? ` ${p.map}` : ''} (ví dụ: 70 là tỉnh Bình Phước, 688 là thị xã Phước Long trên danh mục 2025-03-01; 75 là tỉnh Đồng Nai trên danh mục 2025-07-01).`,
  unit_abolished_here: (p) => `${MESSAGES_VI.unit_abolished(p)} (chọn danh mục bằng --map)`,
  unit_not_yet_here: (p) => `${MESSAGES_VI.unit_not_yet(p)} (chọn danh mục bằng --map)`,
  map_invalid: (p) => `--map cần một trong: ${p.maps}; không nhận "${p.map}".`,
  form_file_missing: (p) => `Không tìm thấy tệp mẫu biểu "${p.file}".`,
  form_file_invalid: (p) => `Tệp mẫu biểu "${p.file}" không hợp lệ: hãy sửa theo các lỗi trên (kiểm tra lại bằng "phu form check ${p.file}").`,
  output_exists: (p) => `Tệp "${p.file}" đã có: chọn tên khác, hoặc thêm --force để ghi đè.`,
  output_access_denied: (p) => `Không ghi được tệp "${p.file}" (không có quyền ghi).`,
  output_no_space: (p) => `Không ghi được tệp "${p.file}" (ổ đĩa đầy).`,
  output_busy: (p) => `Không ghi được tệp "${p.file}" (tệp đang được mở trong Excel?).`,
  output_unwritable: (p) => `Không ghi được tệp "${p.file}" (${p.detail}).`,
  push_unreadable: (p) => `Không đọc được tệp "${p.file}".`,
  push_not_a_workbook: (p) => `Không phải bảng tính đọc được${p.detail !== '' ? `: ${p.detail}` : '.'}`,
  push_unit_missing: (p) => `Trang ${p.sheet} thiếu mã đơn vị (unit_code) hoặc tên đơn vị (unit_name): không đặt được tên tệp. Hãy điền ThongTin, hoặc đặt tên bằng --name.`,
  graph_auth_hint: () => 'Trên dòng lệnh: đặt PHU_GRAPH_TOKEN mới, hoặc PHU_GRAPH_CLIENT_ID để đăng nhập bằng mã thiết bị.',
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
  command_unknown: (p) => `There is no command "${p.command}". The commands: ${p.commands}.`,
  command_missing: (p) => `A command name is needed before the option "${p.option}".`,
  option_unknown: (p) => `Unknown option: ${p.option}.`,
  option_needs_value: (p) => `The option ${p.option} needs a value.`,
  option_value_dash: (p) => `The option ${p.option} needs a value (if the value starts with "-", write --option=value).`,
  argument_unexpected: (p) => `The command takes no argument "${p.argument}".`,
  lang_invalid: (p) => `--lang takes "vi" or "en", not "${p.lang}".`,
  option_missing: (p) => `--${p.option} is required.`,
  date_invalid: (p) => `--${p.option} needs a date written dd/mm/yyyy, not "${p.text}".`,
  form_unknown: (p) => `There is no form "${p.form}". The forms: ${p.forms}, or a form file (.json).`,
  period_missing: (p) => `--period is required. The periods of form ${p.form}: ${p.periods}.`,
  period_unknown: (p) => `Period "${p.period}" is not in form ${p.form}. The periods: ${p.periods}.`,
  unit_unknown: (p) =>
    `Unit code "${p.unit}" is not in the list of administrative units${p.map !== '' ? ` ${p.map}` : ''} (for example: 70 is Bình Phước province and 688 Phước Long town on the 2025-03-01 list; 75 is Đồng Nai province on the 2025-07-01 list).`,
  unit_abolished_here: (p) => `${MESSAGES_EN.unit_abolished(p)} (choose the unit map with --map)`,
  unit_not_yet_here: (p) => `${MESSAGES_EN.unit_not_yet(p)} (choose the unit map with --map)`,
  map_invalid: (p) => `--map takes one of: ${p.maps}; not "${p.map}".`,
  form_file_missing: (p) => `The form file "${p.file}" was not found.`,
  form_file_invalid: (p) => `The form file "${p.file}" is not valid: fix the errors above (check it again with "phu form check ${p.file}").`,
  output_exists: (p) => `The file "${p.file}" already exists: choose another name, or add --force to overwrite it.`,
  output_access_denied: (p) => `Could not write the file "${p.file}" (no permission to write).`,
  output_no_space: (p) => `Could not write the file "${p.file}" (the disk is full).`,
  output_busy: (p) => `Could not write the file "${p.file}" (is the file open in Excel?).`,
  output_unwritable: (p) => `Could not write the file "${p.file}" (${p.detail}).`,
  push_unreadable: (p) => `Could not read the file "${p.file}".`,
  push_not_a_workbook: (p) => `Not a workbook that can be read${p.detail !== '' ? `: ${p.detail}` : '.'}`,
  push_unit_missing: (p) => `The sheet ${p.sheet} has no unit code (unit_code) or unit name (unit_name): the file cannot be named. Fill in ThongTin, or give the name with --name.`,
  graph_auth_hint: () => 'On the command line: set a new PHU_GRAPH_TOKEN, or PHU_GRAPH_CLIENT_ID to sign in with a device code.',
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

import { MESSAGES_EN } from '../findings/messages-en';
import { MESSAGES_VI } from '../findings/messages-vi';
import type { Failure, FailureCode, FailureParams, GraphAction, GraphReply } from './failure-codes';

/** The placeholder the Vietnamese usage names for each required option's value. */
const ARG_VI: Readonly<Record<string, string>> = { unit: '<mã đơn vị>', out: '<tệp>', to: '<thư mục đích>' };

type Wording = { readonly [C in FailureCode]: (p: FailureParams<C>) => string };

const GRAPH_ACTIONS_VI: Readonly<Record<GraphAction, string>> = {
  list: 'liệt kê thư mục',
  download: 'tải xuống',
  upload: 'tải lên',
  create_folder: 'tạo thư mục',
  open_link: 'mở thư mục theo liên kết',
  list_sites: 'liệt kê các trang SharePoint',
  list_libraries: 'liệt kê các thư viện tài liệu',
};

const GRAPH_ACTIONS_EN: Readonly<Record<GraphAction, string>> = {
  list: 'listing the folder',
  download: 'downloading',
  upload: 'uploading',
  create_folder: 'creating the folder',
  open_link: 'opening the folder of the link',
  list_sites: 'listing the SharePoint sites',
  list_libraries: 'listing the document libraries',
};

/**
 * What a Graph request was doing, in words: `liệt kê thư mục "TK/688"`,
 * `listing the folder "TK/688"`.
 *
 * @example graphDoingText('download', '"a.xlsx"', 'en') // 'downloading "a.xlsx"'
 */
export function graphDoingText(action: string | number, path: string | number, lang: 'vi' | 'en'): string {
  const table = lang === 'en' ? GRAPH_ACTIONS_EN : GRAPH_ACTIONS_VI;
  const what = table[action as GraphAction] ?? String(action);
  return path === '' ? what : `${what} ${path}`;
}

const GRAPH_REPLIES_VI: Readonly<Record<GraphReply, string>> = {
  file_list: 'danh sách tệp',
  uploaded_file: 'tệp vừa tải lên',
  upload_session: 'phiên tải lên',
  upload_session_state: 'trạng thái phiên tải lên',
  file_info: 'thông tin tệp',
  shared_item: 'mục được chia sẻ',
  site_list: 'danh sách trang SharePoint',
  library_list: 'danh sách thư viện',
};

const GRAPH_REPLIES_EN: Readonly<Record<GraphReply, string>> = {
  file_list: 'file list',
  uploaded_file: 'uploaded file',
  upload_session: 'upload session',
  upload_session_state: 'upload session state',
  file_info: 'file information',
  shared_item: 'shared item',
  site_list: 'SharePoint site list',
  library_list: 'library list',
};

const doingVi = (p: { action: string | number; path: string | number }): string => graphDoingText(p.action, p.path, 'vi');
const doingEn = (p: { action: string | number; path: string | number }): string => graphDoingText(p.action, p.path, 'en');

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
  targets_unreadable: (p) => `Không đọc được bảng chỉ tiêu "${p.file}" (${p.detail}).`,
  previous_unreadable: (p) => `Không đọc được tệp tổng hợp kỳ trước "${p.file}" (${p.detail}).`,
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
  graph_signed_out: () => 'Chưa đăng nhập Microsoft 365 hoặc phiên đăng nhập đã hết hạn (đã thử làm mới một lần). Hãy đăng nhập lại rồi thử lại.',
  graph_forbidden: (p) => `Tài khoản đang đăng nhập không có quyền ${doingVi(p)}${p.detail}. Hãy xin quyền truy cập thư viện tài liệu này.`,
  graph_not_found: (p) => `Không tìm thấy khi ${doingVi(p)}${p.detail}.`,
  graph_too_large: (p) => `Tệp quá lớn hoặc thư viện đã hết dung lượng khi ${doingVi(p)}${p.detail}.`,
  graph_locked: (p) => `Tệp đang bị khóa (có người đang mở hoặc đã check-out) khi ${doingVi(p)}${p.detail}.`,
  graph_busy: (p) => `Máy chủ đang quá tải khi ${doingVi(p)}${p.detail}; hãy thử lại sau ít phút.`,
  graph_failed: (p) => `Không ${doingVi(p)} được${p.detail}.`,
  graph_busy_retries_used: (p) =>
    `Máy chủ đang quá tải khi ${doingVi(p)} (HTTP ${p.status}); đã thử lại trong giới hạn thời gian nhưng chưa được.${p.wait !== '' ? ` Máy chủ yêu cầu chờ ${p.wait} giây.` : ''} Hãy thử lại sau.`,
  graph_connection_retries_used: (p) => `Mất kết nối khi ${doingVi(p)}; đã thử lại nhiều lần nhưng chưa được. Hãy kiểm tra mạng rồi thử lại.`,
  graph_timeout: (p) => `Quá thời gian chờ khi ${doingVi(p)}. Hãy kiểm tra mạng rồi thử lại.`,
  graph_connection_lost: (p) => `Mất kết nối khi ${doingVi(p)}. Hãy kiểm tra mạng rồi thử lại.`,
  graph_same_page: (p) => `Máy chủ Graph lặp lại cùng một trang khi ${doingVi(p)}.`,
  graph_no_upload_url: (p) => `Máy chủ không trả về địa chỉ tải lên khi ${doingVi(p)}.`,
  graph_no_download_url: (p) => `Máy chủ không trả về địa chỉ tải xuống khi ${doingVi(p)}.`,
  graph_session_expired_twice: (p) => `Phiên tải lên đã hết hạn hai lần khi ${doingVi(p)}.`,
  graph_unreadable_reply: (p) => `Máy chủ Graph trả về dữ liệu không đọc được khi ${doingVi(p)}.`,
  graph_upload_incomplete: (p) => `Máy chủ đã nhận đủ dữ liệu nhưng chưa tạo tệp khi ${doingVi(p)}.`,
  graph_chunk_refused: (p) => `Máy chủ liên tục từ chối đoạn dữ liệu khi ${doingVi(p)}.`,
  graph_session_state: (p) => `Máy chủ trả về trạng thái phiên tải lên không dùng được khi ${doingVi(p)}.`,
  graph_file_not_folder: (p) => `"${p.path}" là một tệp, không phải thư mục.`,
  graph_name_invalid: (p) => `Tên "${p.name}" không dùng được trên SharePoint/OneDrive (không được chứa " * : < > ? / \\ | hoặc kết thúc bằng dấu chấm, khoảng trắng).`,
  graph_link_invalid: () => 'Đây không phải là một liên kết: hãy mở thư mục trên SharePoint hoặc OneDrive, bấm Sao chép liên kết rồi dán vào đây.',
  graph_link_not_https: () => 'Liên kết SharePoint/OneDrive phải bắt đầu bằng https://.',
  graph_link_no_library: () => 'Máy chủ Graph không cho biết thư viện của liên kết này.',
  graph_base_url_invalid: (p) => `Địa chỉ Graph "${p.url}" không hợp lệ (cần dạng https://graph.microsoft.com/v1.0).`,
  graph_base_url_not_https: (p) => `Địa chỉ Graph "${p.url}" phải dùng https.`,
  graph_base_url_shape: () => 'Địa chỉ Graph chỉ gồm máy chủ và phiên bản, ví dụ https://graph.microsoft.com/v1.0.',
  graph_base_url_no_version: (p) => `Địa chỉ Graph "${p.url}" thiếu phiên bản (ví dụ /v1.0).`,
  graph_next_link_elsewhere: () => 'Máy chủ Graph trả về liên kết trang tiếp theo tới một địa chỉ khác; đã dừng để không gửi thông tin đăng nhập ra ngoài.',
  graph_no_drive_id: () => 'Thiếu mã thư viện tài liệu (drive id).',
  graph_bad_reply: (p) => `Máy chủ Graph trả về dữ liệu không đúng dạng (${GRAPH_REPLIES_VI[p.what as GraphReply] ?? p.what}).`,
  argument_not_output: (p) => `Lệnh ${p.command} không nhận đối số "${p.argument}": nơi ghi kết quả chọn bằng --out.`,
  options_out_and_out_dir: () => 'Dùng --out (một tệp) hoặc --out-dir (mỗi đơn vị trực thuộc một tệp), không dùng cả hai.',
  rows_invalid: (p) => `--rows cần một số nguyên từ 1 đến 500, không nhận "${p.text}".`,
  no_children_for_templates: (p) => `${p.unit} không có đơn vị trực thuộc trong danh mục: --out-dir tạo biểu mẫu cho các đơn vị trực thuộc, hãy dùng --out.`,
  no_children_for_targets: (p) => `${p.unit} không có đơn vị trực thuộc trong danh mục để giao chỉ tiêu.`,
  no_children_to_consolidate: (p) => `${p.unit} không có đơn vị trực thuộc trong danh mục: hãy tổng hợp ở cấp trên của đơn vị nộp báo cáo.`,
  outputs_exist: (p) => `${p.count} tệp đã có (ví dụ "${p.file}"): thêm --force để ghi đè, hoặc chọn thư mục khác.`,
  consolidate_needs_folder: () => 'Thiếu thư mục chứa các tệp báo cáo cần tổng hợp.',
  consolidate_one_folder: (p) => `Chỉ tổng hợp một thư mục mỗi lần, thừa "${p.argument}".`,
  validate_needs_file: () => 'Thiếu tệp cần kiểm tra.',
  file_not_found: (p) => `Không tìm thấy tệp "${p.file}".`,
  file_is_folder: (p) => `"${p.file}" là thư mục: hãy chỉ định các tệp, hoặc dùng "phu consolidate" cho cả thư mục.`,
  file_unreadable: (p) => `Không đọc được tệp "${p.file}" (${p.detail}).`,
  form_action_missing: () => 'Thiếu việc cần làm: list, export hoặc check.',
  form_action_unknown: (p) => `"${p.action}" không phải việc của lệnh form: dùng list, export hoặc check.`,
  form_export_needs_id: (p) => `Thiếu mã mẫu cần xuất. Các mẫu biểu: ${p.forms}.`,
  form_export_one: (p) => `Mỗi lần xuất một mẫu biểu, thừa "${p.argument}".`,
  form_id_unknown: (p) => `Không có mẫu biểu "${p.form}". Các mẫu biểu: ${p.forms}.`,
  form_check_needs_file: () => 'Thiếu tệp mẫu biểu (.json) cần kiểm tra.',
  form_check_one: (p) => `Mỗi lần kiểm tra một tệp mẫu biểu, thừa "${p.argument}".`,
  form_no_period: (p) => `Mẫu ${p.form} không có kỳ báo cáo.`,
  convert_needs_input: () => 'Thiếu tệp hoặc thư mục số liệu theo danh mục cũ.',
  convert_one_input: (p) => `Chỉ chuyển một tệp hoặc thư mục mỗi lần, thừa "${p.argument}".`,
  convert_to_map: (p) => `--to-map cần ${p.to} (chỉ chuyển từ danh mục ${p.from} sang ${p.to}).`,
  convert_choose_unit: (p) => `Số liệu thuộc ${p.count} tỉnh mới (${p.units}): chọn một bằng --unit.`,
  push_needs_file: () => 'Thiếu tệp cần tải lên.',
  push_one_file: (p) => `Mỗi lần tải lên một tệp, thừa "${p.argument}".`,
  push_if_match_alone: () => '--if-match chỉ dùng cùng --replace.',
  drive_invalid: (p) => `--drive "${p.drive}" không hợp lệ: cần bắt đầu bằng một trong ${p.schemes} (ví dụ local:D:/BaoCao).`,
  drive_local_empty: () => '--drive local: cần đường dẫn thư mục gốc, ví dụ local:./BaoCao.',
  drive_graph_empty: () => '--drive graph: cần mã thư viện tài liệu, ví dụ graph:b!AbCd... (hoặc graph:me).',
  graph_not_signed_in: () =>
    'Chưa đăng nhập Microsoft 365: đặt PHU_GRAPH_TOKEN (một access token), hoặc PHU_GRAPH_CLIENT_ID (mã ứng dụng đã đăng ký) để đăng nhập bằng mã thiết bị. Xem docs/graph.md.',
  graph_device_code_failed: (p) => `Đăng nhập bằng mã thiết bị không thành công${p.detail !== '' ? ` (${p.detail})` : ''}. Hãy thử lại.`,
  graph_drive_id_missing: () => 'Thiếu mã thư viện tài liệu: dùng --drive graph:<drive-id> (hoặc graph:me cho OneDrive của bạn).',
  graph_simple_upload_max: (p) => `PHU_GRAPH_SIMPLE_UPLOAD_MAX "${p.value}" phải là một số byte.`,
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
  targets_unreadable: (p) => `Could not read the target table "${p.file}" (${p.detail}).`,
  previous_unreadable: (p) => `Could not read the previous period's consolidated file "${p.file}" (${p.detail}).`,
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
  push_not_a_workbook: (p) => `Not a readable workbook${p.detail !== '' ? `: ${p.detail}` : '.'}`,
  push_unit_missing: (p) => `The sheet ${p.sheet} has no unit code (unit_code) or unit name (unit_name): the file cannot be named. Fill in ThongTin, or give the name with --name.`,
  graph_auth_hint: () => 'On the command line: set a new PHU_GRAPH_TOKEN, or PHU_GRAPH_CLIENT_ID to sign in with a device code.',
  graph_signed_out: () => 'Not signed in to Microsoft 365, or the sign-in has expired (a renewal was tried once). Sign in again, then try again.',
  graph_forbidden: (p) => `The signed-in account has no permission for ${doingEn(p)}${p.detail}. Ask for access to this document library.`,
  graph_not_found: (p) => `Not found when ${doingEn(p)}${p.detail}.`,
  graph_too_large: (p) => `The file is too large or the library is full when ${doingEn(p)}${p.detail}.`,
  graph_locked: (p) => `The file is locked (someone has it open or checked out) when ${doingEn(p)}${p.detail}.`,
  graph_busy: (p) => `The server is overloaded when ${doingEn(p)}${p.detail}; try again in a few minutes.`,
  graph_failed: (p) => `Failed ${doingEn(p)}${p.detail}.`,
  graph_busy_retries_used: (p) =>
    `The server is overloaded when ${doingEn(p)} (HTTP ${p.status}); retried within the time limit without success.${p.wait !== '' ? ` The server asked to wait ${p.wait} seconds.` : ''} Try again later.`,
  graph_connection_retries_used: (p) => `Connection lost when ${doingEn(p)}; retried several times without success. Check the network, then try again.`,
  graph_timeout: (p) => `Timed out when ${doingEn(p)}. Check the network, then try again.`,
  graph_connection_lost: (p) => `Connection lost when ${doingEn(p)}. Check the network, then try again.`,
  graph_same_page: (p) => `The Graph server repeated the same page when ${doingEn(p)}.`,
  graph_no_upload_url: (p) => `The server returned no upload address when ${doingEn(p)}.`,
  graph_no_download_url: (p) => `The server returned no download address when ${doingEn(p)}.`,
  graph_session_expired_twice: (p) => `The upload session expired twice when ${doingEn(p)}.`,
  graph_unreadable_reply: (p) => `The Graph server returned data that cannot be read when ${doingEn(p)}.`,
  graph_upload_incomplete: (p) => `The server received all the data but did not create the file when ${doingEn(p)}.`,
  graph_chunk_refused: (p) => `The server kept refusing a chunk of data when ${doingEn(p)}.`,
  graph_session_state: (p) => `The server returned an upload session state that cannot be used when ${doingEn(p)}.`,
  graph_file_not_folder: (p) => `"${p.path}" is a file, not a folder.`,
  graph_name_invalid: (p) => `The name "${p.name}" cannot be used on SharePoint/OneDrive (it must not contain " * : < > ? / \\ | or end with a dot or a space).`,
  graph_link_invalid: () => 'This is not a link: open the folder in SharePoint or OneDrive, click Copy link, then paste it here.',
  graph_link_not_https: () => 'A SharePoint/OneDrive link must start with https://.',
  graph_link_no_library: () => 'The Graph server did not say which library this link belongs to.',
  graph_base_url_invalid: (p) => `The Graph address "${p.url}" is not valid (it should look like https://graph.microsoft.com/v1.0).`,
  graph_base_url_not_https: (p) => `The Graph address "${p.url}" must use https.`,
  graph_base_url_shape: () => 'The Graph address is only a server and a version, for example https://graph.microsoft.com/v1.0.',
  graph_base_url_no_version: (p) => `The Graph address "${p.url}" lacks a version (for example /v1.0).`,
  graph_next_link_elsewhere: () => "The Graph server's link to the next page points to another address; stopped so as not to send the sign-in elsewhere.",
  graph_no_drive_id: () => 'The id of the document library (drive id) is missing.',
  graph_bad_reply: (p) => `The Graph server returned data in the wrong shape (${GRAPH_REPLIES_EN[p.what as GraphReply] ?? p.what}).`,
  argument_not_output: (p) => `The ${p.command} command takes no argument "${p.argument}": name where to write with --out.`,
  options_out_and_out_dir: () => 'Use --out (one file) or --out-dir (one file per child unit), not both.',
  rows_invalid: (p) => `--rows needs a whole number from 1 to 500, not "${p.text}".`,
  no_children_for_templates: (p) => `${p.unit} has no child units in the list: --out-dir makes templates for child units, use --out.`,
  no_children_for_targets: (p) => `${p.unit} has no child units in the list to assign targets to.`,
  no_children_to_consolidate: (p) => `${p.unit} has no child units in the list: consolidate at the level above the units that submit reports.`,
  outputs_exist: (p) => `${p.count} files already exist (for example "${p.file}"): add --force to overwrite them, or choose another folder.`,
  consolidate_needs_folder: () => 'The folder of report files to consolidate is missing.',
  consolidate_one_folder: (p) => `Only one folder is consolidated at a time; "${p.argument}" is extra.`,
  validate_needs_file: () => 'The file to check is missing.',
  file_not_found: (p) => `The file "${p.file}" was not found.`,
  file_is_folder: (p) => `"${p.file}" is a folder: name the files, or use "phu consolidate" for the whole folder.`,
  file_unreadable: (p) => `Could not read the file "${p.file}" (${p.detail}).`,
  form_action_missing: () => 'What to do is missing: list, export or check.',
  form_action_unknown: (p) => `"${p.action}" is not something the form command does: use list, export or check.`,
  form_export_needs_id: (p) => `The id of the form to export is missing. The forms: ${p.forms}.`,
  form_export_one: (p) => `One form is exported at a time; "${p.argument}" is extra.`,
  form_id_unknown: (p) => `There is no form "${p.form}". The forms: ${p.forms}.`,
  form_check_needs_file: () => 'The form file (.json) to check is missing.',
  form_check_one: (p) => `One form file is checked at a time; "${p.argument}" is extra.`,
  form_no_period: (p) => `Form ${p.form} has no reporting period.`,
  convert_needs_input: () => 'The file or folder of figures on the old unit list is missing.',
  convert_one_input: (p) => `Only one file or folder is converted at a time; "${p.argument}" is extra.`,
  convert_to_map: (p) => `--to-map needs ${p.to} (figures are converted only from the ${p.from} list to the ${p.to} list).`,
  convert_choose_unit: (p) => `The figures belong to ${p.count} new provinces (${p.units}): choose one with --unit.`,
  push_needs_file: () => 'The file to upload is missing.',
  push_one_file: (p) => `One file is uploaded at a time; "${p.argument}" is extra.`,
  push_if_match_alone: () => '--if-match is used only with --replace.',
  drive_invalid: (p) => `--drive "${p.drive}" is not valid: it must start with one of ${p.schemes} (for example local:D:/BaoCao).`,
  drive_local_empty: () => '--drive local: needs the path of the root folder, for example local:./BaoCao.',
  drive_graph_empty: () => '--drive graph: needs the id of the document library, for example graph:b!AbCd... (or graph:me).',
  graph_not_signed_in: () =>
    'Not signed in to Microsoft 365: set PHU_GRAPH_TOKEN (an access token), or PHU_GRAPH_CLIENT_ID (the id of a registered app) to sign in with a device code. See docs/graph.md.',
  graph_device_code_failed: (p) => `Signing in with a device code failed${p.detail !== '' ? ` (${p.detail})` : ''}. Try again.`,
  graph_drive_id_missing: () => 'The id of the document library is missing: use --drive graph:<drive-id> (or graph:me for your OneDrive).',
  graph_simple_upload_max: (p) => `PHU_GRAPH_SIMPLE_UPLOAD_MAX "${p.value}" must be a number of bytes.`,
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

import type { FindingCode, FindingParams } from './finding-codes';
import { formatNumberVi as n } from '../format/format-number-vi';
import { ignoreReasonText } from './ignore-reasons';
import { fileKindName } from './file-kind-name';
import { indicatorName } from './indicator-name';

type Messages = { readonly [C in FindingCode]: (p: FindingParams<C>) => string };

const num = (v: string | number): string => (typeof v === 'number' ? n(v) : v);

/** Vietnamese wording of every finding: what is wrong, and what to do. */
export const MESSAGES_VI: Messages = {
  file_empty: () => 'Tệp rỗng (0 byte): hãy gửi lại tệp Excel đã lưu đầy đủ.',
  file_not_workbook: (p) => `Tệp không phải bảng tính (.xlsx, .xls, .ods) mà là ${fileKindName(p.detected, 'vi')}: hãy mở bằng Excel, LibreOffice hoặc WPS và lưu lại dạng .xlsx (Excel Workbook).`,
  file_xls_binary: () => 'Tệp dạng .xls (Excel 97-2003) không đọc được: hãy mở bằng Excel, LibreOffice hoặc WPS và lưu lại dạng .xlsx (Excel Workbook).',
  file_encrypted: () => 'Tệp được mã hóa bằng mật khẩu: hãy lưu lại không có mật khẩu (mở tệp bằng Excel, LibreOffice hoặc WPS, bỏ mật khẩu rồi lưu).',
  file_corrupt: (p) => `Tệp bị hỏng hoặc không đầy đủ (${p.detail}): hãy gửi lại tệp gốc.`,
  file_too_large: (p) => `Tệp quá lớn (${num(p.bytes)} byte, giới hạn ${num(p.limit)} byte): biểu mẫu báo cáo không cần lớn như vậy, hãy kiểm tra lại tệp.`,
  zip_bomb: (p) => `Nội dung nén của tệp giải nén ra quá lớn (${num(p.expanded)} byte, giới hạn ${num(p.limit)} byte): tệp bị từ chối để bảo vệ máy tính.`,
  sheet_too_large: (p) => `Trang tính quá lớn (${num(p.rows)} dòng × ${num(p.columns)} cột, giới hạn ${num(p.limit)} ô): hãy xóa các dòng, cột thừa.`,
  strings_too_large: (p) => `Phần văn bản của tệp quá lớn (${num(p.bytes)} byte, giới hạn ${num(p.limit)} byte): tệp bị từ chối.`,
  file_ignored: (p) => `Bỏ qua tệp: ${ignoreReasonText(p.reason, 'vi')}.`,
  external_links_ignored: (p) => `Tệp có ${num(p.count)} liên kết ngoài: đã bỏ qua, chỉ dùng giá trị đã lưu trong tệp.`,
  macros_ignored: () => 'Tệp có macro (VBA): macro không được chạy và đã bị bỏ qua.',
  formula_uncalculated: (p) =>
    `${p.count} ô có công thức chưa được tính mà PHU không tự tính được (${p.cells}; ví dụ "${p.formula}"), do tệp được lưu bởi phần mềm không tính toán: hãy mở tệp bằng Excel, LibreOffice hoặc WPS, tính lại và lưu.`,
  file_name_mismatch: (p) => `Tên tệp "${p.actual}" không khớp đơn vị trong trang ThongTin ("${p.expected}"): đã dùng đơn vị trong ThongTin.`,
  zip_entries_too_many: (p) => `Tệp nén có quá nhiều thành phần (${num(p.count)}, giới hạn ${num(p.limit)}): tệp bị từ chối để bảo vệ máy tính.`,
  xml_too_deep: (p) => `Phần "${p.part}" của tệp có cấu trúc lồng quá sâu (${num(p.depth)} cấp, giới hạn ${num(p.limit)}): tệp bị từ chối để bảo vệ máy tính.`,
  sheet_missing: (p) => `Thiếu trang tính "${p.expected}".`,
  column_missing: (p) => `Thiếu cột có khóa "${p.key}" trong dòng khóa.`,
  info_missing: (p) => `Thiếu thông tin "${p.key}" trong trang ThongTin.`,
  form_mismatch: (p) => `Sai mẫu biểu: cần "${p.expected}", tệp ghi "${p.actual}".`,
  form_version_mismatch: (p) => `Sai phiên bản mẫu: cần "${p.expected}", tệp ghi "${p.actual}".`,
  key_row_missing: (p) =>
    `Không có dòng khóa (dòng ${p.row}, dòng ẩn ghi mã các cột) và tên các cột không khớp biểu mẫu, nên không đọc được bảng: hãy dùng lại biểu mẫu gốc, hoặc chép lại dòng khóa từ biểu mẫu.`,
  key_row_read_by_labels: (p) =>
    `Dòng khóa (dòng ${p.row}, dòng ẩn ghi mã các cột) đã bị xóa: PHU đọc bảng theo tên cột ở dòng ${p.labelRow}, vì các tên cột khớp biểu mẫu. Lần sau hãy dùng biểu mẫu gốc.`,
  total_row_missing: () => 'Thiếu dòng tổng cộng (mã đơn vị "TONG").',
  total_row_duplicate: (p) => `Có nhiều hơn một dòng tổng cộng (dòng đầu tiên ở ô ${p.first}).`,
  row_duplicate: (p) => `Mã "${p.code}" xuất hiện hai lần (lần đầu ở ô ${p.first}).`,
  item_missing: (p) => `Thiếu dòng "${p.code}".`,
  item_unknown: (p) => `Dòng "${p.code}" không có trong mẫu biểu.`,
  level_invalid: (p) => `Cấp báo cáo "${p.value}" không hợp lệ (chỉ nhận: ${p.allowed}).`,
  unit_unknown: (p) => `Mã đơn vị "${p.code}" không có trong danh mục đơn vị hành chính ở cấp "${p.level}".`,
  unit_name_mismatch: (p) => `Tên đơn vị "${p.actual}" khác tên trong danh mục ("${p.expected}").`,
  parent_mismatch: (p) => `Mã đơn vị cấp trên sai: đơn vị này thuộc "${p.expected}", tệp ghi "${p.actual}".`,
  period_unknown: (p) => `Kỳ báo cáo "${p.value}" không có trong mẫu biểu (chỉ nhận: ${p.allowed}).`,
  period_mismatch: (p) => `Sai kỳ báo cáo: đang tổng hợp kỳ "${p.expected}", tệp ghi "${p.actual}".`,
  row_not_child: (p) => `Mã "${p.code}" không phải đơn vị trực thuộc "${p.parent}".`,
  number_as_text: (p) => `Số được nhập dạng văn bản ("${p.value}"): hãy nhập số ${num(p.intended)}.`,
  not_a_number: (p) => `Giá trị "${p.value}" không phải là số.`,
  number_negative: (p) => `Số âm (${num(p.value)}): số liệu phải lớn hơn hoặc bằng 0.`,
  number_not_integer: (p) => `Số lẻ (${p.value}): số trường hợp phải là số nguyên.`,
  cell_error: (p) => `Ô có lỗi Excel ${p.value}: hãy sửa công thức hoặc nhập số.`,
  value_not_allowed: (p) => `Giá trị "${p.value}" không hợp lệ (chỉ nhận: ${p.allowed}).`,
  date_as_text: (p) => `Ngày được nhập dạng văn bản ("${p.value}"): đã hiểu là ${p.intended}; nên nhập dạng ngày của Excel.`,
  date_invalid: (p) => `Ngày không hợp lệ: "${p.value}" (nhập dạng dd/mm/yyyy).`,
  date_implausible: (p) => `Ngày ${p.value} không hợp lý (cần từ ${p.from} đến ${p.to}): ô ngày có thể đang trống, bằng 0 hoặc nhập nhầm.`,
  total_mismatch: (p) => `Dòng tổng cộng cột "${p.column}" ghi ${num(p.actual)}, nhưng tổng các dòng là ${num(p.expected)}.`,
  cross_total_mismatch: (p) => `Tổng cột "${p.column}" là ${num(p.actual)}, nhưng ${p.other} là ${num(p.expected)}.`,
  reason_not_applicable: (p) => `Lý do "${p.code}" không áp dụng cho cột "${p.column}": hãy để trống.`,
  rule_exceeds: (p) => `"${p.left}" (${num(p.leftValue)}) lớn hơn "${p.right}" (${num(p.rightValue)}).`,
  rule_sum_mismatch: (p) => `Tổng ${p.parts} là ${num(p.sum)}, khác "${p.total}" (${num(p.totalValue)}).`,
  balance_exceeds: (p) => `${indicatorName(p.indicator, 'vi')}: đã thực hiện + xử lý dữ liệu + chưa có nhu cầu = ${num(p.sum)}, vượt chỉ tiêu ${num(p.target)}.`,
  balance_short: (p) => `${indicatorName(p.indicator, 'vi')}: đã thực hiện + xử lý dữ liệu + chưa có nhu cầu = ${num(p.sum)}, còn thiếu so với chỉ tiêu ${num(p.target)} (còn trường hợp chưa rà soát).`,
  done_exceeds_target: (p) => `${indicatorName(p.indicator, 'vi')}: số đã thực hiện (${num(p.done)}) vượt chỉ tiêu (${num(p.target)}).`,
  target_mismatch: (p) => `Chỉ tiêu cột "${p.column}" là ${num(p.submitted)}, khác chỉ tiêu được giao ${num(p.assigned)}.`,
  rate_implausible: (p) => `${indicatorName(p.indicator, 'vi')}: tỷ lệ ${p.rate} vượt ${p.limit}, hãy kiểm tra lại số liệu.`,
  decreased_since_previous: (p) => `Cột "${p.column}" giảm so với kỳ trước (${num(p.previous)} → ${num(p.current)}), trong khi số liệu là lũy kế.`,
  rate_without_base: (p) => `${indicatorName(p.indicator, 'vi')}: tỷ lệ ghi ${p.stated}, nhưng ${num(p.done)}/${num(p.target)} không có tỷ lệ (không có số để chia): hãy để trống, không ghi 0% hay 100%.`,
  rate_stated_wrong: (p) => `${indicatorName(p.indicator, 'vi')}: tỷ lệ ghi ${p.stated}, nhưng ${num(p.done)}/${num(p.target)} đạt ${p.computed}: PHU dùng tỷ lệ tính lại.`,
  target_column_unknown: (p) => `Cột chỉ tiêu có khóa "${p.key}" không có trong mẫu biểu (chỉ nhận: ${p.allowed}).`,
  target_split_mismatch: (p) => `Chỉ tiêu "${p.column}" giao cho ${p.code} là ${num(p.assigned)}, nhưng tổng chỉ tiêu giao cho các đơn vị trực thuộc là ${num(p.sum)}.`,
  child_missing: (p) => `${p.name} (${p.code}) chưa nộp báo cáo.`,
  child_unexpected: (p) => `Đơn vị "${p.code}" không trực thuộc "${p.parent}": tệp không được tổng hợp.`,
  duplicate_superseded: (p) => `Đơn vị "${p.code}" có tệp mới hơn ("${p.kept}"): tệp này không được tổng hợp.`,
  late: (p) => `Nộp trễ hạn: ngày báo cáo ${p.reportDate}, hạn ${p.due}.`,
  file_too_complex: (p) => `Tệp quá phức tạp: đọc tệp cần hơn ${num(p.megabytes)} MB bộ nhớ; đã dừng và từ chối tệp để bảo vệ máy tính.`,
  file_read_too_long: (p) => `Tệp đọc quá lâu (hơn ${num(p.seconds)} giây); đã dừng và từ chối tệp để bảo vệ máy tính.`,
};

/**
 * Why an entry of a folder is listed but not read as a submission: the
 * `reason` parameter of a `file_ignored` finding. Codes are stable (they
 * appear in `--json` output); the wording is chosen by language.
 */
export const IGNORE_REASONS = {
  folder: { vi: 'là thư mục, các tệp trong thư mục con không được đọc', en: 'it is a folder; files in subfolders are not read' },
  in_subfolder: { vi: 'nằm trong thư mục con, không được đọc', en: 'it is inside a subfolder, which is not read' },
  lock_file: { vi: 'tệp khóa tạm của Excel (~$), có khi tệp đang mở; không phải báo cáo', en: "Excel's temporary lock file (~$), perhaps the file is open; not a report" },
  mac_resource: { vi: 'tệp ẩn do máy Mac tạo ra, không phải báo cáo', en: 'a hidden file made by a Mac; not a report' },
  not_workbook: { vi: 'không phải tệp Excel .xlsx', en: 'not an Excel .xlsx file' },
  vanished: { vi: 'tệp đã bị xóa hoặc đổi tên trong lúc đọc', en: 'the file was deleted or renamed while being read' },
  own_output: { vi: 'tệp kết quả của chính lần tổng hợp này', en: "this consolidation's own output file" },
  link_outside: { vi: 'là liên kết (symlink) trỏ ra ngoài thư mục, không được đọc', en: 'a symbolic link pointing outside the folder; not read' },
  link_dangling: { vi: 'là liên kết (symlink) trỏ tới tệp không còn tồn tại', en: 'a symbolic link to a file that no longer exists' },
  special_file: { vi: 'không phải tệp thông thường (thiết bị, ống dẫn FIFO, socket), không được đọc', en: 'not a regular file (device, FIFO, socket); not read' },
} as const satisfies Record<string, { readonly vi: string; readonly en: string }>;

export type IgnoreReason = keyof typeof IGNORE_REASONS;

/**
 * The wording of an ignore reason; a reason that is not a code (an older
 * report's prose) is shown as it is.
 *
 * @example ignoreReasonText('lock_file', 'en') // "Excel's temporary lock file ..."
 */
export function ignoreReasonText(reason: string | number, lang: 'vi' | 'en'): string {
  const known = (IGNORE_REASONS as Record<string, { readonly vi: string; readonly en: string }>)[String(reason)];
  return known ? known[lang] : String(reason);
}

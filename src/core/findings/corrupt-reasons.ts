/**
 * Why a file is damaged: the `reason` parameter of a `file_corrupt`
 * finding, one code per problem the zip reader, the XML scanners and the
 * workbook readers can meet. Codes are stable (they appear in `--json`
 * output); the wording is chosen by language. `part` is the zip entry (or,
 * for a sheet, its name) the problem was found in; `extra` a value that
 * reads the same in every language (a character code, a cell range, a
 * compression method, a library's own message).
 */
type Phrase = (part: string, extra: string) => string;

const partVi = (part: string, text: string): string => (part ? `phần "${part}": ${text}` : text);
const partEn = (part: string, text: string): string => (part ? `part "${part}": ${text}` : text);
const entryVi = (part: string, text: string): string => (part ? `thành phần "${part}": ${text}` : text);
const entryEn = (part: string, text: string): string => (part ? `entry "${part}": ${text}` : text);
const withExtra = (text: string, extra: string): string => (extra ? `${text}: ${extra}` : text);

export const CORRUPT_REASONS = {
  // The container.
  not_zip: { vi: () => 'không có cấu trúc của tệp .xlsx (không phải tệp nén ZIP)', en: () => 'not structured like an .xlsx file, which is a ZIP archive' },
  zip_truncated: { vi: () => 'không tìm thấy mục lục cuối tệp nén, tệp có thể bị cắt cụt', en: () => 'the end of the ZIP directory is missing; the file may be cut short' },
  zip64_invalid: { vi: () => 'mục lục ZIP64 không hợp lệ', en: () => 'the ZIP64 directory is invalid' },
  zip_directory_outside: { vi: () => 'mục lục tệp nén trỏ ra ngoài tệp', en: () => 'the ZIP directory points outside the file' },
  zip_directory_damaged: { vi: () => 'mục lục tệp nén bị hỏng', en: () => 'the ZIP directory is damaged' },
  entry_count_mismatch: { vi: () => 'số thành phần trong mục lục tệp nén không khớp', en: () => 'the number of entries in the ZIP directory does not match' },
  entry_zip64_invalid: { vi: () => 'thông tin ZIP64 của một thành phần không hợp lệ', en: () => "an entry's ZIP64 information is invalid" },
  entry_duplicate: { vi: (p) => `tên thành phần "${p}" bị trùng`, en: (p) => `the entry name "${p}" appears twice` },
  entry_method_unsupported: {
    vi: (p, x) => entryVi(p, withExtra('dùng phương pháp nén không được hỗ trợ', x)),
    en: (p, x) => entryEn(p, withExtra('uses an unsupported compression method', x)),
  },
  entry_header_missing: { vi: (p) => entryVi(p, 'không tìm thấy phần đầu dữ liệu'), en: (p) => entryEn(p, 'its local header is missing') },
  entry_truncated: { vi: (p) => entryVi(p, 'dữ liệu bị cắt cụt'), en: (p) => entryEn(p, 'its data is cut short') },
  entry_inflate_failed: { vi: (p) => entryVi(p, 'dữ liệu nén bị hỏng'), en: (p) => entryEn(p, 'its compressed data is damaged') },
  entry_size_mismatch: { vi: (p) => entryVi(p, 'kích thước giải nén khác kích thước khai báo'), en: (p) => entryEn(p, 'it expands to another size than declared') },
  entry_crc_mismatch: { vi: (p) => entryVi(p, 'sai mã kiểm tra CRC'), en: (p) => entryEn(p, 'its CRC checksum is wrong') },
  // The package: which parts there are.
  workbook_part_missing: { vi: (p) => `không tìm thấy phần sổ làm việc (${p || 'workbook.xml'})`, en: (p) => `the workbook part (${p || 'workbook.xml'}) is missing` },
  workbook_rels_unreadable: { vi: (p) => partVi(p, 'quan hệ của sổ làm việc không đọc được'), en: (p) => partEn(p, "the workbook's relationships cannot be read") },
  part_missing: { vi: (p) => `thiếu phần "${p}"`, en: (p) => `part "${p}" is missing` },
  part_listed_twice: { vi: (p) => `phần "${p}" được liệt kê cho nhiều trang tính`, en: (p) => `part "${p}" is listed for more than one sheet` },
  sheet_part_missing: { vi: (p) => `thiếu phần chứa trang tính "${p}"`, en: (p) => `the part holding sheet "${p}" is missing` },
  cell_out_of_range: { vi: (p) => `trang tính "${p}" có ô nằm ngoài giới hạn của Excel`, en: (p) => `sheet "${p}" has a cell beyond Excel's last row or column` },
  // Characters a conforming XML parser refuses.
  xml_char_forbidden: { vi: (p, x) => partVi(p, withExtra('ký tự không được phép trong XML', x)), en: (p, x) => partEn(p, withExtra('a character XML does not allow', x)) },
  xml_ampersand_bare: { vi: (p) => partVi(p, 'ký tự "&" không mở một thực thể XML'), en: (p) => partEn(p, 'an "&" that starts no XML entity') },
  xml_doctype: { vi: (p) => partVi(p, 'có khai báo DOCTYPE, không được phép trong tệp .xlsx'), en: (p) => partEn(p, 'a DOCTYPE declaration, which an .xlsx file may not hold') },
  // XML structure.
  xml_text_outside_root: { vi: (p) => partVi(p, 'có văn bản nằm ngoài phần tử gốc XML'), en: (p) => partEn(p, 'text outside the XML root element') },
  xml_comment_unclosed: { vi: (p) => partVi(p, 'chú thích XML không đóng'), en: (p) => partEn(p, 'an XML comment is not closed') },
  xml_cdata_unclosed: { vi: (p) => partVi(p, 'khối CDATA không đóng'), en: (p) => partEn(p, 'a CDATA section is not closed') },
  xml_pi_unclosed: { vi: (p) => partVi(p, 'chỉ thị XML không đóng'), en: (p) => partEn(p, 'an XML processing instruction is not closed') },
  xml_pi_invalid: { vi: (p) => partVi(p, 'chỉ thị XML không hợp lệ'), en: (p) => partEn(p, 'an XML processing instruction is invalid') },
  xml_declaration_misplaced: { vi: (p) => partVi(p, 'khai báo XML không nằm ở đầu'), en: (p) => partEn(p, 'the XML declaration is not at the start') },
  xml_declaration_invalid: { vi: (p) => partVi(p, 'khai báo XML không hợp lệ'), en: (p) => partEn(p, 'the XML declaration is invalid') },
  xml_tag_invalid: { vi: (p) => partVi(p, 'thẻ XML không hợp lệ'), en: (p) => partEn(p, 'an XML tag is invalid') },
  xml_close_unexpected: { vi: (p) => partVi(p, 'thẻ đóng XML thừa'), en: (p) => partEn(p, 'an XML closing tag has no opening tag') },
  xml_close_mismatch: { vi: (p) => partVi(p, 'thẻ đóng XML không khớp thẻ mở'), en: (p) => partEn(p, 'an XML closing tag does not match its opening tag') },
  xml_too_deep: { vi: (p) => partVi(p, 'cấu trúc XML lồng quá sâu'), en: (p) => partEn(p, 'the XML is nested too deeply') },
  xml_root_twice: { vi: (p) => partVi(p, 'có hơn một phần tử gốc XML'), en: (p) => partEn(p, 'more than one XML root element') },
  xml_attribute_invalid: { vi: (p) => partVi(p, 'thuộc tính XML không hợp lệ hoặc bị lặp'), en: (p) => partEn(p, 'an XML attribute is invalid or written twice') },
  xml_unclosed: { vi: (p) => partVi(p, 'thẻ XML không đóng'), en: (p) => partEn(p, 'an XML element is not closed') },
  // What a worksheet may hold.
  sheet_element_unexpected: {
    vi: (p, x) => partVi(p, withExtra('phần tử không được phép ở vị trí này', x)),
    en: (p, x) => partEn(p, withExtra('an element not allowed where it is', x)),
  },
  merge_range_invalid: { vi: (p, x) => partVi(p, `vùng gộp ô "${x}" không hợp lệ`), en: (p, x) => partEn(p, `the merged range "${x}" is invalid`) },
  merge_ranges_overlap: { vi: (p, x) => partVi(p, withExtra('các vùng gộp ô chồng lên nhau', x)), en: (p, x) => partEn(p, withExtra('merged ranges overlap', x)) },
  sheets_share_data: { vi: (_p, x) => `nhiều trang tính cùng trỏ tới dữ liệu ở vị trí ${x} của tệp .xls`, en: (_p, x) => `several sheets point at the data at offset ${x} of the .xls file` },
  table_in_cell: { vi: (p, x) => partVi(p, `bảng "${x}" nằm trong một ô của bảng khác`), en: (p, x) => partEn(p, `table "${x}" sits inside a cell of another table`) },
  // A reading library threw: its own message, as it is, is the only detail there is.
  unreadable: { vi: (_p, x) => withExtra('nội dung không đọc được', x), en: (_p, x) => withExtra('the content cannot be read', x) },
} as const satisfies Record<string, { readonly vi: Phrase; readonly en: Phrase }>;

/** A code of CORRUPT_REASONS. */
export type CorruptReason = keyof typeof CORRUPT_REASONS;

/** A damaged file's problem as the readers report it, before it becomes a finding. */
export interface Corruption {
  readonly reason: CorruptReason;
  /** The zip entry or part (for a sheet, its name) the problem is in. */
  readonly part?: string;
  /** A value that reads the same in every language. */
  readonly extra?: string;
}

/**
 * The parameters of a `file_corrupt` finding for a problem: every one
 * present, empty when not known, as the message tables expect.
 *
 * @example corruptParams({ reason: 'entry_duplicate', part: 'xl/workbook.xml' }) // { reason: 'entry_duplicate', part: 'xl/workbook.xml', extra: '' }
 */
export function corruptParams(c: Corruption): { reason: CorruptReason; part: string; extra: string } {
  return { reason: c.reason, part: c.part ?? '', extra: c.extra ?? '' };
}

/**
 * The wording of a corruption reason in a language, with its part and
 * extra value; a reason that is not a code is shown as it is.
 *
 * @example corruptReasonText('entry_crc_mismatch', 'xl/styles.xml', '', 'en') // 'entry "xl/styles.xml": its CRC checksum is wrong'
 */
export function corruptReasonText(reason: string | number, part: string | number, extra: string | number, lang: 'vi' | 'en'): string {
  const known = (CORRUPT_REASONS as Readonly<Record<string, { readonly vi: Phrase; readonly en: Phrase }>>)[String(reason)];
  return known ? known[lang](String(part), String(extra)) : String(reason);
}

/**
 * A library's error message made fit to quote in a finding: control and
 * direction-changing characters removed, white space collapsed, at most
 * 160 characters.
 *
 * @example quotedError(new Error('Bad\nfile\u202e')) // 'Bad file'
 */
export function quotedError(e: unknown): string {
  const why = e instanceof Error ? e.message : String(e);
  // eslint-disable-next-line no-control-regex -- the characters that must not reach a terminal or a cell
  const clean = why.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ');
  return clean.replace(/\s+/g, ' ').trim().slice(0, 160);
}

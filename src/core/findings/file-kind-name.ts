/**
 * What a file that is not a spreadsheet turned out to be: the code a
 * `file_not_workbook` finding carries, and its wording in each language.
 */
export const FILE_KINDS = {
  pdf: { vi: 'tệp PDF', en: 'a PDF file' },
  image: { vi: 'tệp hình ảnh', en: 'an image' },
  archive: { vi: 'tệp nén khác (RAR, 7z hoặc gzip)', en: 'another kind of archive (RAR, 7z or gzip)' },
  rtf: { vi: 'văn bản RTF', en: 'an RTF document' },
  html: { vi: 'trang web HTML', en: 'an HTML web page' },
  spreadsheetml: { vi: 'bảng tính XML 2003 (SpreadsheetML)', en: 'an XML 2003 spreadsheet (SpreadsheetML)' },
  fods: { vi: 'bảng tính OpenDocument dạng XML phẳng (.fods)', en: 'a flat XML OpenDocument spreadsheet (.fods)' },
  xml: { vi: 'tệp XML', en: 'an XML file' },
  csv: { vi: 'tệp văn bản CSV', en: 'a CSV text file' },
  text: { vi: 'tệp văn bản', en: 'a text file' },
  xlsb: { vi: 'sổ làm việc nhị phân Excel (.xlsb)', en: 'an Excel binary workbook (.xlsb)' },
  docx: { vi: 'tài liệu Word (.docx)', en: 'a Word document (.docx)' },
  pptx: { vi: 'bản trình chiếu PowerPoint (.pptx)', en: 'a PowerPoint presentation (.pptx)' },
  odf: { vi: 'tài liệu OpenDocument không phải bảng tính (.odt, .odp)', en: 'an OpenDocument file that is not a spreadsheet (.odt, .odp)' },
  zip: { vi: 'tệp nén ZIP', en: 'a ZIP archive' },
  doc: { vi: 'tài liệu Word cũ (.doc)', en: 'an old Word document (.doc)' },
  ppt: { vi: 'bản trình chiếu PowerPoint cũ (.ppt)', en: 'an old PowerPoint presentation (.ppt)' },
} as const satisfies Record<string, { vi: string; en: string }>;

/** A code of FILE_KINDS. */
export type FileKind = keyof typeof FILE_KINDS;

/**
 * The wording of a file kind code in a language; an unknown code is shown
 * as it is.
 *
 * @example fileKindName('csv', 'en') // 'a CSV text file'
 */
export function fileKindName(kind: string | number, lang: 'vi' | 'en'): string {
  const known = (FILE_KINDS as Readonly<Record<string, { vi: string; en: string }>>)[String(kind)];
  return known ? known[lang] : String(kind);
}

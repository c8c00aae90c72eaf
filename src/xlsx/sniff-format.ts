import type { FileKind } from '../core/findings/file-kind-name';

/** What the first bytes of a file say it is. */
export type Sniffed =
  | { readonly kind: 'zip' }
  | { readonly kind: 'ole' }
  /** Recognisably something else: `detected` says what (a FILE_KINDS code), for the finding. */
  | { readonly kind: 'other'; readonly detected: FileKind }
  | { readonly kind: 'unknown' };

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Recognises a file by its magic bytes and, for text, by its first few
 * kilobytes: officials send CSV exports, HTML pages saved by web systems as
 * ".xls", PDFs and photos under an .xlsx name.
 */
export function sniffFormat(bytes: Uint8Array): Sniffed {
  const starts = (sig: readonly number[]): boolean => sig.every((b, i) => bytes[i] === b);
  if (starts([0x50, 0x4b]) && (starts([0x50, 0x4b, 3, 4]) || starts([0x50, 0x4b, 5, 6]) || starts([0x50, 0x4b, 7, 8]))) return { kind: 'zip' };
  if (starts(OLE_MAGIC)) return { kind: 'ole' };
  if (starts([0x25, 0x50, 0x44, 0x46])) return { kind: 'other', detected: 'pdf' };
  if (starts([0x89, 0x50, 0x4e, 0x47]) || starts([0xff, 0xd8, 0xff]) || starts([0x47, 0x49, 0x46, 0x38])) return { kind: 'other', detected: 'image' };
  if (starts([0x52, 0x61, 0x72, 0x21]) || starts([0x37, 0x7a, 0xbc, 0xaf]) || starts([0x1f, 0x8b])) return { kind: 'other', detected: 'archive' };
  const text = headText(bytes.subarray(0, 8192));
  if (text === undefined) return { kind: 'unknown' };
  const head = text.replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('{\\rtf')) return { kind: 'other', detected: 'rtf' };
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /^<(table|meta|head|body)\b/.test(head)) {
    return { kind: 'other', detected: 'html' };
  }
  if (head.startsWith('<?xml') || head.startsWith('<')) {
    if (head.includes('urn:schemas-microsoft-com:office:spreadsheet')) return { kind: 'other', detected: 'spreadsheetml' };
    // LibreOffice's "Flat XML ODF Spreadsheet" (.fods): the mimetype an .ods keeps in its zip, on the root element.
    if (head.includes('office:mimetype="application/vnd.oasis.opendocument.spreadsheet"')) return { kind: 'other', detected: 'fods' };
    if (/<html\b/.test(head)) return { kind: 'other', detected: 'html' };
    return { kind: 'other', detected: 'xml' };
  }
  return { kind: 'other', detected: looksDelimited(text) ? 'csv' : 'text' };
}

/**
 * The start of the file as text when it is text (UTF-8, or UTF-16 with a
 * byte order mark), undefined when control bytes say it is binary.
 */
function headText(head: Uint8Array): string | undefined {
  if (head.length === 0) return undefined;
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    const utf16 = new TextDecoder(head[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(head.subarray(0, head.length & ~1));
    return binaryShare(utf16) ? undefined : utf16;
  }
  let control = 0;
  for (const b of head) {
    if (b === 0) return undefined;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  if (control > head.length / 100) return undefined;
  return new TextDecoder('utf-8').decode(head);
}

function binaryShare(s: string): boolean {
  let control = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0 || c < 0x09 || (c > 0x0d && c < 0x20)) control++;
  }
  return control > s.length / 100;
}

/** True when the first lines split alike on a comma, semicolon or tab. */
function looksDelimited(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 10);
  if (lines.length === 0) return false;
  return [',', ';', '\t'].some((sep) => lines.every((l) => l.includes(sep)));
}

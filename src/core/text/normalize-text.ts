/**
 * Text as typed in Excel, made comparable: NFC Unicode (macOS and some
 * keyboards produce NFD), non-breaking and repeated spaces folded, trimmed.
 */
export function normalizeText(s: string): string {
  return s.normalize('NFC').replace(/[\u00a0\u2007\u202f\s]+/g, ' ').trim();
}

/** A code as typed: normalized text without any inner spaces. */
export function normalizeCode(s: string | number): string {
  return normalizeText(String(s)).replace(/ /g, '');
}

/** Names compared loosely: normalized, case-folded. */
export function sameName(a: string, b: string): boolean {
  return normalizeText(a).toLocaleLowerCase('vi') === normalizeText(b).toLocaleLowerCase('vi');
}

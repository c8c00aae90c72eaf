/**
 * Text as typed in Excel, made comparable: NFC Unicode (macOS and some
 * keyboards produce NFD), non-breaking and repeated spaces folded, trimmed.
 */
export function normalizeText(s: string): string {
  if (isNormalized(s)) return s;
  return s.normalize('NFC').replace(/[\u00a0\u2007\u202f\s]+/g, ' ').trim();
}

/**
 * True when `s` is already what normalizeText makes of it, checked without
 * allocating: printable ASCII and precomposed Latin letters (Vietnamese
 * included) with single inner spaces. Every cell of every file goes through
 * normalizeText, and nearly all are such text; anything else (combining
 * marks, NBSP, tabs, other scripts) takes the full path.
 */
function isNormalized(s: string): boolean {
  let space = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20) {
      if (space) return false;
      space = true;
      continue;
    }
    // Latin-1 letters, Latin Extended-A/B and Latin Extended Additional hold no combining marks.
    if (!((c > 0x20 && c < 0x7f) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff))) return false;
    space = false;
  }
  return !space || s.length === 0;
}

/** A code as typed: normalized text without any inner spaces. */
export function normalizeCode(s: string | number): string {
  return normalizeText(String(s)).replace(/ /g, '');
}

// A tone mark on the second vowel of an open "oa", "oe", "uy" ("Hoà",
// "Thuỷ") moved onto the first ("Hòa", "Thủy"): both spellings are in use,
// and sources of the same unit disagree.
const TONE_ON_SECOND = /(?<![qQ])([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![\p{L}\p{M}])/gu;

/**
 * A name in the one form names are compared in: normalized text, one
 * tone-mark placement, lower case.
 *
 * @example normalizeName('Phường  Hoà Bình') === normalizeName('phường Hòa Bình')
 */
export function normalizeName(s: string): string {
  return normalizeText(s).normalize('NFD').replace(TONE_ON_SECOND, '$1$3$2').normalize('NFC').toLocaleLowerCase('vi');
}

/** Names compared loosely: normalized, one tone-mark placement, case-folded. */
export function sameName(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b);
}

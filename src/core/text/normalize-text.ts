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

/** Names compared loosely: normalized, case-folded. */
export function sameName(a: string, b: string): boolean {
  return normalizeText(a).toLocaleLowerCase('vi') === normalizeText(b).toLocaleLowerCase('vi');
}

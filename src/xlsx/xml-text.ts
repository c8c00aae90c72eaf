/** Characters XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone surrogates). */
const FORBIDDEN = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'gu');
/** Excel's own escapes (`_x0041_`) that text must not be mistaken for. */
const EXCEL_ESCAPE = /_(x[0-9A-Fa-f]{4}_)/g;

/**
 * Text without the characters XML 1.0 forbids: a file holding one is not
 * well-formed, and Excel offers to "repair" it (issue: U+FFFF in a unit name).
 *
 * @example xmlSafe('Xã\uFFFF A') // 'Xã A'
 */
export function xmlSafe(s: string): string {
  return FORBIDDEN.test(s) ? s.replace(FORBIDDEN_ALL, '') : s;
}

/**
 * Text as XML character data: `&`, `<`, `>` escaped, forbidden characters
 * dropped. Tab and line feed stay as they are.
 *
 * @example xmlText('a < b & c') // 'a &lt; b &amp; c'
 */
export function xmlText(s: string): string {
  const safe = xmlSafe(s);
  return /[&<>]/.test(safe) ? safe.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : safe;
}

/**
 * Text as an XML attribute value (between double quotes): also `"` escaped,
 * and tab, line feed and carriage return as character references, which an
 * XML parser would otherwise turn into spaces.
 *
 * @example xmlAttr('Tên "A"') // 'Tên &quot;A&quot;'
 */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A cell's text as Excel stores it in the shared strings: what looks like
 * Excel's own `_xHHHH_` escape is itself escaped (or Excel would show
 * `_x0041_` as `A`), a carriage return becomes `_x000D_` (an XML parser
 * drops a raw one), and text over `max` characters is cut with an ellipsis,
 * never inside a surrogate pair.
 *
 * @example excelCellText('_x0041_') // '_x005F_x0041_'
 */
export function excelCellText(s: string, max: number): string {
  let t = xmlSafe(s);
  if (t.includes('_x')) t = t.replace(EXCEL_ESCAPE, '_x005F_$1');
  if (t.includes('\r')) t = t.replace(/\r/g, '_x000D_');
  if (t.length <= max) return t;
  const head = t.slice(0, max - 1);
  return (/[\ud800-\udbff]$/.test(head) ? head.slice(0, -1) : head) + '…';
}

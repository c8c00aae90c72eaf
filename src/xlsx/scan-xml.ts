import type { CorruptReason } from '../core/findings/corrupt-reasons';

/** What kind of tag the scanner met. */
export const TagKind = { Open: 0, Close: 1, Empty: 2 } as const;
export type TagKind = (typeof TagKind)[keyof typeof TagKind];

/**
 * Called for each element tag: offsets into the bytes (no strings are made,
 * so a 100 MB sheet is scanned without copying it). `depth` is the
 * element's own depth, the root being 1. Return `false` to stop.
 */
export type TagVisitor = (kind: TagKind, nameStart: number, nameEnd: number, tagStart: number, tagEnd: number, depth: number) => boolean | void;

/** How a scan ended. */
export type XmlScan =
  | { readonly ok: true; readonly maxDepth: number }
  | { readonly ok: false; readonly tooDeep?: number; readonly reason: CorruptReason };

/** Why a part's characters are refused: the reason, and the character when one is to blame. */
export interface XmlCharProblem {
  readonly reason: CorruptReason;
  readonly extra?: string;
}

/** The XML declaration's grammar (XML 1.0, production 23). */
const XML_DECLARATION = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.[0-9]+\1([ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?([ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(yes|no)\5)?[ \t\r\n]*\?>$/;
const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const DQUOTE = 0x22;
const SQUOTE = 0x27;

/**
 * A byte-level scan of an XML part that finds element tags, tracks nesting
 * and refuses what no spreadsheet part needs: a DOCTYPE (entity expansion
 * attacks live there) and nesting deeper than `maxDepth` (parsers that
 * recurse would overflow their stack). It also refuses what a conforming
 * parser (ExcelJS's) refuses in tags, so that PHU's reader and ExcelJS read
 * the same files: a close tag that does not match its open tag, a second
 * root, an attribute written twice, unquoted or holding `<`. Characters are
 * checked by xmlCharProblem.
 */
export function scanXml(bytes: Uint8Array, maxDepth: number, visit?: TagVisitor): XmlScan {
  let depth = 0;
  let deepest = 0;
  let i = 0;
  let roots = 0;
  const n = bytes.length;
  // Where each open element's name is, to match its close tag.
  const names = new Int32Array(2 * (maxDepth + 1));
  for (;;) {
    const lt = bytes.indexOf(LT, i);
    // Outside the root element there is nothing but markup and white space.
    if (depth === 0 && !onlySpace(bytes, i === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : i, lt < 0 ? n : lt)) {
      return { ok: false, reason: 'xml_text_outside_root' };
    }
    if (lt < 0) break;
    const c1 = bytes[lt + 1];
    if (c1 === BANG) {
      if (startsWith(bytes, lt, '<!--')) {
        const e = indexOfSeq(bytes, '-->', lt + 4);
        if (e < 0) return { ok: false, reason: 'xml_comment_unclosed' };
        i = e + 3;
      } else if (startsWith(bytes, lt, '<![CDATA[')) {
        const e = indexOfSeq(bytes, ']]>', lt + 9);
        if (e < 0) return { ok: false, reason: 'xml_cdata_unclosed' };
        i = e + 3;
      } else {
        return { ok: false, reason: 'xml_doctype' };
      }
      continue;
    }
    if (c1 === QUESTION) {
      const e = indexOfSeq(bytes, '?>', lt + 2);
      if (e < 0) return { ok: false, reason: 'xml_pi_unclosed' };
      // A processing instruction is named; the XML declaration comes first or not at all (after a byte order mark).
      let t = lt + 2;
      while (t < e && isNameChar(bytes[t] as number)) t++;
      if (!isNameStart(bytes[lt + 2] ?? 0) || (t < e && !isSpace(bytes[t] as number))) return { ok: false, reason: 'xml_pi_invalid' };
      if (isXmlDeclaration(bytes, lt)) {
        if (lt !== (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0)) return { ok: false, reason: 'xml_declaration_misplaced' };
        if (!XML_DECLARATION.test(String.fromCharCode(...bytes.subarray(lt, e + 2)))) return { ok: false, reason: 'xml_declaration_invalid' };
      }
      i = e + 2;
      continue;
    }
    const closing = c1 === SLASH;
    const nameStart = closing ? lt + 2 : lt + 1;
    let p = nameStart;
    while (p < n && !isNameEnd(bytes[p] as number)) p++;
    const nameEnd = p;
    // Attribute values may hold '>', so quoted runs are jumped over.
    let gt = -1;
    while (p < n) {
      const b = bytes[p] as number;
      if (b === GT) {
        gt = p;
        break;
      }
      if (b === DQUOTE || b === SQUOTE) {
        const q = bytes.indexOf(b, p + 1);
        if (q < 0) break;
        p = q + 1;
      } else if (b === LT) {
        break;
      } else {
        p++;
      }
    }
    if (gt < 0 || !isName(bytes, nameStart, nameEnd)) return { ok: false, reason: 'xml_tag_invalid' };
    const tagEnd = gt + 1;
    if (closing) {
      if (depth === 0) return { ok: false, reason: 'xml_close_unexpected' };
      if (!sameBytes(bytes, names[2 * depth] as number, names[2 * depth + 1] as number, nameStart, nameEnd) || !onlySpace(bytes, nameEnd, gt)) {
        return { ok: false, reason: 'xml_close_mismatch' };
      }
      if (visit && visit(TagKind.Close, nameStart, nameEnd, lt, tagEnd, depth) === false) return { ok: true, maxDepth: deepest };
      depth--;
    } else {
      const empty = bytes[gt - 1] === SLASH;
      const d = depth + 1;
      if (d > deepest) deepest = d;
      if (d > maxDepth) return { ok: false, tooDeep: d, reason: 'xml_too_deep' };
      if (d === 1 && ++roots > 1) return { ok: false, reason: 'xml_root_twice' };
      if (!attributesWellFormed(bytes, nameEnd, empty ? gt - 1 : gt)) return { ok: false, reason: 'xml_attribute_invalid' };
      if (visit && visit(empty ? TagKind.Empty : TagKind.Open, nameStart, nameEnd, lt, tagEnd, d) === false) return { ok: true, maxDepth: deepest };
      if (!empty) {
        depth = d;
        names[2 * d] = nameStart;
        names[2 * d + 1] = nameEnd;
      }
    }
    i = tagEnd;
  }
  if (depth > 0) return { ok: false, reason: 'xml_unclosed' };
  return { ok: true, maxDepth: deepest };
}

/**
 * True when bytes[s, e) (after a tag's name, before its `>` or `/>`) is a
 * well-formed list of attributes, each named once: `name="value"` with
 * single or double quotes, no `<` in a value (and at most MAX_ATTRIBUTES).
 */
/** No element of a spreadsheet part has nearly this many attributes. */
const MAX_ATTRIBUTES = 256;
const ATTR_STARTS = new Int32Array(MAX_ATTRIBUTES);
const ATTR_ENDS = new Int32Array(MAX_ATTRIBUTES);

function attributesWellFormed(bytes: Uint8Array, s: number, e: number): boolean {
  let p = s;
  let count = 0;
  // Tags have a handful of attributes: comparing each with those before it is cheapest.
  const starts = ATTR_STARTS;
  const ends = ATTR_ENDS;
  for (;;) {
    const before = p;
    while (p < e && isSpace(bytes[p] as number)) p++;
    if (p >= e) return true;
    if (p === before) return false;
    const aStart = p;
    if (!isNameStart(bytes[p] as number)) return false;
    while (p < e && isNameChar(bytes[p] as number)) p++;
    const aEnd = p;
    while (p < e && isSpace(bytes[p] as number)) p++;
    if (bytes[p] !== 0x3d) return false;
    p++;
    while (p < e && isSpace(bytes[p] as number)) p++;
    const quote = bytes[p];
    if (quote !== DQUOTE && quote !== SQUOTE) return false;
    const vEnd = bytes.indexOf(quote, p + 1);
    if (vEnd < 0 || vEnd >= e) return false;
    const lt = bytes.indexOf(LT, p + 1);
    if (lt >= 0 && lt < vEnd) return false;
    if (count >= MAX_ATTRIBUTES) return false;
    for (let k = 0; k < count; k++) if (sameBytes(bytes, starts[k] as number, ends[k] as number, aStart, aEnd)) return false;
    starts[count] = aStart;
    ends[count] = aEnd;
    count++;
    p = vEnd + 1;
  }
}

function sameBytes(bytes: Uint8Array, s1: number, e1: number, s2: number, e2: number): boolean {
  if (e1 - s1 !== e2 - s2) return false;
  for (let k = 0; k < e1 - s1; k++) if (bytes[s1 + k] !== bytes[s2 + k]) return false;
  return true;
}

function onlySpace(bytes: Uint8Array, s: number, e: number): boolean {
  for (let p = s; p < e; p++) if (!isSpace(bytes[p] as number)) return false;
  return true;
}

/** True for a character XML 1.0 allows in a document. */
export function isXmlChar(c: number): boolean {
  return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

/**
 * Where an XML part holds a character XML 1.0 forbids, written raw (a
 * control character, U+FFFE, U+FFFF) or as a reference (`&#1;`), or an `&`
 * that starts no known entity: the first one's reason (with the character
 * it is about), or undefined when there is none. A conforming parser refuses such a part,
 * and so does PHU, whichever of its readers would read it.
 *
 * @example xmlCharProblem(new TextEncoder().encode('<t>a&#1;</t>')) // { reason: 'xml_char_forbidden', extra: 'U+0001' }
 */
export function xmlCharProblem(bytes: Uint8Array): XmlCharProblem | undefined {
  // Entities are declared in a DOCTYPE: that, not the entity, is what is refused.
  if (indexOfSeq(bytes, '<!DOCTYPE', 0) >= 0) return { reason: 'xml_doctype' };
  const n = bytes.length;
  for (let p = 0; p < n; p++) {
    const b = bytes[p] as number;
    if (b >= 0x20 && b !== 0x26 && b !== 0xef) continue;
    if (b === 0x09 || b === 0x0a || b === 0x0d) continue;
    if (b < 0x20) return { reason: 'xml_char_forbidden', extra: `U+${hex4(b)}` };
    if (b === 0xef) {
      if (bytes[p + 1] === 0xbf && (bytes[p + 2] === 0xbe || bytes[p + 2] === 0xbf)) return { reason: 'xml_char_forbidden', extra: `U+${bytes[p + 2] === 0xbe ? 'FFFE' : 'FFFF'}` };
      continue;
    }
    const semi = bytes.indexOf(0x3b, p + 1);
    if (semi < 0 || semi - p > 12) return { reason: 'xml_ampersand_bare' };
    const name = String.fromCharCode(...bytes.subarray(p + 1, semi));
    if (NAMED[name] !== undefined) continue;
    const m = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(name);
    if (!m) return { reason: 'xml_ampersand_bare' };
    const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2] ?? '', 10);
    if (!isXmlChar(code)) return { reason: 'xml_char_forbidden', extra: `U+${hex4(code)}` };
  }
  return undefined;
}

function hex4(c: number): string {
  return c.toString(16).toUpperCase().padStart(4, '0');
}

/** True when the tag's local name (prefix ignored) is `local`. */
export function localNameIs(bytes: Uint8Array, nameStart: number, nameEnd: number, local: string): boolean {
  let s = nameStart;
  for (let p = nameEnd - 1; p >= nameStart; p--) {
    if (bytes[p] === 0x3a) {
      s = p + 1;
      break;
    }
  }
  if (nameEnd - s !== local.length) return false;
  for (let k = 0; k < local.length; k++) if (bytes[s + k] !== local.charCodeAt(k)) return false;
  return true;
}

/** The length of a tag name's namespace prefix (`x` in `x:row`), 0 when it has none. */
export function prefixLength(bytes: Uint8Array, nameStart: number, nameEnd: number): number {
  for (let p = nameStart; p < nameEnd; p++) if (bytes[p] === 0x3a) return p - nameStart;
  return 0;
}

/** True when the tag name is `prefix:something`. */
export function namePrefixIs(bytes: Uint8Array, nameStart: number, nameEnd: number, prefix: Uint8Array): boolean {
  if (nameEnd - nameStart <= prefix.length + 1 || bytes[nameStart + prefix.length] !== 0x3a) return false;
  for (let k = 0; k < prefix.length; k++) if (bytes[nameStart + k] !== prefix[k]) return false;
  return true;
}

/**
 * The value of attribute `name` (compared by local name when `anyPrefix`)
 * in the tag spanning [tagStart, tagEnd), entity-decoded, or undefined.
 */
export function attributeValue(bytes: Uint8Array, tagStart: number, tagEnd: number, name: string, anyPrefix = false): string | undefined {
  const span = attributeSpan(bytes, tagStart, tagEnd, name, anyPrefix);
  return span ? decodeXmlText(utf8.decode(bytes.subarray(span[0], span[1]))) : undefined;
}

/** One decoder for every attribute: making one per call cost a fifth of the preflight. */
const utf8 = new TextDecoder('utf-8');

/** The [start, end) offsets of attribute `name`'s raw value within a tag. */
export function attributeSpan(bytes: Uint8Array, tagStart: number, tagEnd: number, name: string, anyPrefix = false): [number, number] | undefined {
  let p = tagStart + 1;
  while (p < tagEnd && !isNameEnd(bytes[p] as number)) p++;
  for (;;) {
    while (p < tagEnd && isSpace(bytes[p] as number)) p++;
    const aStart = p;
    while (p < tagEnd && bytes[p] !== 0x3d && !isSpace(bytes[p] as number) && bytes[p] !== GT && bytes[p] !== SLASH) p++;
    const aEnd = p;
    if (aEnd === aStart) return undefined;
    while (p < tagEnd && isSpace(bytes[p] as number)) p++;
    if (bytes[p] !== 0x3d) return undefined;
    p++;
    while (p < tagEnd && isSpace(bytes[p] as number)) p++;
    const quote = bytes[p];
    if (quote !== DQUOTE && quote !== SQUOTE) return undefined;
    const vEnd = bytes.indexOf(quote, p + 1);
    if (vEnd < 0 || vEnd >= tagEnd) return undefined;
    const matches = anyPrefix ? localNameIs(bytes, aStart, aEnd, name) && hasPrefix(bytes, aStart, aEnd) : sameAscii(bytes, aStart, aEnd, name);
    if (matches) return [p + 1, vEnd];
    p = vEnd + 1;
  }
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function referencedCode(e: string): number {
  return e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
}

/** XML text with its five named entities and numeric references decoded; a reference past Unicode is dropped. */
export function decodeXmlText(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (_m, e: string) => {
    const named = NAMED[e];
    if (named !== undefined) return named;
    const code = referencedCode(e);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/**
 * Like decodeXmlText, but undefined where a conforming XML parser would
 * object (a bare `&`, a reference to a character XML forbids), so that the
 * caller can hand the file to a full parser instead of guessing.
 */
export function decodeXmlTextStrict(s: string): string | undefined {
  if (s.replace(ENTITY, '').includes('&')) return undefined;
  let bad = false;
  const out = s.replace(ENTITY, (_m, e: string) => {
    const named = NAMED[e];
    if (named !== undefined) return named;
    const code = referencedCode(e);
    if (!(code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff))) bad = true;
    return bad ? '' : String.fromCodePoint(code);
  });
  return bad ? undefined : out;
}

function hasPrefix(bytes: Uint8Array, s: number, e: number): boolean {
  for (let p = s; p < e; p++) if (bytes[p] === 0x3a) return true;
  return false;
}

function sameAscii(bytes: Uint8Array, s: number, e: number, text: string): boolean {
  if (e - s !== text.length) return false;
  for (let k = 0; k < text.length; k++) if (bytes[s + k] !== text.charCodeAt(k)) return false;
  return true;
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

/** A byte that may start an XML name: a letter, `_`, `:` or any byte of a non-ASCII character. */
function isNameStart(b: number): boolean {
  return (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f || b === 0x3a || b >= 0x80;
}

/** True when bytes[s, e) is an XML name. */
function isName(bytes: Uint8Array, s: number, e: number): boolean {
  if (e <= s || !isNameStart(bytes[s] as number)) return false;
  for (let p = s + 1; p < e; p++) if (!isNameChar(bytes[p] as number)) return false;
  return true;
}

/** A byte that may continue an XML name. */
function isNameChar(b: number): boolean {
  return isNameStart(b) || (b >= 0x30 && b <= 0x39) || b === 0x2d || b === 0x2e;
}

function isNameEnd(b: number): boolean {
  return isSpace(b) || b === GT || b === SLASH || b === LT;
}

/** True at `<?xml` followed by a space or `?` (a processing instruction named xml, in any case). */
function isXmlDeclaration(bytes: Uint8Array, at: number): boolean {
  const t = bytes.subarray(at + 2, at + 5);
  const name = String.fromCharCode(...t).toLowerCase();
  const after = bytes[at + 5];
  return name === 'xml' && (after === undefined || isSpace(after) || after === QUESTION);
}

function startsWith(bytes: Uint8Array, at: number, text: string): boolean {
  for (let k = 0; k < text.length; k++) if (bytes[at + k] !== text.charCodeAt(k)) return false;
  return true;
}

function indexOfSeq(bytes: Uint8Array, text: string, from: number): number {
  const first = text.charCodeAt(0);
  for (let p = bytes.indexOf(first, from); p >= 0; p = bytes.indexOf(first, p + 1)) {
    if (startsWith(bytes, p, text)) return p;
  }
  return -1;
}

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
  | { readonly ok: false; readonly tooDeep?: number; readonly detail: string };

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
 * recurse would overflow their stack). Not a validating parser: ExcelJS
 * parses afterwards; this only bounds what it will be given.
 */
export function scanXml(bytes: Uint8Array, maxDepth: number, visit?: TagVisitor): XmlScan {
  let depth = 0;
  let deepest = 0;
  let i = 0;
  const n = bytes.length;
  for (;;) {
    const lt = bytes.indexOf(LT, i);
    if (lt < 0) break;
    const c1 = bytes[lt + 1];
    if (c1 === BANG) {
      if (startsWith(bytes, lt, '<!--')) {
        const e = indexOfSeq(bytes, '-->', lt + 4);
        if (e < 0) return { ok: false, detail: 'chú thích XML không đóng' };
        i = e + 3;
      } else if (startsWith(bytes, lt, '<![CDATA[')) {
        const e = indexOfSeq(bytes, ']]>', lt + 9);
        if (e < 0) return { ok: false, detail: 'khối CDATA không đóng' };
        i = e + 3;
      } else {
        return { ok: false, detail: 'có khai báo DOCTYPE, không được phép trong tệp .xlsx' };
      }
      continue;
    }
    if (c1 === QUESTION) {
      const e = indexOfSeq(bytes, '?>', lt + 2);
      if (e < 0) return { ok: false, detail: 'chỉ thị XML không đóng' };
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
    if (gt < 0 || nameEnd === nameStart) return { ok: false, detail: 'thẻ XML không hợp lệ' };
    const tagEnd = gt + 1;
    if (closing) {
      if (depth === 0) return { ok: false, detail: 'thẻ đóng XML thừa' };
      if (visit && visit(TagKind.Close, nameStart, nameEnd, lt, tagEnd, depth) === false) return { ok: true, maxDepth: deepest };
      depth--;
    } else {
      const empty = bytes[gt - 1] === SLASH;
      const d = depth + 1;
      if (d > deepest) deepest = d;
      if (d > maxDepth) return { ok: false, tooDeep: d, detail: 'cấu trúc XML lồng quá sâu' };
      if (visit && visit(empty ? TagKind.Empty : TagKind.Open, nameStart, nameEnd, lt, tagEnd, d) === false) return { ok: true, maxDepth: deepest };
      if (!empty) depth = d;
    }
    i = tagEnd;
  }
  return { ok: true, maxDepth: deepest };
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

function isNameEnd(b: number): boolean {
  return isSpace(b) || b === GT || b === SLASH || b === LT;
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

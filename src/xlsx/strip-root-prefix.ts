import type { CorruptReason } from '../core/findings/corrupt-reasons';
import { namePrefixIs, prefixLength, scanXml, TagKind } from './scan-xml';
import { spliceBytes, type ByteEdit } from './splice-bytes';

/**
 * An XML part checked for nesting depth and, when its root element is
 * prefixed (`<x:sst xmlns:x="...">`, as some generators write it), with that
 * prefix removed from every element that carries it: ExcelJS only knows
 * unprefixed names and would silently read nothing.
 */
export function stripRootPrefix(
  bytes: Uint8Array,
  maxDepth: number,
): { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly tooDeep?: number; readonly reason: CorruptReason } {
  const edits: ByteEdit[] = [];
  let rootPrefix: Uint8Array | undefined;
  const scan = scanXml(bytes, maxDepth, (kind, ns, ne, _ts, _te, depth) => {
    if (depth === 1 && kind !== TagKind.Close) {
      const k = prefixLength(bytes, ns, ne);
      rootPrefix = k > 0 ? bytes.slice(ns, ns + k) : undefined;
    }
    if (rootPrefix && namePrefixIs(bytes, ns, ne, rootPrefix)) edits.push({ start: ns, end: ns + rootPrefix.length + 1 });
  });
  return scan.ok ? { ok: true, bytes: spliceBytes(bytes, edits) } : scan;
}

import type { Corruption } from '../core/findings/corrupt-reasons';
import { attributeValue, localNameIs, scanXml, TagKind } from './scan-xml';

/** A worksheet as the workbook part lists it. */
export interface PackageSheet {
  readonly name: string;
  /** `visible`, `hidden` or `veryHidden`. */
  readonly state: string;
  /** The zip entry holding the sheet, as found in the zip. */
  readonly part: string;
}

/** Where the parts that hold a workbook's values are, resolved through its relationships. */
export interface SpreadsheetPackage {
  readonly workbookPart: string;
  /** Worksheets in tab order; chart sheets and dialog sheets are left out. */
  readonly sheets: readonly PackageSheet[];
  readonly sharedStringsPart?: string;
  readonly stylesPart?: string;
  /** Dates count from 1904 (old Mac workbooks) rather than 1900. */
  readonly date1904: boolean;
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/**
 * Follows `_rels/.rels` to the workbook and its relationships to the
 * worksheets, shared strings and styles. Part names are looked up without
 * regard to case (OPC part names are case-insensitive), and non-standard
 * names written by other tools are resolved rather than assumed.
 * `part(name)` returns an entry's content, undefined when absent.
 */
export function readPackage(
  part: (name: string) => Uint8Array | undefined,
  maxDepth: number,
): { readonly ok: true; readonly pkg: SpreadsheetPackage } | ({ readonly ok: false } & Corruption) {
  const rootRels = part('_rels/.rels');
  let workbookPart = 'xl/workbook.xml';
  if (rootRels) {
    const rels = parseRelationships(rootRels, maxDepth);
    const doc = rels?.find((r) => !r.external && r.type.endsWith('/officeDocument'));
    if (doc) workbookPart = resolvePartName('', doc.target);
  }
  const workbook = part(workbookPart);
  if (!workbook) return { ok: false, reason: 'workbook_part_missing', part: workbookPart };
  const dir = workbookPart.includes('/') ? workbookPart.slice(0, workbookPart.lastIndexOf('/')) : '';
  const relsName = `${dir ? dir + '/' : ''}_rels/${workbookPart.slice(dir ? dir.length + 1 : 0)}.rels`;
  const relsBytes = part(relsName);
  const rels = relsBytes ? parseRelationships(relsBytes, maxDepth) : [];
  if (!rels) return { ok: false, reason: 'workbook_rels_unreadable', part: relsName };
  const byId = new Map(rels.map((r) => [r.id, r]));

  const listed: { name: string; relId: string; state: string }[] = [];
  let date1904 = false;
  const scan = scanXml(workbook, maxDepth, (kind, ns, ne, ts, te) => {
    if (kind === TagKind.Close) return;
    if (localNameIs(workbook, ns, ne, 'workbookPr')) {
      const v = attributeValue(workbook, ts, te, 'date1904');
      date1904 = v === '1' || v === 'true';
    }
    if (!localNameIs(workbook, ns, ne, 'sheet')) return;
    const name = attributeValue(workbook, ts, te, 'name');
    const relId = attributeValue(workbook, ts, te, 'id', true);
    const state = attributeValue(workbook, ts, te, 'state') ?? 'visible';
    if (name !== undefined && relId !== undefined) listed.push({ name, relId, state });
  });
  if (!scan.ok) return { ok: false, reason: scan.reason, part: workbookPart };

  const sheets: PackageSheet[] = [];
  for (const s of listed) {
    const rel = byId.get(s.relId);
    if (!rel || rel.external || !rel.type.endsWith('/worksheet')) continue;
    sheets.push({ name: s.name, state: s.state, part: resolvePartName(dir, rel.target) });
  }
  const internal = (suffix: string): string | undefined => {
    const r = rels.find((x) => !x.external && x.type.endsWith(suffix));
    return r ? resolvePartName(dir, r.target) : undefined;
  };
  const sharedStringsPart = internal('/sharedStrings');
  const stylesPart = internal('/styles');
  return {
    ok: true,
    pkg: { workbookPart, sheets, date1904, ...(sharedStringsPart ? { sharedStringsPart } : {}), ...(stylesPart ? { stylesPart } : {}) },
  };
}

function parseRelationships(bytes: Uint8Array, maxDepth: number): Relationship[] | undefined {
  const out: Relationship[] = [];
  const scan = scanXml(bytes, maxDepth, (kind, ns, ne, ts, te) => {
    if (kind === TagKind.Close || !localNameIs(bytes, ns, ne, 'Relationship')) return;
    const id = attributeValue(bytes, ts, te, 'Id');
    const type = attributeValue(bytes, ts, te, 'Type');
    const target = attributeValue(bytes, ts, te, 'Target');
    if (id === undefined || type === undefined || target === undefined) return;
    out.push({ id, type, target, external: attributeValue(bytes, ts, te, 'TargetMode') === 'External' });
  });
  return scan.ok ? out : undefined;
}

/** A relationship target made a zip entry name: relative to `baseDir`, or absolute from the package root. */
export function resolvePartName(baseDir: string, target: string): string {
  let t = target.trim();
  try {
    t = decodeURIComponent(t);
  } catch {
    // A stray '%' is part of the name.
  }
  const segments = t.startsWith('/') ? [] : baseDir.split('/').filter(Boolean);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') segments.pop();
    else segments.push(seg);
  }
  return segments.join('/');
}

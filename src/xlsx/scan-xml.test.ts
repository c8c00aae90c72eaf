import { attributeValue, localNameIs, scanXml, TagKind, xmlCharProblem } from './scan-xml';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('scanXml', () => {
  it('visits element tags with their depth, skipping comments, CDATA and declarations', () => {
    const xml = bytes('<?xml version="1.0"?><!-- <x> --><a><b attr="1 > 0" other=\'x\'/><c><![CDATA[<d>]]></c></a>');
    const seen: string[] = [];
    const r = scanXml(xml, 10, (kind, ns, ne, _ts, _te, depth) => {
      seen.push(`${['open', 'close', 'empty'][kind]}:${new TextDecoder().decode(xml.subarray(ns, ne))}@${depth}`);
    });
    expect(r).toEqual({ ok: true, maxDepth: 2 });
    expect(seen).toEqual(['open:a@1', 'empty:b@2', 'open:c@2', 'close:c@2', 'close:a@1']);
  });

  it('refuses nesting deeper than the limit, a DOCTYPE, and broken tags', () => {
    expect(scanXml(bytes('<a><b><c><d/></c></b></a>'), 3)).toMatchObject({ ok: false, tooDeep: 4 });
    expect(scanXml(bytes('<!DOCTYPE x [<!ENTITY a "b">]><x/>'), 10)).toMatchObject({ ok: false });
    expect(scanXml(bytes('<a><b attr="never closed></a>'), 10)).toMatchObject({ ok: false });
    expect(scanXml(bytes('</a>'), 10)).toMatchObject({ ok: false });
  });

  it('says why by reason code, never by text', () => {
    expect(scanXml(bytes('<a></b>'), 10)).toEqual({ ok: false, reason: 'xml_close_mismatch' });
    expect(scanXml(bytes('<a/><b/>'), 10)).toEqual({ ok: false, reason: 'xml_root_twice' });
    expect(scanXml(bytes('<a x="1" x="2"/>'), 10)).toEqual({ ok: false, reason: 'xml_attribute_invalid' });
    expect(scanXml(bytes('<a><!-- open'), 10)).toEqual({ ok: false, reason: 'xml_comment_unclosed' });
    expect(xmlCharProblem(bytes('<t>a&#1;</t>'))).toEqual({ reason: 'xml_char_forbidden', extra: 'U+0001' });
    expect(xmlCharProblem(bytes('<t>\uffff</t>'))).toEqual({ reason: 'xml_char_forbidden', extra: 'U+FFFF' });
    expect(xmlCharProblem(bytes('<t>R&D</t>'))).toEqual({ reason: 'xml_ampersand_bare' });
    expect(xmlCharProblem(bytes('<!DOCTYPE x><t/>'))).toEqual({ reason: 'xml_doctype' });
    expect(xmlCharProblem(bytes('<t>a &amp; b</t>'))).toBeUndefined();
  });

  it('reads attributes by name or by local name with any prefix, entities decoded', () => {
    const xml = bytes('<x:sheet name="Số liệu &amp; &#273;&#x1EA1;t" sheetId="3" ns1:id="rId7"/>');
    let name: string | undefined;
    let id: string | undefined;
    let sheetId: string | undefined;
    scanXml(xml, 5, (kind, ns, ne, ts, te) => {
      if (kind === TagKind.Close || !localNameIs(xml, ns, ne, 'sheet')) return;
      name = attributeValue(xml, ts, te, 'name');
      id = attributeValue(xml, ts, te, 'id', true);
      sheetId = attributeValue(xml, ts, te, 'sheetId');
    });
    expect({ name, id, sheetId }).toEqual({ name: 'Số liệu & đạt', id: 'rId7', sheetId: '3' });
  });
});

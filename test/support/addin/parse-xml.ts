/** An XML element: its qualified name, attributes, children and text. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string, at: number): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);|&/g, (whole, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`bare & at ${String(at)}`);
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)));
    const e = ENTITIES[ref];
    if (e === undefined) throw new Error(`unknown entity ${whole} at ${String(at)}`);
    return e;
  });
}

/**
 * A strict parser for well-formed XML documents such as the add-in
 * manifest: one root, matching tags, quoted and unique attributes, known
 * entities. Throws on the first violation. Namespaces are left as written
 * (`bt:Image`). No DTDs.
 */
export function parseXml(xml: string): XmlElement {
  let i = 0;
  const stack: Array<{ name: string; attributes: Record<string, string>; children: XmlElement[]; text: string }> = [];
  let root: XmlElement | undefined;
  const skipSpace = (): void => {
    while (i < xml.length && /\s/.test(xml[i] ?? '')) i++;
  };
  while (i < xml.length) {
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i);
      if (end < 0) throw new Error('unterminated declaration');
      i = end + 2;
    } else if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i);
      if (end < 0) throw new Error('unterminated comment');
      i = end + 3;
    } else if (xml.startsWith('<!', i)) {
      throw new Error(`unsupported markup at ${String(i)}`);
    } else if (xml.startsWith('</', i)) {
      const end = xml.indexOf('>', i);
      const name = xml.slice(i + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> does not close <${open?.name ?? '(none)'}> at ${String(i)}`);
      const done: XmlElement = { name: open.name, attributes: open.attributes, children: open.children, text: open.text };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(done);
      else root = done;
      i = end + 1;
    } else if (xml[i] === '<') {
      if (root) throw new Error('content after the root element');
      i++;
      const nameMatch = /^[A-Za-z_][\w.:-]*/.exec(xml.slice(i));
      if (!nameMatch) throw new Error(`bad tag at ${String(i)}`);
      const name = nameMatch[0];
      i += name.length;
      const attributes: Record<string, string> = {};
      for (;;) {
        skipSpace();
        if (xml.startsWith('/>', i) || xml[i] === '>') break;
        const a = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(xml.slice(i));
        if (!a || !a[1]) throw new Error(`bad attribute in <${name}> at ${String(i)}`);
        if (a[1] in attributes) throw new Error(`duplicate attribute ${a[1]} in <${name}>`);
        attributes[a[1]] = decode(a[3] ?? a[4] ?? '', i);
        i += a[0].length;
      }
      const selfClosing = xml.startsWith('/>', i);
      i += selfClosing ? 2 : 1;
      const el = { name, attributes, children: [] as XmlElement[], text: '' };
      if (selfClosing) {
        const parent = stack[stack.length - 1];
        const done: XmlElement = { ...el };
        if (parent) parent.children.push(done);
        else root = done;
      } else stack.push(el);
    } else {
      const next = xml.indexOf('<', i);
      const chunk = xml.slice(i, next < 0 ? xml.length : next);
      const top = stack[stack.length - 1];
      if (top) top.text += decode(chunk, i);
      else if (chunk.trim() !== '') throw new Error(`text outside the root at ${String(i)}`);
      i = next < 0 ? xml.length : next;
    }
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1]?.name ?? ''}> is not closed`);
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element below (and including) `e`, depth first. */
export function allElements(e: XmlElement): XmlElement[] {
  return [e, ...e.children.flatMap(allElements)];
}

/** The first child with this name, following a path of names. */
export function child(e: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  let cur = e;
  for (const p of path) cur = cur?.children.find((c) => c.name === p);
  return cur;
}

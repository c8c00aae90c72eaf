import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allElements, child, parseXml, type XmlElement } from '../../test/support/addin/parse-xml';

/*
 * The manifest checked offline (`npm run validate` asks Microsoft's
 * service, which needs the network): well-formed, the elements Office
 * requires in their order, one shared runtime whose resid is used
 * everywhere, every resid defined with the right kind, https only,
 * strings within Office's limits, icons present.
 */

const root = join(__dirname, '..', '..');
const xml = readFileSync(join(root, 'manifest.xml'), 'utf8');
const webpackConfig = require(join(root, 'webpack.config.js')) as { rewriteUrls(xml: string, prod?: string): string; DEV_URL: string };

function resources(m: XmlElement): Map<string, { kind: string; value: string; overrides: Record<string, string> }> {
  const res = child(m, 'VersionOverrides', 'Resources');
  const out = new Map<string, { kind: string; value: string; overrides: Record<string, string> }>();
  for (const group of res?.children ?? []) {
    for (const item of group.children) {
      const id = item.attributes.id ?? '';
      if (out.has(id)) throw new Error(`resource id ${id} defined twice`);
      const overrides = Object.fromEntries(item.children.filter((c) => c.name === 'bt:Override').map((c) => [c.attributes.Locale ?? '', c.attributes.Value ?? '']));
      out.set(id, { kind: group.name, value: item.attributes.DefaultValue ?? '', overrides });
    }
  }
  return out;
}

/** The resource kind each referencing element needs. */
const KIND_OF: Readonly<Record<string, string>> = {
  'bt:Image': 'bt:Images',
  SourceLocation: 'bt:Urls',
  FunctionFile: 'bt:Urls',
  LearnMoreUrl: 'bt:Urls',
  Runtime: 'bt:Urls',
  Label: 'bt:ShortStrings',
  Title: 'bt:ShortStrings',
  Namespace: 'bt:ShortStrings',
  Description: 'bt:LongStrings',
};

describe('manifest.xml (offline checks)', () => {
  const m = parseXml(xml);

  it('is a task pane add-in with the required elements in Office’s order', () => {
    expect(m.name).toBe('OfficeApp');
    expect(m.attributes['xsi:type']).toBe('TaskPaneApp');
    const order = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
    expect(m.children.map((c) => c.name)).toEqual(order);
    expect(child(m, 'Id')?.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(child(m, 'Version')?.text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(child(m, 'Hosts', 'Host')?.attributes.Name).toBe('Workbook');
    expect(child(m, 'Permissions')?.text).toBe('ReadWriteDocument');
    const sets = child(m, 'Requirements', 'Sets')?.children ?? [];
    expect(sets.map((s) => s.attributes.Name)).toContain('SharedRuntime');
  });

  it('is in Vietnamese with English overrides', () => {
    expect(child(m, 'DefaultLocale')?.text).toBe('vi-VN');
    for (const name of ['DisplayName', 'Description']) {
      const e = child(m, name);
      expect(e?.attributes.DefaultValue).toMatch(/[ảạăâđêôơưủếệộ]/);
      expect(e?.children.find((c) => c.attributes.Locale === 'en-US')?.attributes.Value).toBeTruthy();
    }
    const res = resources(m);
    for (const id of ['Group.Label', 'TaskpaneButton.Label', 'TaskpaneButton.Tooltip', 'GetStarted.Title', 'GetStarted.Description']) {
      expect(res.get(id)?.overrides['en-US']).toBeTruthy();
    }
  });

  it('runs task pane and functions in one long-lived runtime, with the same resid everywhere', () => {
    const host = child(m, 'VersionOverrides', 'Hosts', 'Host');
    const runtime = child(host, 'Runtimes', 'Runtime');
    expect(runtime?.attributes.lifetime).toBe('long');
    const resid = runtime?.attributes.resid;
    expect(resid).toBe('Taskpane.Url');
    const cf = host?.children.find((c) => c.name === 'AllFormFactors')?.children.find((c) => c.attributes['xsi:type'] === 'CustomFunctions');
    expect(child(cf, 'Page', 'SourceLocation')?.attributes.resid).toBe(resid);
    expect(child(cf, 'Namespace')?.attributes.resid).toBe('Functions.Namespace');
    expect(resources(m).get('Functions.Namespace')?.value).toBe('PHU');
    const desktop = child(host, 'DesktopFormFactor');
    expect(child(desktop, 'FunctionFile')?.attributes.resid).toBe(resid);
    const action = allElements(desktop as XmlElement).find((e) => e.name === 'Action' && e.attributes['xsi:type'] === 'ShowTaskpane');
    expect(child(action, 'SourceLocation')?.attributes.resid).toBe(resid);
    expect(child(action, 'TaskpaneId')?.text).toBeTruthy();
    expect(resources(m).get(resid ?? '')?.value).toMatch(/\/taskpane\.html$/);
    expect(resources(m).get(child(cf, 'Metadata', 'SourceLocation')?.attributes.resid ?? '')?.value).toMatch(/\/functions\.json$/);
    expect(resources(m).get(child(cf, 'Script', 'SourceLocation')?.attributes.resid ?? '')?.value).toMatch(/\/functions\.js$/);
  });

  it('defines every resid it uses, of the right kind, and uses every resource', () => {
    const res = resources(m);
    const used = new Set<string>();
    for (const e of allElements(m)) {
      const resid = e.attributes.resid;
      if (resid === undefined) continue;
      used.add(resid);
      const r = res.get(resid);
      expect({ resid, defined: r !== undefined }).toEqual({ resid, defined: true });
      const kind = KIND_OF[e.name];
      expect({ resid, element: e.name, kind: r?.kind }).toEqual({ resid, element: e.name, kind });
    }
    expect([...res.keys()].filter((id) => !used.has(id))).toEqual([]);
    const controls = allElements(m).filter((e) => e.name === 'Control' || e.name === 'Group');
    expect(new Set(controls.map((c) => c.attributes.id)).size).toBe(controls.length);
  });

  it('keeps strings within Office’s limits and points only at https URLs', () => {
    const res = resources(m);
    for (const [id, r] of res) {
      const limit = r.kind === 'bt:ShortStrings' ? 125 : r.kind === 'bt:LongStrings' ? 250 : 2048;
      for (const v of [r.value, ...Object.values(r.overrides)]) expect({ id, ok: v.length > 0 && v.length <= limit }).toEqual({ id, ok: true });
      if (r.kind === 'bt:Urls' || r.kind === 'bt:Images') expect(r.value).toMatch(/^https:\/\//);
    }
    for (const e of allElements(m)) {
      for (const [k, v] of Object.entries(e.attributes)) {
        // Namespace names are identifiers that look like URLs, never fetched.
        if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
        if (/^https?:/.test(v)) expect({ k, v }).toEqual({ k, v: expect.stringMatching(/^https:\/\//) });
      }
      if (/^https?:/.test(e.text.trim())) expect(e.text.trim()).toMatch(/^https:\/\//);
    }
    expect((child(m, 'DisplayName')?.attributes.DefaultValue ?? '').length).toBeLessThanOrEqual(125);
    expect((child(m, 'Description')?.attributes.DefaultValue ?? '').length).toBeLessThanOrEqual(250);
  });

  it('ships every icon it names', () => {
    const urls = allElements(m).flatMap((e) => Object.values(e.attributes)).filter((v) => /\.png$/.test(v));
    expect(urls.length).toBeGreaterThan(3);
    for (const u of urls) expect(existsSync(join(root, u.replace(webpackConfig.DEV_URL, '')))).toBe(true);
  });

  it('has every dev URL rewritten by the production build, all occurrences', () => {
    const prod = webpackConfig.rewriteUrls(xml, 'https://phu.example.org/addin/');
    expect(prod).not.toContain('localhost');
    expect(prod.split('https://phu.example.org/addin/').length - 1).toBe(xml.split(webpackConfig.DEV_URL).length - 1);
    expect(prod).toContain('<AppDomain>https://phu.example.org</AppDomain>');
    expect(() => parseXml(prod)).not.toThrow();
  });

  it('refuses XML that is not well formed', () => {
    expect(() => parseXml('<a><b></a>')).toThrow();
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow();
    expect(() => parseXml('<a>&nbsp;</a>')).toThrow();
    expect(() => parseXml('<a/><b/>')).toThrow();
  });
});

import { DriveError } from '../../core/ports/drive';
import { DEFAULT_GRAPH_BASE_URL, parseGraphEndpoint, relativeToEndpoint } from './graph-endpoint';

describe('parseGraphEndpoint', () => {
  it('splits the public service into host and version, with no custom host', () => {
    expect(parseGraphEndpoint(DEFAULT_GRAPH_BASE_URL)).toEqual({ host: 'https://graph.microsoft.com', version: 'v1.0', prefix: 'https://graph.microsoft.com/v1.0/' });
    expect(parseGraphEndpoint()).toEqual(parseGraphEndpoint(DEFAULT_GRAPH_BASE_URL));
  });

  it('names a loopback or national-cloud host so the client may send it the token', () => {
    expect(parseGraphEndpoint('https://127.0.0.1:8443/v1.0/')).toEqual({ host: 'https://127.0.0.1:8443', version: 'v1.0', prefix: 'https://127.0.0.1:8443/v1.0/', customHost: '127.0.0.1' });
    expect(parseGraphEndpoint('https://proxy.example.vn/graph/beta').host).toBe('https://proxy.example.vn/graph');
  });

  it('refuses http, a missing version, queries and garbage', () => {
    for (const bad of ['http://127.0.0.1:8080/v1.0', 'https://graph.microsoft.com', 'https://graph.microsoft.com/v1.0?x=1', 'not a url', 'https://u:p@graph.microsoft.com/v1.0']) {
      expect(() => parseGraphEndpoint(bad)).toThrow(DriveError);
    }
  });
});

describe('relativeToEndpoint', () => {
  const ep = parseGraphEndpoint('https://127.0.0.1:8443/v1.0');
  it('keeps a nextLink on the API host as a path with its query', () => {
    expect(relativeToEndpoint(ep, 'https://127.0.0.1:8443/v1.0/drives/x/root/children?$top=200&$skiptoken=Mj')).toBe('drives/x/root/children?$top=200&$skiptoken=Mj');
  });
  it('refuses a link elsewhere, so the token never follows it', () => {
    expect(() => relativeToEndpoint(ep, 'https://localhost:8443/v1.0/drives/x')).toThrow(DriveError);
    expect(() => relativeToEndpoint(ep, 'https://127.0.0.1:8443.evil.example/v1.0/x')).toThrow(DriveError);
  });
  it.each([
    ['another port', 'https://127.0.0.1:9443/v1.0/drives/x'],
    ['plain http', 'http://127.0.0.1:8443/v1.0/drives/x'],
    ['credentials in the authority', 'https://a:b@127.0.0.1:8443/v1.0/drives/x'],
    ['a path outside the version', 'https://127.0.0.1:8443/beta/drives/x'],
    ['a dot-dot walk out of the version', 'https://127.0.0.1:8443/v1.0/../beta/drives/x'],
    ['an encoded dot-dot walk', 'https://127.0.0.1:8443/v1.0/%2e%2e/beta/x'],
    ['a version prefix that is not a segment', 'https://127.0.0.1:8443/v1.0evil/x'],
    ['https:// later in the path', 'https://127.0.0.1:8443/v1.0/https://evil.example/x'],
    ['https:// in the query', 'https://127.0.0.1:8443/v1.0/drives/x/children?$skiptoken=https://evil.example/'],
    ['a protocol-relative rest', 'https://127.0.0.1:8443/v1.0//evil.example/x'],
    ['a scheme as the rest', 'https://127.0.0.1:8443/v1.0/javascript:alert(1)'],
    ['nothing after the base', 'https://127.0.0.1:8443/v1.0/'],
    ['not a URL', 'drives/x/children'],
  ])('refuses %s', (_what, link) => {
    expect(() => relativeToEndpoint(ep, link)).toThrow(DriveError);
  });
  it('accepts the link the public service sends, host name in any case', () => {
    const pub = parseGraphEndpoint();
    expect(relativeToEndpoint(pub, 'https://GRAPH.microsoft.com/v1.0/drives/b!x/items/01AB/children?$top=200&$skiptoken=UGFnZWQ9')).toBe('drives/b!x/items/01AB/children?$top=200&$skiptoken=UGFnZWQ9');
  });
});

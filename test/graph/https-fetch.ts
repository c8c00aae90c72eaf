import * as https from 'node:https';

/**
 * A fetch over node:https that trusts one extra CA, for in-process tests:
 * NODE_EXTRA_CA_CERTS is read only when a process starts, so the test
 * process's own fetch cannot trust a CA made at test time. End-to-end tests
 * spawn the CLI with NODE_EXTRA_CA_CERTS instead and use the real fetch.
 * Redirects are not followed; bodies are buffered.
 */
export function createHttpsFetch(caPem: string): typeof fetch {
  const agent = new https.Agent({ ca: caPem, keepAlive: true });
  const impl = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = typeof input === 'string' ? new URL(input) : input instanceof URL ? input : new URL(input.url);
    const method = init.method ?? (input instanceof Request ? input.method : 'GET');
    const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
    const body = await bodyBytes(init.body);
    if (body !== undefined && !headers.has('content-length')) headers.set('content-length', String(body.length));
    const signal = init.signal ?? undefined;
    signal?.throwIfAborted();
    const outgoing: Record<string, string> = {};
    headers.forEach((value, key) => (outgoing[key] = value));
    return new Promise<Response>((resolve, reject) => {
      const req = https.request(url, { method, headers: outgoing, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('error', (err) => reject(new TypeError('fetch failed', { cause: err })));
        res.on('aborted', () => reject(new TypeError('fetch failed: response aborted')));
        res.on('end', () => {
          if (!res.complete) return reject(new TypeError('fetch failed: terminated'));
          const status = res.statusCode ?? 0;
          const responseHeaders = new Headers();
          for (const [k, v] of Object.entries(res.headers)) {
            if (Array.isArray(v)) for (const one of v) responseHeaders.append(k, one);
            else if (v !== undefined) responseHeaders.set(k, v);
          }
          const nullBody = status === 204 || status === 304 || method === 'HEAD';
          resolve(new Response(nullBody ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage ?? '', headers: responseHeaders }));
        });
      });
      req.on('error', (err) => reject(new TypeError('fetch failed', { cause: err })));
      signal?.addEventListener('abort', () => req.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted')), { once: true });
      req.end(body);
    });
  };
  return impl as typeof fetch;
}

async function bodyBytes(body: RequestInit['body']): Promise<Buffer | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Blob) return Buffer.from(await body.arrayBuffer());
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new TypeError('createHttpsFetch: unsupported body type');
}

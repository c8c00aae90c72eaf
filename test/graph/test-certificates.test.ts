import { X509Certificate } from 'node:crypto';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { createTestCertificates } from './test-certificates';

async function handshake(host: string, caPem: string, certPem: string, keyPem: string): Promise<string> {
  const server = https.createServer({ cert: certPem, key: keyPem }, (_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  try {
    return await new Promise<string>((resolve, reject) => {
      https
        .get({ host, port, ca: caPem, agent: false }, (res) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d.toString()));
          res.on('end', () => resolve(body));
        })
        .on('error', reject);
    });
  } finally {
    server.close();
  }
}

describe.each(['openssl', 'node'] as const)('test certificates made with %s', (prefer) => {
  const certs = createTestCertificates(prefer);
  afterAll(() => certs.dispose());

  it('are a CA and a server certificate for localhost and 127.0.0.1 signed by it', () => {
    const ca = new X509Certificate(certs.caPem);
    const leaf = new X509Certificate(certs.certPem);
    expect(ca.ca).toBe(true);
    expect(leaf.ca).toBe(false);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.checkHost('localhost')).toBe('localhost');
    expect(leaf.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(leaf.checkHost('example.org')).toBeUndefined();
  });

  it('pass a TLS handshake for both names, and fail without the CA', async () => {
    await expect(handshake('localhost', certs.caPem, certs.certPem, certs.keyPem)).resolves.toBe('ok');
    await expect(handshake('127.0.0.1', certs.caPem, certs.certPem, certs.keyPem)).resolves.toBe('ok');
    const other = createTestCertificates(prefer);
    try {
      await expect(handshake('localhost', other.caPem, certs.certPem, certs.keyPem)).rejects.toThrow();
    } finally {
      other.dispose();
    }
  });
});

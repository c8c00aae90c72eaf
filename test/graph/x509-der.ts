import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

/*
 * Just enough DER to issue a throwaway CA and a server certificate in pure
 * Node, for machines without the openssl command. P-256 keys, ECDSA-SHA256.
 */

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), length(content.length), content]);
}

const seq = (...items: Buffer[]): Buffer => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]): Buffer => tlv(0x31, Buffer.concat(items));
const octets = (b: Buffer): Buffer => tlv(0x04, b);
const bits = (b: Buffer, unused = 0): Buffer => tlv(0x03, Buffer.concat([Buffer.from([unused]), b]));
const bool = (v: boolean): Buffer => tlv(0x01, Buffer.from([v ? 0xff : 0]));
const explicit = (n: number, inner: Buffer): Buffer => tlv(0xa0 + n, inner);

function integer(b: Buffer): Buffer {
  // Positive: a leading 0 when the high bit is set.
  const first = b[0] ?? 0;
  return tlv(0x02, first & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b);
}

function oid(dotted: string): Buffer {
  const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number);
  const out = [40 * a + b];
  for (const n of rest) {
    const group: number[] = [];
    let v = n;
    do {
      group.unshift(v & 0x7f);
      v = Math.floor(v / 128);
    } while (v > 0);
    for (let i = 0; i < group.length - 1; i++) group[i] = (group[i] ?? 0) | 0x80;
    out.push(...group);
  }
  return tlv(0x06, Buffer.from(out));
}

function utcTime(d: Date): Buffer {
  const p = (n: number) => String(n).padStart(2, '0');
  const text = `${p(d.getUTCFullYear() % 100)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
  return tlv(0x17, Buffer.from(text, 'ascii'));
}

function name(commonName: string): Buffer {
  return seq(set(seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from(commonName, 'utf8')))));
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return seq(oid(id), ...(critical ? [bool(true)] : []), octets(value));
}

const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));

function keyId(publicKey: KeyObject): Buffer {
  return createHash('sha1').update(publicKey.export({ type: 'spki', format: 'der' })).digest();
}

function toPem(der: Buffer, label: string): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

interface Issued {
  readonly certPem: string;
  readonly keyPem: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

function issue(subject: string, issuer: { name: string; key: KeyObject; id: Buffer } | undefined, extensions: (own: KeyObject) => Buffer[]): Issued {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const now = Date.now();
  const signer = issuer ?? { name: subject, key: privateKey, id: keyId(publicKey) };
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))),
    integer(serial),
    ECDSA_SHA256,
    name(signer.name),
    seq(utcTime(new Date(now - 3_600_000)), utcTime(new Date(now + 2 * 86_400_000))),
    name(subject),
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, seq(...extensions(publicKey), extension('2.5.29.35', false, seq(tlv(0x80, signer.id))))),
  );
  const signature = sign('sha256', tbs, signer.key);
  const cert = seq(tbs, ECDSA_SHA256, bits(signature));
  return { certPem: toPem(cert, 'CERTIFICATE'), keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), privateKey, publicKey };
}

/** A CA and a server certificate for `localhost` and `127.0.0.1`, signed by it. */
export function issueTestCertificatesInNode(): { caPem: string; certPem: string; keyPem: string } {
  const ca = issue('PHU test CA', undefined, (own) => [
    extension('2.5.29.19', true, seq(bool(true))),
    extension('2.5.29.15', true, bits(Buffer.from([0x06]), 1)),
    extension('2.5.29.14', false, octets(keyId(own))),
  ]);
  const server = issue('localhost', { name: 'PHU test CA', key: ca.privateKey, id: keyId(ca.publicKey) }, () => [
    extension('2.5.29.19', true, seq()),
    extension('2.5.29.15', true, bits(Buffer.from([0x80]), 7)),
    extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'))),
    extension('2.5.29.17', false, seq(tlv(0x82, Buffer.from('localhost', 'ascii')), tlv(0x87, Buffer.from([127, 0, 0, 1])))),
  ]);
  return { caPem: ca.certPem, certPem: server.certPem, keyPem: server.keyPem };
}

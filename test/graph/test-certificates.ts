import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { issueTestCertificatesInNode } from './x509-der';

/** A throwaway CA and server certificate, in a temporary folder removed by `dispose`. */
export interface TestCertificates {
  /** Path of the CA certificate, for NODE_EXTRA_CA_CERTS. */
  readonly caPath: string;
  readonly caPem: string;
  readonly certPem: string;
  readonly keyPem: string;
  readonly madeWith: 'openssl' | 'node';
  dispose(): void;
}

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function withOpenssl(dir: string): { caPem: string; certPem: string; keyPem: string } {
  const f = (name: string) => path.join(dir, name);
  const run = (args: string[]) => execFileSync('openssl', args, { stdio: 'ignore', cwd: dir });
  const ec = ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'];
  run(['genpkey', ...ec, '-out', f('ca.key')]);
  run(['req', '-x509', '-new', '-key', f('ca.key'), '-sha256', '-days', '2', '-subj', '/CN=PHU test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-out', f('ca.pem')]);
  run(['genpkey', ...ec, '-out', f('server.key')]);
  run(['req', '-new', '-key', f('server.key'), '-subj', '/CN=localhost', '-out', f('server.csr')]);
  writeFileSync(f('server.ext'), 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n');
  run(['x509', '-req', '-in', f('server.csr'), '-CA', f('ca.pem'), '-CAkey', f('ca.key'), '-set_serial', `0x${randomBytes(8).toString('hex')}`, '-days', '2', '-sha256', '-extfile', f('server.ext'), '-out', f('server.pem')]);
  // The CA's key is not needed any more: remove it at once.
  rmSync(f('ca.key'));
  return { caPem: readFileSync(f('ca.pem'), 'utf8'), certPem: readFileSync(f('server.pem'), 'utf8'), keyPem: readFileSync(f('server.key'), 'utf8') };
}

/**
 * Makes a CA and a certificate for `localhost` and `127.0.0.1`, with the
 * openssl command when present, else in pure Node. Nothing is written in the
 * repository; keys live in a temporary folder until `dispose`.
 */
export function createTestCertificates(prefer: 'openssl' | 'node' = 'openssl'): TestCertificates {
  const dir = mkdtempSync(path.join(tmpdir(), 'phu-graph-certs-'));
  try {
    const useOpenssl = prefer === 'openssl' && hasOpenssl();
    const made = useOpenssl ? withOpenssl(dir) : issueTestCertificatesInNode();
    const caPath = path.join(dir, 'phu-test-ca.pem');
    writeFileSync(caPath, made.caPem);
    return { ...made, caPath, madeWith: useOpenssl ? 'openssl' : 'node', dispose: () => rmSync(dir, { recursive: true, force: true }) };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

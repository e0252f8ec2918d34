/**
 * Vitest global setup for the Azure tests: one throwaway self-signed certificate for 127.0.0.1 per
 * test run, made with openssl. Bearer-token clients refuse plain http, so the local Azure servers
 * (Azurite, the fake Batch service) serve https with it, and every process of the run trusts it
 * through NODE_EXTRA_CA_CERTS, which Node reads only at start-up: hence here, before the test
 * workers are forked, and not in a test file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'augc-test-tls-'));
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'pipe' },
  );
  process.env['NODE_EXTRA_CA_CERTS'] = cert;
  process.env['AUGC_TEST_TLS_CERT'] = cert;
  process.env['AUGC_TEST_TLS_KEY'] = key;
  return () => rmSync(dir, { recursive: true, force: true });
}

/** The run's throwaway certificate (made by tls-setup.ts), for the local https servers. */
import { readFileSync } from 'node:fs';

export interface TestTls {
  certPath: string;
  keyPath: string;
  cert: Buffer;
  key: Buffer;
}

export function testTls(): TestTls {
  const certPath = process.env['AUGC_TEST_TLS_CERT'];
  const keyPath = process.env['AUGC_TEST_TLS_KEY'];
  if (!certPath || !keyPath)
    throw new Error('no test certificate: is test/azure/tls-setup.ts a globalSetup?');
  return { certPath, keyPath, cert: readFileSync(certPath), key: readFileSync(keyPath) };
}

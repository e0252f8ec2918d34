/**
 * Azurite (the Azure Storage emulator from the npm registry) as a child process for the blob
 * tests: loopback only, in memory, telemetry off, over https with the run's throwaway certificate
 * and bearer tokens checked (`--oauth basic`), as the storage service is reached in production.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testTls } from './tls.js';

/** Azurite's built-in account (its key is public and never used here: tokens only). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';

export interface AzuriteServer {
  /** The blob service URL template augc reads from AUGC_AZURE_BLOB_ENDPOINT. */
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);

export async function startAzurite(): Promise<AzuriteServer> {
  const tls = testTls();
  const cwd = mkdtempSync(join(tmpdir(), 'augc-azurite-'));
  const main = require.resolve('azurite/dist/src/blob/main.js');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      main,
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      '0',
      '--inMemoryPersistence',
      '--extentMemoryLimit',
      '256',
      '--silent',
      '--skipApiVersionCheck',
      '--loose',
      '--disableTelemetry',
      '--cert',
      tls.certPath,
      '--key',
      tls.keyPath,
      '--oauth',
      'basic',
    ],
    { cwd, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer): void => {
      out += d.toString();
      const m = /successfully listens on https:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`azurite exited (${code}): ${out}`)));
  });
  return {
    endpoint: `https://127.0.0.1:${port}/{account}`,
    port,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(cwd, { recursive: true, force: true });
    },
  };
}

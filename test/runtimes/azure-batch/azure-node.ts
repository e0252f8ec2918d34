/**
 * The world an azure-batch run meets in these tests: Azurite and a managed-identity endpoint (the
 * blob store), the fake Batch service whose nodes run tasks as local processes, and a node
 * environment in which `augc` is this worktree's CLI, as it is in the worker image.
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startBlobStore, type TestBlobStore } from '../../azure/blob-store.js';
import { startFakeBatch, type FakeBatch } from '../../azure/fake-batch/server.js';

export const POOL = 'augc-pool';
export const IDENTITY =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/lab/providers/Microsoft.ManagedIdentity/userAssignedIdentities/augc-nodes';
export const CONTAINER = 'augc-runs';

export interface AzureWorld {
  blobs: TestBlobStore;
  batch: FakeBatch;
  /** What `augc run` is started with: the target's options as AUGC_* variables, the blob store. */
  env: Record<string, string>;
  runUri(name: string): string;
  stop(): Promise<void>;
}

/** A folder holding `augc`, the worker image's entry point, mapped to this worktree's CLI. */
function augcShim(): string {
  const dir = mkdtempSync(join(tmpdir(), 'augc-node-bin-'));
  const shim = join(dir, 'augc');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${resolve('bin/augc.js')}" "$@"\n`);
  chmodSync(shim, 0o755);
  return dir;
}

export async function startAzureWorld(
  pools = [{ id: POOL, nodes: 3, lowPriority: true, identity: IDENTITY }],
): Promise<AzureWorld> {
  const blobs = await startBlobStore();
  await blobs.createContainer(CONTAINER);
  const nodeEnv: Record<string, string> = {
    PATH: `${augcShim()}:/usr/local/bin:/usr/bin:/bin`,
    HOME: tmpdir(),
    NO_COLOR: '1',
    NODE_EXTRA_CA_CERTS: process.env['NODE_EXTRA_CA_CERTS'] ?? '',
    ...blobs.env,
  };
  const batch = await startFakeBatch({ pools, nodeEnv, pageSize: 10 });
  const env = {
    ...blobs.env,
    AUGC_AZURE_BATCH_ACCOUNT_URL: batch.url,
    AUGC_AZURE_BATCH_POOL: POOL,
    AUGC_AZURE_BATCH_IDENTITY: IDENTITY,
    AUGC_BATCH_POLL_MAX_MS: '300',
    AUGC_CONFIG: '',
    XDG_CONFIG_HOME: '/nonexistent',
  };
  return {
    blobs,
    batch,
    env,
    runUri: (name) => `az://${blobs.account}/${CONTAINER}/runs/${name}`,
    async stop() {
      await batch.stop();
      await blobs.stop();
    },
  };
}

/**
 * The run lock on `gs://`: Cloud Storage honours `ifGenerationMatch=0`, so the lock is always the
 * exclusive kind (never the lease), created in one conditional request and refused with 412.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { acquireRunLock } from '../../runtimes/run-lock.js';
import { startGcsServer, type GcsTestServer } from '../engine/storage/gcs-server.js';
import { runLockCases, storageAt } from './run-lock-cases.js';

let gcs: GcsTestServer;

beforeAll(async () => {
  gcs = await startGcsServer();
  vi.stubEnv('STORAGE_EMULATOR_HOST', gcs.endpoint);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await gcs.stop();
});

describe('run lock on gs://', () => {
  runLockCases({ runs: () => `gs://${gcs.bucket}/runs`, conditional: true, racers: 3 });

  it('creates the lock in one conditional request', async () => {
    const storage = storageAt(`gs://${gcs.bucket}/runs/one-request`);
    const lock = await acquireRunLock(storage, 'augc run', { settleMs: 20 });
    expect(lock.ok).toBe(true);
    expect(gcs.requests).toContain('POST multipart ifGenerationMatch=0');
    if (lock.ok) await lock.release();
  });
});

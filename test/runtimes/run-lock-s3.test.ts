/**
 * The run lock on S3, both ways: a store that honours `If-None-Match: *` (the fault proxy adds it
 * in front of fauxqs) and one that silently ignores it (fauxqs alone), where the lease is used.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { acquireRunLock, LOCK_PATH } from '../../runtimes/run-lock.js';
import { readLockOwner } from '../../runtimes/run-lock-owner.js';
import { startFaultProxy, type FaultProxy } from '../engine/storage/s3-fault-proxy.js';
import { s3Env, startS3Server, type S3TestServer } from '../engine/storage/s3-server.js';
import { runLockCases, storageAt } from './run-lock-cases.js';

let server: S3TestServer;
let proxy: FaultProxy;

beforeAll(async () => {
  server = await startS3Server();
  proxy = await startFaultProxy(server.endpoint);
  for (const [name, value] of Object.entries(s3Env(proxy.endpoint))) vi.stubEnv(name, value);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await proxy.stop();
  await server.stop();
});

describe.each([
  ['conditional create', true],
  ['lease (condition ignored)', false],
] as const)('run lock on s3:// with %s', (_name, conditional) => {
  beforeAll(() => {
    proxy.conditional = conditional;
  });
  // A settle time well above the gap between the two racers' writes, even on a loaded machine.
  runLockCases({ runs: () => `s3://${server.bucket}/runs`, conditional, raceSettleMs: 300 });
});

describe('lease renewal', () => {
  it('pushes the expiry forward while the run holds the lock', async () => {
    proxy.conditional = false;
    const storage = storageAt(`s3://${server.bucket}/runs/${randomBytes(4).toString('hex')}`);
    const lock = await acquireRunLock(storage, 'augc run', { settleMs: 1, ttlMs: 300 });
    expect(lock.ok).toBe(true);
    const first = (await readLockOwner(storage))!.expires!;
    await vi.waitFor(
      async () => expect((await readLockOwner(storage))!.expires! > first).toBe(true),
      { timeout: 10_000, interval: 50 },
    );
    if (lock.ok) await lock.release();
    expect(await storage.exists(LOCK_PATH)).toBe(false);
  });
});

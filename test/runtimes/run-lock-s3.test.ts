/**
 * The run lock on S3, both ways: a store that honours `If-None-Match: *` (the fault proxy adds it
 * in front of fauxqs) and one that silently ignores it (fauxqs alone), where the lease is used.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStorage } from '../../engine/storage/open-storage.js';
import type { Storage } from '../../engine/storage/storage.js';
import { acquireRunLock, honoursConditionalCreate, LOCK_PATH } from '../../runtimes/run-lock.js';
import { readLockOwner } from '../../runtimes/run-lock-owner.js';
import { startFaultProxy, type FaultProxy } from '../engine/storage/s3-fault-proxy.js';
import { s3Env, startS3Server, type S3TestServer } from '../engine/storage/s3-server.js';

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

function freshOutput(): { uri: string; storage: Storage } {
  const uri = `s3://${server.bucket}/runs/${randomBytes(4).toString('hex')}`;
  const opened = openStorage(uri);
  if (!opened.ok) throw new Error(opened.message);
  return { uri, storage: opened.storage };
}

async function plantRemoteLock(storage: Storage, expires: string): Promise<void> {
  const owner = { pid: 1, host: 'batch-node-7', start: '2026-01-01T00:00:00Z', command: 'x' };
  await storage.writeAtomic(LOCK_PATH, JSON.stringify({ ...owner, expires }));
}

const fast = { settleMs: 20 };

describe.each([
  ['conditional create', true, 'exclusive'],
  ['lease (condition ignored)', false, 'lease'],
] as const)('run lock on s3:// with %s', (_name, conditional, mode) => {
  beforeAll(() => {
    proxy.conditional = conditional;
  });

  it('detects whether the store honours the condition', async () => {
    const { storage } = freshOutput();
    expect(await honoursConditionalCreate(storage)).toBe(conditional);
    expect(await storage.list('_augc')).toEqual([]);
  });

  it('refuses a second run, naming the owner, and frees the output on release', async () => {
    const { uri, storage } = freshOutput();
    const first = await acquireRunLock(storage, 'augc run a.aug', fast);
    expect(first).toMatchObject({ ok: true, mode });
    const owner = await readLockOwner(storage);
    expect(owner).toMatchObject({ pid: process.pid, command: 'augc run a.aug' });
    expect(Date.parse(owner!.expires!)).toBeGreaterThan(Date.now());
    const other = openStorage(uri);
    if (!other.ok) throw new Error(other.message);
    const second = await acquireRunLock(other.storage, 'augc run b.aug', fast);
    expect(second).toMatchObject({
      ok: false,
      mode,
      holder: { pid: process.pid, command: 'augc run a.aug' },
      path: `${uri}/_augc/lock`,
    });
    if (first.ok) await first.release();
    expect(await storage.list('')).toEqual([]);
    const third = await acquireRunLock(other.storage, 'augc run c.aug', fast);
    expect(third.ok).toBe(true);
    if (third.ok) await third.release();
  });

  it('takes over an expired lock and refuses a live one from another host', async () => {
    const { storage } = freshOutput();
    await plantRemoteLock(storage, new Date(Date.now() + 60_000).toISOString());
    const live = await acquireRunLock(storage, 'augc run', fast);
    expect(live).toMatchObject({ ok: false, holder: { host: 'batch-node-7' } });
    await plantRemoteLock(storage, '2026-01-01T00:10:00Z');
    const got = await acquireRunLock(storage, 'augc run', fast);
    expect(got).toMatchObject({ ok: true, tookOver: { host: 'batch-node-7' } });
    expect(await readLockOwner(storage)).toMatchObject({ pid: process.pid });
    if (got.ok) await got.release();
  });

  it('lets exactly one of two racing runs in', async () => {
    const { uri } = freshOutput();
    const storages = [openStorage(uri), openStorage(uri)].map((o) => {
      if (!o.ok) throw new Error(o.message);
      return o.storage;
    });
    // A settle time well above the gap between the two writes, even on a loaded machine.
    const settle = { settleMs: 300 };
    const results = await Promise.all(storages.map((s) => acquireRunLock(s, 'augc run', settle)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results) if (r.ok) await r.release();
  });
});

describe('lease renewal', () => {
  it('pushes the expiry forward while the run holds the lock', async () => {
    proxy.conditional = false;
    const { storage } = freshOutput();
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

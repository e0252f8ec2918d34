/**
 * The run lock on `gs://`: Cloud Storage honours `ifGenerationMatch=0`, so the lock is always the
 * exclusive kind (never the lease), created in one conditional request and refused with 412.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStorage } from '../../engine/storage/open-storage.js';
import type { Storage } from '../../engine/storage/storage.js';
import { acquireRunLock, honoursConditionalCreate, LOCK_PATH } from '../../runtimes/run-lock.js';
import { readLockOwner } from '../../runtimes/run-lock-owner.js';
import { startGcsServer, type GcsTestServer } from '../engine/storage/gcs-server.js';

let gcs: GcsTestServer;

beforeAll(async () => {
  gcs = await startGcsServer();
  vi.stubEnv('STORAGE_EMULATOR_HOST', gcs.endpoint);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await gcs.stop();
});

function freshOutput(): { uri: string; storage: Storage } {
  const uri = `gs://${gcs.bucket}/runs/${randomBytes(4).toString('hex')}`;
  const opened = openStorage(uri);
  if (!opened.ok) throw new Error(opened.message);
  return { uri, storage: opened.storage };
}

async function plantRemoteLock(storage: Storage, expires: string): Promise<void> {
  const owner = { pid: 1, host: 'batch-vm-7', start: '2026-01-01T00:00:00Z', command: 'x' };
  await storage.writeAtomic(LOCK_PATH, JSON.stringify({ ...owner, expires }));
}

const fast = { settleMs: 20 };

describe('run lock on gs://', () => {
  it('finds that the store honours the condition, and leaves no probe behind', async () => {
    const { storage } = freshOutput();
    expect(await honoursConditionalCreate(storage)).toBe(true);
    expect(await storage.list('_augc')).toEqual([]);
  });

  it('refuses a second run, naming the owner, and frees the output on release', async () => {
    const { uri, storage } = freshOutput();
    const first = await acquireRunLock(storage, 'augc run a.aug', fast);
    expect(first).toMatchObject({ ok: true, mode: 'exclusive' });
    const owner = await readLockOwner(storage);
    expect(owner).toMatchObject({ pid: process.pid, command: 'augc run a.aug' });
    expect(Date.parse(owner!.expires!)).toBeGreaterThan(Date.now());
    const other = openStorage(uri);
    if (!other.ok) throw new Error(other.message);
    const second = await acquireRunLock(other.storage, 'augc run b.aug', fast);
    expect(second).toMatchObject({
      ok: false,
      mode: 'exclusive',
      holder: { pid: process.pid, command: 'augc run a.aug' },
      path: `${uri}/_augc/lock`,
    });
    expect(gcs.requests).toContain('POST multipart ifGenerationMatch=0');
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
    expect(live).toMatchObject({ ok: false, holder: { host: 'batch-vm-7' } });
    await plantRemoteLock(storage, '2026-01-01T00:10:00Z');
    const got = await acquireRunLock(storage, 'augc run', fast);
    expect(got).toMatchObject({ ok: true, tookOver: { host: 'batch-vm-7' } });
    expect(await readLockOwner(storage)).toMatchObject({ pid: process.pid });
    if (got.ok) await got.release();
  });

  it('lets exactly one of several racing runs in', async () => {
    const { uri } = freshOutput();
    const storages = [1, 2, 3].map(() => {
      const o = openStorage(uri);
      if (!o.ok) throw new Error(o.message);
      return o.storage;
    });
    const results = await Promise.all(storages.map((s) => acquireRunLock(s, 'augc run', fast)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.every((r) => r.mode === 'exclusive')).toBe(true);
    for (const r of results) if (r.ok) await r.release();
  });
});

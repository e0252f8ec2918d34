/**
 * The run lock on az:// against Azurite: Put Blob with `If-None-Match: *` is honoured, so the lock
 * is exclusive (no lease needed), refuses a second run naming the owner, and lets exactly one of
 * two racing runs in.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStorage } from '../../engine/storage/open-storage.js';
import type { Storage } from '../../engine/storage/storage.js';
import { acquireRunLock, honoursConditionalCreate, LOCK_PATH } from '../../runtimes/run-lock.js';
import { readLockOwner } from '../../runtimes/run-lock-owner.js';
import { startBlobStore, type TestBlobStore } from '../azure/blob-store.js';

let blobs: TestBlobStore;
const CONTAINER = 'augc-locks';

beforeAll(async () => {
  blobs = await startBlobStore();
  await blobs.createContainer(CONTAINER);
  for (const [name, value] of Object.entries(blobs.env)) vi.stubEnv(name, value);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await blobs.stop();
});

function freshOutput(): { uri: string; storage: Storage } {
  const uri = `az://${blobs.account}/${CONTAINER}/runs/${randomBytes(4).toString('hex')}`;
  const opened = openStorage(uri);
  if (!opened.ok) throw new Error(opened.message);
  return { uri, storage: opened.storage };
}

const fast = { settleMs: 20 };

describe('run lock on az://', () => {
  it('finds that the store honours If-None-Match: *', async () => {
    const { storage } = freshOutput();
    expect(await honoursConditionalCreate(storage)).toBe(true);
    expect(await storage.list('_augc')).toEqual([]);
  });

  it('refuses a second run, naming the owner, and frees the output on release', async () => {
    const { uri, storage } = freshOutput();
    const first = await acquireRunLock(storage, 'augc run a.aug', fast);
    expect(first).toMatchObject({ ok: true, mode: 'exclusive' });
    expect(await readLockOwner(storage)).toMatchObject({
      pid: process.pid,
      command: 'augc run a.aug',
    });
    const other = openStorage(uri);
    if (!other.ok) throw new Error(other.message);
    const second = await acquireRunLock(other.storage, 'augc run b.aug', fast);
    expect(second).toMatchObject({
      ok: false,
      mode: 'exclusive',
      holder: { pid: process.pid, command: 'augc run a.aug' },
      path: `${uri}/_augc/lock`,
    });
    if (first.ok) await first.release();
    expect(await storage.exists(LOCK_PATH)).toBe(false);
    const third = await acquireRunLock(other.storage, 'augc run c.aug', fast);
    expect(third.ok).toBe(true);
    if (third.ok) await third.release();
  });

  it('takes over an expired lock from another host and refuses a live one', async () => {
    const { storage } = freshOutput();
    const owner = { pid: 1, host: 'batch-node-7', start: '2026-01-01T00:00:00Z', command: 'x' };
    const live = new Date(Date.now() + 60_000).toISOString();
    await storage.writeAtomic(LOCK_PATH, JSON.stringify({ ...owner, expires: live }));
    expect(await acquireRunLock(storage, 'augc run', fast)).toMatchObject({
      ok: false,
      holder: { host: 'batch-node-7' },
    });
    await storage.writeAtomic(
      LOCK_PATH,
      JSON.stringify({ ...owner, expires: '2026-01-01T00:10:00Z' }),
    );
    const got = await acquireRunLock(storage, 'augc run', fast);
    expect(got).toMatchObject({ ok: true, tookOver: { host: 'batch-node-7' } });
    if (got.ok) await got.release();
  });

  it('lets exactly one of two racing runs in', async () => {
    const { uri } = freshOutput();
    const storages = [openStorage(uri), openStorage(uri)].map((o) => {
      if (!o.ok) throw new Error(o.message);
      return o.storage;
    });
    const results = await Promise.all(storages.map((s) => acquireRunLock(s, 'augc run', fast)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results) if (r.ok) await r.release();
  });
});

/**
 * The run-lock cases every object store must pass (run-lock-s3, -gcs and -az run them against their
 * servers): the store's answer to a conditional create is detected and leaves no probe behind; a
 * second run is refused, naming the owner, and the output is free again after release; an expired
 * lock from another host is taken over and a live one refused; of racing runs exactly one gets in.
 */
import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { openStorage } from '../../engine/storage/open-storage.js';
import type { Storage } from '../../engine/storage/storage.js';
import { acquireRunLock, honoursConditionalCreate, LOCK_PATH } from '../../runtimes/run-lock.js';
import { readLockOwner } from '../../runtimes/run-lock-owner.js';

export interface LockStore {
  /** A URI prefix under which each case makes a fresh output, e.g. `s3://bucket/runs`. */
  runs: () => string;
  /** Whether the store honours a create conditional on absence (else the lease is used). */
  conditional: boolean;
  /** How many runs race for one output. */
  racers?: number;
  /** Settle time of the racing case: well above the gap between the racers' writes. */
  raceSettleMs?: number;
}

const fast = { settleMs: 20 };

export function storageAt(uri: string): Storage {
  const opened = openStorage(uri);
  if (!opened.ok) throw new Error(opened.message);
  return opened.storage;
}

function freshOutput(store: LockStore): { uri: string; storage: Storage } {
  const uri = `${store.runs()}/${randomBytes(4).toString('hex')}`;
  return { uri, storage: storageAt(uri) };
}

async function plantRemoteLock(storage: Storage, expires: string): Promise<void> {
  const owner = { pid: 1, host: 'batch-node-7', start: '2026-01-01T00:00:00Z', command: 'x' };
  await storage.writeAtomic(LOCK_PATH, JSON.stringify({ ...owner, expires }));
}

/** Declares the cases (inside the caller's `describe`). */
export function runLockCases(store: LockStore): void {
  const mode = store.conditional ? 'exclusive' : 'lease';

  it('detects whether the store honours the condition, and leaves no probe behind', async () => {
    const { storage } = freshOutput(store);
    expect(await honoursConditionalCreate(storage)).toBe(store.conditional);
    expect(await storage.list('_augc')).toEqual([]);
  });

  it('refuses a second run, naming the owner, and frees the output on release', async () => {
    const { uri, storage } = freshOutput(store);
    const first = await acquireRunLock(storage, 'augc run a.aug', fast);
    expect(first).toMatchObject({ ok: true, mode });
    const owner = await readLockOwner(storage);
    expect(owner).toMatchObject({ pid: process.pid, command: 'augc run a.aug' });
    expect(Date.parse(owner!.expires!)).toBeGreaterThan(Date.now());
    const other = storageAt(uri);
    const second = await acquireRunLock(other, 'augc run b.aug', fast);
    expect(second).toMatchObject({
      ok: false,
      mode,
      holder: { pid: process.pid, command: 'augc run a.aug' },
      path: `${uri}/_augc/lock`,
    });
    if (first.ok) await first.release();
    expect(await storage.list('')).toEqual([]);
    const third = await acquireRunLock(other, 'augc run c.aug', fast);
    expect(third.ok).toBe(true);
    if (third.ok) await third.release();
  });

  it('takes over an expired lock and refuses a live one from another host', async () => {
    const { storage } = freshOutput(store);
    await plantRemoteLock(storage, new Date(Date.now() + 60_000).toISOString());
    const live = await acquireRunLock(storage, 'augc run', fast);
    expect(live).toMatchObject({ ok: false, holder: { host: 'batch-node-7' } });
    await plantRemoteLock(storage, '2026-01-01T00:10:00Z');
    const got = await acquireRunLock(storage, 'augc run', fast);
    expect(got).toMatchObject({ ok: true, tookOver: { host: 'batch-node-7' } });
    expect(await readLockOwner(storage)).toMatchObject({ pid: process.pid });
    if (got.ok) await got.release();
  });

  const racers = store.racers ?? 2;
  it(`lets exactly one of ${racers} racing runs in`, async () => {
    const { uri } = freshOutput(store);
    const storages = Array.from({ length: racers }, () => storageAt(uri));
    const settle = { settleMs: store.raceSettleMs ?? fast.settleMs };
    const results = await Promise.all(storages.map((s) => acquireRunLock(s, 'augc run', settle)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.every((r) => r.mode === mode)).toBe(true);
    for (const r of results) if (r.ok) await r.release();
  });
}

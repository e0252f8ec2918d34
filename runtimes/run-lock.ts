/**
 * `_augc/lock`: one `augc run` per output at a time, on any Storage. The lock is created with the
 * storage's conditional create (link(2) locally, `PutObject If-None-Match: *` on S3), so it never
 * exists half-written and two runs cannot both create it. Object stores that silently ignore the
 * condition (fauxqs, several on-prem stores) are detected with a probe, and the lock then falls
 * back to a lease: write the owner, wait, read it back, and only the run whose token survived
 * holds it. Remote locks expire unless renewed, so a crashed run frees its output after `ttlMs`;
 * the holder renews on an unref'd timer. See docs/storage.md.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { lockProbePathOf } from '../engine/run-layout.js';
import type { Storage } from '../engine/storage/storage.js';
import {
  isMine,
  isStale,
  LOCK_PATH,
  lockLocation,
  newOwner,
  ownerText,
  readLockOwner,
  type LockOwner,
} from './run-lock-owner.js';

export { LOCK_PATH, readLockOwner, type LockOwner } from './run-lock-owner.js';

/** `exclusive`: the storage's conditional create decided; `lease`: write, settle, read back. */
export type LockMode = 'exclusive' | 'lease';

export type LockResult =
  | { ok: true; mode: LockMode; release: () => Promise<void>; tookOver?: LockOwner }
  | { ok: false; mode: LockMode; holder: LockOwner | undefined; path: string };

export interface LockOptions {
  /** How long a remote lock lives without renewal. */
  ttlMs?: number;
  /** Lease mode: how long to wait between writing the lock and reading it back. */
  settleMs?: number;
}

/** Long enough to survive a slow renewal, short enough that a crashed run frees S3 quickly. */
export const DEFAULT_TTL_MS = 3 * 60_000;
/** Far longer than the gap between a racing run's read and its write (one request). */
export const DEFAULT_SETTLE_MS = 2_000;

/** Two conditional creates of one fresh key: a store that honours the condition refuses the second. */
export async function honoursConditionalCreate(storage: Storage): Promise<boolean> {
  const probe = lockProbePathOf(randomBytes(6).toString('hex'));
  try {
    if (!(await storage.createExclusive(probe, 'probe\n'))) return false;
    return !(await storage.createExclusive(probe, 'probe\n'));
  } finally {
    await storage.remove(probe);
  }
}

interface Attempt {
  storage: Storage;
  me: LockOwner;
  local: boolean;
  mode: LockMode;
  opts: Required<LockOptions>;
}

export async function acquireRunLock(
  storage: Storage,
  command: string,
  options: LockOptions = {},
): Promise<LockResult> {
  const opts = {
    ttlMs: options.ttlMs ?? DEFAULT_TTL_MS,
    settleMs: options.settleMs ?? DEFAULT_SETTLE_MS,
  };
  const local = storage.scheme === 'file';
  const me = newOwner(command, local ? undefined : opts.ttlMs);
  const mode: LockMode = local || (await honoursConditionalCreate(storage)) ? 'exclusive' : 'lease';
  const at: Attempt = { storage, me, local, mode, opts };
  if (mode === 'exclusive') {
    if (await storage.createExclusive(LOCK_PATH, ownerText(me))) return held(at);
    const holder = await readLockOwner(storage);
    // Released between our create and our read: one more try decides it.
    if (holder === undefined)
      return (await storage.createExclusive(LOCK_PATH, ownerText(me))) ? held(at) : refused(at);
    if (!isStale(holder, local)) return refused(at, holder);
    return local ? takeOverLocal(at, holder) : writeAndReadBack(at, holder);
  }
  const holder = await readLockOwner(storage);
  if (holder !== undefined && !isStale(holder, false)) return refused(at, holder);
  return writeAndReadBack(at, holder);
}

async function refused(at: Attempt, known?: LockOwner): Promise<LockResult> {
  const holder = known ?? (await readLockOwner(at.storage));
  return { ok: false, mode: at.mode, holder, path: lockLocation(at.storage) };
}

/** Today's local behaviour: remove the stale lock, then only the run whose link() wins holds it. */
async function takeOverLocal(at: Attempt, stale: LockOwner): Promise<LockResult> {
  await at.storage.remove(LOCK_PATH);
  if (await at.storage.createExclusive(LOCK_PATH, ownerText(at.me))) return held(at, stale);
  return refused(at);
}

/**
 * Writes our owner over a missing or stale lock, waits, and reads it back. Of runs racing here,
 * each reads after every other has written (the settle time is far longer than one request), so
 * all of them see the same last writer and only that one proceeds.
 */
async function writeAndReadBack(at: Attempt, stale: LockOwner | undefined): Promise<LockResult> {
  await at.storage.writeAtomic(LOCK_PATH, ownerText(at.me));
  await sleep(at.opts.settleMs);
  const now = await readLockOwner(at.storage);
  if (!isMine(now, at.me)) return refused(at, now);
  return held(at, stale);
}

function held(at: Attempt, tookOver?: LockOwner): LockResult {
  const renewal = at.local ? undefined : startRenewal(at);
  const release = async (): Promise<void> => {
    await renewal?.stop();
    if (isMine(await readLockOwner(at.storage), at.me)) await at.storage.remove(LOCK_PATH);
  };
  return { ok: true, mode: at.mode, release, ...(tookOver !== undefined ? { tookOver } : {}) };
}

/**
 * Pushes `expires` forward every third of the lease, while the lock is still ours. A failed
 * renewal is retried at the next tick; a lock found taken over (we were gone longer than the
 * lease) is left to its new holder.
 */
function startRenewal(at: Attempt): { stop: () => Promise<void> } {
  let stopped = false;
  let inFlight: Promise<void> = Promise.resolve();
  const renew = async (): Promise<void> => {
    if (stopped) return;
    if (!isMine(await readLockOwner(at.storage), at.me)) {
      clearInterval(timer);
      return;
    }
    at.me.expires = new Date(Date.now() + at.opts.ttlMs).toISOString();
    await at.storage.writeAtomic(LOCK_PATH, ownerText(at.me));
  };
  const timer = setInterval(
    () => {
      inFlight = inFlight.then(renew).catch(() => undefined);
    },
    Math.max(1, Math.floor(at.opts.ttlMs / 3)),
  );
  // The lease must not keep a finished run's process alive.
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await inFlight;
    },
  };
}

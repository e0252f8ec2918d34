/**
 * What `_augc/lock` holds and when it may be taken over. A lock on a local folder names a process
 * on a host: it is stale when that host is this one and the pid is dead. A lock in an object store
 * is a lease: it also carries `expires`, which its holder keeps pushing forward while it runs, and
 * it is stale once that time has passed. Pids are not trusted there, because two containers can
 * share a hostname while their pids mean different processes.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { LOCK_PATH } from '../engine/run-layout.js';
import type { Storage } from '../engine/storage/storage.js';

export { LOCK_PATH };

export interface LockOwner {
  pid: number;
  host: string;
  /** ISO 8601. */
  start: string;
  command: string;
  /** Random per acquisition: how a holder recognises its own lock after a read-back. */
  token?: string;
  /** ISO 8601; leases only. */
  expires?: string;
}

export function newOwner(command: string, ttlMs: number | undefined, now = Date.now()): LockOwner {
  return {
    pid: process.pid,
    host: hostname(),
    start: new Date(now).toISOString(),
    command,
    token: randomBytes(12).toString('hex'),
    ...(ttlMs !== undefined ? { expires: new Date(now + ttlMs).toISOString() } : {}),
  };
}

export function ownerText(owner: LockOwner): string {
  return `${JSON.stringify(owner, null, 2)}\n`;
}

export async function readLockOwner(storage: Storage): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await storage.readText(LOCK_PATH)) as LockOwner;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? owner : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the lock's owner is known to be gone: a dead pid on this host, or an expired lease. */
export function isStale(owner: LockOwner, local: boolean, now = Date.now()): boolean {
  if (local) return owner.host === hostname() && !alive(owner.pid);
  const expires = owner.expires === undefined ? NaN : Date.parse(owner.expires);
  // A remote lock without a readable expiry was not written by a lease holder; treat it as held.
  return Number.isFinite(expires) && expires < now;
}

export function isMine(owner: LockOwner | undefined, me: LockOwner): boolean {
  if (owner === undefined) return false;
  if (owner.token !== undefined || me.token !== undefined) return owner.token === me.token;
  return owner.pid === me.pid && owner.host === me.host;
}

/** The lock's location as a user would type it, for messages. */
export function lockLocation(storage: Storage): string {
  if (storage.scheme === 'file') return join(storage.root, LOCK_PATH);
  return `${storage.root.replace(/\/+$/, '')}/${LOCK_PATH}`;
}

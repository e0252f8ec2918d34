/**
 * `_augc/lock`: one `augc run` per output at a time. The lock holds its owner (pid, host, start
 * time) and is created with link(2) from a complete temp file, so it never exists half-written and
 * two runs cannot both create it. A lock whose pid is dead on this host is stale (the driver was
 * killed) and is taken over; one held from another host cannot be checked and is reported.
 */
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { DIR_MODE, FILE_MODE } from '../engine/storage/local-file.js';

export const LOCK_PATH = '_augc/lock';

export interface LockOwner {
  pid: number;
  host: string;
  /** ISO 8601. */
  start: string;
  command: string;
}

export type LockResult =
  | { ok: true; release: () => Promise<void>; tookOver?: LockOwner }
  | { ok: false; holder: LockOwner | undefined; path: string };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function readLockOwner(root: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(join(root, LOCK_PATH), 'utf8')) as LockOwner;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? owner : undefined;
  } catch {
    return undefined;
  }
}

/** True when the lock's owner is known to be gone (a dead pid on this host). */
export function isStale(owner: LockOwner): boolean {
  return owner.host === hostname() && !alive(owner.pid);
}

async function tryCreate(path: string, owner: LockOwner): Promise<boolean> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(owner, null, 2)}\n`, { mode: FILE_MODE });
  try {
    await link(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temp, { force: true });
  }
}

/** Takes the lock of the run at local folder `root` for this process. */
export async function acquireRunLock(root: string, command: string): Promise<LockResult> {
  const path = join(root, LOCK_PATH);
  await mkdir(dirname(path), { recursive: true, mode: DIR_MODE });
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    start: new Date().toISOString(),
    command,
  };
  const release = async (): Promise<void> => {
    const owner = await readLockOwner(root);
    if (owner?.pid === me.pid && owner.host === me.host) await rm(path, { force: true });
  };
  if (await tryCreate(path, me)) return { ok: true, release };
  const holder = await readLockOwner(root);
  if (!holder || !isStale(holder)) return { ok: false, holder, path };
  // Two runs may find the same stale lock; only the one whose link() succeeds proceeds.
  await rm(path, { force: true });
  if (await tryCreate(path, me)) return { ok: true, release, tookOver: holder };
  return { ok: false, holder: await readLockOwner(root), path };
}

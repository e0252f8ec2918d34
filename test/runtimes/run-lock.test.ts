import { spawnSync } from 'node:child_process';
import {
  mkdtempSync,
  mkdirSync,
  readFileSync,
  writeFileSync,
  existsSync,
  readdirSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileStorage } from '../../engine/storage/file-storage.js';
import { acquireRunLock, LOCK_PATH } from '../../runtimes/run-lock.js';

function runDir(): string {
  return mkdtempSync(join(tmpdir(), 'augc-lock-'));
}

/** A pid that certainly exited: a child we ran to completion. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

function plantLock(root: string, pid: number, host = hostname()): void {
  mkdirSync(join(root, '_augc'), { recursive: true });
  writeFileSync(
    join(root, LOCK_PATH),
    JSON.stringify({ pid, host, start: '2026-01-01T00:00:00Z', command: 'x' }),
  );
}

describe('run lock on a local folder', () => {
  it('is taken, refused to a second owner, and released', async () => {
    const root = runDir();
    const first = await acquireRunLock(createFileStorage(root), 'augc run a');
    expect(first).toMatchObject({ ok: true, mode: 'exclusive' });
    const owner = JSON.parse(readFileSync(join(root, LOCK_PATH), 'utf8')) as { pid: number };
    expect(owner).toMatchObject({ pid: process.pid, host: hostname(), command: 'augc run a' });
    expect(owner).not.toHaveProperty('expires');
    const second = await acquireRunLock(createFileStorage(root), 'augc run b');
    expect(second).toMatchObject({
      ok: false,
      holder: { pid: process.pid, host: hostname() },
      path: join(root, LOCK_PATH),
    });
    if (first.ok) await first.release();
    expect(existsSync(join(root, LOCK_PATH))).toBe(false);
    expect(readdirSync(join(root, '_augc'))).toEqual([]);
  });

  it('takes over a lock whose pid is dead on this host', async () => {
    const root = runDir();
    const pid = deadPid();
    plantLock(root, pid);
    const got = await acquireRunLock(createFileStorage(root), 'augc run');
    expect(got).toMatchObject({ ok: true, tookOver: { pid } });
    const owner = JSON.parse(readFileSync(join(root, LOCK_PATH), 'utf8')) as { pid: number };
    expect(owner.pid).toBe(process.pid);
  });

  it('does not take over a lock held from another host', async () => {
    const root = runDir();
    plantLock(root, deadPid(), 'some-other-host.example');
    const got = await acquireRunLock(createFileStorage(root), 'augc run');
    expect(got).toMatchObject({ ok: false, holder: { host: 'some-other-host.example' } });
  });

  it('does not release a lock that another run took over', async () => {
    const root = runDir();
    const first = await acquireRunLock(createFileStorage(root), 'augc run a');
    plantLock(root, deadPid(), 'some-other-host.example');
    if (first.ok) await first.release();
    expect(existsSync(join(root, LOCK_PATH))).toBe(true);
  });
});

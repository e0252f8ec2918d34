import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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

describe('run lock', () => {
  it('is taken, refused to a second owner, and released', async () => {
    const root = runDir();
    const first = await acquireRunLock(root, 'augc run a');
    expect(first.ok).toBe(true);
    const owner = JSON.parse(readFileSync(join(root, LOCK_PATH), 'utf8')) as { pid: number };
    expect(owner.pid).toBe(process.pid);
    const second = await acquireRunLock(root, 'augc run b');
    expect(second).toMatchObject({ ok: false, holder: { pid: process.pid, host: hostname() } });
    if (first.ok) await first.release();
    expect(existsSync(join(root, LOCK_PATH))).toBe(false);
  });

  it('takes over a lock whose pid is dead on this host', async () => {
    const root = runDir();
    const pid = deadPid();
    plantLock(root, pid);
    const got = await acquireRunLock(root, 'augc run');
    expect(got).toMatchObject({ ok: true, tookOver: { pid } });
  });

  it('does not take over a lock held from another host', async () => {
    const root = runDir();
    plantLock(root, deadPid(), 'some-other-host.example');
    const got = await acquireRunLock(root, 'augc run');
    expect(got).toMatchObject({ ok: false, holder: { host: 'some-other-host.example' } });
  });
});

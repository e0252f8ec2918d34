import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { augc, filesUnder } from './spawn-augc.js';
import { tinyWorkspace } from './tiny-run.js';

function plantLock(out: string, pid: number): void {
  mkdirSync(join(out, '_augc'), { recursive: true });
  const owner = { pid, host: hostname(), start: '2026-01-01T00:00:00.000Z', command: 'augc run x' };
  writeFileSync(join(out, '_augc', 'lock'), JSON.stringify(owner));
}

describe('augc run: one run per output', () => {
  it('refuses while another live run holds the lock, naming its owner', async () => {
    const dir = tinyWorkspace();
    const out = join(dir, 'out');
    plantLock(out, process.pid);
    const run = await augc(['run', join(dir, 'tiny.aug'), '--output', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error[AUG5103]');
    expect(run.stderr).toContain(`pid ${process.pid} on ${hostname()}`);
    expect(filesUnder(out)).toEqual(['_augc/lock']);
  });

  it('takes over a stale lock (dead pid on this host) with a warning and runs', async () => {
    const dir = tinyWorkspace();
    const out = join(dir, 'out');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    plantLock(out, dead);
    const run = await augc(['run', join(dir, 'tiny.aug'), '--output', out]);
    expect(run.stderr).toContain('warning[AUG5104]');
    expect(run.stderr).toContain(`pid ${dead}`);
    expect(run.code).toBe(0);
    expect(filesUnder(out)).toContain('manifest_final.csv');
    expect(filesUnder(out)).not.toContain('_augc/lock');
  });
});

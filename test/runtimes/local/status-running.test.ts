/**
 * `augc status` of a local run while its tasks run: the running count (human and `--json`) is the
 * number of running tasks it lists, and none of them is counted as failed or pending.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { augc, spawnAugc } from '../../cli/spawn-augc.js';
import { gatedRun, statusWhenRunning } from '../gated-run.js';

describe('augc status of a local run', () => {
  it('counts the tasks that are running, in the text and the JSON', async () => {
    const gate = gatedRun();
    const out = join(gate.dir, 'run');
    const run = spawnAugc(['run', gate.aug, '--output', out, '--jobs', '2']);
    try {
      const json = await statusWhenRunning(out, 2);
      expect(json).toMatchObject({ active: true, tasks: 2, completed: 0, failed: 0, pending: 0 });
      expect(json.runningTasks.map((t) => t.task).sort()).toEqual([
        'combo_1_copy.c00000',
        'combo_1_copy.c00001',
      ]);
      const text = await augc(['status', out]);
      expect(text.stdout).toContain('tasks  2: 0 completed, 2 running, 0 failed, 0 pending');
      expect(text.stdout.match(/^ {2}running {2}/gm)).toHaveLength(2);
    } finally {
      writeFileSync(gate.release, '');
    }
    const done = await run.done;
    expect(done.code, done.stderr).toBe(0);
    const after = await augc(['status', out]);
    expect(after.stdout).toContain('tasks  2: 2 completed, 0 running, 0 failed, 0 pending');
  }, 180_000);
});

describe('augc status after Ctrl-C', () => {
  it('shows the stopped tasks as interrupted, also when their worker had to be killed', async () => {
    const gate = gatedRun(true);
    const out = join(gate.dir, 'run');
    const run = spawnAugc(['run', gate.aug, '--output', out, '--jobs', '2']);
    try {
      await statusWhenRunning(out, 2);
      run.child.kill('SIGINT');
      const done = await run.done;
      expect(done.code).toBe(130);
    } finally {
      writeFileSync(gate.release, '');
    }
    const json = await augc(['status', out, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      active: false,
      interrupted: 2,
      failed: 0,
      pending: 0,
      running: 0,
    });
    const text = await augc(['status', out]);
    expect(text.stdout).toContain('2 interrupted');
    const record = JSON.parse(
      readFileSync(join(out, '_augc/attempts/combo_1_copy.c00000.1.json'), 'utf8'),
    ) as { state: string; error_class: string };
    expect(record).toMatchObject({ state: 'interrupted', error_class: 'signal' });
  }, 180_000);
});

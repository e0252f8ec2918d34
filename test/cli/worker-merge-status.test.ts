import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../compiler/plan/types.js';
import { runCli } from './run-cli.js';
import { augc, read, tempFilesUnder } from './spawn-augc.js';
import { copyTree, tinyWorkspace } from './tiny-run.js';

const dir = tinyWorkspace();
const done = join(dir, 'done');
let plan: Plan;

/** A copy of the finished run to damage. */
function copyOfRun(name: string): string {
  const to = join(dir, name);
  copyTree(done, to);
  return to;
}

beforeAll(async () => {
  const run = await augc(['run', join(dir, 'tiny.aug'), '--output', done]);
  expect(run.code, run.stderr).toBe(0);
  plan = JSON.parse(readFileSync(join(done, '_augc', 'plan.json'), 'utf8')) as Plan;
}, 120_000);

describe('augc worker', () => {
  it('runs exactly one task from the scheduler index and reproduces its part', async () => {
    const out = copyOfRun('worker');
    const group = plan.groups[0]!.id;
    const part = 'combo_1_typo/part-00001.jsonl';
    rmSync(join(out, part));
    rmSync(join(out, '_augc', 'tasks', 'combo_1_typo.c00001.json'));
    const planUri = join(out, '_augc', 'plan.json');
    const res = await runCli(['worker', '--plan', planUri, '--group', group], {
      env: { SLURM_ARRAY_TASK_ID: '1' },
    });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toContain('combo_1_typo.c00001 complete');
    expect(read(out, part).equals(read(done, part))).toBe(true);
    expect(tempFilesUnder(out)).toEqual([]);
  });

  it('takes the task from --index', async () => {
    const out = copyOfRun('worker-index');
    const part = 'combo_1_typo/part-00000.jsonl';
    rmSync(join(out, part));
    const planUri = join(out, '_augc', 'plan.json');
    const group = plan.groups[0]!.id;
    const res = await runCli(['worker', '--plan', planUri, '--group', group, '--index', '0']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toContain('combo_1_typo.c00000 complete');
    expect(read(out, part).equals(read(done, part))).toBe(true);
  });

  it('fails clearly for an index outside the group or no index at all', async () => {
    const planUri = join(done, '_augc', 'plan.json');
    const group = plan.groups[0]!.id;
    const outside = await runCli(['worker', '--plan', planUri, '--group', group, '--index', '99']);
    expect(outside.code).toBe(1);
    expect(outside.stderr).toContain('error[AUG5109]');
    expect(outside.stderr).toContain('index 99 is outside group');
    const none = await runCli(['worker', '--plan', planUri, '--group', group]);
    expect(none.code).toBe(64);
    expect(none.stderr).toContain('no task index');
  });
});

describe('augc merge', () => {
  it('prints totals for a complete run', async () => {
    const res = await runCli(['merge', done]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('tasks      2/2 complete');
    expect(res.stdout).toMatch(/^rows\s+\d+$/m);
    expect(res.stdout).toMatch(/^combos\s+1 {2}\(k=1: 1\)$/m);
    expect(res.stdout).toMatch(/^per combo {2}min \d+, max \d+, mean \d+(\.\d)?$/m);
    expect(res.stdout).toMatch(/^variants {3}6 generated, 6 kept, 0 dropped by quality$/m);
  });

  it('lists missing tasks by group and index and exits 1 unless --allow-partial', async () => {
    const out = copyOfRun('merge');
    rmSync(join(out, '_augc', 'tasks', 'combo_1_typo.c00000.json'));
    const res = await runCli(['merge', out]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('error[AUG5108]');
    expect(res.stderr).toContain(`${plan.groups[0]!.id}[0] combo_1_typo.c00000`);
    const partial = await runCli(['merge', out, '--allow-partial']);
    expect(partial.code).toBe(0);
    expect(partial.stdout).toContain('tasks      1/2 complete');
  });

  it('says when a folder holds no run', async () => {
    const res = await runCli(['merge', dir]);
    expect(res.code).toBe(66);
    expect(res.stderr).toContain('error[AUG5112]');
  });
});

describe('augc run --force', () => {
  it('re-runs every task of a complete run, to the same outputs', async () => {
    const out = copyOfRun('force');
    const record = join(out, '_augc', 'tasks', 'combo_1_typo.c00000.json');
    const before = JSON.parse(readFileSync(record, 'utf8')) as { pid: number; end: string };
    const res = await augc(['run', join(dir, 'tiny.aug'), '--output', out, '--force']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).not.toContain('nothing to run');
    const after = JSON.parse(readFileSync(record, 'utf8')) as { pid: number; end: string };
    expect([after.pid, after.end]).not.toEqual([before.pid, before.end]);
    expect(read(out, 'manifest_final.csv').equals(read(done, 'manifest_final.csv'))).toBe(true);
  });
});

describe('augc status', () => {
  it('counts tasks and rows as JSON', async () => {
    const res = await runCli(['status', done, '--json']);
    expect(res.code, res.stderr).toBe(0);
    const report = JSON.parse(res.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      tasks: 2,
      completed: 2,
      running: 0,
      failed: 0,
      pending: 0,
      active: false,
    });
    const manifest = read(done, 'manifest_final.csv').toString().trim().split('\n');
    const rows = manifest.slice(1).reduce((n, line) => n + Number(line.split(',')[3]), 0);
    expect(report['rows']).toBe(rows);
  });

  it('shows a task without its record as pending, and --follow ends when nothing runs', async () => {
    const out = copyOfRun('status');
    rmSync(join(out, '_augc', 'tasks', 'combo_1_typo.c00001.json'));
    const res = await runCli(['status', out, '--follow']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('tasks  2: 1 completed, 0 running, 0 failed, 1 pending');
    expect(res.stdout).toContain('not running');
  });
});

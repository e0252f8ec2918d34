/**
 * `augc plan --estimate` on the command line: the speeds measured in an earlier run (`--history`)
 * against that run's own records, the figures' arithmetic across groups, prices and total, the
 * warnings, and a bad `--history`. The arithmetic itself is in test/engine/estimate/.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Estimate } from '../../engine/estimate/estimate-plan.js';
import { BUILTIN_SPEEDS } from '../../engine/estimate/speed-table.js';
import type { TaskRecord } from '../../engine/task-record.js';
import { runCli } from './run-cli.js';
import { augc } from './spawn-augc.js';
import { TINY, tinyWorkspace } from './tiny-run.js';

const dir = tinyWorkspace();
const aug = join(dir, 'tiny.aug');
const earlier = join(dir, 'earlier');
const PRICES = [
  '--set',
  'target.slurm.price_vcpu_hour=0.05',
  '--set',
  'target.slurm.price_gib_hour=0.004',
];

beforeAll(async () => {
  // One worker: its first task loads keyboard_typo, the second runs it warm.
  const run = await augc(['run', aug, '--output', earlier, '--jobs', '1']);
  expect(run.code, run.stderr).toBe(0);
}, 120_000);

async function estimateJson(args: string[]): Promise<Estimate & { runs: string[] }> {
  const res = await runCli(['plan', aug, '--estimate', '--json', ...args]);
  expect(res.code, res.stderr).toBe(0);
  return JSON.parse(res.stdout) as Estimate & { runs: string[] };
}

describe('augc plan --estimate', () => {
  it("uses the speed the earlier run's records measured, and prices its hours", async () => {
    const e = await estimateJson(['--target', 'slurm', '--history', earlier, ...PRICES]);
    expect(e.runs).toEqual([earlier]);
    // The run's second task ran warm: its wall seconds less the fixed cost, over variant-rows,
    // less the quality filter's share (bench/method-speeds.js measured both) give the speed;
    // the first task, which loaded the method, gives the load.
    const [first, second] = readdirSync(join(earlier, '_augc/tasks'))
      .map((f) => JSON.parse(readFileSync(join(earlier, '_augc/tasks', f), 'utf8')) as TaskRecord)
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    const work = (r: TaskRecord): number =>
      (Date.parse(r.end) - Date.parse(r.start)) / 1000 -
      BUILTIN_SPEEDS.task_overhead_seconds -
      r.rows_in * r.variants * BUILTIN_SPEEDS.quality_seconds_per_variant['chrf']!;
    const speed = Math.max(0, work(second!) / (second!.rows_in * second!.variants));
    const [typo] = e.methods;
    expect(typo).toMatchObject({ id: 'typo', source: 'history', tasks: 1 });
    expect(typo!.secondsPerVariant).toBeCloseTo(speed, 9);
    const load = Math.max(0, work(first!) - first!.rows_in * first!.variants * speed);
    expect(typo!.loadSeconds).toBeCloseTo(load, 9);
    // Groups add up to the total; cost is core-hours and GiB-hours at their prices.
    const [g] = e.groups;
    expect(g!.tasks).toBe(2);
    expect(e.total.tasks).toBe(2);
    const hours = g!.hours!;
    expect(hours.coreHours).toBeCloseTo((2 * g!.meanSeconds! * g!.resources.cpus) / 3600, 12);
    expect(hours.cost).toBeCloseTo(hours.coreHours * 0.05 + hours.gibHours * 0.004, 12);
    expect(e.total.hours).toEqual(hours);
  });

  it('prints the summary, then the estimate with its sources, prices and total', async () => {
    const res = await runCli([
      'plan',
      aug,
      '--estimate',
      '--target',
      'slurm',
      '--history',
      earlier,
      ...PRICES,
    ]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^pipeline {3}tiny/);
    expect(res.stdout).toContain(
      'estimate   target slurm; method speeds from 1 earlier run(s), else the built-in table',
    );
    expect(res.stdout).toMatch(/typo \(keyboard_typo\) +[\d.,]+ +history \(1 task\)/);
    expect(res.stdout).toMatch(/\n {2}total +2 +[\d.]+ +0 +[\d.]+ +[\d.]+\n/);
    expect(res.stdout).toContain(
      'prices: price_vcpu_hour = 0.05, price_gib_hour = 0.004 (target slurm)',
    );
  });

  it('warns above a quota and about a method nothing measured', async () => {
    const ws = tinyWorkspace(
      TINY.replace('method typo', 'method mine = command(["cat"])\n  method typo').replace(
        'output',
        'combos { list = [mine, typo] }\n  output',
      ),
    );
    const res = await runCli([
      'plan',
      join(ws, 'tiny.aug'),
      '--estimate',
      '--target',
      'slurm',
      '--set',
      'target.slurm.quota_tasks=3',
    ]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toContain(
      'warning[AUG4032]: no speed is known for method `mine` (command cat)',
    );
    expect(res.stderr).toContain(
      "warning[AUG4031]: the run's arrays hold 4 tasks, over `quota_tasks = 3`",
    );
    expect(res.stdout).toContain('the total leaves out the groups marked `?`');
  });

  it('warns when an earlier run says tasks will outlast their walltime', async () => {
    // A run of the same method that took 100 s for one task of 3 rows x 2 variants.
    const slow = join(dir, 'slow');
    mkdirSync(join(slow, '_augc/tasks'), { recursive: true });
    const plan = JSON.parse(readFileSync(join(earlier, '_augc/plan.json'), 'utf8')) as unknown;
    writeFileSync(join(slow, '_augc/plan.json'), JSON.stringify(plan));
    const [name] = readdirSync(join(earlier, '_augc/tasks'));
    const record = JSON.parse(
      readFileSync(join(earlier, '_augc/tasks', name!), 'utf8'),
    ) as TaskRecord;
    record.start = '2025-01-01T00:00:00.000Z';
    record.end = '2025-01-01T00:01:40.000Z';
    writeFileSync(join(slow, '_augc/tasks', name!), JSON.stringify(record));
    const res = await runCli([
      'plan',
      aug,
      '--estimate',
      '--history',
      slow,
      '--set',
      'resources.walltime=1m',
    ]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toMatch(
      /warning\[AUG4030\]: group `[^`]+`: its longest task is expected to take 1m 4\ds, over its walltime of 1m 00s/,
    );
  });

  it('refuses a --history folder that holds no run', async () => {
    const res = await runCli(['plan', aug, '--estimate', '--history', join(dir, 'nothing')]);
    expect(res.code).toBe(66);
    expect(res.stderr).toContain(
      `error[AUG5136]: \`--history ${join(dir, 'nothing')}\` holds no augc run`,
    );
  });
});

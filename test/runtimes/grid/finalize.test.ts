/**
 * What a grid finalizer decides, against a scripted scheduler: failure classes from the
 * scheduler's state (TIMEOUT, OUT_OF_MEMORY, CANCELLED) before the wrapper's exit status, a retry
 * of only the tasks the retry rule allows (escalated, after the backoff, with a new finalizer),
 * and a failed result naming every task once attempts run out.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../compiler/plan/canonical-json.js';
import { planHashOf } from '../../../compiler/plan/canonical-json.js';
import { tasksOf } from '../../../compiler/plan/task-at.js';
import type { Plan } from '../../../compiler/plan/types.js';
import { openStorage } from '../../../engine/storage/open-storage.js';
import type { Exec } from '../../../runtimes/grid/scheduler-client.js';
import { slurmRuntime } from '../../../runtimes/slurm/index.js';
import { combo, makePlan, stdlibMethod } from '../../engine/task-fixture.js';

const ok = (stdout: string) => ({ exitCode: 0, stdout, stderr: '', missing: false });
const GROUP = 'cpu-1c-2g-1h';

describe('grid finalizer against a scripted scheduler', () => {
  const root = join(mkdtempSync(join(tmpdir(), 'augc-grid-finalize-')), 'run');
  const base = makePlan({
    methods: [stdlibMethod('typo', 'keyboard_typo')],
    combos: [combo('typo')],
    chunks: 5,
  });
  const unhashed: Plan = {
    ...base,
    sourceHash: '0'.repeat(64),
    output: { ...base.output, uri: root },
    retry: {
      attempts: 2,
      backoff: { kind: 'fixed', delaySeconds: 5 },
      on: [{ kind: 'timeout' }, { kind: 'oom' }],
      escalate: [{ resource: 'walltime', factor: 2 }],
    },
  };
  const plan: Plan = { ...unhashed, planHash: planHashOf(unhashed) };
  const opened = openStorage(root);
  if (!opened.ok) throw new Error(opened.message);
  const storage = opened.storage;
  const env = { AUGC_CONFIG: join(root, 'none.yaml') };
  const calls: string[][] = [];
  let squeue = '';
  let next = 100;
  const exec: Exec = (argv) => {
    calls.push([...argv]);
    if (argv[0] === 'sbatch') return Promise.resolve(ok(`${next++}\n`));
    if (argv[0] === 'squeue') return Promise.resolve(ok(squeue));
    return Promise.resolve(ok(''));
  };
  const exitFile = (index: number, attempt: number, rc: number): void => {
    mkdirSync(join(root, `_augc/batch/exit/${GROUP}`), { recursive: true });
    writeFileSync(join(root, `_augc/batch/exit/${GROUP}/${index}.${attempt}`), `${rc}\n`);
  };
  const attempt = (index: number, n: number) =>
    JSON.parse(
      readFileSync(join(root, `_augc/attempts/combo_1_typo.c0000${index}.${n}.json`), 'utf8'),
    ) as { error_class: string; message: string; worker: string };

  beforeAll(async () => {
    slurmRuntime.exec = exec;
    mkdirSync(join(root, '_augc'), { recursive: true });
    writeFileSync(join(root, '_augc/plan.json'), `${canonicalJson(plan)}\n`);
    const r = await slurmRuntime.submit({
      plan,
      storage,
      outputUri: root,
      planUri: `${root}/_augc/plan.json`,
      tasks: [...tasksOf(plan)],
      options: {},
      launch: { program: 'augc', args: [], env: {} },
      signal: new AbortController().signal,
      output: { write: () => true, isTTY: false },
      env,
    });
    expect(r).toEqual({ state: 'submitted', jobIds: ['100', '101'] });
  });
  afterAll(() => {
    delete slurmRuntime.exec;
  });

  it('classifies each failure and resubmits only what the retry rule allows', async () => {
    squeue = [
      '100_0|COMPLETED|None',
      '100_1|TIMEOUT|TimeLimit',
      '100_2|OUT_OF_MEMORY|OutOfMemory',
      '100_3|FAILED|NonZeroExitCode',
      '100_4|CANCELLED|None',
    ].join('\n');
    exitFile(3, 1, 3);
    exitFile(1, 1, 143);
    const before = calls.length;
    const outcome = await slurmRuntime.finalize!({ plan, storage, outputUri: root, env }, 1);
    expect(outcome).toEqual({ kind: 'resubmitted', round: 2, tasks: 2, finalizer: '103' });
    expect(attempt(0, 1).error_class).toBe('error');
    expect(attempt(0, 1).message).toContain('scheduler state COMPLETED');
    expect(attempt(1, 1).error_class).toBe('timeout');
    expect(attempt(2, 1).error_class).toBe('oom');
    expect(attempt(3, 1).error_class).toBe('exit(3)');
    expect(attempt(4, 1).error_class).toBe('cancelled');
    expect(attempt(1, 1).worker).toBe('100[1]');
    const made = calls.slice(before);
    expect(made.map((c) => c[0])).toEqual(['squeue', 'sbatch', 'sbatch']);
    expect(made[1]).toContain('--array=1-2');
    expect(made[1]).toContain('--time=02:00:00');
    expect(made[1]).toContain('--begin=now+5');
    expect(made[2]).toContain('--dependency=afterany:102');
  });

  it('ends the run as failed, naming every task, once attempts run out', async () => {
    squeue = '102_1|TIMEOUT|TimeLimit\n102_2|COMPLETED|None';
    exitFile(2, 2, 0);
    const outcome = await slurmRuntime.finalize!({ plan, storage, outputUri: root, env }, 2);
    if (outcome.kind !== 'done') throw new Error(JSON.stringify(outcome));
    expect(outcome.state).toBe('failed');
    const recorded = JSON.parse(readFileSync(join(root, '_augc/batch/result.json'), 'utf8')) as {
      failed: { index: number; attempts: number; errorClass: string; logPath: string }[];
    };
    const failed = recorded.failed;
    expect(failed.map((f) => [f.index, f.attempts, f.errorClass, f.logPath])).toEqual([
      [0, 1, 'error', `_augc/logs/${GROUP}/0.log`],
      [1, 2, 'timeout', `_augc/logs/${GROUP}/1.log`],
      // The wrapper recorded exit 0 but the engine no complete record: the status says so.
      [2, 2, 'exit(0)', `_augc/logs/${GROUP}/2.log`],
      [3, 1, 'exit(3)', `_augc/logs/${GROUP}/3.log`],
      [4, 1, 'cancelled', `_augc/logs/${GROUP}/4.log`],
    ]);
    const result = JSON.parse(readFileSync(join(root, '_augc/batch/result.json'), 'utf8')) as {
      state: string;
    };
    expect(result.state).toBe('failed');
  });
});

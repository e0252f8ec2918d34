/**
 * The grid runtime's submission, waiting and status against a scripted scheduler (the real cluster
 * runs are in test/runtimes/slurm/): arrays split at MaxArraySize with re-based indices, one
 * submit call per array, one status call per poll with a backing-off interval, and Ctrl-C during
 * `--wait` leaving the jobs alone.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tasksOf } from '../../../compiler/plan/task-at.js';
import type { Plan } from '../../../compiler/plan/types.js';
import { openStorage } from '../../../engine/storage/open-storage.js';
import type { Storage } from '../../../engine/storage/storage.js';
import type { Exec } from '../../../runtimes/grid/scheduler-client.js';
import { slurmDialect } from '../../../runtimes/slurm/dialect.js';
import { readBatchState } from '../../../runtimes/batch/batch-state.js';
import { waitRun } from '../../../runtimes/batch/wait-run.js';
import { gridBackendSpec } from '../../../runtimes/grid/grid-backend.js';
import { nextPollMs } from '../../../runtimes/poll.js';
import { slurmRuntime } from '../../../runtimes/slurm/index.js';
import type { RunContext } from '../../../runtimes/runtime.js';
import { combo, makePlan, stdlibMethod } from '../../engine/task-fixture.js';

const ok = (stdout: string) => ({ exitCode: 0, stdout, stderr: '', missing: false });

/** A scheduler that knows MaxArraySize = 4, numbers submitted jobs from 100 and logs every call. */
function scriptedScheduler(squeue: () => string = () => '') {
  const calls: string[][] = [];
  let next = 100;
  const exec: Exec = (argv) => {
    calls.push([...argv]);
    if (argv[0] === 'scontrol') return Promise.resolve(ok('MaxArraySize            = 4\n'));
    if (argv[0] === 'sbatch') return Promise.resolve(ok(`${next++}\n`));
    if (argv[0] === 'squeue') return Promise.resolve(ok(squeue()));
    return Promise.resolve(ok(''));
  };
  return { calls, exec };
}

const silent = { write: () => true, isTTY: false };

describe('grid submission against a scripted scheduler', () => {
  const dir = mkdtempSync(join(tmpdir(), 'augc-grid-submit-'));
  const root = join(dir, 'run');
  const plan: Plan = makePlan({
    methods: [stdlibMethod('typo', 'keyboard_typo')],
    combos: [combo('typo')],
    chunks: 10,
  });
  const storage: Storage = (() => {
    const opened = openStorage(root);
    if (!opened.ok) throw new Error(opened.message);
    return opened.storage;
  })();
  const fakeAugc = join(dir, 'fake-augc.sh');
  const sched = scriptedScheduler();
  let submitted: Awaited<ReturnType<typeof slurmRuntime.submit>>;

  function context(options: RunContext['options']): RunContext {
    return {
      plan,
      storage,
      outputUri: root,
      planUri: `${root}/_augc/plan.json`,
      tasks: [...tasksOf(plan)],
      options,
      launch: { program: 'sh', args: [fakeAugc], env: {} },
      signal: new AbortController().signal,
      output: silent,
      env: { AUGC_CONFIG: join(dir, 'no-config.yaml') },
    };
  }

  /** The orchestrator's view of the submitted run, with scheduler calls going to `exec`. */
  async function batchContext(exec: Exec) {
    const state = await readBatchState(storage);
    if (!state) throw new Error('no batch state');
    const spec = gridBackendSpec({
      name: 'slurm',
      dialects: { slurm: slurmDialect },
      detectDialect: () => Promise.resolve('slurm'),
    });
    spec.exec = exec;
    const backend = spec.open({
      plan,
      storage,
      runUri: root,
      planUri: state.planUri,
      launch: state.launch,
      config: state.backend,
      env: {},
    });
    return { storage, plan, state, backend };
  }

  beforeAll(async () => {
    writeFileSync(fakeAugc, '#!/bin/sh\nprintf "%s\\n" "$@" > "$ARGS_OUT"\n');
    slurmRuntime.exec = sched.exec;
    submitted = await slurmRuntime.submit(context({ array_limit: 3 }));
  });
  afterAll(() => {
    delete slurmRuntime.exec;
  });

  it('splits a group longer than MaxArraySize into arrays re-based to 0, one sbatch each', () => {
    expect(submitted).toEqual({ state: 'submitted', jobIds: ['100', '101', '102', '103'] });
    expect(sched.calls.map((c) => c[0])).toEqual([
      'scontrol',
      'sbatch',
      'sbatch',
      'sbatch',
      'sbatch',
    ]);
    const arrays = sched.calls.map((c) => c.find((a) => a.startsWith('--array=')));
    expect(arrays).toEqual([
      undefined,
      '--array=0-3%3',
      '--array=0-3%3',
      '--array=0-1%3',
      undefined,
    ]);
    expect(sched.calls[4]).toContain('--dependency=afterany:100:101:102');
    const round = JSON.parse(readFileSync(join(root, '_augc/batch/rounds/0001.json'), 'utf8')) as {
      arrays: { jobId: string; offset: number; indices: string }[];
    };
    expect(round.arrays.map((a) => [a.jobId, a.offset, a.indices])).toEqual([
      ['100', 0, '0-3'],
      ['101', 4, '0-3'],
      ['102', 8, '0-1'],
    ]);
  });

  it("runs the plan's task at offset + the scheduler's index", () => {
    const script = sched.calls[3]!.at(-1)!;
    expect(readFileSync(script, 'utf8')).toContain('idx=$((i + 8))');
    const env = { ...process.env, SLURM_ARRAY_TASK_ID: '1', ARGS_OUT: join(dir, 'args') };
    execFileSync('bash', [script], { env });
    const args = readFileSync(join(dir, 'args'), 'utf8').split('\n');
    expect(args.slice(0, 9)).toEqual([
      'worker',
      '--plan',
      `${root}/_augc/plan.json`,
      '--group',
      'cpu-1c-2g-1h',
      '--index',
      '9',
      '--attempt',
      '1',
    ]);
    expect(readFileSync(join(root, '_augc/batch/exit/cpu-1c-2g-1h/9.1'), 'utf8')).toBe('0\n');
  });

  it('asks the scheduler once per status poll for every job of the run', async () => {
    const before = sched.calls.length;
    const status = await slurmRuntime.status({ plan, storage, outputUri: root });
    expect(sched.calls.slice(before)).toEqual([
      [
        'squeue',
        '--noheader',
        '--array',
        '--states=all',
        '--jobs=100,101,102,103',
        '--format=%i|%T|%r',
      ],
    ]);
    expect(status.notes[0]).toContain('finalizer 103');
  });

  it('waits with one squeue per poll until the finalizer records the result', async () => {
    let polls = 0;
    const merged = {
      ok: true,
      written: true,
      tasks: 10,
      complete: 10,
      totals: { combos: 1 },
    };
    const waiting = scriptedScheduler(() => {
      polls++;
      // The third poll sees the finalizer done, which has written the result by then.
      if (polls === 3) {
        const result = { state: 'completed', completed: 10, end: 'now', merged };
        writeFileSync(join(root, '_augc/batch/result.json'), JSON.stringify(result));
        return '103|COMPLETED|None\n';
      }
      return '100_0|RUNNING|None\n100_1|PENDING|None\n103|PENDING|Dependency\n';
    });
    const result = await waitRun(await batchContext(waiting.exec), {
      signal: new AbortController().signal,
      output: silent,
      firstPollMs: 1,
      maxPollMs: 2,
    });
    expect(result).toEqual({ state: 'completed', completed: 10, merged });
    expect(waiting.calls.map((c) => c[0])).toEqual(['squeue', 'squeue', 'squeue']);
    await storage.remove('_augc/batch/result.json');
  });

  it('stops following at once on Ctrl-C, however long the poll interval, and detaches', async () => {
    const controller = new AbortController();
    const waiting = scriptedScheduler(() => {
      controller.abort();
      return '100_0|RUNNING|None\n';
    });
    const result = await waitRun(await batchContext(waiting.exec), {
      signal: controller.signal,
      output: silent,
      firstPollMs: 3_600_000,
    });
    expect(result).toEqual({ state: 'interrupted', completed: 0, detached: true });
    expect(waiting.calls.filter((c) => c[0] === 'scancel')).toEqual([]);
  });

  it('backs the poll interval off by half up to its maximum', () => {
    const seen = [500];
    while (seen.length < 12) seen.push(nextPollMs(seen.at(-1)!));
    expect(seen.slice(0, 4)).toEqual([500, 750, 1125, 1688]);
    expect(seen.at(-1)).toBe(30_000);
    expect(nextPollMs(900, 1000)).toBe(1000);
  });
});

/**
 * The `lsf` runtime through the shared grid code against a scripted bsub/bjobs/bparams (no LSF can
 * run here): windows of MAX_JOB_ARRAY_SIZE submitted 1-based, `project` reaching `-P`, the job
 * script running the right task from LSB_JOBINDEX, and bjobs' 1-based elements read back as tasks.
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
import { lsfRuntime } from '../../../runtimes/lsf/index.js';
import type { RunContext } from '../../../runtimes/runtime.js';
import { combo, makePlan, stdlibMethod } from '../../engine/task-fixture.js';

const ok = (stdout: string) => ({ exitCode: 0, stdout, stderr: '', missing: false });

const BJOBS = JSON.stringify({
  COMMAND: 'bjobs',
  JOBS: 3,
  RECORDS: [
    { JOBID: '101', JOBINDEX: '2', STAT: 'RUN', EXIT_CODE: '', EXIT_REASON: '' },
    { JOBID: '101', JOBINDEX: '3', STAT: 'PEND', EXIT_CODE: '', EXIT_REASON: '' },
    { JOBID: '103', JOBINDEX: '0', STAT: 'PEND', EXIT_CODE: '', EXIT_REASON: '' },
  ],
});

/** MAX_JOB_ARRAY_SIZE = 4, job ids from 100, every call logged. */
function scriptedLsf() {
  const calls: string[][] = [];
  let next = 100;
  const exec: Exec = (argv) => {
    calls.push([...argv]);
    if (argv[0] === 'bparams') return Promise.resolve(ok('    MAX_JOB_ARRAY_SIZE = 4\n'));
    if (argv[0] === 'bsub')
      return Promise.resolve(ok(`Job <${next++}> is submitted to default queue <normal>.\n`));
    if (argv[0] === 'bjobs') return Promise.resolve(ok(BJOBS));
    return Promise.resolve(ok(''));
  };
  return { calls, exec };
}

describe('lsf runtime against a scripted scheduler', () => {
  const dir = mkdtempSync(join(tmpdir(), 'augc-lsf-'));
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
  const sched = scriptedLsf();
  let submitted: Awaited<ReturnType<typeof lsfRuntime.submit>>;

  const context = (options: RunContext['options']): RunContext => ({
    plan,
    storage,
    outputUri: root,
    planUri: `${root}/_augc/plan.json`,
    tasks: [...tasksOf(plan)],
    options,
    launch: { program: 'sh', args: [fakeAugc], env: {} },
    signal: new AbortController().signal,
    output: { write: () => true, isTTY: false },
    env: { AUGC_CONFIG: join(dir, 'no-config.yaml') },
  });

  beforeAll(async () => {
    writeFileSync(fakeAugc, '#!/bin/sh\nprintf "%s\\n" "$@" > "$ARGS_OUT"\n');
    lsfRuntime.exec = sched.exec;
    submitted = await lsfRuntime.submit(context({ project: 'lab', array_limit: 3 }));
  });
  afterAll(() => {
    delete lsfRuntime.exec;
  });

  it('submits one 1-based array per window of MAX_JOB_ARRAY_SIZE, then the finalizer', () => {
    expect(submitted).toEqual({ state: 'submitted', jobIds: ['100', '101', '102', '103'] });
    expect(sched.calls.map((c) => c[0])).toEqual(['bparams', 'bsub', 'bsub', 'bsub', 'bsub']);
    const specs = sched.calls.slice(1).map((c) => c[c.indexOf('-J') + 1]);
    expect(specs).toEqual([
      'augc-test-cpu-1c-2g-1h[1-4]%3',
      'augc-test-cpu-1c-2g-1h[1-4]%3',
      'augc-test-cpu-1c-2g-1h[1-2]%3',
      'augc-test-finalize',
    ]);
    for (const call of sched.calls.slice(1)) expect(call[call.indexOf('-P') + 1]).toBe('lab');
    expect(sched.calls[4]).toContain('ended(100) && ended(101) && ended(102)');
  });

  it("runs the plan's task at offset + LSB_JOBINDEX - 1", () => {
    const script = sched.calls[3]!.at(-1)!;
    const env = { ...process.env, LSB_JOBINDEX: '2', ARGS_OUT: join(dir, 'args') };
    execFileSync('bash', [script], { env });
    const args = readFileSync(join(dir, 'args'), 'utf8').split('\n');
    expect(args.slice(4, 7)).toEqual(['cpu-1c-2g-1h', '--index', '9']);
  });

  it('reads bjobs elements back as 0-based tasks, in one bjobs call', async () => {
    const before = sched.calls.length;
    const status = await lsfRuntime.status({ plan, storage, outputUri: root });
    expect(sched.calls.slice(before)).toEqual([
      [
        'bjobs',
        '-a',
        '-o',
        'jobid jobindex stat exit_code exit_reason',
        '-json',
        '100',
        '101',
        '102',
        '103',
      ],
    ]);
    expect(status.active).toBe(true);
    // Element 2 of the second window (offset 4) is augc's index 4 + 1.
    expect(status.running.map((t) => [t.index, t.worker])).toEqual([[5, '101_1']]);
  });

  it('cancels every array and the finalizer with one bkill', async () => {
    const before = sched.calls.length;
    expect(await lsfRuntime.cancel({ plan, storage, outputUri: root })).toBe(true);
    expect(sched.calls.slice(before)).toEqual([['bkill', '100', '101', '102', '103']]);
  });
});

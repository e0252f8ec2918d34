/**
 * The LSF dialect against argv golden cases and bjobs/bsub/bparams output transcribed from IBM's
 * documentation (captures/README.md): no LSF cluster can run here.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ArrayJob, JobStateName } from '../../../runtimes/grid/dialect.js';
import {
  lsfBeginAt,
  lsfDialect,
  lsfMinutes,
  oneBased,
  parseMaxJobArraySize,
} from '../../../runtimes/lsf/dialect.js';

const capture = (name: string): string =>
  readFileSync(new URL(`captures/${name}`, import.meta.url), 'utf8');

const job: ArrayJob = {
  name: 'augc-p-g+1',
  script: '/r/_augc/batch/jobs/r1-g-0.sh',
  workdir: '/r',
  schedulerLog: '/r/_augc/logs/scheduler/r1-g-0.%J_%I.out',
  indices: '0-99',
  resources: {
    cpus: 4,
    memoryBytes: 3 * 1024 ** 3 + 1,
    gpus: 2,
    gpuType: 'a100',
    walltimeSeconds: 90_061,
  },
  target: { queue: 'gpu', account: 'lab', arrayLimit: 10, extra: ['-x', '-m hostA hostB'] },
};

const cpuJob: ArrayJob = {
  ...job,
  resources: { cpus: 1, memoryBytes: 1024 ** 3, gpus: 0, walltimeSeconds: 600 },
  target: { extra: [] },
};

const flag = (argv: readonly string[], name: string): string | undefined =>
  argv[argv.indexOf(name) + 1];

describe('lsf dialect: submit', () => {
  it('maps resources, throttle and extra options to bsub flags in one argv', () => {
    expect(lsfDialect.arraySubmitArgv(job)).toEqual([
      'bsub',
      '-J',
      'augc-p-g_1[1-100]%10',
      '-cwd',
      '/r',
      '-o',
      '/r/_augc/logs/scheduler/r1-g-0.%J_%I.out',
      '-n',
      '4',
      '-R',
      'rusage[mem=3073MB] span[hosts=1]',
      '-M',
      '3073MB',
      '-W',
      '1502',
      '-gpu',
      'num=2:gmodel=a100',
      '-q',
      'gpu',
      '-P',
      'lab',
      '-x',
      '-m hostA hostB',
      '/r/_augc/batch/jobs/r1-g-0.sh',
    ]);
  });

  it('leaves out what is not asked for: no gpus, queue, project or throttle', () => {
    const argv = lsfDialect.arraySubmitArgv(cpuJob);
    expect(flag(argv, '-J')).toBe('augc-p-g_1[1-100]');
    for (const f of ['-gpu', '-q', '-P', '-b']) expect(argv).not.toContain(f);
    expect(argv.at(-1)).toBe('/r/_augc/batch/jobs/r1-g-0.sh');
  });

  it('shifts every index of a list or range by one, and keeps a lone index', () => {
    expect(oneBased('0-99')).toBe('1-100');
    expect(oneBased('3,7,12-15')).toBe('4,8,13-16');
    expect(oneBased('0')).toBe('1');
    expect(flag(lsfDialect.arraySubmitArgv({ ...cpuJob, indices: '3,7,12-15' }), '-J')).toBe(
      'augc-p-g_1[4,8,13-16]',
    );
  });

  it('submits the span of a list too long for -J (the job script skips the rest)', () => {
    const scattered = Array.from({ length: 80 }, (_, i) => String(i * 3)).join(',');
    const spec = flag(lsfDialect.arraySubmitArgv({ ...cpuJob, indices: scattered }), '-J') ?? '';
    expect(spec).toBe('augc-p-g_1[1-238]');
    expect(lsfDialect.indexLists).toBe(false);
  });

  it('rounds memory up to whole MiB and walltime up to whole minutes', () => {
    const argv = (memoryBytes: number, walltimeSeconds: number): string[] =>
      lsfDialect.arraySubmitArgv({
        ...cpuJob,
        resources: { ...cpuJob.resources, memoryBytes, walltimeSeconds },
      });
    expect(flag(argv(1, 1), '-M')).toBe('1MB');
    expect(flag(argv(1024 ** 2 + 1, 60), '-M')).toBe('2MB');
    expect(flag(argv(1, 60), '-W')).toBe('1');
    expect(flag(argv(1, 61), '-W')).toBe('2');
    expect(lsfMinutes(0.5)).toBe(1);
    expect(lsfMinutes(7200)).toBe(120);
  });

  it('asks for whole cpus and for a GPU count without a model when none is named', () => {
    const argv = lsfDialect.arraySubmitArgv({
      ...cpuJob,
      resources: { ...cpuJob.resources, cpus: 1.5, gpus: 1 },
    });
    expect(flag(argv, '-n')).toBe('2');
    expect(flag(argv, '-gpu')).toBe('num=1');
  });

  it('quotes a script path for the shell LSF runs the command with', () => {
    const argv = lsfDialect.arraySubmitArgv({ ...cpuJob, script: "/runs/it's here/r1.sh" });
    expect(argv.at(-1)).toBe(`'/runs/it'\\''s here/r1.sh'`);
  });

  it('makes the finalizer wait for every array to end, however it ends', () => {
    const argv = lsfDialect.singleSubmitArgv({ ...cpuJob, afterAny: ['11', '14'] });
    expect(flag(argv, '-w')).toBe('ended(11) && ended(14)');
    expect(flag(argv, '-J')).toBe('augc-p-g_1');
    expect(lsfDialect.singleSubmitArgv({ ...cpuJob, afterAny: [] })).not.toContain('-w');
  });

  it('begins a retry no earlier than its backoff, rounded up to the minute', () => {
    const now = new Date(2026, 11, 31, 23, 59, 10);
    expect(lsfBeginAt(30, now)).toBe('2027:01:01:00:00');
    expect(lsfBeginAt(50, now)).toBe('2027:01:01:00:00');
    expect(lsfBeginAt(51, now)).toBe('2027:01:01:00:01');
    expect(lsfBeginAt(50, new Date(2026, 2, 4, 9, 5, 10))).toBe('2026:03:04:09:06');
    const argv = lsfDialect.arraySubmitArgv({ ...cpuJob, beginAfterSeconds: 90 });
    expect(flag(argv, '-b')).toMatch(/^\d{4}:\d\d:\d\d:\d\d:\d\d$/);
    expect(lsfDialect.arraySubmitArgv({ ...cpuJob, beginAfterSeconds: 0 })).not.toContain('-b');
  });
});

describe('lsf dialect: job ids, status, cancel', () => {
  it('reads the job id bsub printed', () => {
    expect(lsfDialect.parseJobId(capture('bsub-queue.stdout'))).toBe('4242');
    expect(lsfDialect.parseJobId(capture('bsub-default-queue.stdout'))).toBe('4243');
    expect(lsfDialect.parseJobId(capture('bsub-after-esub.stdout'))).toBe('4244');
    expect(lsfDialect.parseJobId(capture('bsub-rejected.stderr'))).toBeUndefined();
    expect(lsfDialect.parseJobId('')).toBeUndefined();
  });

  it('asks bjobs for finished jobs too, as JSON, and kills with bkill', () => {
    expect(lsfDialect.statusArgv(['11', '14'])).toEqual([
      'bjobs',
      '-a',
      '-o',
      'jobid jobindex stat exit_code exit_reason',
      '-json',
      '11',
      '14',
    ]);
    expect(lsfDialect.cancelArgv(['11', '14'])).toEqual(['bkill', '11', '14']);
    expect(lsfDialect.unknownJobExitCodes).toEqual([255]);
  });

  it('maps every LSF state and exit reason, with 0-based indices', () => {
    const jobs = lsfDialect.parseStatus(capture('bjobs-all-states.stdout'));
    const byIndex = new Map(jobs.filter((j) => j.jobId === '4242').map((j) => [j.index, j]));
    const expected: [number, string, JobStateName][] = [
      [0, 'DONE', 'completed'],
      [1, 'EXIT', 'failed'],
      [2, 'EXIT', 'timeout'],
      [3, 'EXIT', 'oom'],
      [4, 'EXIT', 'cancelled'],
      [5, 'EXIT', 'cancelled'],
      [6, 'EXIT', 'preempted'],
      [7, 'RUN', 'running'],
      [8, 'USUSP', 'running'],
      [9, 'SSUSP', 'running'],
      [10, 'PEND', 'pending'],
      [11, 'PSUSP', 'pending'],
      [12, 'WAIT', 'pending'],
      [13, 'UNKWN', 'unknown'],
      [14, 'ZOMBI', 'node_fail'],
    ];
    expect(byIndex.size).toBe(expected.length);
    for (const [index, raw, state] of expected)
      expect(byIndex.get(index), `index ${index}`).toMatchObject({ raw, state });
    expect(byIndex.get(2)?.reason).toMatch(/^TERM_RUNLIMIT: /);
    expect(byIndex.get(0)).not.toHaveProperty('reason');
    const finalizer = jobs.find((j) => j.jobId === '4243');
    expect(finalizer).toEqual({ jobId: '4243', state: 'pending', raw: 'PEND' });
  });

  it('skips the ids bjobs no longer knows, and text that is not JSON', () => {
    expect(lsfDialect.parseStatus(capture('bjobs-not-found.stdout'))).toEqual([
      { jobId: '4243', state: 'pending', raw: 'PEND' },
    ]);
    expect(lsfDialect.parseStatus(capture('bjobs-not-found.stderr'))).toEqual([]);
    expect(lsfDialect.parseStatus('{"COMMAND":"bjobs","JOBS":0,"RECORDS":[]}')).toEqual([]);
    const bracketed = '{"RECORDS":[{"JOBID":"7[3]","STAT":"RUN"},{"JOBID":"x","STAT":"RUN"}]}';
    expect(lsfDialect.parseStatus(bracketed)).toEqual([
      { jobId: '7', index: 2, state: 'running', raw: 'RUN' },
    ]);
  });

  it('reads MAX_JOB_ARRAY_SIZE from bparams -a', () => {
    expect(parseMaxJobArraySize(capture('bparams-a.stdout'))).toBe(5000);
    expect(parseMaxJobArraySize('MAX_JOB_NUM = 1000\n')).toBeUndefined();
  });
});

describe('lsf dialect: index expression, evaluated by bash', () => {
  const run = (env: Record<string, string>): { stdout: string; stderr: string } =>
    spawnSync('bash', ['-c', `i=${lsfDialect.indexExpression}; echo "$i"`], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      encoding: 'utf8',
    });
  const evaluate = (env: Record<string, string>): string => run(env).stdout.trim();

  it("gives augc's 0-based index from LSF's 1-based LSB_JOBINDEX", () => {
    expect(evaluate({ LSB_JOBINDEX: '3' })).toBe('2');
    expect(evaluate({ LSB_JOBINDEX: '1' })).toBe('0');
    expect(evaluate({ LSB_JOBINDEX: '1000' })).toBe('999');
  });

  it('gives a negative number, which the job script rejects, outside an array element', () => {
    expect(evaluate({})).toBe('-1');
    expect(evaluate({ LSB_JOBINDEX: '0' })).toBe('-1');
  });

  it('never evaluates what LSB_JOBINDEX holds besides digits', () => {
    // Unfiltered, bash would run the command substitution while evaluating `a[...]`.
    const r = run({ LSB_JOBINDEX: 'a[$(echo boom >/dev/stderr)]5' });
    expect(r.stdout.trim()).toBe('4');
    expect(r.stderr).not.toContain('boom');
  });
});

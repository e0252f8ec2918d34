import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ArrayJob } from '../../../runtimes/grid/dialect.js';
import { parseMaxArraySize, slurmDialect } from '../../../runtimes/slurm/dialect.js';

const capture = (name: string): string =>
  readFileSync(new URL(`captures/${name}`, import.meta.url), 'utf8');

const job: ArrayJob = {
  name: 'augc-p-g',
  script: '/r/_augc/batch/jobs/r1-g-0.sh',
  workdir: '/r',
  schedulerLog: '/r/_augc/logs/scheduler/r1-g-0.%A_%a.out',
  indices: '0-99',
  resources: {
    cpus: 4,
    memoryBytes: 3 * 1024 ** 3 + 1,
    gpus: 2,
    gpuType: 'a100',
    walltimeSeconds: 90_061,
  },
  target: {
    queue: 'gpu',
    account: 'lab',
    qos: 'high',
    arrayLimit: 10,
    extra: ['--constraint=x y'],
  },
};

describe('slurm dialect', () => {
  it('maps resources, throttle and extra options to sbatch flags in one argv', () => {
    expect(slurmDialect.arraySubmitArgv({ ...job, beginAfterSeconds: 30 })).toEqual([
      'sbatch',
      '--parsable',
      '--job-name=augc-p-g',
      '--chdir=/r',
      '--output=/r/_augc/logs/scheduler/r1-g-0.%A_%a.out',
      '--open-mode=append',
      '--nodes=1',
      '--ntasks=1',
      '--cpus-per-task=4',
      '--mem=3073M',
      '--time=1-01:01:01',
      '--no-requeue',
      '--gres=gpu:a100:2',
      '--partition=gpu',
      '--account=lab',
      '--qos=high',
      '--array=0-99%10',
      '--begin=now+30',
      '--constraint=x y',
      '/r/_augc/batch/jobs/r1-g-0.sh',
    ]);
  });

  it('makes the finalizer depend on every array with afterany', () => {
    const argv = slurmDialect.singleSubmitArgv({ ...job, afterAny: ['11', '14'] });
    expect(argv).toContain('--dependency=afterany:11:14');
    expect(argv).toContain('--kill-on-invalid-dep=yes');
    expect(argv.some((a) => a.startsWith('--array'))).toBe(false);
  });

  it('reads the job id sbatch --parsable printed', () => {
    expect(slurmDialect.parseJobId(capture('sbatch-parsable.stdout'))).toBe('11');
    expect(slurmDialect.parseJobId('12;cluster\n')).toBe('12');
    expect(slurmDialect.parseJobId('sbatch: error: Batch job submission failed')).toBeUndefined();
  });

  it('parses squeue lines of running, pending, failed and cancelled array tasks', () => {
    const running = slurmDialect.parseStatus(capture('squeue-running.stdout'));
    expect(running.find((s) => s.jobId === '11' && s.index === 2)).toMatchObject({
      state: 'failed',
      reason: 'NonZeroExitCode',
    });
    expect(running.find((s) => s.jobId === '15')).toMatchObject({
      state: 'pending',
      reason: 'Dependency',
    });
    expect(running.filter((s) => s.jobId === '14' && s.state === 'running')).toHaveLength(3);
    const cancelled = slurmDialect.parseStatus(capture('squeue-cancelled.stdout'));
    expect(cancelled.filter((s) => s.state === 'cancelled').map((s) => s.index)).toEqual([0, 1, 3]);
    expect(
      slurmDialect
        .parseStatus(
          '5_3|TIMEOUT|TimeLimit\n5_4|OUT_OF_MEMORY|None\n6|NODE_FAIL|None\n7|PREEMPTED|None',
        )
        .map((s) => s.state),
    ).toEqual(['timeout', 'oom', 'node_fail', 'preempted']);
  });

  it('asks squeue once for every job, and treats its exit 1 as "no longer known"', () => {
    expect(slurmDialect.statusArgv(['11', '14', '15'])).toEqual([
      'squeue',
      '--noheader',
      '--array',
      '--states=all',
      '--jobs=11,14,15',
      '--format=%i|%T|%r',
    ]);
    expect(capture('squeue-invalid.stderr')).toContain('Invalid job id');
    expect(slurmDialect.unknownJobExitCodes).toContain(1);
  });

  it('reads MaxArraySize from scontrol show config', () => {
    expect(parseMaxArraySize(capture('scontrol-show-config.stdout'))).toBe(100001);
    expect(parseMaxArraySize('nothing here')).toBeUndefined();
  });
});

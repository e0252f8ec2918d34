import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ArrayJob } from '../../../runtimes/grid/dialect.js';
import { taskScript } from '../../../runtimes/grid/job-script.js';
import { pbsBeginAt } from '../../../runtimes/pbs/common.js';
import { pbsProDialect } from '../../../runtimes/pbs/pro-dialect.js';
import { torqueDialect } from '../../../runtimes/pbs/torque-dialect.js';

const capture = (name: string): string =>
  readFileSync(new URL(`captures/${name}`, import.meta.url), 'utf8');

const job: ArrayJob = {
  name: 'augc-p-g',
  script: '/r/s.sh',
  workdir: '/r',
  schedulerLog: '/r/_augc/logs/scheduler/r1-g-0.out',
  indices: '0-9',
  resources: { cpus: 2, memoryBytes: 2 * 1024 ** 3, gpus: 1, walltimeSeconds: 5400 },
  target: { queue: 'workq', account: 'lab', arrayLimit: 4, extra: [] },
};

describe('PBS Pro dialect (golden)', () => {
  it('spells an array job with -J, select and walltime', () => {
    expect(pbsProDialect.arraySubmitArgv(job)).toEqual([
      'qsub',
      '-N',
      'augc-p-g',
      '-V',
      '-j',
      'oe',
      '-o',
      '/r/_augc/logs/scheduler/r1-g-0.out',
      '-q',
      'workq',
      '-A',
      'lab',
      '-l',
      'select=1:ncpus=2:mem=2048mb:ngpus=1',
      '-l',
      'walltime=01:30:00',
      '-J',
      '0-9%4',
      '/r/s.sh',
    ]);
  });

  it('runs scattered retry indices as one span whose script skips the others', () => {
    expect(pbsProDialect.arraySubmitArgv({ ...job, indices: '3,7' })).toContain('3-7%4');
    expect(pbsProDialect.arraySubmitArgv({ ...job, indices: '5' })).toContain('5-6%4');
    const script = taskScript({
      launch: { program: 'node', args: ['/a/augc.js'], env: {} },
      root: '/r',
      planUri: '/r/_augc/plan.json',
      group: 'g',
      groupDir: 'g',
      offset: 0,
      attempt: 2,
      indexExpression: pbsProDialect.indexExpression,
      jobIdExpression: pbsProDialect.jobIdExpression,
      only: '3,7',
      header: 'h',
    });
    expect(script).toContain('case " 3 7 " in *" $i "*) ;; *) exit 0 ;; esac');
    expect(script).toContain('i=${PBS_ARRAY_INDEX:-${SLURM_ARRAY_TASK_ID:-}}');
  });

  it('depends on arrays with afterany and reads qstat -F json', () => {
    expect(
      pbsProDialect.singleSubmitArgv({ ...job, afterAny: ['12[].srv', '13[].srv'] }),
    ).toContain('depend=afterany:12[].srv:13[].srv');
    const json = JSON.stringify({
      Jobs: {
        '12[].srv': { job_state: 'B' },
        '12[0].srv': { job_state: 'F', Exit_status: 0 },
        '12[1].srv': { job_state: 'F', Exit_status: 3 },
        '12[2].srv': { job_state: 'R' },
        '12[3].srv': { job_state: 'F', Exit_status: -11 },
      },
    });
    expect(pbsProDialect.parseStatus(json).map((s) => [s.jobId, s.index, s.state])).toEqual([
      ['12[].srv', undefined, 'running'],
      ['12[].srv', 0, 'completed'],
      ['12[].srv', 1, 'failed'],
      ['12[].srv', 2, 'running'],
      ['12[].srv', 3, 'timeout'],
    ]);
    expect(pbsProDialect.parseJobId('12[].pbs-server\n')).toBe('12[].pbs-server');
    expect(pbsProDialect.statusArgv(['12[].srv'])).toEqual([
      'qstat',
      '-f',
      '-F',
      'json',
      '-x',
      '-t',
      '12[].srv',
    ]);
  });

  it('writes -a dates as [[CC]YY]MMDDhhmm.SS', () => {
    expect(pbsBeginAt(90, new Date(2026, 0, 2, 3, 4, 5))).toBe('202601020305.35');
  });
});

describe('Torque dialect', () => {
  it("puts every resource in one -l (Slurm's qsub keeps only the last) and the array in -t", () => {
    expect(torqueDialect.arraySubmitArgv({ ...job, indices: '1,3,5-7' })).toEqual([
      'qsub',
      '-N',
      'augc-p-g',
      '-V',
      '-j',
      'oe',
      '-o',
      '/r/_augc/logs/scheduler/r1-g-0.out',
      '-q',
      'workq',
      '-A',
      'lab',
      '-l',
      'nodes=1:ppn=2:gpus=1,mem=2048mb,walltime=01:30:00',
      '-t',
      '1,3,5-7%4',
      '/r/s.sh',
    ]);
  });

  it('uses afteranyarray for Torque array ids and afterany for plain ids', () => {
    expect(torqueDialect.singleSubmitArgv({ ...job, afterAny: ['22[].srv', '23'] })).toContain(
      'depend=afterany:23,afteranyarray:22[].srv',
    );
  });

  it("parses the qsub id and qstat tables captured from Slurm's PBS wrappers", () => {
    expect(torqueDialect.parseJobId(capture('torque-wrapper-qsub.stdout'))).toBe('22');
    expect(
      torqueDialect
        .parseStatus(capture('torque-wrapper-qstat-pending.stdout'))
        .map((s) => [s.jobId, s.state]),
    ).toEqual([
      ['22', 'completed'],
      ['26', 'pending'],
    ]);
    expect(
      torqueDialect
        .parseStatus(capture('torque-wrapper-qstat-done.stdout'))
        .every((s) => s.state === 'completed'),
    ).toBe(true);
    expect(torqueDialect.statusArgv(['22', '30[].srv'])).toEqual(['qstat', '22', '30[].srv']);
  });
});

/**
 * Torque (and Slurm's PBS wrappers, which speak it): `qsub -t SPEC%N`, one `-l nodes=1:ppn=..,
 * mem=..,walltime=..` (Slurm's qsub keeps only the last `-l`), `$PBS_ARRAYID` (Slurm's wrappers set
 * only SLURM_ARRAY_TASK_ID), `qstat` tables whose `C` covers completed and failed alike.
 */
import type { ArrayJob, GridDialect, JobStatus, SingleJob } from '../grid/dialect.js';
import { hms, mebibytes } from '../grid/resource-format.js';
import { beginFlags, commonFlags, PBS_STATES, numericId, parsePbsJobId } from './common.js';

function resourceFlags(job: ArrayJob | SingleJob): string[] {
  const r = job.resources;
  const node = `nodes=1:ppn=${r.cpus}${r.gpus > 0 ? `:gpus=${r.gpus}` : ''}`;
  return ['-l', `${node},mem=${mebibytes(r.memoryBytes)}mb,walltime=${hms(r.walltimeSeconds)}`];
}

function arraySubmitArgv(job: ArrayJob): string[] {
  const throttle = job.target.arrayLimit !== undefined ? `%${job.target.arrayLimit}` : '';
  return [
    'qsub',
    ...commonFlags(job),
    ...resourceFlags(job),
    '-t',
    `${job.indices}${throttle}`,
    ...beginFlags(job),
    ...job.target.extra,
    job.script,
  ];
}

/** Torque names array ids `1234[]` and needs `afteranyarray` for them; plain ids take `afterany`. */
function singleSubmitArgv(job: SingleJob): string[] {
  const arrays = job.afterAny.filter((id) => id.includes('[]'));
  const plain = job.afterAny.filter((id) => !id.includes('[]'));
  const parts = [
    ...(plain.length > 0 ? [`afterany:${plain.join(':')}`] : []),
    ...(arrays.length > 0 ? [`afteranyarray:${arrays.join(':')}`] : []),
  ];
  const dep = parts.length > 0 ? ['-W', `depend=${parts.join(',')}`] : [];
  return [
    'qsub',
    ...commonFlags(job),
    ...resourceFlags(job),
    ...dep,
    ...job.target.extra,
    job.script,
  ];
}

/** The default `qstat ID...` table: `Job id  Name  User  Time S Queue` after two header lines. */
function parseStatus(stdout: string): JobStatus[] {
  const out: JobStatus[] = [];
  for (const line of stdout.split('\n')) {
    const cols = line.trim().split(/\s+/);
    const id = cols[0] ?? '';
    if (!/^\d/.test(id) || cols.length < 6) continue;
    const raw = cols[cols.length - 2] ?? '?';
    const m = /^(\d+)\[(\d*)\]/.exec(id);
    const index = m?.[2] !== undefined && m[2] !== '' ? Number(m[2]) : undefined;
    out.push({
      jobId: m ? `${m[1]}[]` : numericId(id),
      state: PBS_STATES[raw] ?? 'unknown',
      raw,
      ...(index !== undefined ? { index } : {}),
    });
  }
  return out;
}

export const torqueDialect: GridDialect = {
  name: 'torque',
  commands: { submit: 'qsub', status: 'qstat', cancel: 'qdel' },
  arrayLogSuffix: '',
  indexLists: true,
  indexExpression: '${PBS_ARRAYID:-${SLURM_ARRAY_TASK_ID:-}}',
  // Slurm's PBS wrappers set only Slurm's variables.
  jobIdExpression: '${PBS_JOBID:-${SLURM_JOB_ID:-unknown}}',
  arraySubmitArgv,
  singleSubmitArgv,
  parseJobId: parsePbsJobId,
  // Slurm's qstat wants numeric ids (`1234`, not `1234[]`).
  statusArgv: (jobIds) => [
    'qstat',
    ...jobIds.map((id) => (id.includes('[]') ? id : numericId(id))),
  ],
  unknownJobExitCodes: [153],
  parseStatus,
  // Never pass `ID_i` to Slurm's qdel: it numifies it and kills the whole array.
  cancelArgv: (jobIds) => ['qdel', ...jobIds],
};

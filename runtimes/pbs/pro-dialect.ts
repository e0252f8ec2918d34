/**
 * PBS Pro / OpenPBS: `qsub -J 0-N%M`, `-l select=1:ncpus=..:mem=..:ngpus=..`, `-l walltime`,
 * `$PBS_ARRAY_INDEX`, `-W depend=afterany:ID[]`, `qstat -f -F json -x -t` for state and exit
 * status. `-J` takes one range, so a retry of scattered indices submits their span and the task
 * script skips the others (see job-script.ts).
 */
import type { ArrayJob, GridDialect, JobStatus, SingleJob } from '../grid/dialect.js';
import { mebibytes, hms } from '../grid/resource-format.js';
import { spanOf } from '../batch/index-spec.js';
import { beginFlags, commonFlags, PBS_STATES, parsePbsJobId } from './common.js';

function resourceFlags(job: ArrayJob | SingleJob): string[] {
  const r = job.resources;
  const select = [`select=1`, `ncpus=${r.cpus}`, `mem=${mebibytes(r.memoryBytes)}mb`];
  if (r.gpus > 0) select.push(`ngpus=${r.gpus}`);
  return ['-l', select.join(':'), '-l', `walltime=${hms(r.walltimeSeconds)}`];
}

function arraySubmitArgv(job: ArrayJob): string[] {
  const { first, last } = spanOf(job.indices);
  // PBS Pro refuses a one-element array: a single index becomes a two-element span, the extra skipped.
  const range = `${first}-${Math.max(last, first + 1)}`;
  const throttle = job.target.arrayLimit !== undefined ? `%${job.target.arrayLimit}` : '';
  return [
    'qsub',
    ...commonFlags(job),
    ...resourceFlags(job),
    '-J',
    `${range}${throttle}`,
    ...beginFlags(job),
    ...job.target.extra,
    job.script,
  ];
}

/** Array ids keep their `[]` in dependencies (`afterany:1234[].server`). */
function singleSubmitArgv(job: SingleJob): string[] {
  const dep = job.afterAny.length > 0 ? ['-W', `depend=afterany:${job.afterAny.join(':')}`] : [];
  return [
    'qsub',
    ...commonFlags(job),
    ...resourceFlags(job),
    ...dep,
    ...job.target.extra,
    job.script,
  ];
}

interface QstatJson {
  Jobs?: Record<string, { job_state?: string; Exit_status?: number; comment?: string }>;
}

/** `qstat -f -F json`: keys `1234[3].server` for subjobs, `1234[].server` for the array. */
function parseStatus(stdout: string): JobStatus[] {
  let parsed: QstatJson;
  try {
    parsed = JSON.parse(stdout) as QstatJson;
  } catch {
    return [];
  }
  const out: JobStatus[] = [];
  for (const [key, job] of Object.entries(parsed.Jobs ?? {})) {
    const m = /^(\d+)\[(\d*)\](.*)$/.exec(key);
    const raw = job.job_state ?? '?';
    let state = PBS_STATES[raw] ?? 'unknown';
    if ((raw === 'F' || raw === 'X') && job.Exit_status !== undefined && job.Exit_status !== 0) {
      state = job.Exit_status === -11 || job.Exit_status === 271 ? 'timeout' : 'failed';
    }
    const jobId = m ? `${m[1]}[]${m[3]}` : key;
    const index = m?.[2] !== undefined && m[2] !== '' ? Number(m[2]) : undefined;
    out.push({
      jobId,
      state,
      raw,
      ...(index !== undefined ? { index } : {}),
      ...(job.comment !== undefined ? { reason: job.comment } : {}),
    });
  }
  return out;
}

export const pbsProDialect: GridDialect = {
  name: 'pbs-pro',
  commands: { submit: 'qsub', status: 'qstat', cancel: 'qdel' },
  arrayLogSuffix: '',
  indexLists: false,
  indexExpression: '${PBS_ARRAY_INDEX:-${SLURM_ARRAY_TASK_ID:-}}',
  // Slurm's PBS wrappers set only Slurm's variables.
  jobIdExpression: '${PBS_JOBID:-${SLURM_JOB_ID:-unknown}}',
  arraySubmitArgv,
  singleSubmitArgv,
  parseJobId: parsePbsJobId,
  statusArgv: (jobIds) => ['qstat', '-f', '-F', 'json', '-x', '-t', ...jobIds],
  // qstat exits 35 (PBS Pro) or 153 (Slurm's wrapper) for ids it no longer knows.
  unknownJobExitCodes: [35, 153],
  parseStatus,
  cancelArgv: (jobIds) => ['qdel', '-x', ...jobIds],
};

/**
 * Slurm: `sbatch --parsable --array=SPEC%N`, `squeue -h -r -t all` (one line per array task, and
 * finished jobs for MinJobAge), `scancel`. Pure functions over strings; tested against output
 * captured on a real cluster (test/runtimes/slurm/captures/).
 */
import type { ArrayJob, GridDialect, JobStateName, JobStatus, SingleJob } from '../grid/dialect.js';
import { mebibytes, slurmTime } from '../grid/resource-format.js';

function resourceFlags(job: ArrayJob | SingleJob): string[] {
  const r = job.resources;
  const t = job.target;
  const flags = [
    `--job-name=${job.name}`,
    `--chdir=${job.workdir}`,
    `--output=${job.schedulerLog}`,
    '--open-mode=append',
    '--nodes=1',
    '--ntasks=1',
    `--cpus-per-task=${r.cpus}`,
    `--mem=${mebibytes(r.memoryBytes)}M`,
    `--time=${slurmTime(r.walltimeSeconds)}`,
    // A retry is a new array from the finalizer: a requeue would run a task twice.
    '--no-requeue',
  ];
  if (r.gpus > 0) {
    const type = r.gpuType ?? t.gpuType;
    flags.push(`--gres=gpu:${type !== undefined ? `${type}:` : ''}${r.gpus}`);
  }
  const queue = r.queue ?? t.queue;
  const account = r.account ?? t.account;
  if (queue !== undefined) flags.push(`--partition=${queue}`);
  if (account !== undefined) flags.push(`--account=${account}`);
  if (t.qos !== undefined) flags.push(`--qos=${t.qos}`);
  return flags;
}

function arraySubmitArgv(job: ArrayJob): string[] {
  const throttle = job.target.arrayLimit !== undefined ? `%${job.target.arrayLimit}` : '';
  const begin =
    job.beginAfterSeconds !== undefined && job.beginAfterSeconds > 0
      ? [`--begin=now+${Math.ceil(job.beginAfterSeconds)}`]
      : [];
  return [
    'sbatch',
    '--parsable',
    ...resourceFlags(job),
    `--array=${job.indices}${throttle}`,
    ...begin,
    ...job.target.extra,
    job.script,
  ];
}

function singleSubmitArgv(job: SingleJob): string[] {
  const dep =
    job.afterAny.length > 0
      ? [`--dependency=afterany:${job.afterAny.join(':')}`, '--kill-on-invalid-dep=yes']
      : [];
  return ['sbatch', '--parsable', ...resourceFlags(job), ...dep, ...job.target.extra, job.script];
}

/** `--parsable` prints `ID` or `ID;cluster`. */
function parseJobId(stdout: string): string | undefined {
  const first = stdout.trim().split('\n')[0]?.split(';')[0]?.trim() ?? '';
  return /^\d+$/.test(first) ? first : undefined;
}

const STATES: Readonly<Record<string, JobStateName>> = {
  PENDING: 'pending',
  CONFIGURING: 'running',
  RUNNING: 'running',
  COMPLETING: 'running',
  SUSPENDED: 'running',
  STOPPED: 'running',
  RESIZING: 'running',
  REQUEUED: 'pending',
  REQUEUE_HOLD: 'pending',
  REQUEUE_FED: 'pending',
  SIGNALING: 'running',
  STAGE_OUT: 'running',
  COMPLETED: 'completed',
  FAILED: 'failed',
  BOOT_FAIL: 'node_fail',
  DEADLINE: 'timeout',
  TIMEOUT: 'timeout',
  OUT_OF_MEMORY: 'oom',
  NODE_FAIL: 'node_fail',
  PREEMPTED: 'preempted',
  CANCELLED: 'cancelled',
  REVOKED: 'cancelled',
  SPECIAL_EXIT: 'failed',
};

function statusArgv(jobIds: readonly string[]): string[] {
  return [
    'squeue',
    '--noheader',
    '--array',
    '--states=all',
    `--jobs=${jobIds.join(',')}`,
    '--format=%i|%T|%r',
  ];
}

/** Lines `ID|STATE|REASON` or `ARRAYID_INDEX|STATE|REASON`; pending ranges `ID_[2-9%4]` are folded. */
function parseStatus(stdout: string): JobStatus[] {
  const out: JobStatus[] = [];
  for (const line of stdout.split('\n')) {
    const [id, raw, reason] = line.trim().split('|');
    if (id === undefined || raw === undefined || id === '') continue;
    const [jobId, index] = id.split('_');
    if (jobId === undefined) continue;
    const state = STATES[raw.split(' ')[0] ?? ''] ?? 'unknown';
    const parsed = index !== undefined && /^\d+$/.test(index) ? Number(index) : undefined;
    out.push({
      jobId,
      state,
      raw,
      ...(parsed !== undefined ? { index: parsed } : {}),
      ...(reason !== undefined && reason !== '' && reason !== 'None' ? { reason } : {}),
    });
  }
  return out;
}

export const slurmDialect: GridDialect = {
  name: 'slurm',
  commands: { submit: 'sbatch', status: 'squeue', cancel: 'scancel' },
  arrayLogSuffix: '.%A_%a',
  indexLists: true,
  indexExpression: '${SLURM_ARRAY_TASK_ID:-}',
  jobIdExpression: '${SLURM_JOB_ID:-unknown}',
  arraySubmitArgv,
  singleSubmitArgv,
  parseJobId,
  statusArgv,
  // squeue exits 1 ("Invalid job id specified") once every listed job is older than MinJobAge.
  unknownJobExitCodes: [1],
  parseStatus,
  cancelArgv: (jobIds) => ['scancel', ...jobIds],
};

/** `MaxArraySize` from `scontrol show config` (the largest index is one less). */
export function parseMaxArraySize(configText: string): number | undefined {
  const m = /^\s*MaxArraySize\s*=\s*(\d+)/m.exec(configText);
  return m?.[1] !== undefined ? Number(m[1]) : undefined;
}

/**
 * What DescribeJobs says, reduced to the orchestrator's job states and failure classes: a Spot
 * reclaim or instance loss (`Host EC2 (instance i-...) terminated.`) is `preempted`, the
 * container's `OutOfMemoryError: Container killed due to memory usage` is `oom`, an attempt over
 * its timeout is `timeout`, a job `augc cancel` terminated is `cancelled`, and any other failure
 * is `failed` with the container's exit code (the orchestrator reads it as `exit(N)`).
 */
import type { JobStateName, JobStatus } from '../batch/job-status.js';
import { cloudWatchLocation } from '../log-location.js';
import type { JobDetail } from './client.js';

/** The reason `augc cancel` gives TerminateJob (and recognises in the job's `statusReason`). */
export const CANCEL_REASON = 'augc cancel: the run was cancelled';

const QUEUED = ['SUBMITTED', 'PENDING', 'RUNNABLE', 'STARTING'];

type Attempt = NonNullable<JobDetail['attempts']>[number];

function lastAttempt(job: JobDetail): Attempt | undefined {
  return job.attempts?.at(-1);
}

/** The class of a FAILED job, from its last attempt and its own status reason. */
export function failedStateOf(job: JobDetail): JobStateName {
  const attempt = lastAttempt(job);
  const statusReason = job.statusReason ?? '';
  const reasons = [attempt?.statusReason ?? '', statusReason];
  const containerReason = attempt?.container?.reason ?? job.container?.reason ?? '';
  if (reasons.some((r) => r.startsWith(CANCEL_REASON))) return 'cancelled';
  if (reasons.some((r) => r.startsWith('Host EC2'))) return 'preempted';
  if (containerReason.startsWith('OutOfMemoryError')) return 'oom';
  if (reasons.some((r) => r.includes('duration exceeded timeout'))) return 'timeout';
  return 'failed';
}

export function stateOf(job: JobDetail): JobStateName {
  const s = job.status ?? '';
  if (QUEUED.includes(s)) return 'pending';
  if (s === 'RUNNING') return 'running';
  if (s === 'SUCCEEDED') return 'completed';
  if (s === 'FAILED') return failedStateOf(job);
  return 'unknown';
}

function summaryOf(job: JobDetail): JobStatus['summary'] {
  const sum = job.arrayProperties?.statusSummary;
  if (!sum) return undefined;
  const n = (k: string): number => sum[k] ?? 0;
  return {
    queued: QUEUED.reduce((acc, k) => acc + n(k), 0),
    running: n('RUNNING'),
    succeeded: n('SUCCEEDED'),
    failed: n('FAILED'),
  };
}

/** One job's status; `index` is the task index (relative to the array's offset) it ran. */
export function jobStatusOf(
  job: JobDetail,
  as: { jobId: string; index?: number },
  logGroup: string,
): JobStatus {
  const summary = summaryOf(job);
  let state = stateOf(job);
  // An array parent stays PENDING while its children run.
  if (state === 'pending' && summary && summary.running > 0) state = 'running';
  const attempt = lastAttempt(job);
  const exitCode = attempt?.container?.exitCode ?? job.container?.exitCode;
  const stream = attempt?.container?.logStreamName ?? job.container?.logStreamName;
  const reason = [job.statusReason, attempt?.container?.reason].filter((r) => r).join('; ');
  return {
    jobId: as.jobId,
    ...(as.index !== undefined ? { index: as.index } : {}),
    state,
    raw: job.status ?? 'UNKNOWN',
    ...(reason !== '' ? { reason } : {}),
    ...(job.attempts ? { attempts: job.attempts.length } : {}),
    ...(exitCode !== undefined ? { exitCode } : {}),
    ...(stream ? { log: cloudWatchLocation(logGroup, stream) } : {}),
    ...(summary ? { summary } : {}),
  };
}

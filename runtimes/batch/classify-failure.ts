/**
 * Why a batch task did not complete, from three sources in order of trust: what the scheduler says
 * happened to the job (a timeout or an OOM kill leaves the task no chance to say anything), the
 * engine's attempt record, and the exit status the task wrapper recorded.
 */
import type { AttemptRecord } from '../../engine/task-record.js';
import type { AttemptFailure } from '../retry-policy.js';
import type { JobStatus } from './job-status.js';

export type BatchFailure = AttemptFailure & { message: string; fromScheduler: boolean };

const SCHEDULER_CLASSES: Readonly<Record<string, { cls: string; what: string }>> = {
  timeout: { cls: 'timeout', what: 'the scheduler stopped it at its walltime (TIMEOUT)' },
  oom: { cls: 'oom', what: 'the scheduler killed it for using too much memory (OUT_OF_MEMORY)' },
  node_fail: { cls: 'node_fail', what: 'its node failed (NODE_FAIL)' },
  preempted: { cls: 'preempted', what: 'it was preempted (PREEMPTED)' },
  cancelled: { cls: 'cancelled', what: 'it was cancelled (CANCELLED)' },
};

export function classifyFailure(
  job: JobStatus | undefined,
  attempt: AttemptRecord | undefined,
  recordedExit: number | undefined,
): BatchFailure {
  // A service that reports its jobs' exit codes needs no status file of its own.
  const exitStatus = recordedExit ?? job?.exitCode;
  const sched = job ? SCHEDULER_CLASSES[job.state] : undefined;
  if (sched) {
    const said = job?.reason !== undefined && job.reason !== '' ? `: ${job.reason}` : '';
    return { errorClass: sched.cls, message: `${sched.what}${said}`, fromScheduler: true };
  }
  if (attempt) {
    return {
      errorClass: attempt.error_class,
      message: attempt.message,
      fromScheduler: false,
      ...(attempt.exit_code !== undefined ? { exitCode: attempt.exit_code } : {}),
      ...(attempt.signal !== undefined ? { signal: attempt.signal } : {}),
    };
  }
  if (exitStatus !== undefined) {
    // 128+N is how bash reports a child killed by signal N.
    const signal = exitStatus === 137 ? 'SIGKILL' : exitStatus === 143 ? 'SIGTERM' : undefined;
    return {
      errorClass: `exit(${exitStatus})`,
      exitCode: exitStatus,
      message: `augc worker exited with status ${exitStatus}`,
      fromScheduler: false,
      ...(signal ? { signal } : {}),
    };
  }
  const state = job ? ` (scheduler state ${job.raw})` : '';
  return {
    errorClass: 'error',
    message: `the task left no exit status${state}`,
    fromScheduler: false,
  };
}

/** A cancelled task is not retried, whatever the rule says: someone meant to stop it. */
export function isRetryable(failure: BatchFailure): boolean {
  return failure.errorClass !== 'cancelled';
}

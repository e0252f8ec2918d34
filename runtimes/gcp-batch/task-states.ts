/**
 * Cloud Batch's job and task states reduced to the orchestrator's (batch/job-status.ts). A failed
 * task's state comes from the exit code of its last run: Batch reports what happened to the VM as
 * reserved codes (50001 Spot preemption, 50002/50003/50006 a VM lost, rebooted or recreated,
 * 50004 an unresponsive task, 50005 `maxRunDuration` exceeded).
 */
import type { JobStateName } from '../batch/job-status.js';
import { BATCH_EXIT } from './service-retry.js';

const JOB_STATES: Readonly<Record<string, JobStateName>> = {
  QUEUED: 'pending',
  SCHEDULED: 'pending',
  RUNNING: 'running',
  SUCCEEDED: 'completed',
  FAILED: 'failed',
  DELETION_IN_PROGRESS: 'cancelled',
  CANCELLATION_IN_PROGRESS: 'cancelled',
  CANCELLED: 'cancelled',
};

export function jobStateOf(state: string): JobStateName {
  return JOB_STATES[state] ?? 'unknown';
}

/** What a failed task's last exit code says happened to it. */
export function failedTaskStateOf(exitCode: number | undefined): {
  state: JobStateName;
  reason?: string;
} {
  switch (exitCode) {
    case BATCH_EXIT.preempted:
      return { state: 'preempted', reason: 'its Spot VM was preempted (exit code 50001)' };
    case BATCH_EXIT.maxRunDuration:
      return { state: 'timeout', reason: 'it ran past its maxRunDuration (exit code 50005)' };
    case BATCH_EXIT.vmReportingTimeout:
    case BATCH_EXIT.vmRebooted:
    case BATCH_EXIT.vmRecreated:
    case BATCH_EXIT.unresponsive:
      return { state: 'node_fail', reason: `its VM was lost (exit code ${exitCode})` };
    default:
      return { state: 'failed' };
  }
}

/** `RUNNING (3 RUNNING, 5 PENDING, 2 SUCCEEDED)`: a job's state with its task counts. */
export function rawOf(state: string, counts: Readonly<Record<string, number>>): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`);
  return parts.length > 0 ? `${state} (${parts.join(', ')})` : state;
}

/**
 * An Azure Batch task's state as the orchestrator reads job states. Azure requeues a task whose
 * low-priority (Spot) node was preempted, without counting it as a retry: such a task is pending
 * again, with the preemption as its reason. A task that ends because its node was lost or
 * preempted (the service reports it in failureInfo) is `preempted` or `node_fail`, which the
 * retry rule names; one stopped at its maxWallClockTime is `timeout`.
 */
import type { JobStatus } from '../batch/job-status.js';
import type { TaskInfo } from './client.js';

function failedState(t: TaskInfo): JobStatus['state'] {
  const info = t.executionInfo?.failureInfo;
  const text = `${info?.code ?? ''} ${info?.message ?? ''}`;
  if (/preempt/i.test(text)) return 'preempted';
  if (/wall ?clock|timed? ?out|timeout/i.test(text)) return 'timeout';
  if (/node ?(failure|unusable|lost)/i.test(text)) return 'node_fail';
  return 'failed';
}

export function jobStatusOf(t: TaskInfo, jobId: string, index: number | undefined): JobStatus {
  const e = t.executionInfo;
  const exit = e?.exitCode !== undefined ? ` exit ${e.exitCode}` : '';
  const base = { jobId, ...(index !== undefined ? { index } : {}), raw: `${t.state}${exit}` };
  const requeued = (e?.requeueCount ?? 0) > 0;
  const reason = requeued
    ? { reason: `requeued ${e?.requeueCount} time(s) after its node was preempted` }
    : {};
  switch (t.state) {
    case 'active':
    case 'preparing':
      return { ...base, state: 'pending', ...reason };
    case 'running':
      return { ...base, state: 'running', ...reason };
    case 'completed':
      return e?.result === 'success'
        ? { ...base, state: 'completed' }
        : {
            ...base,
            state: failedState(t),
            ...(e?.failureInfo?.message ? { reason: e.failureInfo.message } : {}),
          };
    default:
      return { ...base, state: 'unknown' };
  }
}

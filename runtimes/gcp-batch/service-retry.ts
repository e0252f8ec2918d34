/**
 * Which failures Cloud Batch retries itself, inside the job (`maxRetryCount` with one
 * `RETRY_TASK` lifecycle policy, which fails every exit code it does not list), and which are left
 * to augc's next round. The service reruns a task on the same request, so it takes only the
 * failures the pipeline's retry rule names whose next attempt needs nothing else: preemption and
 * lost VMs (`preempted`, `node_fail`, and `any`); timeouts, OOM kills, signals and `exit(N)` only
 * when the rule escalates no resource (a rerun with more memory or walltime is a new job, in
 * augc's next round). Everything else, `any` included, is decided by augc's finalizer.
 */
import type { PlanRetry, PlanRetryCondition } from '../../compiler/plan/types.js';

/** Exit codes Cloud Batch reports for what happened to the VM rather than the task. */
export const BATCH_EXIT = {
  preempted: 50001,
  vmReportingTimeout: 50002,
  vmRebooted: 50003,
  unresponsive: 50004,
  maxRunDuration: 50005,
  vmRecreated: 50006,
} as const;

/** Cloud Batch accepts 0..10 retries per task. */
export const MAX_RETRY_COUNT = 10;

export interface ServiceRetry {
  maxRetryCount: number;
  lifecyclePolicies: { action: 'RETRY_TASK'; actionCondition: { exitCodes: number[] } }[];
  /** The retried codes a task's own process exits with (the worker must exit with them). */
  taskCodes: number[];
}

const SIGNALS: Readonly<Record<string, number>> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGABRT: 6,
  SIGKILL: 9,
  SIGSEGV: 11,
  SIGPIPE: 13,
  SIGTERM: 15,
};

/** The exit codes one condition covers. */
function codesOf(c: PlanRetryCondition, escalates: boolean): number[] {
  const { preempted, vmReportingTimeout, vmRebooted, vmRecreated, maxRunDuration } = BATCH_EXIT;
  const lostVm = [vmReportingTimeout, vmRebooted, vmRecreated];
  switch (c.kind) {
    case 'preempted':
      return [preempted];
    case 'node_fail':
    case 'any':
      return c.kind === 'any' ? [preempted, ...lostVm] : lostVm;
    default:
      if (escalates) return [];
  }
  if (c.kind === 'timeout') return [maxRunDuration];
  if (c.kind === 'oom') return [137];
  if (c.kind === 'exit') return c.code >= 1 && c.code <= 255 ? [c.code] : [];
  if (c.kind !== 'signal') return [];
  const n = SIGNALS[c.signal.toUpperCase()];
  return n === undefined ? [] : [128 + n];
}

/** What a job of attempt `attempt` asks Batch to retry itself, and how often. */
export function serviceRetryOf(retry: PlanRetry, attempt: number): ServiceRetry {
  const none: ServiceRetry = { maxRetryCount: 0, lifecyclePolicies: [], taskCodes: [] };
  const left = Math.min(MAX_RETRY_COUNT, Math.max(0, retry.attempts - attempt));
  if (left === 0) return none;
  const escalates = retry.escalate.length > 0;
  const codes = [...new Set(retry.on.flatMap((c) => codesOf(c, escalates)))].sort((a, b) => a - b);
  if (codes.length === 0) return none;
  return {
    maxRetryCount: left,
    lifecyclePolicies: [{ action: 'RETRY_TASK', actionCondition: { exitCodes: codes } }],
    taskCodes: codes.filter((c) => c <= 255),
  };
}

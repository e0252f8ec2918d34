/**
 * The pipeline's retry rule applied to one failed attempt. Shared by every target: the local pool
 * and the grid finalizer decide the same way. Failure classes are those of the attempt records:
 * `exit(N)`, `signal`, `oom`, `timeout`, `error`, plus `preempted` and `node_fail` from schedulers.
 */
import type { PlanResources, PlanRetry, PlanRetryCondition } from '../compiler/plan/types.js';

export interface AttemptFailure {
  errorClass: string;
  exitCode?: number;
  /** e.g. `SIGKILL`, when a process was killed by a signal. */
  signal?: string;
}

/**
 * Whether `condition` covers `failure`. A process killed by SIGKILL, or exiting 137, counts as
 * `oom`: that is what the Linux OOM killer does, and from outside the process it cannot be told
 * apart from another SIGKILL (see docs/runtimes/local.md).
 */
export function conditionMatches(condition: PlanRetryCondition, failure: AttemptFailure): boolean {
  switch (condition.kind) {
    case 'any':
      return true;
    case 'exit':
      return (
        failure.exitCode === condition.code || failure.errorClass === `exit(${condition.code})`
      );
    case 'signal':
      return failure.signal === condition.signal;
    case 'oom':
      return (
        failure.errorClass === 'oom' || failure.signal === 'SIGKILL' || failure.exitCode === 137
      );
    default:
      return failure.errorClass === condition.kind;
  }
}

/** True when attempt number `attempt` (1-based) failed and the rule allows another. */
export function shouldRetry(retry: PlanRetry, attempt: number, failure: AttemptFailure): boolean {
  if (attempt >= retry.attempts) return false;
  return retry.on.some((c) => conditionMatches(c, failure));
}

/** Seconds to wait before attempt `next` (2 for the first retry). */
export function backoffSeconds(retry: PlanRetry, next: number): number {
  const n = Math.max(0, next - 2);
  const b = retry.backoff;
  if (b.kind === 'fixed') return b.delaySeconds;
  return Math.min(b.maxSeconds, b.baseSeconds * b.factor ** n);
}

/** Resources for attempt `attempt`: each escalation applied once per earlier failed attempt. */
export function escalatedResources(
  retry: PlanRetry,
  base: PlanResources,
  attempt: number,
): PlanResources {
  const times = Math.max(0, attempt - 1);
  const out = { ...base };
  for (const { resource, factor } of retry.escalate) {
    const scale = factor ** times;
    if (resource === 'memory') out.memoryBytes = Math.ceil(base.memoryBytes * scale);
    if (resource === 'walltime') out.walltimeSeconds = Math.ceil(base.walltimeSeconds * scale);
    if (resource === 'cpus') out.cpus = Math.ceil(base.cpus * scale);
  }
  return out;
}

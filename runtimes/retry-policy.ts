/**
 * The pipeline's retry rule applied to one failed attempt. Shared by every target: the local pool
 * and the grid finalizer decide the same way. Failure classes are those of the attempt records:
 * `exit(N)`, `signal`, `oom`, `timeout`, `error`, plus `preempted` and `node_fail` from schedulers.
 */
import { formatBytes, formatSeconds } from '../compiler/ast/units.js';
import type { Plan, PlanResources, PlanRetry, PlanRetryCondition } from '../compiler/plan/types.js';

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

/** The most one task may get on a target, from its plan options (bytes and seconds). */
export interface ResourceCaps {
  memoryBytes?: number;
  walltimeSeconds?: number;
  cpus?: number;
}

/** Resources for one attempt, and a note for each escalation a cap held back. */
export interface Escalation {
  resources: PlanResources;
  notes: string[];
}

/**
 * The caps of the target named `target` in the plan: its `max_memory`, `max_walltime` and
 * `max_cpus` options (the plan holds them in bytes and seconds).
 */
export function capsOf(plan: Pick<Plan, 'targets'>, target: string): ResourceCaps {
  const options = plan.targets.find((t) => t.name === target)?.options ?? {};
  const caps: ResourceCaps = {};
  const memory = options['max_memory'];
  const walltime = options['max_walltime'];
  const cpus = options['max_cpus'];
  if (typeof memory === 'number') caps.memoryBytes = memory;
  if (typeof walltime === 'number') caps.walltimeSeconds = walltime;
  if (typeof cpus === 'number') caps.cpus = cpus;
  return caps;
}

const ESCALATED = {
  memory: { field: 'memoryBytes', option: 'max_memory', show: formatBytes },
  walltime: { field: 'walltimeSeconds', option: 'max_walltime', show: formatSeconds },
  cpus: { field: 'cpus', option: 'max_cpus', show: String },
} as const;

/**
 * Resources for attempt `attempt`: each escalation applied once per earlier failed attempt, but
 * never above the target's cap (the scheduler would refuse the job, or the machine lacks it).
 */
export function escalatedResources(
  retry: PlanRetry,
  base: PlanResources,
  attempt: number,
  caps: ResourceCaps = {},
): Escalation {
  const times = Math.max(0, attempt - 1);
  const out = { ...base };
  const notes: string[] = [];
  for (const { resource, factor } of retry.escalate) {
    const { field, option, show } = ESCALATED[resource];
    const wanted = Math.ceil(base[field] * factor ** times);
    const cap = caps[field];
    // A base already above the cap is the checks' business; escalation only never adds to it.
    const limit = cap === undefined ? wanted : Math.max(base[field], cap);
    out[field] = Math.min(wanted, limit);
    if (wanted > limit) {
      notes.push(
        `attempt ${attempt}: ${resource} escalation stopped at ${show(limit)} by \`${option}\` (wanted ${show(wanted)})`,
      );
    }
  }
  return { resources: out, notes };
}

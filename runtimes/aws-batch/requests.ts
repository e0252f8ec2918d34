/**
 * SubmitJob inputs, as pure functions of the plan, the target and one array of the orchestrator:
 * the worker command (index from `AWS_BATCH_JOB_ARRAY_INDEX`, attempt from
 * `AWS_BATCH_JOB_ATTEMPT`), resources as strings (MEMORY in MiB), the attempt timeout, tags, and
 * the retry strategy Batch can apply itself (Spot or instance loss, declared exit codes).
 */
import type { Plan, PlanResources, PlanRetry } from '../../compiler/plan/types.js';
import {
  fargateSizeFor,
  mebibytesOf,
  MIN_ATTEMPT_SECONDS,
} from '../../compiler/targets/aws-batch-limits.js';
import type { ArraySubmission } from '../batch/backend.js';
import { parseIndices } from '../batch/index-spec.js';
import type { SubmitJobCommandInput } from './client.js';
import type { AwsTarget } from './target-options.js';

type RetryStrategy = NonNullable<SubmitJobCommandInput['retryStrategy']>;
type Requirement = { type: 'VCPU' | 'MEMORY' | 'GPU'; value: string };

/** Batch allows 1..10 attempts and at most 5 evaluateOnExit rules. */
export const MAX_BATCH_ATTEMPTS = 10;
export const MAX_EXIT_RULES = 5;

/**
 * The retry strategy for a round whose first try is attempt `attempt`: the tries the pipeline's
 * rule has left (at most 10), retrying what Batch can recognise and ending with an explicit EXIT,
 * since Batch retries a failure no rule matches. Out-of-memory and timeouts are not retried here:
 * the finalizer retries them in a new round with escalated resources.
 */
export function retryStrategyOf(retry: PlanRetry, attempt: number): RetryStrategy {
  const left = Math.min(MAX_BATCH_ATTEMPTS, Math.max(1, retry.attempts - attempt + 1));
  if (left === 1) return { attempts: 1 };
  const kinds = new Set(retry.on.map((c) => c.kind));
  if (kinds.has('any')) return { attempts: left };
  const rules: NonNullable<RetryStrategy['evaluateOnExit']> = [];
  if (kinds.has('preempted') || kinds.has('node_fail'))
    rules.push({ onStatusReason: 'Host EC2*', action: 'RETRY' });
  for (const code of retryExitCodes(retry).slice(0, MAX_EXIT_RULES - 1 - rules.length))
    rules.push({ onExitCode: String(code), action: 'RETRY' });
  if (rules.length === 0) return { attempts: 1 };
  rules.push({ onReason: '*', action: 'EXIT' });
  return { attempts: left, evaluateOnExit: rules };
}

export function retryExitCodes(retry: PlanRetry): number[] {
  const codes = retry.on.flatMap((c) => (c.kind === 'exit' ? [c.code] : []));
  return [...new Set(codes)].filter((c) => c > 0 && c < 256);
}

/** The exit codes a strategy retries (what the worker is told to exit with). */
export function codesRetriedBy(strategy: RetryStrategy): number[] {
  return (strategy.evaluateOnExit ?? []).flatMap((r) =>
    r.action === 'RETRY' && r.onExitCode !== undefined ? [Number(r.onExitCode)] : [],
  );
}

export function resourceRequirementsOf(r: PlanResources, t: AwsTarget): Requirement[] {
  const memory = mebibytesOf(r.memoryBytes);
  if (t.platform === 'fargate') {
    const size = fargateSizeFor(r.cpus, memory);
    if (!size) throw new Error(`Fargate offers no size with ${r.cpus} vCPU and ${memory} MiB`);
    return [
      { type: 'VCPU', value: String(size.vcpu) },
      { type: 'MEMORY', value: String(size.memoryMiB) },
    ];
  }
  return [
    { type: 'VCPU', value: String(Math.max(1, Math.ceil(r.cpus))) },
    { type: 'MEMORY', value: String(memory) },
    ...(r.gpus > 0 ? [{ type: 'GPU' as const, value: String(r.gpus) }] : []),
  ];
}

export function timeoutOf(r: PlanResources): { attemptDurationSeconds: number } {
  return { attemptDurationSeconds: Math.max(MIN_ATTEMPT_SECONDS, Math.ceil(r.walltimeSeconds)) };
}

/** A job name Batch accepts: letters, digits, `-`, `_`; first alphanumeric; at most 128. */
export function jobNameOf(...parts: string[]): string {
  return parts
    .map((p) => p.replace(/[^A-Za-z0-9_-]+/g, '-'))
    .join('-')
    .replace(/-{2,}/g, '-')
    .slice(0, 128);
}

/** Tag values keep letters, digits, spaces and `_.:/=+-@`, at most 256 characters. */
function tagValue(v: string): string {
  return v.replace(/[^\p{L}\p{N}\p{Zs}_.:/=+\-@]/gu, '_').slice(0, 256) || '_';
}

export interface RunTags {
  pipeline: string;
  runId: string;
  planHash: string;
}

export function tagsOf(run: RunTags, group: string): Record<string, string> {
  return {
    'augc:pipeline': tagValue(run.pipeline),
    'augc:run': tagValue(run.runId),
    'augc:plan-hash': tagValue(run.planHash),
    'augc:group': tagValue(group),
  };
}

export function fairShareOf(t: AwsTarget): Partial<SubmitJobCommandInput> {
  return {
    ...(t.shareIdentifier !== undefined ? { shareIdentifier: t.shareIdentifier } : {}),
    ...(t.schedulingPriority !== undefined
      ? { schedulingPriorityOverride: t.schedulingPriority }
      : {}),
  };
}

/** `--index-offset` for a contiguous spec, `--indices` for a scattered one; size of the array. */
export function indexArgs(offset: number, spec: string): { args: string[]; size: number } {
  const all = parseIndices(spec);
  const first = all[0] ?? 0;
  const last = all.at(-1) ?? 0;
  if (all.length === 1) return { args: ['--index', String(first + offset)], size: 1 };
  if (last - first + 1 === all.length)
    return { args: ['--index-offset', String(first + offset)], size: all.length };
  return { args: ['--indices', spec, '--index-offset', String(offset)], size: all.length };
}

export interface ArrayRequestSpec {
  plan: Plan;
  target: AwsTarget;
  planUri: string;
  jobDefinition: string;
  tags: RunTags;
  env: Readonly<Record<string, string>>;
}

export function arraySubmitInput(s: ArrayRequestSpec, job: ArraySubmission): SubmitJobCommandInput {
  const strategy = retryStrategyOf(s.plan.retry, job.attempt);
  const codes = codesRetriedBy(strategy);
  const { args, size } = indexArgs(job.offset, job.indices);
  const command = [
    'augc',
    'worker',
    '--plan',
    s.planUri,
    '--group',
    job.group,
    ...args,
    '--attempt',
    String(job.attempt),
    '--service-attempts',
    String(strategy.attempts ?? 1),
    ...(codes.length > 0 ? ['--service-retry-codes', codes.join(',')] : []),
  ];
  // Batch refuses variable names starting with AWS_BATCH; credentials never travel here.
  const environment = Object.entries(s.env)
    .filter(([name]) => !name.startsWith('AWS_BATCH'))
    .map(([name, value]) => ({ name, value }));
  return {
    jobName: jobNameOf('augc', s.plan.pipeline, job.groupDir, `r${job.round}`, String(job.offset)),
    jobQueue: s.target.queue,
    jobDefinition: s.jobDefinition,
    ...(size > 1 ? { arrayProperties: { size } } : {}),
    containerOverrides: {
      command,
      ...(environment.length > 0 ? { environment } : {}),
      resourceRequirements: resourceRequirementsOf(job.resources, s.target),
    },
    retryStrategy: strategy,
    timeout: timeoutOf(job.resources),
    tags: tagsOf(s.tags, job.group),
    propagateTags: true,
    ...fairShareOf(s.target),
  };
}

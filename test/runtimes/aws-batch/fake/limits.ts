/**
 * The documented limits of SubmitJob and RegisterJobDefinition that the fake enforces (the SDK
 * sends anything): names, array size 2..10,000, 1..10 attempts, at most 5 evaluateOnExit rules
 * with valid patterns, timeout >= 60 s, at most 20 dependencies, at most 50 tags, environment
 * names not starting with AWS_BATCH, resources as the queue's platform allows (Fargate: no GPU,
 * fixed vCPU/memory pairs), fair-share fields only on a fair-share queue.
 */
import type {
  RegisterJobDefinitionCommandInput,
  SubmitJobCommandInput,
} from '@aws-sdk/client-batch';
import { isFargateSize } from '../../../../compiler/targets/aws-batch-limits.js';

export interface FakeQueue {
  name: string;
  platform: 'EC2' | 'SPOT' | 'FARGATE';
  fairShare?: boolean;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
const PATTERN = /^[A-Za-z0-9.: ]*\*?$/;
const EXIT_PATTERN = /^\d*\*?$/;

type Problem = string | undefined;

function retryProblem(r: SubmitJobCommandInput['retryStrategy']): Problem {
  if (!r) return undefined;
  if (r.attempts !== undefined && (r.attempts < 1 || r.attempts > 10))
    return 'retryStrategy.attempts must be between 1 and 10';
  const rules = r.evaluateOnExit ?? [];
  if (rules.length > 0 && r.attempts === undefined)
    return 'retryStrategy.attempts is required with evaluateOnExit';
  if (rules.length > 5) return 'retryStrategy.evaluateOnExit takes at most 5 entries';
  for (const rule of rules) {
    for (const p of [rule.onStatusReason, rule.onReason])
      if (p !== undefined && (p.length > 512 || !PATTERN.test(p)))
        return `evaluateOnExit pattern \`${p}\` is not valid`;
    if (
      rule.onExitCode !== undefined &&
      (rule.onExitCode.length > 512 || !EXIT_PATTERN.test(rule.onExitCode))
    )
      return `evaluateOnExit onExitCode \`${rule.onExitCode}\` is not valid`;
  }
  return undefined;
}

function resourceProblem(
  reqs: readonly { type?: string | undefined; value?: string | undefined }[],
  queue: FakeQueue,
): Problem {
  const get = (t: string): string | undefined => reqs.find((r) => r.type === t)?.value;
  const vcpu = Number(get('VCPU') ?? 'NaN');
  const memory = Number(get('MEMORY') ?? 'NaN');
  const gpu = get('GPU');
  if (get('VCPU') !== undefined && !(vcpu > 0)) return 'VCPU must be a positive number';
  if (get('MEMORY') !== undefined && !(Number.isInteger(memory) && memory >= 4))
    return 'MEMORY must be a whole number of MiB, at least 4';
  if (queue.platform === 'FARGATE') {
    if (gpu !== undefined) return 'GPU resources are not supported on Fargate';
    if (get('VCPU') !== undefined && !isFargateSize(vcpu, memory))
      return `Fargate does not support ${vcpu} vCPU with ${memory} MiB`;
  } else if (get('VCPU') !== undefined && !Number.isInteger(vcpu))
    return 'VCPU must be a whole number on EC2 resources';
  if (gpu !== undefined && !/^[1-9]\d*$/.test(gpu)) return 'GPU must be a positive whole number';
  return undefined;
}

export function submitProblem(
  input: SubmitJobCommandInput,
  queue: FakeQueue | undefined,
  jobExists: (id: string) => boolean,
): Problem {
  if (!NAME.test(input.jobName ?? '')) return `jobName \`${input.jobName}\` is not valid`;
  if (!queue) return `job queue \`${input.jobQueue}\` does not exist`;
  const size = input.arrayProperties?.size;
  if (size !== undefined && (size < 2 || size > 10_000))
    return 'arrayProperties.size must be between 2 and 10000';
  const retry = retryProblem(input.retryStrategy);
  if (retry) return retry;
  const timeout = input.timeout?.attemptDurationSeconds;
  if (timeout !== undefined && timeout < 60)
    return 'timeout.attemptDurationSeconds must be at least 60';
  const deps = input.dependsOn ?? [];
  if (deps.length > 20) return 'dependsOn takes at most 20 jobs';
  for (const d of deps) {
    if (d.type !== undefined) return 'the fake implements plain dependencies only';
    if (!d.jobId || !jobExists(d.jobId)) return `dependsOn job \`${d.jobId}\` does not exist`;
  }
  if (Object.keys(input.tags ?? {}).length > 50) return 'at most 50 tags';
  const o = input.containerOverrides;
  if (o?.command?.some((w) => w === '')) return 'containerOverrides.command has an empty word';
  for (const e of o?.environment ?? [])
    if (e.name?.startsWith('AWS_BATCH')) return `environment variable ${e.name} is reserved`;
  const res = resourceProblem(o?.resourceRequirements ?? [], queue);
  if (res) return res;
  if (
    (input.shareIdentifier !== undefined || input.schedulingPriorityOverride !== undefined) &&
    !queue.fairShare
  )
    return 'shareIdentifier and schedulingPriorityOverride need a queue with a fair-share policy';
  if (queue.fairShare && input.shareIdentifier === undefined)
    return 'a fair-share queue needs shareIdentifier';
  const p = input.schedulingPriorityOverride;
  if (p !== undefined && (p < 0 || p > 9999)) return 'schedulingPriorityOverride must be 0..9999';
  return undefined;
}

export function registerProblem(input: RegisterJobDefinitionCommandInput): Problem {
  if (!NAME.test(input.jobDefinitionName ?? ''))
    return `jobDefinitionName \`${input.jobDefinitionName}\` is not valid`;
  if (input.type !== 'container') return 'the fake registers container job definitions only';
  if (!input.containerProperties?.image) return 'containerProperties.image is required';
  const fargate = input.platformCapabilities?.includes('FARGATE') === true;
  if (fargate && !input.containerProperties.executionRoleArn)
    return 'a Fargate job definition needs executionRoleArn';
  return undefined;
}

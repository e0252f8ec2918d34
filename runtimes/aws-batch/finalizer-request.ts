/**
 * The round's finalizer as a job that depends on the round's arrays. Batch takes at most 20
 * dependencies a job, so more arrays are gathered by intermediate jobs (each depending on up to
 * 20 and doing nothing), as many levels as needed.
 */
import { FINALIZER_RESOURCES } from '../../compiler/ir/defaults.js';
import type { Plan } from '../../compiler/plan/types.js';
import type { SubmitJobCommandInput } from './client.js';
import {
  fairShareOf,
  jobNameOf,
  resourceRequirementsOf,
  tagsOf,
  timeoutOf,
  type RunTags,
} from './requests.js';
import type { AwsTarget } from './target-options.js';

export const MAX_DEPENDENCIES = 20;

export interface FinalizerRequestSpec {
  plan: Plan;
  target: AwsTarget;
  runUri: string;
  jobDefinition: string;
  tags: RunTags;
}

/** The finalizer survives a Spot loss (Batch retries it); anything else ends it. */
const FINALIZER_RETRY = {
  attempts: 3,
  evaluateOnExit: [
    { onStatusReason: 'Host EC2*', action: 'RETRY' as const },
    { onReason: '*', action: 'EXIT' as const },
  ],
};

function baseInput(
  s: FinalizerRequestSpec,
  name: string,
  command: string[],
): SubmitJobCommandInput {
  return {
    jobName: jobNameOf('augc', s.plan.pipeline, name),
    jobQueue: s.target.queue,
    jobDefinition: s.jobDefinition,
    containerOverrides: {
      command,
      resourceRequirements: resourceRequirementsOf(FINALIZER_RESOURCES, s.target),
    },
    retryStrategy: FINALIZER_RETRY,
    timeout: timeoutOf(FINALIZER_RESOURCES),
    tags: tagsOf(s.tags, 'finalize'),
    propagateTags: true,
    ...fairShareOf(s.target),
  };
}

export function finalizerInput(
  s: FinalizerRequestSpec,
  round: number,
  after: readonly string[],
): SubmitJobCommandInput {
  const input = baseInput(s, `finalize-r${round}`, [
    'augc',
    'finalize',
    s.runUri,
    '--round',
    String(round),
  ]);
  return { ...input, dependsOn: after.map((jobId) => ({ jobId })) };
}

/** An intermediate job that waits for up to 20 others (its command only prints augc's version). */
export function gatherInput(
  s: FinalizerRequestSpec,
  round: number,
  level: number,
  after: readonly string[],
): SubmitJobCommandInput {
  const input = baseInput(s, `gather-r${round}-${level}`, ['augc', '--version']);
  return { ...input, dependsOn: after.map((jobId) => ({ jobId })) };
}

/** Groups of at most 20, in order. */
export function chunksOf<T>(items: readonly T[], size = MAX_DEPENDENCIES): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * What AWS Batch accepts for one job, as its documentation states it: the shortest attempt
 * timeout, the vCPU/memory pairs a Fargate queue offers (Fargate has no GPUs), and the ranges of
 * the fair-share fields. Pure data and functions: `augc check` judges `.aug` resources with them,
 * the aws-batch runtime judges a plan's groups (and escalated retries) with the same ones.
 */

/** `timeout.attemptDurationSeconds` is at least this. */
export const MIN_ATTEMPT_SECONDS = 60;

/** `schedulingPriorityOverride` range, and the longest `shareIdentifier`. */
export const SCHEDULING_PRIORITY_MAX = 9999;
export const SHARE_IDENTIFIER_MAX = 255;

export type AwsPlatform = 'ec2' | 'spot' | 'fargate';
export const AWS_PLATFORMS: readonly AwsPlatform[] = ['ec2', 'spot', 'fargate'];

const GIB = 1024;

/** Fargate's memory choices (MiB) for each vCPU value. */
const FARGATE_SIZES: readonly { vcpu: number; memory: readonly number[] }[] = [
  { vcpu: 0.25, memory: [512, 1024, 2048] },
  { vcpu: 0.5, memory: steps(1 * GIB, 4 * GIB, GIB) },
  { vcpu: 1, memory: steps(2 * GIB, 8 * GIB, GIB) },
  { vcpu: 2, memory: steps(4 * GIB, 16 * GIB, GIB) },
  { vcpu: 4, memory: steps(8 * GIB, 30 * GIB, GIB) },
  { vcpu: 8, memory: steps(16 * GIB, 60 * GIB, 4 * GIB) },
  { vcpu: 16, memory: steps(32 * GIB, 120 * GIB, 8 * GIB) },
];

function steps(from: number, to: number, by: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += by) out.push(v);
  return out;
}

export function mebibytesOf(bytes: number): number {
  return Math.ceil(bytes / (1024 * 1024));
}

/**
 * The smallest Fargate size that holds `cpus` and `memoryMiB` (a request is rounded up to it),
 * or undefined when Fargate offers none that large.
 */
export function fargateSizeFor(
  cpus: number,
  memoryMiB: number,
): { vcpu: number; memoryMiB: number } | undefined {
  for (const size of FARGATE_SIZES) {
    if (size.vcpu < cpus) continue;
    const memory = size.memory.find((m) => m >= memoryMiB);
    if (memory !== undefined) return { vcpu: size.vcpu, memoryMiB: memory };
  }
  return undefined;
}

/** True when Fargate offers exactly this pair. */
export function isFargateSize(vcpu: number, memoryMiB: number): boolean {
  return FARGATE_SIZES.some((s) => s.vcpu === vcpu && s.memory.includes(memoryMiB));
}

/** The largest Fargate size, for messages. */
export const FARGATE_MAX = { vcpu: 16, memoryMiB: 120 * GIB };

export interface AwsNeeds {
  cpus: number;
  memoryBytes: number;
  gpus: number;
  walltimeSeconds: number;
}

export type AwsProblem =
  | { kind: 'walltime'; seconds: number }
  | { kind: 'fargate-gpu'; gpus: number }
  | { kind: 'fargate-size'; cpus: number; memoryMiB: number };

/** What AWS Batch would refuse about one job with these needs on a queue of this platform. */
export function awsBatchProblems(needs: AwsNeeds, platform: AwsPlatform): AwsProblem[] {
  const out: AwsProblem[] = [];
  if (needs.walltimeSeconds < MIN_ATTEMPT_SECONDS)
    out.push({ kind: 'walltime', seconds: needs.walltimeSeconds });
  if (platform !== 'fargate') return out;
  if (needs.gpus > 0) out.push({ kind: 'fargate-gpu', gpus: needs.gpus });
  const memoryMiB = mebibytesOf(needs.memoryBytes);
  if (fargateSizeFor(needs.cpus, memoryMiB) === undefined)
    out.push({ kind: 'fargate-size', cpus: needs.cpus, memoryMiB });
  return out;
}

export const AWS_PROBLEM_CODES: Readonly<Record<AwsProblem['kind'], string>> = {
  walltime: 'AUG4014',
  'fargate-gpu': 'AUG4015',
  'fargate-size': 'AUG4016',
};

export function describeAwsProblem(p: AwsProblem): { message: string; help: string } {
  switch (p.kind) {
    case 'walltime':
      return {
        message: `AWS Batch needs a walltime of at least ${MIN_ATTEMPT_SECONDS}s per attempt, not ${p.seconds}s`,
        help: `set \`walltime\` to \`${MIN_ATTEMPT_SECONDS}s\` or more`,
      };
    case 'fargate-gpu':
      return {
        message: `a Fargate queue has no GPUs, and the method asks for ${p.gpus}`,
        help: 'use a queue backed by an EC2 or Spot compute environment (`platform = "ec2"` or `"spot"`)',
      };
    case 'fargate-size':
      return {
        message: `Fargate offers no size with ${p.cpus} vCPU and ${p.memoryMiB} MiB`,
        help: `Fargate goes up to ${FARGATE_MAX.vcpu} vCPU and ${FARGATE_MAX.memoryMiB / GIB} GiB; lower the request or use an EC2 or Spot queue`,
      };
  }
}

import type { TargetDecl } from '../ast/types.js';
import { CONTAINER_RUNTIMES } from './container-runtime.js';
import { TARGET_NAMES, type TargetName } from './target-names.js';

/**
 * The execution targets and the options each accepts. Option types: `bytes` needs a memory unit
 * (`64GiB`), `duration` a duration unit (`48h`); `enum` takes one of `values`.
 */
export type TargetOptionType =
  'string' | 'integer' | 'number' | 'bool' | 'bytes' | 'duration' | 'enum' | 'string_list';

export interface TargetOptionSpec {
  name: string;
  type: TargetOptionType;
  doc: string;
  values?: string[];
  /** Lower bound for integers and numbers. */
  min?: number;
}

export interface TargetSpec {
  name: TargetName;
  summary: string;
  options: TargetOptionSpec[];
  /**
   * Most tasks one array job may hold (plans split longer groups); undefined means unlimited.
   * The `max_array_size` option, where the target has it, overrides this.
   */
  arrayLimit?: number;
  /** Longest walltime the service allows at all, in seconds; undefined when it has no cap. */
  maxWalltimeSeconds?: number;
  /** Options a plan for this target must set (checked when the plan is made for it). */
  required?: string[];
}

const LIMITS: TargetOptionSpec[] = [
  { name: 'max_cpus', type: 'integer', min: 1, doc: 'most CPUs one task can get on this target' },
  { name: 'max_memory', type: 'bytes', doc: 'most memory one task can get on this target' },
  { name: 'max_gpus', type: 'integer', min: 0, doc: 'most GPUs one task can get on this target' },
  {
    name: 'max_walltime',
    type: 'duration',
    doc: 'longest walltime one task can get on this target',
  },
];

const opt = (
  name: string,
  type: TargetOptionType,
  doc: string,
  extra: Partial<TargetOptionSpec> = {},
): TargetOptionSpec => ({
  name,
  type,
  doc,
  ...extra,
});

const ARRAY_LIMIT = opt(
  'array_limit',
  'integer',
  'most array tasks running at once (the `%N` throttle)',
  { min: 1 },
);
const MAX_ARRAY = opt(
  'max_array_size',
  'integer',
  'most tasks in one array job; longer groups are split',
  { min: 1 },
);
const GRID_OPTIONS = opt(
  'options',
  'string_list',
  'extra scheduler flags, added verbatim to the job script header',
);
const WORKDIR = opt(
  'workdir',
  'string',
  'shared folder for job scripts, scheduler logs and exit statuses when the output is an object store (default: `.augc-work/` where `augc run` runs)',
);

const CONTAINER = (fallback: string): TargetOptionSpec =>
  opt(
    'container',
    'enum',
    `what runs a command method's \`image\`: apptainer, singularity, docker, podman or none (default ${fallback})`,
    { values: [...CONTAINER_RUNTIMES, 'none'] },
  );

/** What every shell scheduler's target takes besides its own flags. */
const GRID_COMMON = [
  ARRAY_LIMIT,
  MAX_ARRAY,
  GRID_OPTIONS,
  WORKDIR,
  CONTAINER('apptainer'),
  ...LIMITS,
];

/**
 * Prices and quotas that `augc plan --estimate` reads; every target takes them. Prices are in
 * whatever currency the user writes them in: augc fetches no price list.
 */
const ESTIMATE_OPTIONS: TargetOptionSpec[] = [
  opt('price_vcpu_hour', 'number', 'price of one requested CPU for an hour (for `--estimate`)', {
    min: 0,
  }),
  opt('price_gpu_hour', 'number', 'price of one requested GPU for an hour (for `--estimate`)', {
    min: 0,
  }),
  opt('price_gib_hour', 'number', 'price of one GiB of requested memory for an hour', { min: 0 }),
  opt(
    'quota_tasks',
    'integer',
    'most tasks this account may have queued or running at once; `--estimate` warns above it',
    { min: 1 },
  ),
  opt('quota_core_hours', 'number', 'core-hours left to spend here; `--estimate` warns above it', {
    min: 0,
  }),
];

/** One entry per name in target-names.ts: a name without options here does not typecheck. */
const SPECS: Readonly<Record<TargetName, Omit<TargetSpec, 'name'>>> = {
  local: {
    summary: 'a process pool on this machine',
    options: [
      opt('jobs', 'integer', 'tasks run at once (default: the number of CPUs)', { min: 1 }),
      opt('gpus', 'integer', 'GPUs available on this machine (default 0)', { min: 0 }),
      CONTAINER('none'),
      ...LIMITS,
    ],
  },
  slurm: {
    summary: 'Slurm job arrays (sbatch)',
    options: [
      opt('partition', 'string', 'the partition (`--partition`)'),
      opt('account', 'string', 'the account charged (`--account`)'),
      opt('qos', 'string', 'the quality of service (`--qos`)'),
      opt('gpu_type', 'string', 'GPU type in `--gres=gpu:<type>:<n>`'),
      ...GRID_COMMON,
    ],
    arrayLimit: 1000,
  },
  pbs: {
    summary: 'PBS Pro or Torque job arrays (qsub)',
    options: [
      opt('queue', 'string', 'the queue (`-q`)'),
      opt('account', 'string', 'the account charged (`-A`)'),
      opt('dialect', 'enum', 'PBS Pro (`-J`) or Torque (`-t`) array syntax', {
        values: ['pro', 'torque'],
      }),
      ...GRID_COMMON,
    ],
    arrayLimit: 10_000,
  },
  lsf: {
    summary: 'IBM Spectrum LSF job arrays (bsub)',
    options: [
      opt('queue', 'string', 'the queue (`-q`)'),
      opt('project', 'string', 'the project charged (`-P`)'),
      opt('gpu_type', 'string', 'GPU model in `-gpu "num=<n>:gmodel=<type>"`'),
      ...GRID_COMMON,
    ],
    // MAX_JOB_ARRAY_SIZE in lsb.params, 1000 unless the site raised it.
    arrayLimit: 1000,
  },
  'aws-batch': {
    summary: 'AWS Batch array jobs',
    options: [
      opt('queue', 'string', 'the job queue (name or ARN)'),
      opt(
        'region',
        'string',
        "the AWS region, e.g. `us-east-1` (default: the SDK's, e.g. `AWS_REGION`)",
      ),
      opt(
        'job_definition',
        'string',
        'a job definition to use (name, `name:revision` or ARN) instead of one augc registers',
      ),
      opt(
        'image',
        'string',
        'the worker image augc registers its job definition for (augc on PATH)',
      ),
      opt('platform', 'enum', 'what backs the queue: ec2, spot or fargate (no GPUs); default ec2', {
        values: ['ec2', 'spot', 'fargate'],
      }),
      opt(
        'job_role_arn',
        'string',
        'the IAM role the jobs run as (reads and writes the run in S3)',
      ),
      opt('execution_role_arn', 'string', 'the ECS execution role (needed on Fargate)'),
      opt(
        'log_group',
        'string',
        'the CloudWatch Logs group of the jobs (default `/aws/batch/job`)',
      ),
      opt('share_identifier', 'string', 'the fair-share identifier (fair-share queues only)'),
      opt('scheduling_priority', 'integer', 'the fair-share scheduling priority, 0..9999', {
        min: 0,
      }),
      MAX_ARRAY,
      ...LIMITS,
    ],
    arrayLimit: 10_000,
  },
  'gcp-batch': {
    summary: 'Google Cloud Batch jobs (one task group per array)',
    options: [
      opt('project', 'string', 'the Google Cloud project id (required)'),
      opt('region', 'string', 'the region jobs run in, e.g. `europe-west4` (required)'),
      opt(
        'image',
        'string',
        'the container image tasks run, with `augc` on its PATH, e.g. `europe-docker.pkg.dev/p/augc/augc:0.1.0` (required unless every group runs a method with an `image`)',
      ),
      opt(
        'machine_type',
        'string',
        'the Compute Engine machine type, e.g. `n2-standard-4` (default: Batch picks one for the CPUs and memory; for A100, H100 and L4 GPUs the type that carries them)',
      ),
      opt(
        'accelerator',
        'string',
        'the GPU type for methods that ask for GPUs without `gpu_type`: an augc name (`t4`, `a100`, ...) or a Google accelerator type (`nvidia-tesla-t4`)',
      ),
      opt('provisioning', 'enum', 'VMs at the standard price, or Spot VMs (default standard)', {
        values: ['standard', 'spot'],
      }),
      opt('service_account', 'string', 'the service account email the VMs run as'),
      opt('network', 'string', 'the VPC network, e.g. `projects/p/global/networks/default`'),
      opt('subnetwork', 'string', 'the subnetwork, e.g. `projects/p/regions/r/subnetworks/s`'),
      opt(
        'no_external_ip',
        'bool',
        'VMs get no external IP address (needs Cloud NAT or Private Google Access)',
      ),
      opt(
        'gcs_mount',
        'string',
        "mount the run's `gs://` output into each task at this path (a GCS volume, gcsfuse): the worker reads and writes files there, e.g. `/mnt/disks/augc`",
      ),
      opt(
        'endpoint',
        'string',
        'the Batch API endpoint, `host[:port]` (default `batch.googleapis.com`); `http://host:port` is a local emulator, reached without TLS or credentials',
      ),
      opt('array_limit', 'integer', 'most tasks of one job running at once (`parallelism`)', {
        min: 1,
      }),
      opt(
        'max_array_size',
        'integer',
        'most tasks in one job (at most 100,000); longer groups are split',
        { min: 1 },
      ),
      ...LIMITS,
    ],
    arrayLimit: 100_000,
    // A job may run for at most 14 days (Batch quotas and limits).
    maxWalltimeSeconds: 14 * 86_400,
    required: ['project', 'region'],
  },
  'azure-batch': {
    summary:
      'Azure Batch jobs (one job per round: its tasks and a merge task that depends on them)',
    options: [
      opt(
        'account_url',
        'string',
        'the Batch account URL, e.g. `https://myaccount.westeurope.batch.azure.com`',
      ),
      opt('pool', 'string', 'an existing pool to run on (default: an auto pool per job)'),
      opt(
        'vm_size',
        'string',
        "the auto pool's VM size (default: chosen from the tasks' CPUs, memory and GPUs)",
      ),
      opt('nodes', 'integer', "the auto pool's node count (default 2)", { min: 1 }),
      opt('low_priority', 'bool', "the auto pool's nodes are Spot (low-priority) nodes"),
      opt('image', 'string', 'the container image with augc that runs every task'),
      opt(
        'os_image',
        'string',
        "the auto pool's marketplace image, `publisher:offer:sku` (default `microsoft-dsvm:ubuntu-hpc:2204`)",
      ),
      opt(
        'node_agent_sku',
        'string',
        "the auto pool's node agent SKU (default `batch.node.ubuntu 22.04`)",
      ),
      opt(
        'identity',
        'string',
        "resource id of the pool's user-assigned managed identity, used to upload task logs to `az://` storage",
      ),
      opt('priority', 'integer', 'the job priority, -1000 to 1000 (default 0)', { min: -1000 }),
      MAX_ARRAY,
      ...LIMITS,
    ],
    arrayLimit: 100_000,
  },
};

export const TARGETS: readonly TargetSpec[] = TARGET_NAMES.map((name) => ({
  name,
  ...SPECS[name],
  options: [...SPECS[name].options, ...ESTIMATE_OPTIONS],
}));

const byName = new Map<string, TargetSpec>(TARGETS.map((t) => [t.name, t]));

export function findTarget(name: string): TargetSpec | undefined {
  return byName.get(name);
}

export function targetNames(): TargetName[] {
  return TARGETS.map((t) => t.name);
}

/** A target with options as written (a TargetDecl) or as plain values (the IR). */
export interface TargetLike {
  name: string | { value: string };
  options:
    | readonly { name: { value: string }; value: { value: { type: string; value?: unknown } } }[]
    | Readonly<Record<string, unknown>>;
}

/**
 * Most tasks one array job may hold on this target: the `max_array_size` option if set, else the
 * target's intrinsic limit. undefined means unlimited (local, unknown targets).
 */
export function arrayLimitOf(target: TargetLike): number | undefined {
  const name = typeof target.name === 'string' ? target.name : target.name.value;
  const option = optionValue(target, 'max_array_size');
  if (typeof option === 'number' && Number.isInteger(option) && option >= 1) return option;
  return findTarget(name)?.arrayLimit;
}

function optionValue(target: TargetLike, key: string): unknown {
  const options = target.options;
  if (Array.isArray(options)) {
    const found = (options as Extract<TargetLike['options'], readonly unknown[]>).find(
      (o) => o.name.value === key,
    );
    return found?.value.value.value;
  }
  return (options as Readonly<Record<string, unknown>>)[key];
}

/**
 * The array limit for running `ast` on the target named `target`: the declared `target` block's
 * `max_array_size` if any, else the target's intrinsic limit (undefined: unlimited or unknown).
 */
export function arrayLimitFor(
  ast: { targets: readonly TargetDecl[] },
  target: string,
): number | undefined {
  const decl = ast.targets.find((t) => t.name.value === target);
  return arrayLimitOf(decl ?? { name: target, options: {} });
}

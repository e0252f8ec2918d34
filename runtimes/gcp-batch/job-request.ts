/**
 * The CreateJob request for one array: one task group of `taskCount` tasks, each a container
 * runnable running `augc worker` in the image (the index comes from `BATCH_TASK_INDEX`, the
 * service's own retries from `BATCH_TASK_RETRY_ATTEMPT`), with the group's CPUs, memory,
 * walltime and GPUs, the retries Batch does itself, labels, and where logs go. Pure: it is what
 * `augc plan --target gcp-batch` prints and what the client sends.
 */
import { createHash } from 'node:crypto';
import { gcpGpuOf } from '../../compiler/targets/gcp-accelerators.js';
import type { Plan, PlanResources } from '../../compiler/plan/types.js';
import type { ArraySubmission } from '../batch/backend.js';
import { parseIndices } from '../batch/index-spec.js';
import { mebibytes } from '../grid/resource-format.js';
import { labelsOf } from './names.js';
import { serviceRetryOf, type ServiceRetry } from './service-retry.js';
import type { GcpTarget } from './target.js';

/** A GCS volume: the run's bucket prefix, seen by tasks as a folder. */
export interface GcsMount {
  remotePath: string;
  mountPath: string;
}

export interface JobRequestSpec {
  target: GcpTarget;
  plan: Plan;
  /** `--plan` as the worker sees it: the `gs://` URI, or its path under the mount. */
  planUri: string;
  /** The run's label (names.ts `runLabelOf`). */
  runLabel: string;
  image: string;
  env: Readonly<Record<string, string>>;
  job: ArraySubmission;
  jobId: string;
  mount?: GcsMount;
}

/** The request as @google-cloud/batch takes it (enums by name, Durations as seconds). */
export interface CreateJobRequest {
  parent: string;
  jobId: string;
  requestId: string;
  job: Record<string, unknown>;
}

/** A UUID derived from the job id: a retried create of the same job is recognised by Batch. */
function requestIdOf(jobId: string): string {
  const h = createHash('sha256').update(jobId).digest('hex');
  const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Task count, and `--indices` when the array's tasks are not simply 0..n-1. */
function tasksOf(indices: string): { count: number; list?: string } {
  const all = parseIndices(indices);
  const simple = all.every((v, i) => v === i);
  return simple ? { count: all.length } : { count: all.length, list: indices };
}

/**
 * `augc worker ...`. When Batch retries some of the task's own exit codes, the worker is told so
 * (`--service-attempts`, `--service-retry-codes`): it exits with such a code while Batch has tries
 * left, and records any other failure for augc's finalizer.
 */
function workerArgs(s: JobRequestSpec, list: string | undefined, retry: ServiceRetry): string[] {
  const { job } = s;
  const service =
    retry.taskCodes.length > 0
      ? [
          '--service-attempts',
          String(retry.maxRetryCount + 1),
          '--service-retry-codes',
          retry.taskCodes.join(','),
        ]
      : [];
  return [
    'worker',
    '--plan',
    s.planUri,
    '--group',
    job.group,
    ...(job.offset > 0 ? ['--index-offset', String(job.offset)] : []),
    ...(list !== undefined ? ['--indices', list] : []),
    '--attempt',
    String(job.attempt),
    ...service,
  ];
}

function instancePolicy(target: GcpTarget, r: PlanResources) {
  const gpuType = r.gpuType ?? target.accelerator;
  const gpu = r.gpus > 0 && gpuType !== undefined ? gcpGpuOf(gpuType, r.gpus) : undefined;
  if (gpu && !gpu.ok) throw new Error(gpu.message);
  const machineType = target.machineType ?? gpu?.machineType;
  return {
    policy: {
      ...(machineType !== undefined ? { machineType } : {}),
      provisioningModel: target.provisioning,
      ...(gpu ? { accelerators: [{ type: gpu.accelerator, count: gpu.count }] } : {}),
    },
    ...(gpu ? { installGpuDrivers: true } : {}),
  };
}

function allocationPolicy(s: JobRequestSpec, labels: Record<string, string>) {
  const { target } = s;
  const network =
    target.network !== undefined || target.subnetwork !== undefined || target.noExternalIp
      ? {
          network: {
            networkInterfaces: [
              {
                ...(target.network !== undefined ? { network: target.network } : {}),
                ...(target.subnetwork !== undefined ? { subnetwork: target.subnetwork } : {}),
                ...(target.noExternalIp ? { noExternalIpAddress: true } : {}),
              },
            ],
          },
        }
      : {};
  return {
    instances: [instancePolicy(target, s.job.resources)],
    ...(target.serviceAccount !== undefined
      ? { serviceAccount: { email: target.serviceAccount } }
      : {}),
    ...network,
    labels,
  };
}

function taskSpec(s: JobRequestSpec, list: string | undefined) {
  const r = s.job.resources;
  const retry = serviceRetryOf(s.plan.retry, s.job.attempt);
  const container = {
    imageUri: s.image,
    entrypoint: 'augc',
    commands: workerArgs(s, list, retry),
    ...(s.mount ? { volumes: [`${s.mount.mountPath}:${s.mount.mountPath}:rw`] } : {}),
  };
  const env = Object.keys(s.env).length > 0 ? { environment: { variables: { ...s.env } } } : {};
  return {
    runnables: [{ container, ...env }],
    computeResource: { cpuMilli: r.cpus * 1000, memoryMib: mebibytes(r.memoryBytes) },
    maxRunDuration: { seconds: Math.max(1, Math.ceil(r.walltimeSeconds)) },
    maxRetryCount: retry.maxRetryCount,
    ...(retry.lifecyclePolicies.length > 0 ? { lifecyclePolicies: retry.lifecyclePolicies } : {}),
    ...(s.mount
      ? { volumes: [{ gcs: { remotePath: s.mount.remotePath }, mountPath: s.mount.mountPath }] }
      : {}),
  };
}

export function createJobRequest(s: JobRequestSpec): CreateJobRequest {
  const { count, list } = tasksOf(s.job.indices);
  const labels = labelsOf({
    pipeline: s.plan.pipeline,
    planHash: s.plan.planHash,
    run: s.runLabel,
    group: s.job.groupDir,
    round: s.job.round,
  });
  const parallelism =
    s.target.parallelism !== undefined
      ? { parallelism: Math.min(count, s.target.parallelism) }
      : {};
  return {
    parent: `projects/${s.target.project}/locations/${s.target.region}`,
    jobId: s.jobId,
    requestId: requestIdOf(s.jobId),
    job: {
      taskGroups: [{ taskCount: count, ...parallelism, taskSpec: taskSpec(s, list) }],
      allocationPolicy: allocationPolicy(s, labels),
      labels,
      logsPolicy: { destination: 'CLOUD_LOGGING' },
    },
  };
}

/**
 * What the Cloud Batch API refuses, checked by the fake on every CreateJob as the service
 * documents it (API reference and "Quotas and limits"), written from the documentation and not
 * from augc's code: job ids, one task group of at most 100,000 tasks, runnables, resources,
 * 0..10 retries, lifecycle policies, labels, one instance policy, GCS volumes, a definition
 * under 1 MB. A violation is INVALID_ARGUMENT with the field named.
 */

// The fake receives messages as @grpc/proto-loader decodes them: camelCase, int64 as strings,
// enums as names, oneofs named.
type Msg = Record<string, unknown>;

export class InvalidArgument extends Error {}

const JOB_ID = /^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;
const PARENT = /^projects\/[^/]+\/locations\/[^/]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const LABEL_KEY = /^[a-z][a-z0-9_-]{0,62}$/;
const LABEL_VALUE = /^[a-z0-9_-]{0,63}$/;
const MAX_TASKS = 100_000;
const MAX_DEFINITION_BYTES = 1024 * 1024;

function fail(message: string): never {
  throw new InvalidArgument(message);
}

const int = (v: unknown): number => Number(v ?? 0);
const list = (v: unknown): Msg[] => (Array.isArray(v) ? (v as Msg[]) : []);
const msg = (v: unknown): Msg | undefined =>
  typeof v === 'object' && v !== null ? (v as Msg) : undefined;

export function checkCreateJob(req: Msg): void {
  if (typeof req['parent'] !== 'string' || !PARENT.test(req['parent']))
    fail(`parent ${JSON.stringify(req['parent'])} is not projects/*/locations/*`);
  const jobId = req['jobId'];
  if (typeof jobId === 'string' && jobId !== '' && !JOB_ID.test(jobId))
    fail(
      `job_id ${JSON.stringify(jobId)}: at most 63 characters, lower-case letters, digits and '-', starting with a letter`,
    );
  const requestId = req['requestId'];
  if (
    typeof requestId === 'string' &&
    requestId !== '' &&
    (!UUID.test(requestId) || /^[0-]+$/.test(requestId))
  )
    fail(`request_id ${JSON.stringify(requestId)} is not a non-zero UUID`);
  const job = msg(req['job']) ?? fail('job is required');
  if (Buffer.byteLength(JSON.stringify(job)) > MAX_DEFINITION_BYTES)
    fail('the job definition is larger than 1 MB');
  const groups = list(job['taskGroups']);
  if (groups.length !== 1)
    fail(`task_groups: exactly one task group is supported, got ${groups.length}`);
  checkTaskGroup(groups[0]!);
  checkLabels(msg(job['labels']) ?? {}, 'labels');
  checkAllocation(msg(job['allocationPolicy']));
  const logs = msg(job['logsPolicy']);
  if (logs?.['destination'] === 'PATH' && !logs['logsPath'])
    fail('logs_policy: PATH needs logs_path');
}

function checkTaskGroup(group: Msg): void {
  const count = int(group['taskCount'] ?? 1);
  if (!Number.isInteger(count) || count < 1 || count > MAX_TASKS)
    fail(`task_count ${count}: a task group has 1 to ${MAX_TASKS} tasks`);
  if (group['parallelism'] !== undefined && int(group['parallelism']) < 0)
    fail('parallelism must not be negative');
  const spec = msg(group['taskSpec']) ?? fail('task_spec is required');
  const runnables = list(spec['runnables']);
  if (runnables.length === 0) fail('task_spec.runnables: at least one runnable');
  for (const r of runnables) checkRunnable(r);
  const compute = msg(spec['computeResource']);
  for (const key of ['cpuMilli', 'memoryMib'])
    if (compute?.[key] !== undefined && int(compute[key]) <= 0)
      fail(`compute_resource.${key} must be positive`);
  const retries = int(spec['maxRetryCount']);
  if (!Number.isInteger(retries) || retries < 0 || retries > 10)
    fail(`max_retry_count ${retries}: must be 0..10`);
  for (const p of list(spec['lifecyclePolicies'])) {
    if (p['action'] !== 'RETRY_TASK' && p['action'] !== 'FAIL_TASK')
      fail(`lifecycle_policies.action ${String(p['action'])}`);
    if (list(msg(p['actionCondition'])?.['exitCodes']).length === 0)
      fail('lifecycle_policies.action_condition.exit_codes is empty');
  }
  const duration = msg(spec['maxRunDuration']);
  if (duration && int(duration['seconds']) <= 0) fail('max_run_duration must be positive');
  for (const v of list(spec['volumes'])) checkVolume(v);
}

function checkRunnable(r: Msg): void {
  const kinds = ['container', 'script', 'barrier'].filter((k) => r[k] !== undefined);
  if (kinds.length !== 1) fail('a runnable is exactly one of container, script, barrier');
  const container = msg(r['container']);
  if (container && !container['imageUri']) fail('runnables.container.image_uri is required');
}

function checkVolume(v: Msg): void {
  const mountPath = v['mountPath'];
  if (typeof mountPath !== 'string' || !mountPath.startsWith('/'))
    fail(`volumes.mount_path ${JSON.stringify(mountPath)} must be an absolute path`);
  const gcs = msg(v['gcs']);
  const remote = gcs?.['remotePath'];
  if (gcs && (typeof remote !== 'string' || remote === '' || remote.includes('://')))
    fail(
      `volumes.gcs.remote_path ${JSON.stringify(remote)} must be bucket or bucket/folder, without gs://`,
    );
}

export function checkLabels(labels: Msg, where: string): void {
  for (const [key, value] of Object.entries(labels)) {
    if (!LABEL_KEY.test(key) || /^(goog|google)-/.test(key))
      fail(`${where}: bad label key ${JSON.stringify(key)}`);
    if (typeof value !== 'string' || !LABEL_VALUE.test(value))
      fail(`${where}: bad value ${JSON.stringify(value)} for label ${key}`);
  }
}

function checkAllocation(policy: Msg | undefined): void {
  if (!policy) return;
  const instances = list(policy['instances']);
  if (instances.length > 1) fail('allocation_policy.instances: only instances[0] is supported');
  const inst = instances[0];
  const p = msg(inst?.['policy']);
  const model = p?.['provisioningModel'];
  if (
    model !== undefined &&
    !['STANDARD', 'SPOT', 'RESERVATION_BOUND', 'FLEX_START'].includes(String(model))
  )
    fail(`provisioning_model ${String(model)}`);
  for (const a of list(p?.['accelerators']))
    if (!a['type'] || int(a['count']) <= 0) fail('accelerators need a type and a positive count');
  checkLabels(msg(policy['labels']) ?? {}, 'allocation_policy.labels');
}

/**
 * The only module that imports @google-cloud/batch (and the gRPC credentials of google-gax): the
 * backend loads it with `import()`, so no other command pays for it. Four calls, each returning
 * plain data, with errors made one `BatchApiError` whatever the transport said (gRPC codes and
 * HTTP statuses differ for the same failure).
 */
import { protos, v1 } from '@google-cloud/batch';
import { PassThroughClient } from 'google-auth-library';
import { grpc } from 'google-gax';
import { batchApiErrorOf } from './api-error.js';

export interface JobView {
  name: string;
  uid: string;
  /** QUEUED, SCHEDULED, RUNNING, SUCCEEDED, FAILED, DELETION_IN_PROGRESS, ... */
  state: string;
  /** Tasks by state name, from the task group's status. */
  counts: Record<string, number>;
  /** The worker's arguments, as the job was created (it names its group and indices). */
  commands: string[];
}

export interface TaskView {
  /** `BATCH_TASK_INDEX`: the task's number in its group. */
  index: number;
  state: string;
  /** The exit code of each run of the task, oldest first (one per service retry). */
  exitCodes: number[];
}

export interface BatchApi {
  /** Creates the job; its full resource name. */
  createJob(request: object): Promise<{ name: string; uid: string }>;
  getJob(name: string): Promise<JobView>;
  /** Every task of the job in `state`, page after page. */
  listTasks(job: string, state: string): Promise<TaskView[]>;
  /** Cancels by deleting the job (a long-running operation augc does not wait for). */
  deleteJob(name: string): Promise<void>;
  close(): Promise<void>;
}

/** `http://host:port`: an emulator (no TLS, no credentials); else `host[:port]` with TLS and ADC. */
function clientOptions(
  endpoint: string | undefined,
): ConstructorParameters<typeof v1.BatchServiceClient>[0] {
  if (endpoint === undefined) return {};
  const plain = /^http:\/\/([^/:]+)(?::(\d+))?\/?$/.exec(endpoint);
  if (plain?.[1] !== undefined) {
    return {
      apiEndpoint: plain[1],
      port: Number(plain[2] ?? 80),
      sslCreds: grpc.credentials.createInsecure(),
      authClient: new PassThroughClient(),
    };
  }
  const tls = /^(?:https:\/\/)?([^/:]+)(?::(\d+))?\/?$/.exec(endpoint);
  if (tls?.[1] === undefined) throw new Error(`\`endpoint\` \`${endpoint}\` is not host[:port]`);
  return { apiEndpoint: tls[1], ...(tls[2] !== undefined ? { port: Number(tls[2]) } : {}) };
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0));

const JOB_STATES = [
  'STATE_UNSPECIFIED',
  'QUEUED',
  'SCHEDULED',
  'RUNNING',
  'SUCCEEDED',
  'FAILED',
  'DELETION_IN_PROGRESS',
  'CANCELLATION_IN_PROGRESS',
  'CANCELLED',
];
const TASK_STATES = [
  'STATE_UNSPECIFIED',
  'PENDING',
  'ASSIGNED',
  'RUNNING',
  'FAILED',
  'SUCCEEDED',
  'UNEXECUTED',
];

/** Enum values arrive as names over gRPC and may arrive as numbers over REST. */
const enumName = (v: unknown, names: readonly string[]): string =>
  typeof v === 'number' ? (names[v] ?? String(v)) : String(v ?? 'STATE_UNSPECIFIED');

type Job = protos.google.cloud.batch.v1.IJob;
type Task = protos.google.cloud.batch.v1.ITask;

function jobView(job: Job): JobView {
  const group = Object.values(job.status?.taskGroups ?? {})[0];
  const counts: Record<string, number> = {};
  for (const [k, v] of Object.entries(group?.counts ?? {})) counts[k] = num(v);
  return {
    name: job.name ?? '',
    uid: job.uid ?? '',
    state: enumName(job.status?.state, JOB_STATES),
    counts,
    commands: job.taskGroups?.[0]?.taskSpec?.runnables?.[0]?.container?.commands ?? [],
  };
}

function taskView(task: Task): TaskView {
  const events = task.status?.statusEvents ?? [];
  return {
    index: Number(/\/tasks\/(\d+)$/.exec(task.name ?? '')?.[1] ?? -1),
    state: enumName(task.status?.state, TASK_STATES),
    exitCodes: events.flatMap((e) => (e.taskExecution ? [num(e.taskExecution.exitCode)] : [])),
  };
}

export function createBatchApi(endpoint: string | undefined): BatchApi {
  const client = new v1.BatchServiceClient(clientOptions(endpoint));
  const call = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw batchApiErrorOf(error, what);
    }
  };
  return {
    createJob: (request) =>
      call('create the job', async () => {
        const [job] = await client.createJob(request);
        return { name: job.name ?? '', uid: job.uid ?? '' };
      }),
    getJob: (name) =>
      call(`get job \`${name}\``, async () => jobView((await client.getJob({ name }))[0])),
    listTasks: (job, state) =>
      call(`list the ${state} tasks of \`${job}\``, async () => {
        const out: TaskView[] = [];
        const parent = `${job}/taskGroups/group0`;
        const request = { parent, filter: `State=${state}`, pageSize: 1000 };
        // The async iterator fetches page after page itself; gax warns unless told so.
        for await (const task of client.listTasksAsync(request, { autoPaginate: false }))
          out.push(taskView(task));
        return out;
      }),
    deleteJob: (name) =>
      call(`delete job \`${name}\``, async () => {
        await client.deleteJob({ name, reason: 'augc cancel' });
      }),
    close: () => client.close(),
  };
}

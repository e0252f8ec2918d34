/**
 * A local Cloud Batch v1 for tests: a gRPC server built from the protos that @google-cloud/batch
 * ships (`build/protos/google/cloud/batch/v1/batch.proto`), serving CreateJob, GetJob, ListTasks
 * (filtered by `State=X`, paged) and DeleteJob to the real client. It enforces the documented
 * request rules (fake-batch-rules.ts) and runs each job's tasks as local processes
 * (fake-vm.ts). Loopback only; insecure, as the client's emulator options expect.
 */
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { checkCreateJob, InvalidArgument } from './fake-batch-rules.js';
import { pushEvent, runJob, type FakeTask, type VmOptions } from './fake-vm.js';

type Msg = Record<string, unknown>;

export interface FakeJob {
  name: string;
  uid: string;
  requestId: string;
  job: Msg;
  state: string;
  tasks: FakeTask[];
  createTime: { seconds: string; nanos: number };
  deleting: boolean;
  done: Promise<void>;
}

export interface FakeBatch {
  /** `http://127.0.0.1:PORT`: the target's `endpoint` for this fake. */
  endpoint: string;
  jobs: Map<string, FakeJob>;
  /** Every RPC received, as `Method name-or-parent`. */
  calls: string[];
  /** New jobs stay QUEUED until `release()`. */
  hold: boolean;
  release(): void;
  /** Resolves when every job has ended (or been deleted). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);

function loadService(): grpc.ServiceDefinition {
  const batchRoot = join(dirname(require.resolve('@google-cloud/batch')), '..', '..');
  const gax = createRequire(require.resolve('@google-cloud/batch')).resolve('google-gax');
  const gaxRoot = join(dirname(gax), '..', '..');
  const def = protoLoader.loadSync('google/cloud/batch/v1/batch.proto', {
    includeDirs: [join(batchRoot, 'build/protos'), join(gaxRoot, 'build/protos')],
    keepCase: false,
    longs: String,
    enums: String,
    defaults: false,
    oneofs: true,
  });
  const pkg = grpc.loadPackageDefinition(def) as unknown as {
    google: { cloud: { batch: { v1: { BatchService: { service: grpc.ServiceDefinition } } } } };
  };
  return pkg.google.cloud.batch.v1.BatchService.service;
}

const TASK_STATES = ['PENDING', 'ASSIGNED', 'RUNNING', 'FAILED', 'SUCCEEDED', 'UNEXECUTED'];

function status(code: grpc.status, details: string): grpc.ServiceError {
  return Object.assign(new Error(details), { code, details, metadata: new grpc.Metadata() });
}

function counts(job: FakeJob): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of job.tasks) out[t.state] = String(Number(out[t.state] ?? 0) + 1);
  return out;
}

function view(job: FakeJob): Msg {
  return {
    ...job.job,
    name: job.name,
    uid: job.uid,
    createTime: job.createTime,
    status: { state: job.state, taskGroups: { group0: { counts: counts(job) } } },
  };
}

function taskView(job: FakeJob, t: FakeTask): Msg {
  return {
    name: `${job.name}/taskGroups/group0/tasks/${t.index}`,
    status: { state: t.state, statusEvents: t.events },
  };
}

type Unary = (call: { request: Msg }, callback: grpc.sendUnaryData<Msg>) => void;

/** The most tasks one ListTasks page returns, whatever `pageSize` asks (tests lower it to page). */
const MAX_PAGE = 1000;

export async function startFakeBatch(vm: VmOptions, maxPage = MAX_PAGE): Promise<FakeBatch> {
  const jobs = new Map<string, FakeJob>();
  const calls: string[] = [];
  const held: (() => void)[] = [];
  let uid = 0;
  const fake = {} as FakeBatch;

  function find(name: unknown): FakeJob {
    const job = jobs.get(String(name));
    if (!job) throw status(grpc.status.NOT_FOUND, `Job ${String(name)} not found`);
    return job;
  }

  async function start(job: FakeJob): Promise<void> {
    if (fake.hold) await new Promise<void>((resolve) => held.push(resolve));
    if (job.deleting) return;
    job.state = 'SCHEDULED';
    const group = (job.job['taskGroups'] as Msg[])[0]!;
    const spec = group['taskSpec'] as Msg;
    job.state = 'RUNNING';
    const stopped = (): boolean => job.deleting;
    await runJob(
      vm,
      { id: job.name, spec, count: job.tasks.length, tasks: job.tasks, stopped },
      Number(group['parallelism'] ?? 0),
    );
    if (job.deleting) return;
    job.state = job.tasks.every((t) => t.state === 'SUCCEEDED') ? 'SUCCEEDED' : 'FAILED';
  }

  function createJob(request: Msg): Msg {
    checkCreateJob(request);
    const requestId = String(request['requestId'] ?? '');
    const replay = [...jobs.values()].find((j) => requestId !== '' && j.requestId === requestId);
    if (replay) return view(replay);
    const name = `${String(request['parent'])}/jobs/${String(request['jobId'] || `job-${randomUUID()}`)}`;
    if (jobs.has(name)) throw status(grpc.status.ALREADY_EXISTS, `Job ${name} already exists`);
    const job = request['job'] as Msg;
    const count = Number((job['taskGroups'] as Msg[])[0]!['taskCount'] ?? 1);
    const ms = Date.now();
    const fakeJob: FakeJob = {
      name,
      uid: `${String(request['jobId'] || 'job').slice(0, 50)}-${(++uid).toString(16).padStart(4, '0')}`,
      requestId,
      job,
      state: 'QUEUED',
      tasks: Array.from({ length: count }, (_, index) => ({
        index,
        state: 'PENDING',
        events: [],
        retries: 0,
        log: '',
      })),
      createTime: { seconds: String(Math.floor(ms / 1000)), nanos: 0 },
      deleting: false,
      done: Promise.resolve(),
    };
    jobs.set(name, fakeJob);
    fakeJob.done = start(fakeJob);
    return view(fakeJob);
  }

  function listTasks(request: Msg): Msg {
    const parent = String(request['parent']);
    const job = find(parent.replace(/\/taskGroups\/group0$/, ''));
    if (!parent.endsWith('/taskGroups/group0'))
      throw status(grpc.status.NOT_FOUND, `TaskGroup ${parent} not found`);
    const filter = String(request['filter'] ?? '');
    const m = /^State=([A-Z_]+)$/.exec(filter);
    if (filter !== '' && (!m || !TASK_STATES.includes(m[1]!)))
      throw status(
        grpc.status.INVALID_ARGUMENT,
        `invalid filter ${JSON.stringify(filter)}: expected State=<task state>`,
      );
    const matching = job.tasks.filter((t) => !m || t.state === m[1]);
    const size = Math.max(1, Math.min(Number(request['pageSize'] ?? 100) || 100, maxPage));
    const from = request['pageToken']
      ? Number(Buffer.from(String(request['pageToken']), 'base64url').toString())
      : 0;
    const page = matching.slice(from, from + size);
    const next =
      from + size < matching.length ? Buffer.from(String(from + size)).toString('base64url') : '';
    return { tasks: page.map((t) => taskView(job, t)), nextPageToken: next };
  }

  function deleteJob(request: Msg): Msg {
    const job = find(request['name']);
    job.deleting = true;
    job.state = 'DELETION_IN_PROGRESS';
    for (const t of job.tasks) t.child?.kill('SIGKILL');
    for (const t of job.tasks) if (t.state === 'PENDING') pushEvent(t, 'UNEXECUTED');
    void job.done.then(() => jobs.delete(job.name));
    return {
      name: `${job.name.replace(/\/jobs\/.*$/, '')}/operations/delete-${job.uid}`,
      done: false,
    };
  }

  const handler =
    (method: string, run: (request: Msg) => Msg): Unary =>
    (call, callback) => {
      calls.push(`${method} ${String(call.request['name'] ?? call.request['parent'] ?? '')}`);
      try {
        callback(null, run(call.request));
      } catch (error) {
        if (error instanceof InvalidArgument)
          callback(status(grpc.status.INVALID_ARGUMENT, error.message));
        else callback(error as grpc.ServiceError);
      }
    };

  const server = new grpc.Server();
  server.addService(loadService(), {
    createJob: handler('CreateJob', createJob),
    getJob: handler('GetJob', (r) => view(find(r['name']))),
    listTasks: handler('ListTasks', listTasks),
    deleteJob: handler('DeleteJob', deleteJob),
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) =>
      e ? reject(e) : resolve(p),
    ),
  );
  Object.assign(fake, {
    endpoint: `http://127.0.0.1:${port}`,
    jobs,
    calls,
    hold: false,
    release() {
      fake.hold = false;
      for (const go of held.splice(0)) go();
    },
    async idle() {
      await Promise.all([...jobs.values()].map((j) => j.done));
    },
    async stop() {
      for (const j of jobs.values()) {
        j.deleting = true;
        for (const t of j.tasks) t.child?.kill('SIGKILL');
      }
      fake.release();
      await fake.idle();
      server.forceShutdown();
    },
  });
  return fake;
}

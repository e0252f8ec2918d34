/**
 * A fake Azure Batch service for tests: the REST API subset augc's client uses (add a job, add a
 * task collection, patch and terminate a job, list its tasks), over https on loopback with the
 * run's throwaway certificate, checking every request's bearer token audience and api-version,
 * and the service's limits (validate.ts). Its node agent (node-agent.ts) runs the tasks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testTls } from '../tls.js';
import { audienceOf } from '../token-server.js';
import { NodeAgent } from './node-agent.js';
import type { FakeJob, FakePool, FakeTask } from './state.js';
import {
  checkJob,
  checkTask,
  MAX_BODY_BYTES,
  MAX_TASKS_PER_COLLECTION,
  type ServiceError,
} from './validate.js';

export const FAKE_API_VERSION = '2022-10-01.16.0';
const BATCH_AUDIENCE = 'https://batch.core.windows.net/';

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
}

export interface FakeBatch {
  url: string;
  jobs: Map<string, FakeJob>;
  requests: RecordedRequest[];
  /** The next time a task that matches starts, its (low-priority) node is preempted once. */
  preemptOnce(match: (job: FakeJob, task: FakeTask) => boolean): void;
  stop(): Promise<void>;
}

export interface FakeBatchOptions {
  pools: FakePool[];
  nodeEnv: Record<string, string>;
  /** Tasks per list page (the service's default is 1000). */
  pageSize?: number;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null ? (v as Obj) : {});

function send(res: ServerResponse, status: number, body?: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; odata=minimalmetadata; charset=utf-8',
  });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

function fail(res: ServerResponse, e: ServiceError): void {
  send(res, e.status, {
    'odata.metadata':
      'https://fake/$metadata#Microsoft.Azure.Batch.Protocol.Entities.Container.errors/@Element',
    code: e.code,
    message: { lang: 'en-US', value: e.message },
  });
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function taskView(t: FakeTask, select: string[] | undefined): Obj {
  const full: Obj = {
    id: t.id,
    displayName: t.spec['displayName'],
    state: t.state,
    executionInfo: { ...t.executionInfo },
    commandLine: t.spec['commandLine'],
  };
  if (!select) return full;
  return Object.fromEntries(Object.entries(full).filter(([k]) => select.includes(k) || k === 'id'));
}

export async function startFakeBatch(o: FakeBatchOptions): Promise<FakeBatch> {
  const tls = testTls();
  const root = mkdtempSync(join(tmpdir(), 'augc-fake-batch-'));
  const jobs = new Map<string, FakeJob>();
  const requests: RecordedRequest[] = [];
  const preempts: ((job: FakeJob, task: FakeTask) => boolean)[] = [];
  let autoPools = 0;
  let url = '';

  const agent = new NodeAgent({ root, accountUrl: () => url, nodeEnv: o.nodeEnv });
  const findJob = (id: string): FakeJob | undefined => jobs.get(id.toLowerCase());

  function addJob(body: Obj, res: ServerResponse): void {
    const bad = checkJob(body);
    if (bad) return fail(res, bad);
    const id = String(body['id']);
    if (findJob(id))
      return fail(res, { status: 409, code: 'JobExists', message: `job ${id} exists` });
    const info = obj(body['poolInfo']);
    let pool: FakePool | undefined;
    if (info['poolId'] !== undefined) {
      pool = o.pools.find((p) => p.id === info['poolId']);
      if (!pool)
        return fail(res, {
          status: 409,
          code: 'PoolNotFound',
          message: `no pool ${String(info['poolId'])}`,
        });
    } else {
      const spec = obj(obj(info['autoPoolSpecification'])['pool']);
      const dedicated = Number(spec['targetDedicatedNodes'] ?? 0);
      const low = Number(spec['targetLowPriorityNodes'] ?? 0);
      // An auto pool cannot have a managed identity: the data-plane API has no field for one.
      pool = {
        id: `augc_auto_${++autoPools}`,
        nodes: Math.max(1, dedicated + low),
        lowPriority: low > 0,
      };
    }
    jobs.set(id.toLowerCase(), { id, spec: body, state: 'active', pool, tasks: new Map() });
    send(res, 201);
  }

  function addTasks(job: FakeJob, body: Obj, res: ServerResponse): void {
    const value = body['value'];
    if (!Array.isArray(value) || value.length === 0)
      return fail(res, {
        status: 400,
        code: 'InvalidRequestBody',
        message: 'value must be a non-empty list',
      });
    if (value.length > MAX_TASKS_PER_COLLECTION)
      return fail(res, {
        status: 400,
        code: 'InvalidRequestBody',
        message: `at most ${MAX_TASKS_PER_COLLECTION} tasks per call`,
      });
    if (job.state !== 'active')
      return fail(res, { status: 409, code: 'JobCompleted', message: 'the job has completed' });
    const uses = job.spec['usesTaskDependencies'] === true;
    const results = value.map((t: unknown) => {
      const spec = obj(t);
      const taskId = String(spec['id']);
      const bad = checkTask(t, uses);
      if (bad)
        return {
          status: 'clienterror',
          taskId,
          error: { code: bad.code, message: { lang: 'en-US', value: bad.message } },
        };
      if (job.tasks.has(taskId))
        return {
          status: 'clienterror',
          taskId,
          error: { code: 'TaskExists', message: { lang: 'en-US', value: 'task exists' } },
        };
      job.tasks.set(taskId, {
        id: taskId,
        spec,
        state: 'active',
        executionInfo: { retryCount: 0, requeueCount: 0 },
      });
      const task = job.tasks.get(taskId)!;
      const matcher = preempts.findIndex((m) => m(job, task));
      if (matcher !== -1) {
        preempts.splice(matcher, 1);
        task.preemptOnStart = true;
      }
      return {
        status: 'success',
        taskId,
        eTag: '0x1',
        lastModified: new Date().toISOString(),
        location: `${url}/jobs/${job.id}/tasks/${taskId}`,
      };
    });
    send(res, 200, { value: results });
    agent.pump(job, job.pool);
  }

  function listTasks(job: FakeJob, query: URLSearchParams, res: ServerResponse): void {
    const select = query
      .get('$select')
      ?.split(',')
      .map((s) => s.trim());
    const size = Number(query.get('maxresults') ?? o.pageSize ?? 1000);
    const skip = Number(query.get('$skiptoken') ?? 0);
    const all = [...job.tasks.values()];
    const page = all.slice(skip, skip + size).map((t) => taskView(t, select));
    const next = skip + size < all.length ? new URL(`${url}/jobs/${job.id}/tasks`) : undefined;
    if (next) {
      next.searchParams.set('api-version', FAKE_API_VERSION);
      if (select) next.searchParams.set('$select', select.join(','));
      next.searchParams.set('$skiptoken', String(skip + size));
    }
    send(res, 200, { value: page, ...(next ? { 'odata.nextLink': next.toString() } : {}) });
  }

  function terminate(job: FakeJob, res: ServerResponse): void {
    if (job.state !== 'active')
      return fail(res, { status: 409, code: 'JobCompleted', message: 'the job has completed' });
    job.state = 'completed';
    for (const t of job.tasks.values()) {
      if (t.state === 'running') t.kill?.('terminated');
      else if (t.state === 'active') {
        t.state = 'completed';
        t.executionInfo.result = 'failure';
        t.executionInfo.failureInfo = {
          category: 'UserError',
          code: 'TaskEnded',
          message: 'the job was terminated',
        };
      }
    }
    send(res, 202);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const u = new URL(req.url ?? '/', 'https://127.0.0.1');
    const raw = await readBody(req);
    const body: unknown = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : undefined;
    requests.push({ method: req.method ?? '', path: u.pathname, body });
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ') || audienceOf(auth.slice(7)) !== BATCH_AUDIENCE)
      return fail(res, {
        status: 401,
        code: 'AuthenticationFailed',
        message: 'a bearer token for the Batch resource is required',
      });
    if (u.searchParams.get('api-version') !== FAKE_API_VERSION)
      return fail(res, {
        status: 400,
        code: 'InvalidQueryParameterValue',
        message: 'unsupported api-version',
      });
    if (raw.length > MAX_BODY_BYTES)
      return fail(res, {
        status: 413,
        code: 'RequestBodyTooLarge',
        message: 'the request body is larger than 1 MB',
      });
    if (req.method === 'POST' && u.pathname === '/jobs') return addJob(obj(body), res);
    const m = /^\/jobs\/([^/]+)(\/addtaskcollection|\/tasks|\/terminate)?$/.exec(u.pathname);
    const job = m ? findJob(decodeURIComponent(m[1]!)) : undefined;
    if (!m) return fail(res, { status: 404, code: 'ResourceNotFound', message: u.pathname });
    if (!job) return fail(res, { status: 404, code: 'JobNotFound', message: `no job ${m[1]}` });
    const op = `${req.method} ${m[2] ?? ''}`;
    if (op === 'POST /addtaskcollection') return addTasks(job, obj(body), res);
    if (op === 'GET /tasks') return listTasks(job, u.searchParams, res);
    if (op === 'POST /terminate') return terminate(job, res);
    if (op === 'PATCH ') {
      const v = obj(body)['onAllTasksComplete'];
      if (v !== undefined) job.spec['onAllTasksComplete'] = v;
      send(res, 200);
      agent.pump(job, job.pool);
      return;
    }
    return fail(res, { status: 400, code: 'UnsupportedRequest', message: op });
  }

  const server = createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    route(req, res).catch((e: unknown) =>
      fail(res, { status: 500, code: 'InternalError', message: String(e) }),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url,
    jobs,
    requests,
    preemptOnce: (match) => preempts.push(match),
    async stop() {
      for (const job of jobs.values()) for (const t of job.tasks.values()) t.kill?.('terminated');
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

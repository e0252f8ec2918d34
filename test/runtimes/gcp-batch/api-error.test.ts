/**
 * The same failure reaches augc with a gRPC status over gRPC and an HTTP status over REST (a
 * GaxiosError): both become one kind. The gRPC cases are real errors from the client against the
 * Batch fake; the REST case is the client in its REST (`fallback`) mode against a server that
 * answers 404, plus the other statuses in the same shape.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { v1 } from '@google-cloud/batch';
import { PassThroughClient } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchApiErrorOf } from '../../../runtimes/gcp-batch/api-error.js';
import { createBatchApi, type BatchApi } from '../../../runtimes/gcp-batch/batch-client.js';
import { failedTaskStateOf, jobStateOf } from '../../../runtimes/gcp-batch/task-states.js';
import { startFakeBatch, type FakeBatch } from './fake-batch.js';

let fake: FakeBatch;
let api: BatchApi;

beforeAll(async () => {
  fake = await startFakeBatch({ entrypoint: () => ['sh', '-c'], env: {}, slots: 2 }, 2);
  api = createBatchApi(fake.endpoint);
});

afterAll(async () => {
  await api.close();
  await fake.stop();
});

describe('Batch API errors', () => {
  it('over gRPC: NOT_FOUND and INVALID_ARGUMENT from the service, with its message', async () => {
    const missing = await api.getJob('projects/p/locations/r/jobs/nope').catch((e: unknown) => e);
    expect(missing).toMatchObject({ kind: 'not-found', status: 'NOT_FOUND' });
    expect((missing as Error).message).toBe(
      'cannot get job `projects/p/locations/r/jobs/nope` (NOT_FOUND): Job projects/p/locations/r/jobs/nope not found',
    );
    const bad = await api
      .createJob({
        parent: 'projects/p/locations/r',
        jobId: 'x',
        job: {
          taskGroups: [
            { taskCount: 100_001, taskSpec: { runnables: [{ container: { imageUri: 'i' } }] } },
          ],
        },
      })
      .catch((e: unknown) => e);
    expect(bad).toMatchObject({ kind: 'invalid', status: 'INVALID_ARGUMENT' });
    expect((bad as Error).message).toContain('task_count 100001');
  });

  it('over REST: the client against a server answering 404 rejects with HTTP 404, the same kind', async () => {
    const server = createServer((req, res) => {
      const body = JSON.stringify({
        error: { code: 404, message: `Job ${req.url ?? ''} not found`, status: 'NOT_FOUND' },
      });
      res.writeHead(404, { 'content-type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const rest = new v1.BatchServiceClient({
      fallback: true,
      protocol: 'http',
      apiEndpoint: '127.0.0.1',
      port,
      authClient: new PassThroughClient(),
    });
    try {
      const raw: unknown = await rest
        .getJob({ name: 'projects/p/locations/r/jobs/nope' })
        .catch((e: unknown) => e);
      expect(raw).toMatchObject({ code: 404 });
      expect(batchApiErrorOf(raw, 'get job `nope`')).toMatchObject({
        kind: 'not-found',
        status: 'HTTP 404',
      });
    } finally {
      await rest.close();
      server.close();
    }
  });

  it('over REST: the HTTP status of a GaxiosError means the same', () => {
    const rest = (status: number) =>
      Object.assign(new Error(`Request failed with status code ${status}`), {
        code: status,
        response: { status },
      });
    expect(batchApiErrorOf(rest(404), 'get job `j`')).toMatchObject({
      kind: 'not-found',
      status: 'HTTP 404',
    });
    expect(batchApiErrorOf(rest(400), 'x').kind).toBe('invalid');
    expect(batchApiErrorOf(rest(403), 'x').kind).toBe('denied');
    expect(batchApiErrorOf(rest(503), 'x').kind).toBe('unavailable');
    expect(batchApiErrorOf({ code: 14, details: 'connect ECONNREFUSED' }, 'x')).toMatchObject({
      kind: 'unavailable',
      status: 'UNAVAILABLE',
    });
    expect(batchApiErrorOf({ code: 7 }, 'x').kind).toBe('denied');
  });
});

describe('task listing', () => {
  it("lists the failed tasks of a job page after page, with each run's exit code", async () => {
    const job = {
      taskGroups: [
        {
          taskCount: 6,
          taskSpec: {
            runnables: [
              { container: { imageUri: 'i', commands: ['exit $((BATCH_TASK_INDEX % 2 * 3))'] } },
            ],
            maxRetryCount: 1,
            lifecyclePolicies: [{ action: 'RETRY_TASK', actionCondition: { exitCodes: [3] } }],
          },
        },
      ],
    };
    const created = await api.createJob({ parent: 'projects/p/locations/r', jobId: 'paged', job });
    await fake.idle();
    expect(await api.getJob(created.name)).toMatchObject({
      state: 'FAILED',
      counts: { SUCCEEDED: 3, FAILED: 3 },
    });
    const before = fake.calls.length;
    const failed = await api.listTasks(created.name, 'FAILED');
    expect(failed).toEqual(
      [1, 3, 5].map((index) => ({ index, state: 'FAILED', exitCodes: [3, 3] })),
    );
    // Three failed tasks, pages of at most two: the client asked twice.
    expect(fake.calls.slice(before)).toEqual([
      `ListTasks ${created.name}/taskGroups/group0`,
      `ListTasks ${created.name}/taskGroups/group0`,
    ]);
  });
});

describe('states', () => {
  it('jobs and failed tasks as the orchestrator reads them', () => {
    expect(
      ['QUEUED', 'SCHEDULED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'DELETION_IN_PROGRESS'].map(
        jobStateOf,
      ),
    ).toEqual(['pending', 'pending', 'running', 'completed', 'failed', 'cancelled']);
    expect([50001, 50005, 50002, 50004, 137, 1].map((c) => failedTaskStateOf(c).state)).toEqual([
      'preempted',
      'timeout',
      'node_fail',
      'node_fail',
      'failed',
      'failed',
    ]);
  });
});

/**
 * The fake Batch service holds to the service's rules through the real client (sdk-client.ts):
 * bearer tokens from DefaultAzureCredential for the Batch audience only, at most 100 tasks per
 * collection, task dependencies only on jobs that declare them, and a task whose dependency failed
 * stays blocked unless the failed task's exit conditions say `satisfy` (augc's tasks do).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AzureBatchClient, TaskInfo } from '../../runtimes/azure-batch/client.js';
import { createSdkClient } from '../../runtimes/azure-batch/sdk-client.js';
import type { JobAdd, TaskAdd } from '../../runtimes/azure-batch/requests.js';
import { CLEARED_AZURE_VARIABLES } from './blob-store.js';
import { startFakeBatch, type FakeBatch } from './fake-batch/server.js';
import { startTokenServer, type TokenServer } from './token-server.js';

let tokens: TokenServer;
let fake: FakeBatch;
let client: AzureBatchClient;

beforeAll(async () => {
  tokens = await startTokenServer();
  for (const [k, v] of Object.entries({ ...CLEARED_AZURE_VARIABLES, ...tokens.env }))
    vi.stubEnv(k, v);
  fake = await startFakeBatch({
    pools: [{ id: 'p', nodes: 2 }],
    nodeEnv: { PATH: '/usr/bin:/bin' },
  });
  client = createSdkClient(fake.url);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.stop();
  await tokens.stop();
});

const job = (id: string, uses = true): JobAdd => ({
  id,
  displayName: id,
  poolInfo: { poolId: 'p' },
  usesTaskDependencies: uses as true,
  onAllTasksComplete: 'noaction',
  constraints: { maxTaskRetryCount: 0 },
  commonEnvironmentSettings: [],
  metadata: [],
});
const sh = (id: string, script: string, extra: Partial<TaskAdd> = {}): TaskAdd => ({
  id,
  displayName: id,
  commandLine: `/bin/sh -c '${script}'`,
  constraints: { maxTaskRetryCount: 0 },
  ...extra,
});

async function settled(jobId: string, ids: string[]): Promise<TaskInfo[]> {
  let tasks: TaskInfo[] = [];
  await vi.waitFor(
    async () => {
      tasks = await client.listTasks(jobId);
      for (const id of ids) expect(tasks.find((t) => t.id === id)?.state).toBe('completed');
    },
    { timeout: 20_000, interval: 100 },
  );
  return tasks;
}

describe('fake Azure Batch through the real client', () => {
  it('refuses more than 100 tasks in one call and dependencies on a job without them', async () => {
    await client.createJob(job('limits', false));
    const many = Array.from({ length: 101 }, (_, i) => sh(String(i), 'true'));
    await expect(client.addTasks('limits', many)).rejects.toThrow(/100/);
    const dep = sh('d', 'true', { dependsOn: { taskIdRanges: [{ start: 0, end: 1 }] } });
    const out = await client.addTasks('limits', [dep]);
    expect(out[0]).toMatchObject({
      taskId: 'd',
      error: { code: 'TaskDependenciesNotSpecifiedOnJob' },
    });
    await expect(client.createJob(job('LIMITS'))).rejects.toMatchObject({
      code: 'JobExists',
      status: 409,
    });
    expect(new Set(tokens.issued)).toEqual(new Set(['https://batch.core.windows.net/']));
  });

  it('blocks a dependent of a failed task by default, and runs it when the failure satisfies', async () => {
    await client.createJob(job('deps'));
    const satisfy = { jobAction: 'none', dependencyAction: 'satisfy' } as const;
    await client.addTasks('deps', [
      sh('0', 'exit 3'),
      sh('1', 'exit 3', {
        exitConditions: { default: satisfy, preProcessingError: satisfy, fileUploadError: satisfy },
      }),
      sh('blocked', 'true', { dependsOn: { taskIdRanges: [{ start: 0, end: 0 }] } }),
      sh('runs', 'true', { dependsOn: { taskIdRanges: [{ start: 1, end: 1 }] } }),
    ]);
    const tasks = await settled('deps', ['0', '1', 'runs']);
    expect(tasks.find((t) => t.id === '1')?.executionInfo).toMatchObject({
      exitCode: 3,
      result: 'failure',
    });
    expect(tasks.find((t) => t.id === 'runs')?.executionInfo?.result).toBe('success');
    expect(tasks.find((t) => t.id === 'blocked')?.state).toBe('active');
    await client.terminateJob('deps');
    expect((await client.listTasks('deps')).every((t) => t.state === 'completed')).toBe(true);
  });

  it('retries up to maxTaskRetryCount and requeues a preempted task without counting it', async () => {
    await client.createJob(job('retries'));
    fake.preemptOnce((j, t) => j.id === 'retries' && t.id === 'pre');
    await client.addTasks('retries', [
      sh('r', 'exit 4', { constraints: { maxTaskRetryCount: 2 } }),
      sh('pre', 'true'),
    ]);
    const tasks = await settled('retries', ['r', 'pre']);
    expect(tasks.find((t) => t.id === 'r')?.executionInfo).toMatchObject({
      retryCount: 2,
      exitCode: 4,
    });
    expect(tasks.find((t) => t.id === 'pre')?.executionInfo).toMatchObject({
      requeueCount: 1,
      retryCount: 0,
      result: 'success',
    });
  });

  it('reports a missing job as JobNotFound', async () => {
    await expect(client.listTasks('nope')).rejects.toMatchObject({
      code: 'JobNotFound',
      status: 404,
    });
  });
});

/**
 * The real SDK client against the local Batch server: the documented limits come back as the
 * service's errors (the SDK checks none of them), and augc's client keeps to them (DescribeJobs
 * in batches of 100, one job definition per content, at most 50 calls a second).
 */
import {
  BatchClient,
  DescribeJobsCommand,
  ListJobsCommand,
  SubmitJobCommand,
  type SubmitJobCommandInput,
} from '@aws-sdk/client-batch';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import {
  batchClientConfig,
  openAwsBatchApi,
  RateLimit,
} from '../../../runtimes/aws-batch/client.js';
import { jobDefinitionInput } from '../../../runtimes/aws-batch/job-definition.js';
import { awsTargetOf } from '../../../runtimes/aws-batch/target-options.js';
import { FakeBatch } from './fake/fake-batch.js';
import { checkRequest } from './fake/shapes.js';

let fake: FakeBatch;
let sdk: BatchClient;
const definition = jobDefinitionInput('augc-worker:test', awsTargetOf({ queue: 'augc-test' }));

function job(extra: Partial<SubmitJobCommandInput> = {}): SubmitJobCommandInput {
  return {
    jobName: 'contract',
    jobQueue: 'augc-test',
    jobDefinition: definition.jobDefinitionName,
    containerOverrides: { command: ['augc', '--version'] },
    ...extra,
  };
}

async function refusal(input: SubmitJobCommandInput): Promise<string> {
  try {
    await sdk.send(new SubmitJobCommand(input));
    return 'accepted';
  } catch (error) {
    const e = error as { name: string; message: string; $metadata: { httpStatusCode: number } };
    return `${e.name} ${e.$metadata.httpStatusCode}: ${e.message}`;
  }
}

beforeAll(async () => {
  fake = await new FakeBatch({ env: { PATH: process.env['PATH'] ?? '' } }).start();
  fake.table.paused = true;
  fake.preRegister(definition);
  vi.stubEnv('AWS_ENDPOINT_URL_BATCH', fake.url);
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDCONTRACT');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'contract-secret');
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
  sdk = new BatchClient({ region: 'us-east-1', maxAttempts: 1 });
});
afterAll(async () => {
  fake.table.paused = false;
  await fake.stop();
  vi.unstubAllEnvs();
});

describe('the local Batch server holds the SDK to the documented limits', () => {
  test('out-of-range requests are ClientException 400, as the service answers', async () => {
    expect(await refusal(job({ arrayProperties: { size: 10_001 } }))).toMatch(
      /^ClientException 400: arrayProperties.size must be between 2 and 10000/,
    );
    expect(await refusal(job({ arrayProperties: { size: 1 } }))).toMatch(/ClientException 400/);
    expect(await refusal(job({ retryStrategy: { attempts: 11 } }))).toMatch(/between 1 and 10/);
    const six = Array.from({ length: 6 }, () => ({ onReason: '*', action: 'EXIT' as const }));
    expect(await refusal(job({ retryStrategy: { attempts: 2, evaluateOnExit: six } }))).toMatch(
      /at most 5/,
    );
    expect(await refusal(job({ timeout: { attemptDurationSeconds: 59 } }))).toMatch(/at least 60/);
    const env = [{ name: 'AWS_BATCH_X', value: '1' }];
    expect(await refusal(job({ containerOverrides: { environment: env } }))).toMatch(/reserved/);
    const deps = Array.from({ length: 21 }, () => ({ jobId: 'x' }));
    expect(await refusal(job({ dependsOn: deps }))).toMatch(/at most 20/);
    expect(await refusal(job({ jobQueue: 'nope' }))).toMatch(/does not exist/);
    expect(await refusal(job())).toBe('accepted');
  });

  test('a request member the API does not have is refused by the shape check', () => {
    expect(checkRequest('submitjob', { ...job(), bogus: 1 })).toContain('$.bogus is not a member');
    expect(checkRequest('submitjob', { ...job(), jobQueue: 3 })).toContain('must be a string');
    expect(checkRequest('terminatejob', { jobId: 'x' })).toContain('$.reason is required');
  });

  test('DescribeJobs takes at most 100 ids; augc asks in batches of 100', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => `id-${i}`);
    await expect(sdk.send(new DescribeJobsCommand({ jobs: ids.slice(0, 101) }))).rejects.toThrow(
      /at most 100/,
    );
    const api = await openAwsBatchApi('us-east-1');
    await api.describeJobs(ids);
    expect(api.calls).toBe(3);
  });

  test('ListJobs without a status lists only RUNNING children', async () => {
    const parent = await sdk.send(new SubmitJobCommand(job({ arrayProperties: { size: 3 } })));
    const all = await sdk.send(new ListJobsCommand({ arrayJobId: parent.jobId }));
    expect(all.jobSummaryList).toEqual([]);
    const api = await openAwsBatchApi('us-east-1');
    expect(await api.listChildren(parent.jobId ?? '', 'FAILED')).toEqual([]);
  });

  test('a job definition is registered once per content, then reused', async () => {
    const api = await openAwsBatchApi('us-east-1');
    const input = jobDefinitionInput('augc-worker:other', awsTargetOf({ queue: 'augc-test' }));
    const first = await api.ensureJobDefinition(input);
    const second = await api.ensureJobDefinition(input);
    expect(second).toBe(first);
    expect(fake.definitions.filter((d) => d.name === input.jobDefinitionName)).toHaveLength(1);
  });

  test('the client uses the adaptive retry mode and holds itself to 50 calls a second', async () => {
    expect(batchClientConfig('eu-west-1')).toEqual({ retryMode: 'adaptive', region: 'eu-west-1' });
    vi.useFakeTimers();
    try {
      const limit = new RateLimit(50);
      let done = 0;
      const all = Array.from({ length: 120 }, () => limit.take().then(() => done++));
      await vi.advanceTimersByTimeAsync(0);
      expect(done).toBe(50);
      await vi.advanceTimersByTimeAsync(1000);
      expect(done).toBe(100);
      await vi.advanceTimersByTimeAsync(1000);
      await Promise.all(all);
      expect(done).toBe(120);
    } finally {
      vi.useRealTimers();
    }
  });
});

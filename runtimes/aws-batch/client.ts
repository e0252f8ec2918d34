/**
 * The AWS Batch API as the backend uses it: five calls, the SDK loaded with `import()` only when a
 * run on this target talks to the service. The client is the SDK's own, configured only by the
 * SDK's standard chain (credentials, `AWS_ENDPOINT_URL_BATCH`, ...) plus the region the plan
 * names; retries use the SDK's adaptive mode, and calls are held to at most 50 a second.
 */
import type {
  BatchClient,
  DescribeJobDefinitionsCommandInput,
  JobDetail,
  RegisterJobDefinitionCommandInput,
  SubmitJobCommandInput,
} from '@aws-sdk/client-batch';

export type { JobDetail, RegisterJobDefinitionCommandInput, SubmitJobCommandInput };

/** DescribeJobs takes at most this many ids per call. */
export const DESCRIBE_BATCH = 100;
/** Calls a second the client allows itself (submissions of a big plan stay under the API's rate). */
export const MAX_CALLS_PER_SECOND = 50;

export interface AwsBatchApi {
  /** Calls made so far. */
  readonly calls: number;
  submitJob(input: SubmitJobCommandInput): Promise<string>;
  /** Details of these jobs, asked in batches of at most 100 ids. */
  describeJobs(jobIds: readonly string[]): Promise<JobDetail[]>;
  /** Ids of an array's children in one state (every page). */
  listChildren(arrayJobId: string, status: 'FAILED' | 'RUNNING' | 'SUCCEEDED'): Promise<string[]>;
  terminateJob(jobId: string, reason: string): Promise<void>;
  /** Registers the definition unless an ACTIVE one of its name exists; returns `name:revision`. */
  ensureJobDefinition(input: RegisterJobDefinitionCommandInput): Promise<string>;
}

/** A sliding window: the call that would be the 51st within one second waits for its turn. */
export class RateLimit {
  private readonly times: number[] = [];
  constructor(private readonly perSecond: number) {}

  async take(): Promise<void> {
    const now = Date.now();
    while (this.times.length > 0 && now - (this.times[0] ?? 0) >= 1000) this.times.shift();
    if (this.times.length >= this.perSecond) {
      const wait = 1000 - (now - (this.times[0] ?? now));
      await new Promise((resolve) => setTimeout(resolve, wait));
      return this.take();
    }
    this.times.push(now);
  }
}

/** The SDK client's configuration: the adaptive retry mode, the plan's region; nothing else. */
export function batchClientConfig(region: string | undefined): {
  retryMode: 'adaptive';
  region?: string;
} {
  return { retryMode: 'adaptive', ...(region !== undefined ? { region } : {}) };
}

export async function openAwsBatchApi(region: string | undefined): Promise<AwsBatchApi> {
  const sdk = await import('@aws-sdk/client-batch');
  const client: BatchClient = new sdk.BatchClient(batchClientConfig(region));
  const limit = new RateLimit(MAX_CALLS_PER_SECOND);
  let calls = 0;
  const call = async <T>(send: () => Promise<T>): Promise<T> => {
    await limit.take();
    calls++;
    return send();
  };
  return {
    get calls() {
      return calls;
    },
    async submitJob(input) {
      const out = await call(() => client.send(new sdk.SubmitJobCommand(input)));
      if (!out.jobId) throw new Error('SubmitJob returned no jobId');
      return out.jobId;
    },
    async describeJobs(jobIds) {
      const out: JobDetail[] = [];
      for (let i = 0; i < jobIds.length; i += DESCRIBE_BATCH) {
        const jobs = jobIds.slice(i, i + DESCRIBE_BATCH);
        const r = await call(() => client.send(new sdk.DescribeJobsCommand({ jobs })));
        out.push(...(r.jobs ?? []));
      }
      return out;
    },
    async listChildren(arrayJobId, jobStatus) {
      const ids: string[] = [];
      let nextToken: string | undefined;
      do {
        const input = { arrayJobId, jobStatus, ...(nextToken ? { nextToken } : {}) };
        const r = await call(() => client.send(new sdk.ListJobsCommand(input)));
        ids.push(...(r.jobSummaryList ?? []).flatMap((j) => (j.jobId ? [j.jobId] : [])));
        nextToken = r.nextToken;
      } while (nextToken);
      return ids;
    },
    async terminateJob(jobId, reason) {
      await call(() => client.send(new sdk.TerminateJobCommand({ jobId, reason })));
    },
    async ensureJobDefinition(input) {
      const name = input.jobDefinitionName;
      const query: DescribeJobDefinitionsCommandInput = {
        jobDefinitionName: name,
        status: 'ACTIVE',
      };
      const found = await call(() => client.send(new sdk.DescribeJobDefinitionsCommand(query)));
      const revisions = (found.jobDefinitions ?? []).map((d) => d.revision ?? 0);
      if (revisions.length > 0) return `${name}:${Math.max(...revisions)}`;
      const r = await call(() => client.send(new sdk.RegisterJobDefinitionCommand(input)));
      return `${r.jobDefinitionName ?? name}:${r.revision ?? 1}`;
    },
  };
}

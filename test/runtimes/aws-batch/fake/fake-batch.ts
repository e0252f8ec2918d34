/**
 * A local AWS Batch for tests: an HTTP server on 127.0.0.1 that speaks the service's REST-JSON
 * protocol (`POST /v1/<operation>`, camelCase JSON bodies; errors as an HTTP status with
 * `x-amzn-errortype` and `{"message"}`), checks every request against the documented shapes and
 * limits, and runs jobs as local processes (containers.ts). The real SDK client reaches it with
 * only its endpoint changed (`AWS_ENDPOINT_URL_BATCH`). Test code: it never shapes the runtime.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type {
  DescribeJobDefinitionsCommandInput,
  ListJobsCommandInput,
  RegisterJobDefinitionCommandInput,
  SubmitJobCommandInput,
} from '@aws-sdk/client-batch';
import { startContainer, type ContainerHost, type Injector } from './containers.js';
import { isDone, JobTable, type FakeJob } from './jobs.js';
import { registerProblem, submitProblem, type FakeQueue } from './limits.js';
import { checkRequest, knownOperation } from './shapes.js';

class ServiceError extends Error {
  constructor(
    message: string,
    readonly type = 'ClientException',
    readonly status = 400,
  ) {
    super(message);
  }
}

interface Definition {
  name: string;
  revision: number;
  input: RegisterJobDefinitionCommandInput;
}

export interface FakeBatchOptions {
  queues?: FakeQueue[];
  /** Environment of every container (the test's S3 endpoint and credentials, PATH, ...). */
  env?: Record<string, string>;
  maxRunning?: number;
}

export class FakeBatch {
  /** Every API request, in order, with when it arrived (ms since the epoch). */
  readonly requests: { op: string; body: string; at: number }[] = [];
  readonly logs = new Map<string, string[]>();
  readonly definitions: Definition[] = [];
  readonly table: JobTable;
  inject?: Injector | undefined;
  private readonly metadata = new Map<string, { group: string; stream: string }>();
  private readonly queues: FakeQueue[];
  private readonly server: Server;
  private port = 0;

  constructor(private readonly opts: FakeBatchOptions = {}) {
    this.queues = opts.queues ?? [{ name: 'augc-test', platform: 'EC2' }];
    this.table = new JobTable(opts.maxRunning ?? 4);
    const host: ContainerHost = {
      table: this.table,
      url: () => this.url,
      env: opts.env ?? {},
      logs: this.logs,
      metadata: this.metadata,
      queueName: (job) => job.input.jobQueue ?? '',
    };
    Object.defineProperty(host, 'inject', { get: () => this.inject });
    this.table.start = (job) => startContainer(host, job);
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    return this;
  }

  /** Terminates what still runs, then closes the server. */
  async stop(): Promise<void> {
    for (const job of this.table.jobs.values())
      if (!isDone(job)) this.table.terminate(job.jobId, 'fake stopped');
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Resolves when every job is SUCCEEDED or FAILED (polled on the fake's own state). */
  async idle(): Promise<void> {
    while ([...this.table.jobs.values()].some((j) => !isDone(j)))
      await new Promise((resolve) => setTimeout(resolve, 50));
  }

  jobsNamed(pattern: RegExp): FakeJob[] {
    return [...this.table.jobs.values()].filter((j) => pattern.test(j.input.jobName ?? ''));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const meta = /^\/ecs-metadata\/([0-9a-f]+)$/.exec(req.url ?? '');
    if (req.method === 'GET' && meta) return this.sendMetadata(res, meta[1] ?? '');
    const op = /^\/v1\/([a-z]+)$/.exec(req.url ?? '')?.[1] ?? '';
    this.requests.push({ op, body, at: Date.now() });
    res.setHeader('content-type', 'application/json');
    try {
      if (req.method !== 'POST' || !knownOperation(op))
        throw new ServiceError(
          `no operation ${req.method ?? ''} ${req.url ?? ''}`,
          'UnknownOperationException',
          404,
        );
      const auth = req.headers.authorization ?? '';
      if (!/^AWS4-HMAC-SHA256 Credential=[^/]+\/\d{8}\/[a-z0-9-]+\/batch\/aws4_request/.test(auth))
        throw new ServiceError(
          'the request is not signed for batch (SigV4)',
          'UnrecognizedClientException',
          403,
        );
      const input = JSON.parse(body || '{}') as unknown;
      const bad = checkRequest(op, input);
      if (bad) throw new ServiceError(`request does not fit ${op}: ${bad}`);
      res.end(JSON.stringify(this.operate(op, input)));
    } catch (error) {
      const e =
        error instanceof ServiceError
          ? error
          : new ServiceError(String(error), 'ServerException', 500);
      res.statusCode = e.status;
      res.setHeader('x-amzn-errortype', e.type);
      res.end(JSON.stringify({ message: e.message }));
    }
  }

  private sendMetadata(res: ServerResponse, taskId: string): void {
    const m = this.metadata.get(taskId);
    res.setHeader('content-type', 'application/json');
    if (!m) {
      res.statusCode = 404;
      return void res.end('{}');
    }
    const options = {
      'awslogs-group': m.group,
      'awslogs-region': 'us-east-1',
      'awslogs-stream': m.stream,
    };
    res.end(JSON.stringify({ Name: 'default', LogDriver: 'awslogs', LogOptions: options }));
  }

  private operate(op: string, input: unknown): unknown {
    switch (op) {
      case 'submitjob':
        return this.submit(input as SubmitJobCommandInput);
      case 'describejobs': {
        const ids = (input as { jobs: string[] }).jobs;
        if (ids.length > 100) throw new ServiceError('jobs takes at most 100 ids');
        const jobs = ids.flatMap((id) => this.table.jobs.get(id) ?? []);
        return { jobs: jobs.map((j) => this.table.detailOf(j)) };
      }
      case 'listjobs':
        return this.list(input as ListJobsCommandInput);
      case 'terminatejob': {
        const { jobId, reason } = input as { jobId: string; reason: string };
        if (!this.table.jobs.has(jobId)) throw new ServiceError(`job ${jobId} does not exist`);
        if (reason.length > 1024) throw new ServiceError('reason is longer than 1024 characters');
        this.table.terminate(jobId, reason);
        return {};
      }
      case 'registerjobdefinition':
        return this.register(input as RegisterJobDefinitionCommandInput);
      default:
        return this.describeDefinitions(input as DescribeJobDefinitionsCommandInput);
    }
  }

  private resolveDefinition(ref: string): Definition | undefined {
    const tail = ref.includes('job-definition/') ? (ref.split('job-definition/')[1] ?? '') : ref;
    const [name, rev] = tail.split(':');
    const all = this.definitions.filter((d) => d.name === name);
    return rev === undefined ? all.at(-1) : all.find((d) => d.revision === Number(rev));
  }

  private submit(input: SubmitJobCommandInput): unknown {
    const queue = this.queues.find((q) => q.name === input.jobQueue);
    const bad = submitProblem(input, queue, (id) => this.table.jobs.has(id));
    if (bad) throw new ServiceError(bad);
    const def = this.resolveDefinition(input.jobDefinition ?? '');
    if (!def) throw new ServiceError(`job definition ${input.jobDefinition} does not exist`);
    const caps = def.input.platformCapabilities ?? ['EC2'];
    if (caps.includes('FARGATE') !== (queue?.platform === 'FARGATE'))
      throw new ServiceError(
        `job definition ${def.name} does not fit queue ${queue?.name} (${queue?.platform})`,
      );
    const group = def.input.containerProperties?.logConfiguration?.options?.['awslogs-group'];
    const job = this.table.add(input, `${def.name}:${def.revision}`, group ?? '/aws/batch/job');
    return {
      jobArn: `arn:aws:batch:us-east-1:123456789012:job/${job.jobId}`,
      jobName: input.jobName,
      jobId: job.jobId,
    };
  }

  private list(input: ListJobsCommandInput): unknown {
    const status = input.jobStatus ?? 'RUNNING';
    const max = input.maxResults ?? 100;
    if (max < 1 || max > 1000) throw new ServiceError('maxResults must be 1..1000');
    let jobs: FakeJob[];
    if (input.arrayJobId !== undefined) {
      const parent = this.table.jobs.get(input.arrayJobId);
      jobs = (parent?.children ?? []).flatMap((id) => this.table.jobs.get(id) ?? []);
    } else if (input.jobQueue !== undefined)
      jobs = [...this.table.jobs.values()].filter(
        (j) => j.input.jobQueue === input.jobQueue && j.parentId === undefined,
      );
    else throw new ServiceError('ListJobs needs jobQueue, arrayJobId or multiNodeJobId');
    const matching = jobs.filter((j) => j.status === status);
    const from = Number(input.nextToken ?? 0);
    const page = matching.slice(from, from + max);
    const next = from + max < matching.length ? String(from + max) : undefined;
    return {
      jobSummaryList: page.map((j) => ({
        jobId: j.jobId,
        jobName: j.input.jobName,
        status: j.status,
      })),
      ...(next ? { nextToken: next } : {}),
    };
  }

  private register(input: RegisterJobDefinitionCommandInput): unknown {
    const bad = registerProblem(input);
    if (bad) throw new ServiceError(bad);
    const name = input.jobDefinitionName ?? '';
    const revision = this.definitions.filter((d) => d.name === name).length + 1;
    this.definitions.push({ name, revision, input });
    const arn = `arn:aws:batch:us-east-1:123456789012:job-definition/${name}:${revision}`;
    return { jobDefinitionName: name, jobDefinitionArn: arn, revision };
  }

  private describeDefinitions(input: DescribeJobDefinitionsCommandInput): unknown {
    if ((input.jobDefinitions ?? []).length > 100)
      throw new ServiceError('jobDefinitions takes at most 100');
    const named = this.definitions.filter(
      (d) =>
        (input.jobDefinitionName === undefined || d.name === input.jobDefinitionName) &&
        (input.jobDefinitions === undefined ||
          input.jobDefinitions.some((r) => this.resolveDefinition(r) === d)),
    );
    const status = input.status;
    const shown = status === undefined || status === 'ACTIVE' ? named : [];
    return {
      jobDefinitions: shown.map((d) => ({
        jobDefinitionName: d.name,
        jobDefinitionArn: `arn:aws:batch:us-east-1:123456789012:job-definition/${d.name}:${d.revision}`,
        revision: d.revision,
        status: 'ACTIVE',
        type: d.input.type,
      })),
    };
  }

  /** Registers a definition as an administrator would, before augc runs (the `job_definition` option). */
  preRegister(input: RegisterJobDefinitionCommandInput): void {
    this.register(input);
  }
}

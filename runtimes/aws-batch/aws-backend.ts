/**
 * The AWS Batch backend of the batch orchestrator: one SubmitJob per array (a plain job for a
 * single task), the round's finalizer as a job depending on them, status from each array
 * parent's `statusSummary` (one DescribeJobs call per 100 jobs) and, once an array is over,
 * its FAILED children (ListJobs, then DescribeJobs) for what happened to each.
 */
import { createHash } from 'node:crypto';
import type {
  ArraySubmission,
  BackendContext,
  BatchBackend,
  BatchBackendSpec,
  FinalizerSubmission,
  JobsQuery,
  Submitted,
} from '../batch/backend.js';
import { latestRound, readRound } from '../batch/batch-state.js';
import { parseIndices } from '../batch/index-spec.js';
import { isFinished, type JobStatus } from '../batch/job-status.js';
import { openAwsBatchApi, type AwsBatchApi, type SubmitJobCommandInput } from './client.js';
import { finalizerInput, gatherInput, chunksOf, MAX_DEPENDENCIES } from './finalizer-request.js';
import { definitionFor, imagesOfGroup, type DefinitionChoice } from './job-definition.js';
import { CANCEL_REASON, jobStatusOf } from './job-states.js';
import { arraySubmitInput, type RunTags } from './requests.js';
import { awsTargetOf, type AwsTarget } from './target-options.js';
import { describeError } from './sdk-error.js';

/** What the submission records for later processes (`_augc/batch/state.json`). */
export interface AwsConfig {
  target: AwsTarget;
  tags: RunTags;
  /** The job definition of each group, and of the finalizer. */
  definitions: Record<string, DefinitionChoice>;
  finalizer: DefinitionChoice;
}

function must(choice: ReturnType<typeof definitionFor>, what: string): DefinitionChoice {
  // The runtime's preflight refuses these plans; reaching here is a bug.
  if (!choice.ok) throw new Error(`aws-batch: ${what}: ${choice.message}`);
  return choice.choice;
}

class AwsBatchBackend implements BatchBackend {
  private api: Promise<AwsBatchApi> | undefined;
  private readonly definitions = new Map<string, Promise<string>>();
  /** Task indices (relative) of each array job, by its id: what child i ran. */
  private readonly arrays = new Map<string, number[]>();
  private sent = 0;
  private waitedRound = 0;

  constructor(
    private readonly ctx: BackendContext,
    private readonly config: AwsConfig,
  ) {}

  get calls(): number {
    return this.resolved?.calls ?? 0;
  }
  private resolved: AwsBatchApi | undefined;

  private async client(): Promise<AwsBatchApi> {
    this.api ??= openAwsBatchApi(this.config.target.region);
    this.resolved = await this.api;
    return this.resolved;
  }

  private definition(choice: DefinitionChoice): Promise<string> {
    if (choice.kind === 'named') return Promise.resolve(choice.name);
    const name = choice.input.jobDefinitionName ?? '';
    let found = this.definitions.get(name);
    if (!found) {
      found = this.print
        ? Promise.resolve(
            this.show(
              'RegisterJobDefinition',
              choice.input,
              `unless an ACTIVE definition named ${name} exists`,
            ),
          ).then(() => name)
        : this.client().then((api) => api.ensureJobDefinition(choice.input));
      this.definitions.set(name, found);
    }
    return found;
  }

  private get print(): ((text: string) => void) | undefined {
    return this.ctx.print;
  }

  private show(op: string, input: unknown, note?: string): void {
    this.print?.(`# ${op}${note ? ` (${note})` : ''}\n${JSON.stringify(input, null, 2)}\n\n`);
  }

  private async send(input: SubmitJobCommandInput): Promise<Submitted> {
    if (this.print) {
      this.show('SubmitJob', input);
      return { ok: true, jobId: `<job-${++this.sent}>`, request: input };
    }
    try {
      const api = await this.client();
      const jobId = await api.submitJob(input);
      return { ok: true, jobId, request: input };
    } catch (error) {
      return { ok: false, ...describeError('SubmitJob', error) };
    }
  }

  async submitArray(job: ArraySubmission): Promise<Submitted> {
    const choice = this.config.definitions[job.group] ?? this.config.finalizer;
    let jobDefinition: string;
    try {
      jobDefinition = await this.definition(choice);
    } catch (error) {
      return { ok: false, ...describeError('RegisterJobDefinition', error) };
    }
    await this.backoff(job);
    const input = arraySubmitInput(
      {
        plan: this.ctx.plan,
        target: this.config.target,
        planUri: this.ctx.planUri,
        jobDefinition,
        tags: this.config.tags,
        env: this.ctx.launch.env,
      },
      job,
    );
    const done = await this.send(input);
    if (done.ok) this.arrays.set(done.jobId, parseIndices(job.indices));
    return done;
  }

  /** Batch has no delayed start: the retry backoff is waited here, once per round. */
  private async backoff(job: ArraySubmission): Promise<void> {
    const seconds = job.beginAfterSeconds ?? 0;
    if (seconds <= 0 || this.print || this.waitedRound === job.round) return;
    this.waitedRound = job.round;
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }

  async submitFinalizer(job: FinalizerSubmission): Promise<Submitted> {
    let jobDefinition: string;
    try {
      jobDefinition = await this.definition(this.config.finalizer);
    } catch (error) {
      return { ok: false, ...describeError('RegisterJobDefinition', error) };
    }
    const spec = {
      plan: this.ctx.plan,
      target: this.config.target,
      runUri: this.ctx.runUri,
      jobDefinition,
      tags: this.config.tags,
    };
    let after = [...job.after];
    // More than 20 dependencies: gather them through intermediate jobs, level by level.
    for (let level = 1; after.length > MAX_DEPENDENCIES; level++) {
      const next: string[] = [];
      for (const chunk of chunksOf(after)) {
        const gathered = await this.send(gatherInput(spec, job.round, level, chunk));
        if (!gathered.ok) return gathered;
        next.push(gathered.jobId);
      }
      after = next;
    }
    return this.send(finalizerInput(spec, job.round, after));
  }

  /** The relative task indices array job `jobId` runs, from this process or the round records. */
  private async indicesOf(jobId: string): Promise<number[] | undefined> {
    if (!this.arrays.has(jobId)) {
      const last = await latestRound(this.ctx.storage);
      for (let n = 1; n <= last; n++) {
        for (const a of (await readRound(this.ctx.storage, n))?.arrays ?? [])
          this.arrays.set(a.jobId, parseIndices(a.indices));
      }
    }
    return this.arrays.get(jobId);
  }

  async query(jobIds: readonly string[]): Promise<JobsQuery> {
    try {
      const api = await this.client();
      const jobs = await api.describeJobs(jobIds);
      const out: JobStatus[] = [];
      for (const job of jobs) out.push(...(await this.statusesOf(api, job)));
      return { ok: true, jobs: out };
    } catch (error) {
      return { ok: false, message: describeError('DescribeJobs', error).message };
    }
  }

  private async statusesOf(
    api: AwsBatchApi,
    job: Awaited<ReturnType<AwsBatchApi['describeJobs']>>[number],
  ): Promise<JobStatus[]> {
    const jobId = job.jobId ?? '';
    const logGroup = this.config.target.logGroup;
    const indices = await this.indicesOf(jobId);
    if (!job.arrayProperties?.size) {
      // A plain job: a single task (its index), or the finalizer.
      const only = indices?.length === 1 ? indices[0] : undefined;
      const single = only !== undefined ? { index: only } : {};
      return [jobStatusOf(job, { jobId, ...single }, logGroup)];
    }
    const parent = jobStatusOf(job, { jobId }, logGroup);
    if (!isFinished(parent.state) || (parent.summary?.failed ?? 0) === 0) return [parent];
    const children = await api.describeJobs(await api.listChildren(jobId, 'FAILED'));
    const failed = children.map((c) => {
      const i = c.arrayProperties?.index ?? -1;
      return jobStatusOf(c, { jobId, index: indices?.[i] ?? i }, logGroup);
    });
    return [parent, ...failed];
  }

  async cancel(jobIds: readonly string[]): Promise<void> {
    if (jobIds.length === 0) return;
    const api = await this.client();
    // Terminating an array parent terminates its children; dependents then fail with it.
    for (const id of jobIds) await api.terminateJob(id, CANCEL_REASON).catch(() => undefined);
  }

  exitStatus(): Promise<number | undefined> {
    // DescribeJobs gives each failed child's exit code (JobStatus.exitCode).
    return Promise.resolve(undefined);
  }

  taskLog() {
    const group = this.config.target.logGroup;
    return {
      location: `CloudWatch Logs group ${group} (each attempt's stream is in its record: \`augc status RUN --task T\`)`,
      tail: () => Promise.resolve(''),
    };
  }

  reset(): Promise<void> {
    return Promise.resolve();
  }
}

export const awsBatchBackendSpec: BatchBackendSpec = {
  name: 'aws-batch',
  prepare(setup) {
    const target = awsTargetOf(setup.options);
    const definitions: Record<string, DefinitionChoice> = {};
    for (const g of setup.plan.groups)
      definitions[g.id] = must(
        definitionFor(imagesOfGroup(setup.plan, g), target),
        `group ${g.id}`,
      );
    const runId = createHash('sha256').update(setup.runUri).digest('hex').slice(0, 16);
    const config: AwsConfig = {
      target,
      tags: { pipeline: setup.plan.pipeline, runId, planHash: setup.plan.planHash },
      definitions,
      finalizer: must(definitionFor([], target), 'the finalizer'),
    };
    return Promise.resolve({ config: { ...config }, window: target.window });
  },
  open(ctx: BackendContext) {
    return new AwsBatchBackend(ctx, ctx.config as unknown as AwsConfig);
  },
  describeConfig(config) {
    const t = (config as unknown as AwsConfig).target;
    return `queue ${t.queue ?? '?'}, ${t.platform}${t.region ? `, ${t.region}` : ''}`;
  },
};

/**
 * The Cloud Batch backend of the batch orchestrator: one job per array (job-request.ts), status
 * from GetJob (task counts) and ListTasks filtered by state, cancel by deleting the jobs. Batch v1
 * has no job dependencies, so there is no finalizer job: the driver finalizes each round
 * (batch/wait-run.ts; docs/runtimes/gcp-batch.md says why). The client is loaded with `import()`
 * on the first call, and closed when the backend has been idle a moment.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type {
  ArraySubmission,
  BackendContext,
  BatchBackend,
  JobsQuery,
  Submitted,
  TaskLog,
} from '../batch/backend.js';
import { groupDirOf } from '../batch/group-dir.js';
import { parseIndices } from '../batch/index-spec.js';
import type { JobStatus } from '../batch/job-status.js';
import { BatchApiError, batchApiErrorOf } from './api-error.js';
import type { BatchApi, JobView } from './batch-client.js';
import { groupImageOf } from './group-image.js';
import { createJobRequest, type GcsMount } from './job-request.js';
import { jobIdOf, slugOf } from './names.js';
import { failedTaskStateOf, jobStateOf, rawOf } from './task-states.js';
import type { GcpTarget } from './target.js';

/** What the submission records for later processes (`_augc/batch/state.json`). */
export interface GcpConfig {
  target?: GcpTarget;
  /** Why the target cannot be used, when its options are incomplete. */
  problem?: string;
  runLabel: string;
}

const IDLE_CLOSE_MS = 2000;

/** The array a job runs, read back from its own worker arguments. */
function arrayOf(commands: readonly string[]): { group: string; offset: number; list?: number[] } {
  const flag = (name: string): string | undefined => commands[commands.indexOf(name) + 1];
  const indices = commands.includes('--indices') ? flag('--indices') : undefined;
  return {
    group: flag('--group') ?? '',
    offset: Number(commands.includes('--index-offset') ? flag('--index-offset') : 0),
    ...(indices !== undefined ? { list: parseIndices(indices) } : {}),
  };
}

/** Batch's task counts as the orchestrator shows progress. */
function summaryOf(counts: Readonly<Record<string, number>>): NonNullable<JobStatus['summary']> {
  const n = (...states: string[]): number => states.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  return {
    queued: n('PENDING', 'ASSIGNED'),
    running: n('RUNNING'),
    succeeded: n('SUCCEEDED'),
    failed: n('FAILED', 'UNEXECUTED'),
  };
}

function gcsMountOf(runUri: string, mountPath: string | undefined): GcsMount | undefined {
  if (mountPath === undefined) return undefined;
  return { remotePath: runUri.replace(/^gs:\/\//i, '').replace(/\/+$/, ''), mountPath };
}

export class GcpBackend implements BatchBackend {
  calls = 0;
  private api: Promise<BatchApi> | undefined;
  private busy = 0;
  private idle: NodeJS.Timeout | undefined;
  private readonly token = randomBytes(3).toString('hex');
  private sent = 0;
  private waitedRound = 0;
  /** The last run's exit code of each failed task the last query saw, by `groupDir/index`. */
  private readonly failed = new Map<string, { exitCode?: number; job: JobView; task: number }>();

  constructor(
    private readonly ctx: BackendContext,
    private readonly config: GcpConfig,
  ) {}

  private async use<T>(run: (api: BatchApi) => Promise<T>): Promise<T> {
    const target = this.config.target;
    clearTimeout(this.idle);
    this.busy += 1;
    try {
      this.api ??= import('./batch-client.js').then((m) => m.createBatchApi(target?.endpoint));
      const api = await this.api;
      this.calls += 1;
      return await run(api);
    } finally {
      this.busy -= 1;
      if (this.busy === 0) this.idle = setTimeout(() => void this.close(), IDLE_CLOSE_MS).unref();
    }
  }

  private async close(): Promise<void> {
    const api = this.api;
    this.api = undefined;
    if (api) await (await api).close();
  }

  async submitArray(job: ArraySubmission): Promise<Submitted> {
    const { target } = this.config;
    if (!target)
      return { ok: false, message: this.config.problem ?? 'gcp-batch is not configured' };
    const image = groupImageOf(this.ctx.plan, job.group, target.image);
    if (!image.ok) return { ok: false, message: image.message };
    const mount = gcsMountOf(this.ctx.runUri, target.gcsMount);
    const token = this.ctx.print ? 'xxxxxx' : this.token;
    const jobId = jobIdOf({
      pipeline: this.ctx.plan.pipeline,
      round: job.round,
      group: job.groupDir,
      offset: job.offset,
      token,
    });
    const request = createJobRequest({
      target,
      plan: this.ctx.plan,
      planUri: mount ? `${mount.mountPath}/_augc/plan.json` : this.ctx.planUri,
      runLabel: this.config.runLabel,
      image: image.image,
      env: this.ctx.launch.env,
      job,
      jobId,
      ...(mount ? { mount } : {}),
    });
    const name = `${request.parent}/jobs/${jobId}`;
    if (this.ctx.print) {
      this.ctx.print(
        `# CreateJob ${++this.sent}: ${job.what}\n${JSON.stringify(request, null, 2)}\n\n`,
      );
      return { ok: true, jobId: name, request };
    }
    if (!(await this.backoff(job)))
      return {
        ok: false,
        message: `stopped during the retry backoff: round ${job.round} was not submitted (\`augc run\` again resumes)`,
      };
    try {
      const created = await this.use((api) => api.createJob(request));
      return { ok: true, jobId: created.name || name, request };
    } catch (error) {
      const e = batchApiErrorOf(error, 'create the job');
      return {
        ok: false,
        message: e.message,
        ...(e.kind === 'unavailable' || e.kind === 'denied' ? { unavailable: true } : {}),
      };
    }
  }

  /**
   * Batch cannot start a job later: the driver waits out the retry backoff, once per round. False
   * when the driver was stopped meanwhile (the round is then not submitted).
   */
  private async backoff(job: ArraySubmission): Promise<boolean> {
    const seconds = job.beginAfterSeconds ?? 0;
    if (seconds <= 0 || this.waitedRound === job.round) return true;
    this.waitedRound = job.round;
    const signal = this.ctx.signal;
    await sleep(seconds * 1000, undefined, signal ? { signal } : {}).catch(() => undefined);
    return signal?.aborted !== true;
  }

  async query(jobIds: readonly string[]): Promise<JobsQuery> {
    const jobs: JobStatus[] = [];
    try {
      for (const id of jobIds) jobs.push(...(await this.queryJob(id)));
    } catch (error) {
      return {
        ok: false,
        message: `cannot query Cloud Batch: ${batchApiErrorOf(error, 'query').message}`,
      };
    }
    return { ok: true, jobs };
  }

  private async queryJob(id: string): Promise<JobStatus[]> {
    let job: JobView;
    try {
      job = await this.use((api) => api.getJob(id));
    } catch (error) {
      // A deleted job (augc cancel) is gone from the service.
      if (error instanceof BatchApiError && error.kind === 'not-found')
        return [{ jobId: id, state: 'cancelled', raw: 'NOT_FOUND (deleted)' }];
      throw error;
    }
    const state = jobStateOf(job.state);
    const own: JobStatus = {
      jobId: id,
      state,
      raw: rawOf(job.state, job.counts),
      summary: summaryOf(job.counts),
    };
    if ((job.counts['FAILED'] ?? 0) === 0 || (state !== 'failed' && state !== 'completed'))
      return [own];
    const tasks = await this.use((api) => api.listTasks(id, 'FAILED'));
    const array = arrayOf(job.commands);
    const groupDir = groupDirOf(this.ctx.plan, array.group);
    return [
      own,
      ...tasks.map((t): JobStatus => {
        const rel = array.list ? (array.list[t.index] ?? t.index) : t.index;
        const exitCode = t.exitCodes.at(-1);
        this.failed.set(`${groupDir}/${array.offset + rel}`, {
          ...(exitCode !== undefined ? { exitCode } : {}),
          job,
          task: t.index,
        });
        const { state: taskState, reason } = failedTaskStateOf(exitCode);
        return {
          jobId: id,
          index: rel,
          state: taskState,
          raw: `FAILED (exit code ${exitCode ?? 'unknown'})`,
          ...(reason !== undefined ? { reason } : {}),
          attempts: Math.max(1, t.exitCodes.length),
          ...(exitCode !== undefined ? { exitCode } : {}),
        };
      }),
    ];
  }

  async cancel(jobIds: readonly string[]): Promise<void> {
    for (const id of jobIds) {
      await this.use((api) => api.deleteJob(id)).catch((error: unknown) => {
        if (!(error instanceof BatchApiError && error.kind === 'not-found')) throw error;
      });
    }
  }

  exitStatus(groupDir: string, index: number): Promise<number | undefined> {
    return Promise.resolve(this.failed.get(`${groupDir}/${index}`)?.exitCode);
  }

  taskLog(groupDir: string, index: number): TaskLog {
    const project = this.config.target?.project ?? '<project>';
    const seen = this.failed.get(`${groupDir}/${index}`);
    const filter = seen
      ? `logName="projects/${project}/logs/batch_task_logs" AND resource.labels.job="${seen.job.uid}" AND resource.labels.task_id:"-group0-${seen.task}/"`
      : `logName="projects/${project}/logs/batch_task_logs" AND labels."augc-run"="${this.config.runLabel}" AND labels."augc-group"="${slugOf(groupDir, 63)}"`;
    // Task output goes to Cloud Logging, which augc does not read: the location is the Logs
    // Explorer query that shows it.
    const query = encodeURIComponent(filter);
    const location = `https://console.cloud.google.com/logs/query;query=${query}?project=${encodeURIComponent(project)}`;
    return { location, tail: () => Promise.resolve('') };
  }

  reset(): Promise<void> {
    this.failed.clear();
    return Promise.resolve();
  }
}

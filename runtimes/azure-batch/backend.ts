/**
 * The batch backend for Azure Batch. A round is one Azure job: each array's indices become tasks
 * with integer ids (array after array, so ids never collide), and the round's finalizer is a task
 * of the same job that depends on all of them. Every call goes through the small client
 * (client.ts); with `--dry-run` or `augc plan --target azure-batch` each request is printed
 * instead, exactly as it would be sent.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { SCHEDULER_LOGS_DIR, taskLogPathOf } from '../../engine/run-layout.js';
import type {
  ArraySubmission,
  BackendContext,
  BatchBackend,
  FinalizerSubmission,
  JobsQuery,
  Submitted,
  TaskLog,
} from '../batch/backend.js';
import { formatIndices, parseIndices } from '../batch/index-spec.js';
import type { JobStatus } from '../batch/job-status.js';
import { capsOf, escalatedResources } from '../retry-policy.js';
import { AzureBatchError, type AzureBatchClient } from './client.js';
import { openBatchClient } from './open-client.js';
import {
  API_VERSION,
  displayNameOf,
  FINALIZER_TASK_ID,
  finalizerRequest,
  jobRequest,
  taskCalls,
  taskRequest,
  type AzureConfig,
  type TaskAdd,
} from './requests.js';
import { jobStatusOf } from './task-state.js';
import { chooseVmSize, needsOf } from './vm-size.js';

interface RoundJob {
  round: number;
  jobId: string;
  nextId: number;
  ids: number[];
}

/** `<job>:<first>-<last>` for an array's tasks, `<job>:finalize` for the finalizer. */
function splitJobId(id: string): { job: string; part: string } {
  const at = id.lastIndexOf(':');
  return { job: id.slice(0, at), part: id.slice(at + 1) };
}

function rangesOf(ids: readonly number[]): { start: number; end: number }[] {
  return formatIndices(ids)
    .split(',')
    .map((r) => {
      const [a, b] = r.split('-').map(Number);
      return { start: a ?? 0, end: b ?? a ?? 0 };
    });
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export class AzureBatchBackend implements BatchBackend {
  calls = 0;
  private client: Promise<AzureBatchClient> | undefined;
  private current: RoundJob | undefined;
  /** Exit codes from the last query, by task display name (group dir, index, attempt). */
  private readonly exits = new Map<string, number>();

  constructor(
    private readonly ctx: BackendContext,
    private readonly cfg: AzureConfig,
  ) {}

  private api(): Promise<AzureBatchClient> {
    return (this.client ??= openBatchClient(this.cfg.accountUrl));
  }

  private async call<T>(run: (c: AzureBatchClient) => Promise<T>): Promise<T> {
    this.calls++;
    return run(await this.api());
  }

  private print(method: string, path: string, body: unknown): void {
    const url = `${this.cfg.accountUrl}${path}?api-version=${API_VERSION}`;
    this.ctx.print?.(`${method} ${url}\n${JSON.stringify(body, null, 2)}\n\n`);
  }

  /** The auto pool's VM size for a round: the option, else the largest needs of any group. */
  private vmSizeFor(attempt: number): { ok: true; size?: string } | { ok: false; message: string } {
    const auto = this.cfg.autoPool;
    if (!auto) return { ok: true };
    if (auto.vmSize !== undefined) return { ok: true, size: auto.vmSize };
    const { plan } = this.ctx;
    const caps = capsOf(plan, 'azure-batch');
    const needs = needsOf(
      plan.groups.map((g) => escalatedResources(plan.retry, g.resources, attempt, caps).resources),
    );
    if (typeof needs === 'string') return { ok: false, message: `${needs}; set \`vm_size\`` };
    const chosen = chooseVmSize(needs);
    return chosen.ok
      ? { ok: true, size: chosen.size.name }
      : { ok: false, message: `${chosen.message}; set \`vm_size\`` };
  }

  private async startRound(job: ArraySubmission): Promise<RoundJob | { error: string }> {
    const vm = this.vmSizeFor(job.attempt);
    if (!vm.ok) return { error: vm.message };
    const { pipeline, planHash } = this.ctx.plan;
    const request = jobRequest(this.cfg, { pipeline, planHash }, job.round, vm.size);
    if (this.ctx.print) this.print('POST', '/jobs', request);
    else {
      // Azure cannot hold a task back: the retry backoff is waited out here, once per round.
      if (job.beginAfterSeconds !== undefined) await sleep(job.beginAfterSeconds * 1000);
      await this.call((c) => c.createJob(request));
    }
    return { round: job.round, jobId: request.id, nextId: 0, ids: [] };
  }

  /** Adds tasks in calls of at most 100 and 1 MB; tasks the service failed on are sent again. */
  private async addTasks(jobId: string, tasks: readonly TaskAdd[]): Promise<void> {
    for (const batch of taskCalls(tasks)) {
      if (this.ctx.print) {
        this.print('POST', `/jobs/${jobId}/addtaskcollection`, { value: batch });
        continue;
      }
      let pending = batch;
      for (let tries = 0; pending.length > 0; tries++) {
        const results = await this.call((c) => c.addTasks(jobId, pending));
        const bad = results.filter(
          (r) => r.status.toLowerCase() !== 'success' && r.error?.code !== 'TaskExists',
        );
        const client = bad.find((r) => r.status.toLowerCase() !== 'servererror');
        if (client || (bad.length > 0 && tries >= 3)) {
          const r = client ?? bad[0];
          throw new AzureBatchError(
            `cannot add task \`${r?.taskId}\` to job \`${jobId}\`: ${r?.error?.code ?? r?.status} ${r?.error?.message ?? ''}`.trim(),
            r?.error?.code,
            undefined,
            false,
          );
        }
        pending = pending.filter((t) => bad.some((r) => r.taskId === t.id));
      }
    }
  }

  async submitArray(job: ArraySubmission): Promise<Submitted> {
    try {
      if (this.current?.round !== job.round) {
        const started = await this.startRound(job);
        if ('error' in started) return { ok: false, message: started.error };
        this.current = started;
      }
      const round = this.current;
      const rels = parseIndices(job.indices);
      const base = round.nextId;
      const tasks = rels.map((rel) =>
        taskRequest(this.cfg, {
          id: base + rel,
          group: job.group,
          groupDir: job.groupDir,
          index: job.offset + rel,
          attempt: job.attempt,
          walltimeSeconds: job.resources.walltimeSeconds,
          logPath: taskLogPathOf(job.groupDir, job.offset + rel),
        }),
      );
      const span = Math.max(...rels) + 1;
      round.nextId += span;
      round.ids.push(...rels.map((r) => base + r));
      await this.addTasks(round.jobId, tasks);
      const jobId = `${round.jobId}:${base}-${base + span - 1}`;
      return {
        ok: true,
        jobId,
        request: { job: round.jobId, tasks: tasks.length, first: tasks[0] },
      };
    } catch (error) {
      return this.failed(error);
    }
  }

  async submitFinalizer(job: FinalizerSubmission): Promise<Submitted> {
    const round = this.current;
    if (round?.round !== job.round)
      return { ok: false, message: `round ${job.round} has no Azure Batch job to finalize` };
    const log = `${SCHEDULER_LOGS_DIR}/r${job.round}-finalize.out`;
    const task = finalizerRequest(this.cfg, job.round, rangesOf(round.ids), log);
    const patch = { onAllTasksComplete: 'terminatejob' } as const;
    try {
      await this.addTasks(round.jobId, [task]);
      // Every task is in: the job (and its auto pool) ends when the last one does.
      if (this.ctx.print) this.print('PATCH', `/jobs/${round.jobId}`, patch);
      else await this.call((c) => c.patchJob(round.jobId, patch));
      return { ok: true, jobId: `${round.jobId}:${FINALIZER_TASK_ID}`, request: task };
    } catch (error) {
      return this.failed(error);
    }
  }

  private failed(error: unknown): Submitted {
    const unavailable = error instanceof AzureBatchError && error.unavailable;
    return {
      ok: false,
      message: `azure-batch: ${messageOf(error)}`,
      ...(unavailable ? { unavailable } : {}),
    };
  }

  async query(jobIds: readonly string[]): Promise<JobsQuery> {
    const byJob = new Map<string, string[]>();
    for (const id of jobIds) {
      const { job } = splitJobId(id);
      byJob.set(job, [...(byJob.get(job) ?? []), id]);
    }
    const jobs: JobStatus[] = [];
    try {
      for (const [job, ids] of byJob) jobs.push(...(await this.statusOf(job, ids)));
    } catch (error) {
      return { ok: false, message: `cannot query Azure Batch: ${messageOf(error)}` };
    }
    return { ok: true, jobs };
  }

  private async statusOf(job: string, ids: readonly string[]): Promise<JobStatus[]> {
    let tasks;
    try {
      tasks = await this.call((c) => c.listTasks(job));
    } catch (error) {
      // A job deleted since: storage records say how its tasks ended.
      if (error instanceof AzureBatchError && error.code === 'JobNotFound') return [];
      throw error;
    }
    const arrays = ids.flatMap((id) => {
      const [first, last] = splitJobId(id).part.split('-').map(Number);
      return first !== undefined && last !== undefined ? [{ id, first, last }] : [];
    });
    const out: JobStatus[] = [];
    for (const t of tasks) {
      const code = t.executionInfo?.exitCode;
      if (t.displayName && code !== undefined) this.exits.set(t.displayName, code);
      if (t.id === FINALIZER_TASK_ID) {
        if (ids.includes(`${job}:${FINALIZER_TASK_ID}`))
          out.push(jobStatusOf(t, `${job}:${FINALIZER_TASK_ID}`, undefined));
        continue;
      }
      const n = Number(t.id);
      const array = arrays.find((a) => n >= a.first && n <= a.last);
      if (array) out.push(jobStatusOf(t, array.id, n - array.first));
    }
    return out;
  }

  async cancel(jobIds: readonly string[]): Promise<void> {
    for (const job of new Set(jobIds.map((id) => splitJobId(id).job))) {
      // A job that already ended cannot be terminated, and needs not be.
      await this.call((c) => c.terminateJob(job)).catch(() => undefined);
    }
  }

  exitStatus(groupDir: string, index: number, attempt: number): Promise<number | undefined> {
    return Promise.resolve(this.exits.get(displayNameOf(groupDir, index, attempt)));
  }

  taskLog(groupDir: string, index: number): TaskLog {
    const path = taskLogPathOf(groupDir, index);
    if (!this.cfg.logs) {
      return {
        location: `stdout.txt of task ${groupDir}[${index}] on its Azure Batch node (set \`identity\` to upload task logs into the run)`,
        tail: () => Promise.reject(new Error('the log is on the node')),
      };
    }
    const storage = this.ctx.storage;
    return {
      location: `${this.ctx.runUri.replace(/\/+$/, '')}/${path}`,
      async tail() {
        const text = await storage.readText(path);
        return text.trimEnd().split('\n').slice(-20).join('\n');
      },
    };
  }

  reset(): Promise<void> {
    this.exits.clear();
    return Promise.resolve();
  }
}

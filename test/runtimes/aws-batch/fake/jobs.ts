/**
 * The fake's jobs and their life as AWS Batch documents it: SUBMITTED -> PENDING (waiting for
 * dependencies) -> RUNNABLE -> STARTING -> RUNNING -> SUCCEEDED | FAILED; an array parent is
 * PENDING while its children run and ends SUCCEEDED only when every child did; a job whose
 * dependency FAILED fails with `Dependent Job failed`; a failed attempt is retried as
 * `retryStrategy` says (retry.ts). Containers are started by `start` (containers.ts).
 */
import { randomBytes } from 'node:crypto';
import type { JobDetail, SubmitJobCommandInput } from '@aws-sdk/client-batch';
import { shouldRetry, type AttemptEnd } from './retry.js';

export type Status =
  'SUBMITTED' | 'PENDING' | 'RUNNABLE' | 'STARTING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';
export const STATUSES: readonly Status[] = [
  'SUBMITTED',
  'PENDING',
  'RUNNABLE',
  'STARTING',
  'RUNNING',
  'SUCCEEDED',
  'FAILED',
];

export interface FakeAttempt {
  container: { exitCode?: number; reason?: string; logStreamName: string; taskArn: string };
  startedAt: number;
  stoppedAt: number;
  statusReason?: string;
}

export interface FakeJob {
  jobId: string;
  input: SubmitJobCommandInput;
  /** The resolved definition (`name:revision`) and its log group. */
  definition: string;
  logGroup: string;
  status: Status;
  statusReason?: string;
  createdAt: number;
  parentId?: string;
  index?: number;
  children?: string[];
  attempts: FakeAttempt[];
  /** The attempt now running: its stream and how to stop it. */
  current?:
    { stream: string; taskArn: string; startedAt: number; stop(end: AttemptEnd): void } | undefined;
  stoppedAt?: number;
}

const FINISHED: readonly Status[] = ['SUCCEEDED', 'FAILED'];
export const isDone = (j: FakeJob): boolean => FINISHED.includes(j.status);

export class JobTable {
  readonly jobs = new Map<string, FakeJob>();
  /** Called for each job that reaches RUNNABLE with a free slot: starts its container. */
  start: (job: FakeJob) => void = () => undefined;
  running = 0;
  /** While true nothing starts (a test holds the queue, e.g. to cancel what is queued). */
  paused = false;

  constructor(private readonly maxRunning: number) {}

  add(input: SubmitJobCommandInput, definition: string, logGroup: string): FakeJob {
    const jobId = randomBytes(16)
      .toString('hex')
      .replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
    const job: FakeJob = {
      jobId,
      input,
      definition,
      logGroup,
      status: 'SUBMITTED',
      createdAt: Date.now(),
      attempts: [],
    };
    this.jobs.set(jobId, job);
    const size = input.arrayProperties?.size;
    if (size !== undefined) {
      job.children = [];
      for (let i = 0; i < size; i++) {
        const child: FakeJob = {
          ...job,
          jobId: `${jobId}:${i}`,
          parentId: jobId,
          index: i,
          attempts: [],
        };
        delete child.children;
        this.jobs.set(child.jobId, child);
        job.children.push(child.jobId);
      }
    }
    this.pump();
    return job;
  }

  private depsOf(job: FakeJob): FakeJob[] {
    const owner = job.parentId !== undefined ? this.jobs.get(job.parentId) : job;
    return (owner?.input.dependsOn ?? []).flatMap((d) => {
      const dep = d.jobId !== undefined ? this.jobs.get(d.jobId) : undefined;
      return dep ? [dep] : [];
    });
  }

  private fail(job: FakeJob, reason: string): void {
    job.status = 'FAILED';
    job.statusReason = reason;
    job.stoppedAt = Date.now();
  }

  private scheduled = false;
  /** Moves every job as far as it can go now (coalesced into one pass per tick). */
  pump(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.step();
    });
  }

  private step(): void {
    for (const job of this.jobs.values()) {
      if (job.children) continue;
      if (job.status === 'SUBMITTED') job.status = 'PENDING';
      if (job.status !== 'PENDING') continue;
      const deps = this.depsOf(job);
      if (deps.some((d) => d.status === 'FAILED')) this.fail(job, 'Dependent Job failed');
      else if (deps.every((d) => d.status === 'SUCCEEDED')) job.status = 'RUNNABLE';
    }
    for (const job of this.jobs.values()) {
      if (job.status !== 'RUNNABLE' || this.paused || this.running >= this.maxRunning) continue;
      this.running++;
      job.status = 'STARTING';
      this.start(job);
    }
    for (const job of this.jobs.values()) if (job.children) this.settleParent(job);
  }

  private settleParent(parent: FakeJob): void {
    if (isDone(parent)) return;
    const kids = (parent.children ?? []).flatMap((id) => this.jobs.get(id) ?? []);
    if (kids.every(isDone)) {
      const failed = kids.some((k) => k.status === 'FAILED');
      parent.status = failed ? 'FAILED' : 'SUCCEEDED';
      parent.stoppedAt = Date.now();
      if (failed) parent.statusReason = 'Array Child Job failed';
      this.pump();
    } else if (kids.some((k) => k.status !== 'SUBMITTED')) parent.status = 'PENDING';
  }

  /** An attempt ended: the job succeeds, is tried again, or fails. */
  finish(job: FakeJob, end: AttemptEnd): void {
    const cur = job.current;
    if (!cur) return;
    job.current = undefined;
    this.running--;
    job.attempts.push({
      container: {
        ...(end.exitCode !== undefined ? { exitCode: end.exitCode } : {}),
        ...(end.reason !== undefined ? { reason: end.reason } : {}),
        logStreamName: cur.stream,
        taskArn: cur.taskArn,
      },
      startedAt: cur.startedAt,
      stoppedAt: Date.now(),
      ...(end.statusReason !== undefined ? { statusReason: end.statusReason } : {}),
    });
    const ok = end.exitCode === 0 && end.statusReason === undefined && end.final !== true;
    if (ok) {
      job.status = 'SUCCEEDED';
      job.stoppedAt = Date.now();
    } else if (shouldRetry(job.input.retryStrategy, job.attempts.length, end))
      job.status = 'RUNNABLE';
    else this.fail(job, end.statusReason ?? 'Essential container in task exited');
    this.pump();
  }

  terminate(jobId: string, reason: string): void {
    const job = this.jobs.get(jobId);
    if (!job) return;
    for (const id of job.children ?? []) this.terminate(id, reason);
    if (isDone(job)) return;
    if (job.current) job.current.stop({ statusReason: reason, final: true });
    if (!isDone(job)) this.fail(job, reason);
    this.pump();
  }

  summaryOf(parent: FakeJob): Record<string, number> {
    const counts = Object.fromEntries(STATUSES.map((s) => [s, 0]));
    for (const id of parent.children ?? []) {
      const s = this.jobs.get(id)?.status;
      if (s) counts[s] = (counts[s] ?? 0) + 1;
    }
    return counts;
  }

  detailOf(job: FakeJob): JobDetail {
    const last = job.attempts.at(-1);
    const size = job.input.arrayProperties?.size;
    return {
      jobArn: `arn:aws:batch:us-east-1:123456789012:job/${job.jobId}`,
      jobName: job.input.jobName,
      jobId: job.jobId,
      jobQueue: job.input.jobQueue,
      status: job.status,
      ...(job.statusReason !== undefined ? { statusReason: job.statusReason } : {}),
      attempts: job.children ? [] : job.attempts,
      createdAt: job.createdAt,
      startedAt: job.current?.startedAt ?? last?.startedAt,
      ...(job.stoppedAt !== undefined ? { stoppedAt: job.stoppedAt } : {}),
      dependsOn: job.input.dependsOn ?? [],
      jobDefinition: `arn:aws:batch:us-east-1:123456789012:job-definition/${job.definition}`,
      ...(job.input.retryStrategy ? { retryStrategy: job.input.retryStrategy } : {}),
      ...(job.input.timeout ? { timeout: job.input.timeout } : {}),
      tags: job.input.tags ?? {},
      propagateTags: job.input.propagateTags ?? false,
      ...(job.children
        ? {
            arrayProperties: {
              size,
              statusSummary: this.summaryOf(job),
              statusSummaryLastUpdatedAt: Date.now(),
            },
          }
        : job.index !== undefined
          ? { arrayProperties: { index: job.index } }
          : {}),
      container: {
        command: job.input.containerOverrides?.command ?? [],
        resourceRequirements: job.input.containerOverrides?.resourceRequirements ?? [],
        ...(last?.container.exitCode !== undefined ? { exitCode: last.container.exitCode } : {}),
        ...(last?.container.reason !== undefined ? { reason: last.container.reason } : {}),
        ...(last ? { logStreamName: last.container.logStreamName } : {}),
      },
    };
  }
}

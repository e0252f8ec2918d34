/**
 * What an array-job service must offer the batch orchestrator (runtimes/batch/): submit an array of
 * task indices with resources, submit a job after others where the service has dependencies, ask
 * about its jobs, cancel them. Rounds, retries with escalation, the finalizer's decisions, waiting
 * and status are written once, in batch/, against this; a backend only speaks to its service.
 * Every piece of a run's state lives in its Storage; what a backend must remember between the
 * submitting process and later ones (a finalizer job, `augc status`) it returns from `prepare` and
 * is handed back in `open`.
 */
import type { Plan, PlanParamValue, PlanResources } from '../../compiler/plan/types.js';
import type { Storage } from '../../engine/storage/storage.js';
import type { WorkerLaunch } from '../runtime.js';
import type { JobStatus } from './job-status.js';

export type Env = Readonly<Record<string, string | undefined>>;

/** One array of one group: indices relative to `offset`, so each array counts from 0. */
export interface ArraySubmission {
  round: number;
  attempt: number;
  group: string;
  /** The group's id made safe as one path component (logs, exit statuses, script names). */
  groupDir: string;
  offset: number;
  /** Index spec relative to `offset`, e.g. `0-99` or `3,7,12-15`. */
  indices: string;
  resources: PlanResources;
  /** Start no earlier than this many seconds from now (retry backoff). */
  beginAfterSeconds?: number;
  /** A one-line description for job names and script headers. */
  what: string;
}

export interface FinalizerSubmission {
  round: number;
  /** Job ids the finalizer waits for, whatever their outcome. */
  after: readonly string[];
  what: string;
}

export type Submitted =
  | {
      ok: true;
      jobId: string;
      /** What was sent (argv, request), kept in the round's record. */ request: unknown;
    }
  /** `unavailable`: the service cannot be reached at all (its submit command is not installed). */
  | { ok: false; message: string; unavailable?: boolean };

export type JobsQuery = { ok: true; jobs: JobStatus[] } | { ok: false; message: string };

/** A task's log: where a user reads it, and its last lines when the backend can fetch them. */
export interface TaskLog {
  location: string;
  tail(): Promise<string>;
}

export interface BatchBackend {
  /** Scheduler or service calls made so far (benches and tests count them). */
  readonly calls: number;
  submitArray(job: ArraySubmission): Promise<Submitted>;
  /**
   * Submits the round's finalizer to run after its arrays; absent when the service has no job
   * dependencies, and then the driver finalizes the round itself (see batch/wait-run.ts).
   */
  submitFinalizer?(job: FinalizerSubmission): Promise<Submitted>;
  query(jobIds: readonly string[]): Promise<JobsQuery>;
  cancel(jobIds: readonly string[]): Promise<void>;
  /** The exit status a task's wrapper recorded for an attempt, when the backend records one. */
  exitStatus(groupDir: string, index: number, attempt: number): Promise<number | undefined>;
  taskLog(groupDir: string, index: number): TaskLog;
  /** Forgets exit statuses of an earlier submission of the same run (before its round 1). */
  reset(): Promise<void>;
}

/** What `prepare` is given: everything the submitting process knows. */
export interface BackendSetup {
  plan: Plan;
  storage: Storage;
  /** The run's root: an absolute path or a URI. */
  runUri: string;
  planUri: string;
  options: Readonly<Record<string, PlanParamValue>>;
  launch: WorkerLaunch;
  env: Env;
}

/** What `open` is given, in the submitting process or any later one. */
export interface BackendContext {
  plan: Plan;
  storage: Storage;
  runUri: string;
  planUri: string;
  launch: WorkerLaunch;
  /** What `prepare` returned, read back from the run's records. */
  config: Readonly<Record<string, unknown>>;
  env: Env;
  /** `--dry-run`: print each request instead of sending it. */
  print?: (text: string) => void;
  /**
   * Aborted when the driver is asked to stop (Ctrl-C): a backend that waits in the driver (a retry
   * backoff where the service cannot start a job later) stops waiting and submits nothing.
   */
  signal?: AbortSignal;
}

export interface BatchBackendSpec {
  /** The runtime's name (registry key and `--target` value). */
  name: string;
  /** Decides, once per submission, what later processes must know (recorded in the run). */
  prepare(setup: BackendSetup): Promise<{ config: Record<string, unknown>; window: number }>;
  open(ctx: BackendContext): BatchBackend;
  /** One line for `augc status` about the backend (e.g. the dialect in use). */
  describeConfig?(config: Readonly<Record<string, unknown>>): string;
}

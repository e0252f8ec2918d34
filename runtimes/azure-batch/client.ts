/**
 * The few Azure Batch calls augc makes, as a small client: the SDK (@azure/batch 10.2.0) stays
 * behind it in sdk-client.ts, loaded with `import()` only when a run talks to the service. The
 * request and response shapes are the service's JSON (the SDK's models use the same names).
 * `openBatchClient` (open-client.ts) loads it.
 */
import type { JobAdd, TaskAdd } from './requests.js';

/** One task of a job as listed (the fields augc selects). */
export interface TaskInfo {
  id: string;
  displayName?: string;
  state: 'active' | 'preparing' | 'running' | 'completed' | string;
  executionInfo?: {
    exitCode?: number;
    retryCount?: number;
    requeueCount?: number;
    result?: 'success' | 'failure' | string;
    failureInfo?: { category?: string; code?: string; message?: string };
  };
}

/** The outcome of one task of an addtaskcollection call. */
export interface TaskAddOutcome {
  taskId: string;
  status: 'success' | 'clientError' | 'serverError' | string;
  error?: { code?: string | undefined; message?: string | undefined };
}

export interface AzureBatchClient {
  createJob(job: JobAdd): Promise<void>;
  /** One addtaskcollection call: at most 100 tasks, under 1 MB. */
  addTasks(jobId: string, tasks: readonly TaskAdd[]): Promise<TaskAddOutcome[]>;
  patchJob(
    jobId: string,
    patch: { onAllTasksComplete: 'terminatejob' | 'noaction' },
  ): Promise<void>;
  /** Every task of the job, all pages. */
  listTasks(jobId: string): Promise<TaskInfo[]>;
  terminateJob(jobId: string): Promise<void>;
}

/** A failed call, normalised: the service's error code, HTTP status and message. */
export class AzureBatchError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly status: number | undefined,
    /** The service could not be reached or refused our identity (exit 69, not 1). */
    readonly unavailable: boolean,
  ) {
    super(message);
    this.name = 'AzureBatchError';
  }
}

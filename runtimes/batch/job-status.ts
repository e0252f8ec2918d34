/**
 * A job's state as every backend reports it to the orchestrator: the scheduler's or service's own
 * word reduced to what augc acts on, with `raw` keeping the original.
 */
export type JobStateName =
  | 'pending'
  | 'running'
  | 'completed'
  | 'failed'
  | 'timeout'
  | 'oom'
  | 'node_fail'
  | 'preempted'
  | 'cancelled'
  | 'unknown';

export interface JobStatus {
  /** The id as submitted (the array's id for array tasks). */
  jobId: string;
  /** The array index, for one task of an array. */
  index?: number;
  state: JobStateName;
  raw: string;
  reason?: string;
  /**
   * How many times the service itself ran this task in this job, when it retries tasks on its
   * own (Cloud Batch's `maxRetryCount`): each of those runs was an attempt.
   */
  tries?: number;
}

/** States after which a job will not change again. */
export function isFinished(state: JobStateName): boolean {
  return state !== 'pending' && state !== 'running' && state !== 'unknown';
}

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
}

/** States after which a job will not change again. */
export function isFinished(state: JobStateName): boolean {
  return state !== 'pending' && state !== 'running' && state !== 'unknown';
}

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
  /** Tries the service itself made of this job (services that retry jobs: AWS Batch). */
  attempts?: number;
  /** The exit code of its last try, when the service reports one. */
  exitCode?: number;
  /** Where its last try's output can be read, when the service names it (a log stream). */
  log?: string;
  /** An array job's tasks by state, when the service counts them (progress without a call per task). */
  summary?: { queued: number; running: number; succeeded: number; failed: number };
}

/** States after which a job will not change again. */
export function isFinished(state: JobStateName): boolean {
  return state !== 'pending' && state !== 'running' && state !== 'unknown';
}

/**
 * What a batch scheduler dialect is: pure string-in/string-out functions (Nextflow's grid
 * executors have the same shape). Everything that spawns, polls, throttles or retries lives once in
 * runtimes/grid/; a dialect only says how to spell a job for its scheduler and how to read back
 * what the scheduler prints. Every value goes into an argv array (never a shell string), so names
 * with shell metacharacters are just odd names.
 */
import type { PlanResources } from '../../compiler/plan/types.js';
import type { JobStatus } from '../batch/job-status.js';

/** Target options that shape a job (from the plan's `target` block, config files and env). */
export interface GridTargetOptions {
  /** Slurm partition or PBS queue. */
  queue?: string;
  account?: string;
  qos?: string;
  gpuType?: string;
  /** `%N`: most tasks of one array running at once. */
  arrayLimit?: number;
  /** Extra scheduler flags, passed verbatim as separate argv entries. */
  extra: string[];
}

interface JobBase {
  /** Job name shown by the scheduler (already restricted to `[A-Za-z0-9_.+-]`). */
  name: string;
  /** Absolute path of the job script. */
  script: string;
  /** Absolute working directory (the run's root). */
  workdir: string;
  resources: PlanResources;
  target: GridTargetOptions;
  /** Absolute path of the scheduler's own output file (the task wrapper logs elsewhere). */
  schedulerLog: string;
}

export interface ArrayJob extends JobBase {
  /** Array indices, e.g. `0-99` or `3,7,12-15` (see index-spec.ts). */
  indices: string;
  /** Start no earlier than this many seconds from now (retry backoff). */
  beginAfterSeconds?: number;
}

export interface SingleJob extends JobBase {
  /** Job ids this job waits for, whatever their outcome (`afterany`). */
  afterAny: string[];
}

export type { JobStateName, JobStatus } from '../batch/job-status.js';
export { isFinished } from '../batch/job-status.js';

export interface GridDialect {
  readonly name: string;
  /** The scheduler commands this dialect calls (for `--target hpc` and error messages). */
  readonly commands: { submit: string; status: string; cancel: string };
  /** False when array indices must be one range (PBS Pro `-J`): lists are then filtered in the script. */
  readonly indexLists: boolean;
  /** Put in the scheduler log's name so array tasks do not share one file (`.%A_%a` for Slurm). */
  readonly arrayLogSuffix: string;
  /** The environment variable expression a task reads its array index from, in shell syntax. */
  readonly indexExpression: string;
  /** The shell expression for the scheduler's job id, for the task log's attempt lines. */
  readonly jobIdExpression: string;
  arraySubmitArgv(job: ArrayJob): string[];
  singleSubmitArgv(job: SingleJob): string[];
  /** The job id from the submit command's stdout, or undefined when there is none. */
  parseJobId(stdout: string): string | undefined;
  statusArgv(jobIds: readonly string[]): string[];
  /** Exit codes of the status command that mean "none of these jobs is known any more". */
  readonly unknownJobExitCodes: readonly number[];
  parseStatus(stdout: string): JobStatus[];
  cancelArgv(jobIds: readonly string[]): string[];
}

/**
 * The contract every target implements, and what the run layer (runtimes/run/) needs of it. A
 * runtime is handed a run that is ready to execute (the plan written to the run's storage, the
 * input split into chunk files, completed tasks already removed) and executes or submits its
 * tasks. It never touches argv, stdout or process signals: the caller passes a writer for progress
 * and an AbortSignal for Ctrl-C.
 *
 * Two shapes fit behind `submit`: the local pool runs every task and resolves when they are done
 * (`completed`, `failed` or `interrupted`); an array-job backend resolves as soon as its arrays are
 * queued (`submitted`, with the job ids), and `status`/`cancel` follow the run afterwards. Nobody
 * asks which shape a runtime is: it says what it can do in `capabilities`.
 */
import type { Diagnostic } from '../compiler/diagnostics/diagnostic.js';
import type { Plan, PlanParamValue, PlanTask } from '../compiler/plan/types.js';
import type { MergeResult } from '../engine/merge.js';
import type { Storage } from '../engine/storage/storage.js';

/** Where progress and messages go (the CLI passes stderr). */
export interface RunOutput {
  write(text: string): unknown;
  /** Redraw progress in place (a terminal) or print plain periodic lines. */
  isTTY: boolean;
  /** The terminal's width now, when known: progress lines are cut to it. */
  readonly columns?: number | undefined;
  /** Calls `redraw` when the terminal is resized; returns the function that stops that. */
  onResize?(redraw: () => void): () => void;
}

/** A run that exists in storage: enough for `status` and `cancel` in a later process. */
export interface RunRef {
  plan: Plan;
  /** The run's root: an absolute local path or a URI (`s3://bucket/prefix`). */
  outputUri: string;
  storage: Storage;
  /** The environment of the process that follows or cancels the run (scheduler commands need PATH). */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * How to start augc's worker where tasks run: a program and its leading arguments (`worker ...`
 * is appended), and the environment it needs besides what the target provides. A container
 * image's entry point, a job script and the local pool all start workers from this.
 */
export interface WorkerLaunch {
  program: string;
  args: readonly string[];
  /** Variables to set for the worker (never credentials: those come from the target's own chain). */
  env: Readonly<Record<string, string>>;
}

export interface RunContext extends RunRef {
  /** URI of the plan inside the run (`<output>/_augc/plan.json`): all a worker is given. */
  planUri: string;
  /** The tasks to execute, in plan order (resume has removed the complete ones). */
  tasks: readonly PlanTask[];
  /** The target's options from the plan, overridden by the command line (e.g. `jobs`). */
  options: Readonly<Record<string, PlanParamValue>>;
  /** How to start a worker (job scripts append `worker --plan ...`). */
  launch: WorkerLaunch;
  /** Aborted on Ctrl-C / SIGTERM: stop cleanly, mark nothing complete that is not. */
  signal: AbortSignal;
  output: RunOutput;
  /** Rows of each chunk file (index = chunk), from the split; for progress. */
  chunkRows?: readonly number[];
  /** Environment workers inherit (test hooks such as AUGC_TEST_KILL_AFTER_ROWS travel here). */
  env: Readonly<Record<string, string | undefined>>;
}

/** A task that ended without a complete record, after its last attempt. */
export interface TaskFailure {
  task: string;
  group: string;
  index: number;
  attempts: number;
  /** `exit(N)`, `signal`, `oom`, `timeout`, `error` (as in the attempt records). */
  errorClass: string;
  message: string;
  /** Where the log that holds the task's output is: relative to the run's root, or absolute. */
  logPath: string;
  /** The last lines of that log for this task, when the runtime has them. */
  logTail?: string;
}

/** What a merge the runtime already did reports (`augc run` then prints it instead of merging). */
export type MergeSummary = Pick<
  MergeResult,
  'ok' | 'written' | 'tasks' | 'complete' | 'totals' | 'lowYield'
>;

export type SubmitResult =
  | { state: 'completed'; completed: number; merged?: MergeSummary }
  | { state: 'failed'; completed: number; failed: TaskFailure[] }
  /** `detached`: only this process stopped; the run's scheduler jobs go on without it. */
  | { state: 'interrupted'; completed: number; detached?: boolean }
  | { state: 'submitted'; jobIds: string[] }
  /** The target cannot be used from here at all (e.g. its submit command is not on PATH). */
  | { state: 'unavailable'; message: string };

/** A task a runtime knows to be running now (storage knows only finished tasks). */
export interface RunningTask {
  task: string;
  group: string;
  index: number;
  attempt: number;
  worker: string;
  start: string;
  rowsDone: number;
  rowsTotal?: number;
}

export interface RuntimeStatus {
  /** Whether a driver or a scheduler job of the run is alive. */
  active: boolean;
  running: RunningTask[];
  /** Human notes (owner of the run, job ids). */
  notes: string[];
}

/** What a runtime can do; the run layer and the CLI act on these, never on a runtime's name. */
export interface RuntimeCapabilities {
  /**
   * Its tasks go on without the process that submitted them (scheduler or cloud jobs): Ctrl-C
   * stops only the following, and a second `augc run` must first ask whether the jobs are done.
   */
  detached: boolean;
  /** It merges the run itself when its tasks are over (a finalizer job): the driver does not. */
  finalizesItself: boolean;
}

/** The end of one finalizer round (see runtimes/batch/finalize.ts). */
export type FinalizeOutcome =
  | { kind: 'cancelled' }
  | { kind: 'resubmitted'; round: number; tasks: number; finalizer: string | undefined }
  | { kind: 'done'; state: 'completed' | 'failed'; completed: number }
  | { kind: 'error'; message: string };

export interface Runtime {
  /** The registry key, folder name and `--target` value. */
  readonly name: string;
  readonly capabilities: RuntimeCapabilities;
  /**
   * Refuses a plan this target cannot run as configured (e.g. GPUs a machine does not have, or a
   * container program that is not on PATH); `env` is the environment the run starts in.
   */
  preflight?(
    plan: Plan,
    options: Readonly<Record<string, PlanParamValue>>,
    env: Readonly<Record<string, string | undefined>>,
  ): Diagnostic | undefined;
  submit(run: RunContext): Promise<SubmitResult>;
  /** Prints the requests `submit` would make (scripts, submit commands), submitting nothing. */
  describe?(run: RunContext, print: (text: string) => void): Promise<void>;
  /** One round's finalizer: merge, or resubmit the failed tasks (runtimes that finalize themselves). */
  finalize?(run: RunRef, round: number): Promise<FinalizeOutcome>;
  status(run: RunRef): Promise<RuntimeStatus>;
  /** Where the runtime keeps a task's output (a log file, a service's log), when it knows. */
  taskLog?(run: RunRef, group: string, index: number): Promise<string | undefined>;
  /** Stops the run's tasks; true when something was asked to stop. */
  cancel(run: RunRef): Promise<boolean>;
}

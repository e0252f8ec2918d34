/**
 * Runs exactly one task of a plan: what `augc worker --plan URI --group G --index I` does on every
 * target, and what each child of the local pool does for each task it is sent. The run's storage
 * is the folder that holds `_augc/plan.json`, so a run directory can be moved or mounted elsewhere.
 */
import { loadPlan } from '../compiler/plan/load-plan.js';
import { taskAt } from '../compiler/plan/task-at.js';
import type { Plan, PlanTask } from '../compiler/plan/types.js';
import { runTask } from '../engine/run-task.js';
import { chunkPath } from '../engine/split.js';
import { isTaskFailure } from '../engine/task-failure.js';
import { openStorage } from '../engine/storage/open-storage.js';
import type { Storage } from '../engine/storage/storage.js';
import type { TaskRecord } from '../engine/task-record.js';
import type { AttemptFailure } from './retry-policy.js';

export const PLAN_PATH = '_augc/plan.json';
/** Where `augc run` splits the input (what every task reads). */
export const CHUNKS_DIR = '_augc/chunks';

export interface WorkerTaskOptions {
  planUri: string;
  group: string;
  index: number;
  attempt: number;
  /** Names the worker in records and logs, e.g. `local-3` or a scheduler job id. */
  worker: string;
  signal?: AbortSignal;
  /** Called once the task is known, before it starts. */
  onStart?: (task: PlanTask) => void;
  onProgress?: (rowsDone: number, rowsTotal?: number) => void;
  /** The chunk's row count when known (for progress). */
  rowsTotal?: number;
  /** Receives `command` programs' output (for the worker's log). */
  log?: (text: string) => void;
  /** Where this attempt's output can be read (a service's log stream), kept in its records. */
  logLocation?: string;
}

export type WorkerTaskResult =
  | { ok: true; task: PlanTask; record: TaskRecord }
  | {
      ok: false;
      task?: PlanTask;
      /** The task was stopped on request (Ctrl-C): not a failure, nothing recorded. */
      aborted: boolean;
      failure: AttemptFailure & { message: string };
    };

/** The run's root for a plan URI: the folder above `_augc/plan.json`. */
export function runRootOf(planUri: string, plan?: Plan): string {
  const trimmed = planUri.replace(/\/+$/, '');
  if (trimmed === PLAN_PATH) return '.';
  if (trimmed.endsWith(`/${PLAN_PATH}`)) return trimmed.slice(0, -PLAN_PATH.length - 1) || '/';
  return plan?.output.uri ?? '.';
}

// One worker process runs many tasks of one plan: read and validate it once.
const loaded = new Map<string, { plan: Plan; storage: Storage }>();

async function readPlanText(planUri: string): Promise<string> {
  const opened = openStorage(runRootOf(planUri));
  if (!opened.ok) throw new Error(opened.message);
  return opened.storage.readText(PLAN_PATH);
}

export type LoadedRun = { ok: true; plan: Plan; storage: Storage } | { ok: false; message: string };

/** The plan and the run's storage for a plan URI (cached per process). */
export async function loadRun(planUri: string): Promise<LoadedRun> {
  const hit = loaded.get(planUri);
  if (hit) return { ok: true, ...hit };
  let text: string;
  try {
    text = await readPlanText(planUri);
  } catch (error) {
    return { ok: false, message: `cannot read the plan \`${planUri}\`: ${messageOf(error)}` };
  }
  const result = loadPlan(text, planUri);
  if (!result.value) {
    return { ok: false, message: result.diagnostics.map((d) => d.message).join('; ') };
  }
  const opened = openStorage(runRootOf(planUri, result.value));
  if (!opened.ok) return { ok: false, message: opened.message };
  const run = { plan: result.value, storage: opened.storage };
  loaded.set(planUri, run);
  return { ok: true, ...run };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function failed(message: string, task?: PlanTask): WorkerTaskResult {
  return {
    ok: false,
    aborted: false,
    failure: { errorClass: 'error', message },
    ...(task ? { task } : {}),
  };
}

export async function runWorkerTask(opts: WorkerTaskOptions): Promise<WorkerTaskResult> {
  const run = await loadRun(opts.planUri);
  if (!run.ok) return failed(run.message);
  const task = taskAt(run.plan, opts.group, opts.index);
  if (!task) {
    const group = run.plan.groups.find((g) => g.id === opts.group);
    const why = group
      ? `index ${opts.index} is outside group \`${opts.group}\` (0..${group.size - 1})`
      : `the plan has no group \`${opts.group}\``;
    return failed(why);
  }
  opts.onStart?.(task);
  return executeTask(run.plan, run.storage, task, opts);
}

async function executeTask(
  plan: Plan,
  storage: Storage,
  task: PlanTask,
  opts: WorkerTaskOptions,
): Promise<WorkerTaskResult> {
  try {
    const record = await runTask({
      plan,
      storage,
      task,
      chunkPath: chunkPath(CHUNKS_DIR, task.chunk),
      attempt: opts.attempt,
      worker: opts.worker,
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      ...(opts.rowsTotal !== undefined ? { rowsTotal: opts.rowsTotal } : {}),
      ...(opts.log ? { log: opts.log } : {}),
      ...(opts.logLocation !== undefined ? { logLocation: opts.logLocation } : {}),
    });
    return { ok: true, task, record };
  } catch (error) {
    const aborted = opts.signal?.aborted === true;
    const failure = failureOf(error);
    return { ok: false, task, aborted, failure };
  }
}

/** The engine's TaskFailure carries the attempt record (class, exit code, signal). */
function failureOf(error: unknown): AttemptFailure & { message: string } {
  if (!isTaskFailure(error)) return { errorClass: 'error', message: messageOf(error) };
  const a = error.attempt;
  return {
    errorClass: a.error_class,
    message: a.message,
    ...(a.exit_code !== undefined ? { exitCode: a.exit_code } : {}),
    ...(a.signal !== undefined ? { signal: a.signal } : {}),
  };
}

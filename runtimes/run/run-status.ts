/**
 * A run's state for `augc status`: finished tasks from storage records (the source of truth on
 * every target), running tasks from the runtime, and an ETA from completed tasks' durations.
 */
import { tasksOf } from '../../compiler/plan/task-at.js';
import type { Plan } from '../../compiler/plan/types.js';
import type { Storage } from '../../engine/storage/storage.js';
import { mapLimit } from '../../engine/map-limit.js';
import { listAttempts, readTaskState, type TaskState } from '../../engine/task-state.js';
import { nextPollMs } from '../poll.js';
import { loadRuntime } from '../registry.js';
import type { RunningTask, RuntimeStatus } from '../runtime.js';
import { openRun, targetOf } from './open-run.js';
import type { RunStatusCode } from './run-outcome.js';
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.js';

export interface StatusReport {
  pipeline: string;
  run: string;
  target: string;
  active: boolean;
  tasks: number;
  completed: number;
  running: number;
  failed: number;
  /** Tasks whose latest attempt was stopped (Ctrl-C, SIGTERM, a cancel): not failures. */
  interrupted: number;
  pending: number;
  rows: number;
  /** Seconds, from the mean duration of completed tasks; undefined when unknown or done. */
  etaSeconds?: number;
  runningTasks: RunningTask[];
  failedTasks: { task: string; group: string; index: number; reason: string }[];
  interruptedTasks: { task: string; group: string; index: number; reason: string }[];
  notes: string[];
}

interface TaskAndState {
  id: string;
  group: string;
  index: number;
  state: TaskState;
}

async function allStates(plan: Plan, storage: Storage): Promise<TaskAndState[]> {
  const attempts = await listAttempts(storage);
  return mapLimit([...tasksOf(plan)], 32, async (t) => ({
    id: t.id,
    group: t.group,
    index: t.index,
    state: await readTaskState(storage, plan, t, { attempts, verifyHash: false }),
  }));
}

function durationMs(state: TaskState): number | undefined {
  const r = state.record;
  if (!r) return undefined;
  const ms = Date.parse(r.end) - Date.parse(r.start);
  return Number.isFinite(ms) ? ms : undefined;
}

export async function readRunStatus(
  plan: Plan,
  storage: Storage,
  where: { run: string; target: string },
  runtime: RuntimeStatus,
): Promise<StatusReport> {
  const states = await allStates(plan, storage);
  // The runtime's view can lag storage (the local pool rewrites it once a second): a task whose
  // record says complete is complete, so the count and the list of running tasks always agree.
  const complete = new Set(states.filter((s) => s.state.state === 'complete').map((s) => s.id));
  const runningTasks = runtime.running.filter((r) => !complete.has(r.task));
  const running = new Set(runningTasks.map((r) => r.task));
  const report: StatusReport = {
    pipeline: plan.pipeline,
    ...where,
    active: runtime.active,
    tasks: states.length,
    completed: 0,
    running: 0,
    failed: 0,
    interrupted: 0,
    pending: 0,
    rows: 0,
    runningTasks,
    failedTasks: [],
    interruptedTasks: [],
    notes: runtime.notes,
  };
  const durations: number[] = [];
  for (const { id, group, index, state } of states) {
    if (state.state === 'complete') {
      report.completed++;
      report.rows += state.record?.rows_out ?? 0;
      const d = durationMs(state);
      if (d !== undefined) durations.push(d);
    } else if (running.has(id)) report.running++;
    else if (state.state === 'failed' && state.attempt?.state === 'interrupted') {
      report.interrupted++;
      report.interruptedTasks.push({ task: id, group, index, reason: state.reason });
    } else if (state.state === 'failed') {
      report.failed++;
      report.failedTasks.push({ task: id, group, index, reason: state.reason });
    } else report.pending++;
  }
  const left = report.pending + report.running + (runtime.active ? report.failed : 0);
  if (durations.length > 0 && left > 0 && runtime.active) {
    const mean = durations.reduce((a, b) => a + b, 0) / durations.length;
    report.etaSeconds = Math.round((mean * left) / Math.max(1, report.running) / 1000);
  }
  return report;
}

/**
 * True when nothing more will happen without a new `augc run`: the run's driver or jobs are gone.
 * Every task having ended is not enough: a batch run's finalizer (or the local driver) still
 * merges, or resubmits failed tasks as the next round.
 */
export function isSettled(report: StatusReport): boolean {
  return !report.active;
}

const NO_RUNTIME: RuntimeStatus = { active: false, running: [], notes: [] };

export type StatusSnapshot =
  | {
      ok: true;
      report: StatusReport;
      /** Polls should back off (each asks a scheduler). */ backoff: boolean;
    }
  | { ok: false; status: RunStatusCode; diagnostics: Diagnostic[] };

/** The run at `uri` now: records from its storage, live tasks from the runtime that runs it. */
export async function snapshotStatus(
  uri: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<StatusSnapshot> {
  const opened = await openRun(uri);
  if (!opened.ok) return opened;
  const { run } = opened;
  const target = targetOf(run);
  const runtime = await loadRuntime(target);
  const ref = { plan: run.plan, outputUri: uri, storage: run.storage, env };
  const live = runtime ? await runtime.status(ref) : NO_RUNTIME;
  const report = await readRunStatus(run.plan, run.storage, { run: uri, target }, live);
  return { ok: true, report, backoff: runtime?.capabilities.detached === true };
}

export { nextPollMs };

/**
 * What the run report is built from: the run's own records, read through its Storage, so a run
 * on any target (a local folder, an object store) reports the same way. For every task the plan
 * expects: its state and its context record; every attempt record; and the log tails a batch
 * finalizer kept in `_augc/batch/result.json` for tasks whose attempt record has none.
 */
import { tasksOf } from '../../compiler/plan/task-at.js';
import type { Plan, PlanTask } from '../../compiler/plan/types.js';
import { mapLimit } from '../map-limit.js';
import { BATCH_RESULT_PATH } from '../run-layout.js';
import type { Storage } from '../storage/storage.js';
import type { AttemptRecord, TaskRecord } from '../task-record.js';
import { listAttempts, readTaskState, type TaskStateName } from '../task-state.js';

/** A task's state, with `interrupted` apart from `failed` as `augc status` shows it. */
export type ReportTaskState = TaskStateName | 'interrupted';

export interface TaskEntry {
  task: PlanTask;
  state: ReportTaskState;
  reason: string;
  record?: TaskRecord;
}

export interface RunRecords {
  tasks: TaskEntry[];
  /** Every attempt record of the run (failed or interrupted attempts), sorted by task, attempt. */
  attempts: AttemptRecord[];
  /** Log tails by task id from the batch result, for attempts a scheduler ended. */
  logTails: Map<string, { tail: string; location?: string }>;
}

async function readJson(storage: Storage, path: string): Promise<unknown> {
  try {
    return JSON.parse(await storage.readText(path));
  } catch {
    return undefined;
  }
}

function isAttempt(value: unknown): value is AttemptRecord {
  const a = value as Partial<AttemptRecord> | undefined;
  return typeof a?.task === 'string' && typeof a.attempt === 'number';
}

/** The failures of a batch result (`_augc/batch/result.json`), loosely typed as read. */
export interface ResultFailures {
  failed?: { task?: unknown; logTail?: unknown; logPath?: unknown }[];
}

/** Log tails by task from a batch result: the one given, else the one in the run. */
async function readLogTails(
  storage: Storage,
  given: ResultFailures | undefined,
): Promise<RunRecords['logTails']> {
  const result = given ?? ((await readJson(storage, BATCH_RESULT_PATH)) as ResultFailures);
  const tails: RunRecords['logTails'] = new Map();
  for (const f of Array.isArray(result?.failed) ? result.failed : []) {
    if (typeof f.task !== 'string' || typeof f.logTail !== 'string' || f.logTail === '') continue;
    tails.set(f.task, {
      tail: f.logTail,
      ...(typeof f.logPath === 'string' ? { location: f.logPath } : {}),
    });
  }
  return tails;
}

/**
 * The records of a run. `result` is a batch result not yet in storage (the finalizer writes the
 * report before the result, which tells waiting drivers the run is over).
 */
export async function readRunRecords(
  plan: Plan,
  storage: Storage,
  result?: ResultFailures,
): Promise<RunRecords> {
  const attemptFiles = await listAttempts(storage);
  const tasks = await mapLimit([...tasksOf(plan)], 32, async (task): Promise<TaskEntry> => {
    const s = await readTaskState(storage, plan, task, {
      attempts: attemptFiles,
      verifyHash: false,
    });
    const state =
      s.state === 'failed' && s.attempt?.state === 'interrupted' ? 'interrupted' : s.state;
    return { task, state, reason: s.reason, ...(s.record ? { record: s.record } : {}) };
  });
  const paths = [...attemptFiles.values()].flat();
  const attempts = (await mapLimit(paths, 32, (p) => readJson(storage, p))).filter(isAttempt);
  attempts.sort((a, b) => (a.task === b.task ? a.attempt - b.attempt : a.task < b.task ? -1 : 1));
  return { tasks, attempts, logTails: await readLogTails(storage, result) };
}

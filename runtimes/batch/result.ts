/** How a batch run ended, as the last finalizer records it in `_augc/batch/result.json`. */
import type { Plan } from '../../compiler/plan/types.js';
import type { TaskProblem } from '../../engine/merge.js';
import type { Storage } from '../../engine/storage/storage.js';
import { listAttempts } from '../../engine/task-state.js';
import type { AttemptRecord } from '../../engine/task-record.js';
import type { MergeSummary, TaskFailure } from '../runtime.js';
import type { BatchBackend } from './backend.js';
import { groupDirOf } from './group-dir.js';

export type BatchResult =
  /** `merged`: the finalizer's merge, so that `augc run --wait` prints it without merging again. */
  | { state: 'completed'; completed: number; end: string; merged?: MergeSummary }
  | { state: 'failed'; completed: number; failed: TaskFailure[]; end: string };

async function latestAttempt(
  storage: Storage,
  files: string[] | undefined,
): Promise<AttemptRecord | undefined> {
  const last = files?.at(-1);
  if (last === undefined) return undefined;
  try {
    return JSON.parse(await storage.readText(last)) as AttemptRecord;
  } catch {
    return undefined;
  }
}

/** One failure per task that is not complete, with where its log is and the log's last lines. */
export async function failuresOf(
  plan: Plan,
  storage: Storage,
  problems: readonly TaskProblem[],
  backend: Pick<BatchBackend, 'taskLog'>,
): Promise<TaskFailure[]> {
  const attempts = await listAttempts(storage);
  const out: TaskFailure[] = [];
  for (const p of problems) {
    const a = await latestAttempt(storage, attempts.get(p.task));
    const log = backend.taskLog(groupDirOf(plan, p.group), p.index);
    out.push({
      task: p.task,
      group: p.group,
      index: p.index,
      attempts: a?.attempt ?? 0,
      errorClass: a?.error_class ?? p.state,
      message: a?.message ?? p.reason,
      // The service's log stream of the attempt, where it named one, else the backend's place.
      logPath: a?.log ?? log.location,
      logTail: await log.tail().catch(() => ''),
    });
  }
  return out;
}

export async function readResult(storage: Storage, path: string): Promise<BatchResult | undefined> {
  try {
    return JSON.parse(await storage.readText(path)) as BatchResult;
  } catch {
    return undefined;
  }
}

/** How a grid run ended, as the last finalizer records it in `_augc/grid/result.json`. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plan } from '../../compiler/plan/types.js';
import type { TaskProblem } from '../../engine/merge.js';
import type { Storage } from '../../engine/storage/storage.js';
import { listAttempts } from '../../engine/task-state.js';
import type { AttemptRecord } from '../../engine/task-record.js';
import type { MergeSummary, TaskFailure } from '../runtime.js';
import { taskLogPathOf } from './layout.js';
import { pathSafe } from './shell-quote.js';

export type GridResult =
  /** `merged`: the finalizer's merge, so that `augc run --wait` prints it without merging again. */
  | { state: 'completed'; completed: number; end: string; merged?: MergeSummary }
  | { state: 'failed'; completed: number; failed: TaskFailure[]; end: string };

const TAIL_LINES = 20;

async function tailOf(root: string, path: string): Promise<string> {
  try {
    const text = await readFile(join(root, path), 'utf8');
    return text.trimEnd().split('\n').slice(-TAIL_LINES).join('\n');
  } catch {
    return '';
  }
}

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

/** One failure per task that is not complete, with its log path and the log's last lines. */
export async function failuresOf(
  plan: Plan,
  storage: Storage,
  problems: readonly TaskProblem[],
): Promise<TaskFailure[]> {
  const attempts = await listAttempts(storage);
  const order = new Map(plan.groups.map((g, i) => [g.id, i]));
  const out: TaskFailure[] = [];
  for (const p of problems) {
    const a = await latestAttempt(storage, attempts.get(p.task));
    const logPath = taskLogPathOf(pathSafe(p.group, `group-${order.get(p.group) ?? 0}`), p.index);
    out.push({
      task: p.task,
      group: p.group,
      index: p.index,
      attempts: a?.attempt ?? 0,
      errorClass: a?.error_class ?? p.state,
      message: a?.message ?? p.reason,
      logPath,
      logTail: await tailOf(storage.root, logPath),
    });
  }
  return out;
}

export async function readResult(storage: Storage, path: string): Promise<GridResult | undefined> {
  try {
    return JSON.parse(await storage.readText(path)) as GridResult;
  } catch {
    return undefined;
  }
}

/**
 * Resume: which tasks of the plan must run. A task is skipped when its record exists, its cache
 * key (task definition, chunk hash, params, augc version) equals the plan's and its part still has
 * the recorded hash; `--force` runs them all.
 */
import { tasksOf } from '../../compiler/plan/task-at.js';
import type { Plan, PlanTask } from '../../compiler/plan/types.js';
import type { Storage } from '../../engine/storage/storage.js';
import { mapLimit } from '../../engine/map-limit.js';
import { listAttempts, readTaskState, type TaskState } from '../../engine/task-state.js';
import type { SplitRecord } from './split-step.js';

export interface Selection {
  run: PlanTask[];
  skip: PlanTask[];
  /** Why each task to run runs (its state in storage). */
  why: Map<string, TaskState>;
}

const CONCURRENCY = 32;

async function statesOf(
  plan: Plan,
  storage: Storage,
  tasks: PlanTask[],
  split: SplitRecord | undefined,
): Promise<TaskState[]> {
  const attempts = await listAttempts(storage);
  return mapLimit(tasks, CONCURRENCY, (task) => {
    const chunkSha256 = split?.chunks[task.chunk]?.sha256;
    return readTaskState(storage, plan, task, {
      attempts,
      ...(chunkSha256 !== undefined ? { chunkSha256 } : {}),
    });
  });
}

/**
 * `split` is undefined when the input has not been split (dry run of a new output): then no
 * recorded chunk hash can be trusted and every task runs.
 */
export async function selectTasks(
  plan: Plan,
  storage: Storage,
  split: SplitRecord | undefined,
  force: boolean,
): Promise<Selection> {
  const tasks = [...tasksOf(plan)];
  const why = new Map<string, TaskState>();
  if (force || split === undefined) {
    const reason = force ? '--force' : 'the input is not split yet';
    tasks.forEach((t) => why.set(t.id, { state: 'missing', reason }));
    return { run: tasks, skip: [], why };
  }
  const states = await statesOf(plan, storage, tasks, split);
  const run: PlanTask[] = [];
  const skip: PlanTask[] = [];
  tasks.forEach((task, i) => {
    const state = states[i];
    if (state?.state === 'complete') return void skip.push(task);
    run.push(task);
    if (state) why.set(task.id, state);
  });
  return { run, skip, why };
}

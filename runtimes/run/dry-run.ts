/**
 * `augc run --dry-run` and `augc plan --target T`: which tasks would run, and the exact requests
 * the runtime would make for them (scripts, submit commands), writing and submitting nothing.
 */
import { tasksOf } from '../../compiler/plan/task-at.js';
import type { Plan, PlanParamValue, PlanTask } from '../../compiler/plan/types.js';
import { PLAN_PATH } from '../../engine/run-layout.js';
import type { Storage } from '../../engine/storage/storage.js';
import type { Runtime, WorkerLaunch } from '../runtime.js';
import { containerMismatch } from './container-check.js';
import type { RunEvents, RunOutcome } from './run-outcome.js';
import { selectTasks } from './select-tasks.js';
import { currentSplit } from './split-step.js';

export interface DescribeRequest {
  plan: Plan;
  storage: Storage;
  runUri: string;
  runtime: Runtime;
  options: Record<string, PlanParamValue>;
  launch: WorkerLaunch;
  env: Readonly<Record<string, string | undefined>>;
}

/** Prints what the runtime would submit for `tasks` (nothing for a runtime with nothing to show). */
export async function describeTasks(
  req: DescribeRequest,
  tasks: readonly PlanTask[],
  events: RunEvents,
): Promise<void> {
  if (!req.runtime.describe) return;
  events.print(`\n# ${req.runtime.name}: scripts and commands \`augc run\` would submit\n`);
  await req.runtime.describe(
    {
      plan: req.plan,
      storage: req.storage,
      outputUri: req.runUri,
      planUri: `${req.runUri.replace(/\/+$/, '')}/${PLAN_PATH}`,
      tasks,
      options: req.options,
      launch: req.launch,
      signal: new AbortController().signal,
      output: { write: (s) => events.note(s), isTTY: false },
      env: req.env,
    },
    (text) => events.print(text),
  );
}

/**
 * Every task of the plan, as `augc plan --target T` shows them; false (with the diagnostic
 * reported) when the target would refuse the plan, as `augc run` would.
 */
export async function describePlan(req: DescribeRequest, events: RunEvents): Promise<boolean> {
  const refused =
    containerMismatch(req.plan, req.runtime.name) ??
    req.runtime.preflight?.(req.plan, req.options, req.env);
  if (refused) {
    events.report(refused);
    return false;
  }
  await describeTasks(req, [...tasksOf(req.plan)], events);
  return true;
}

export async function dryRunPlan(
  req: DescribeRequest & { force: boolean },
  events: RunEvents,
): Promise<RunOutcome> {
  const refused =
    containerMismatch(req.plan, req.runtime.name) ??
    req.runtime.preflight?.(req.plan, req.options, req.env);
  if (refused) {
    events.report(refused);
    return { status: 'failed' };
  }
  const split = await currentSplit(req.plan, req.storage).catch(() => undefined);
  const selection = await selectTasks(req.plan, req.storage, split, req.force);
  events.selected?.(selection);
  await describeTasks(req, selection.run, events);
  return { status: 'ok' };
}

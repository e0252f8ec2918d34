/**
 * `augc run` below the CLI: take the run's lock, refuse while an earlier run's jobs are still
 * out, write the plan into the run, split the input, choose the tasks to run (resume), hand them
 * to the runtime, then merge unless the runtime finalizes itself. Everything it finds out comes
 * back as events and a `RunOutcome`; a library user calls this the way the CLI does.
 */
import { canonicalJson } from '../../compiler/plan/canonical-json.js';
import type { Plan, PlanParamValue } from '../../compiler/plan/types.js';
import { isDataError } from '../../engine/formats/data-error.js';
import { PLAN_PATH, REJECTS_PATH } from '../../engine/run-layout.js';
import { isStorageUnavailable } from '../../engine/storage/s3-errors.js';
import type { Storage } from '../../engine/storage/storage.js';
import type { Runtime, RunOutput, WorkerLaunch } from '../runtime.js';
import { containerMismatch } from './container-check.js';
import { finishRun } from './finish-run.js';
import { inputMissing } from './input-missing.js';
import { samePlanOrStartOver } from './plan-mismatch.js';
import { guardRun } from './run-guard.js';
import { storageUnreachable } from './storage-unreachable.js';
import { writeRunInfo } from './run-info.js';
import type { RunEvents, RunOutcome } from './run-outcome.js';
import { selectTasks } from './select-tasks.js';
import { ensureSplit } from './split-step.js';

export interface RunRequest {
  plan: Plan;
  storage: Storage;
  /** The run's root as the runtime should address it: an absolute path or a URI. */
  runUri: string;
  runtime: Runtime;
  /** The target's options from the plan, with the command line's (`jobs`, `wait`) over them. */
  options: Record<string, PlanParamValue>;
  force: boolean;
  allowPartial: boolean;
  /** Combos that kept fewer than `quality.min_kept` of their variants fail the run (AUG5118). */
  strict?: boolean;
  /** The command that started the run, as the user would type it again (the resume hint). */
  command: string;
  argv: readonly string[];
  /** The `--set` lines that shaped the plan, as given (recorded in run.json, compared on resume). */
  sets: readonly string[];
  launch: WorkerLaunch;
  env: Readonly<Record<string, string | undefined>>;
  signal: AbortSignal;
  output: RunOutput;
}

async function splitOrReport(req: RunRequest, events: RunEvents) {
  try {
    const split = await ensureSplit(req.plan, req.storage);
    split.notes.forEach((n) => events.note(`note: ${n}\n`));
    if (split.record.rejected > 0) {
      events.note(
        `note: ${split.record.rejected} bad input row(s) skipped (see ${REJECTS_PATH})\n`,
      );
    }
    return split.record;
  } catch (error) {
    if (!isDataError(error)) throw error;
    events.report({ code: 'AUG5111', severity: 'error', message: error.message });
    return undefined;
  }
}

function announce(events: RunEvents, run: number, skip: number): void {
  if (run === 0) events.note(`augc: all ${skip} task(s) are complete: nothing to run\n`);
  else if (skip > 0) events.note(`augc: resuming: ${skip} task(s) complete, ${run} to run\n`);
}

/** Under the run's lock: plan, split, select, submit, finish. */
async function execute(given: RunRequest, events: RunEvents): Promise<RunOutcome> {
  const text = canonicalJson(given.plan);
  // From here on the plan is the one workers and finalizers read back from the run, so a merge
  // here or in a finalizer writes the same bytes (object keys in canonical order).
  const req: RunRequest = { ...given, plan: JSON.parse(text) as Plan };
  const { plan, storage } = req;
  if (!(await samePlanOrStartOver(req, events))) return { status: 'failed' };
  await storage.writeAtomic(PLAN_PATH, `${text}\n`);
  await writeRunInfo(storage, {
    target: req.runtime.name,
    command: req.command,
    argv: [...req.argv],
    start: new Date().toISOString(),
    planHash: plan.planHash,
    ...(plan.profile !== undefined ? { profile: plan.profile } : {}),
    sets: [...req.sets],
  });
  const missing = await inputMissing(plan.input.uri);
  if (missing) {
    events.report({ ...missing, help: "check the pipeline's `input` path (or the data moved)" });
    return { status: 'no-input' };
  }
  const split = await splitOrReport(req, events);
  if (!split) return { status: 'failed' };
  const selection = await selectTasks(plan, storage, split, req.force);
  events.selected?.(selection);
  announce(events, selection.run.length, selection.skip.length);
  const result = await req.runtime.submit({
    plan,
    storage,
    outputUri: req.runUri,
    planUri: `${req.runUri.replace(/\/+$/, '')}/${PLAN_PATH}`,
    tasks: selection.run,
    options: req.options,
    launch: req.launch,
    signal: req.signal,
    output: req.output,
    env: req.env,
    chunkRows: split.chunks.map((c) => c.rows),
  });
  return finishRun(req, result, events);
}

export async function runPlan(req: RunRequest, events: RunEvents): Promise<RunOutcome> {
  const refused =
    containerMismatch(req.plan, req.runtime.name) ??
    req.runtime.preflight?.(req.plan, req.options, req.env);
  if (refused) {
    events.report(refused);
    return { status: 'failed' };
  }
  try {
    const guard = await guardRun(req, events);
    if (!guard.ok) return { status: 'failed' };
    try {
      return await execute(req, events);
    } finally {
      await guard.release();
    }
  } catch (error) {
    if (!isStorageUnavailable(error)) throw error;
    events.report(storageUnreachable(error));
    return { status: 'unavailable' };
  }
}

/**
 * The part of `augc run` that happens under the run's lock: write the plan into the run, split the
 * input, select the tasks to run (resume), hand them to the runtime, merge. Ctrl-C aborts the
 * runtime through an AbortSignal; the process signals are hooked here because cli/ is the only
 * code that touches the process.
 */
import { resolve } from 'node:path';
import { canonicalJson } from '../../compiler/plan/canonical-json.js';
import type { Plan, PlanParamValue } from '../../compiler/plan/types.js';
import { isDataError } from '../../engine/formats/data-error.js';
import { mergeRun } from '../../engine/merge.js';
import { localPathOf } from '../../engine/storage/open-storage.js';
import type { Storage } from '../../engine/storage/storage.js';
import { isGridRuntime } from '../../runtimes/grid/grid-runtime.js';
import type { Runtime, SubmitResult } from '../../runtimes/runtime.js';
import { PLAN_PATH } from '../../runtimes/worker-task.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { inputProblem } from '../input-problem.js';
import { reportMessage } from '../report.js';
import { RUN_INFO_PATH, type RunInfo } from './open-run.js';
import { renderExplain, renderFailures, renderProblems, renderTotals } from './render-run.js';
import { selectTasks } from './select-tasks.js';
import { ensureSplit } from './split-step.js';

export interface RunRequest {
  plan: Plan;
  storage: Storage;
  /** Local folder of the run (the local target needs one); undefined for object stores. */
  root: string | undefined;
  runtime: Runtime;
  options: Record<string, PlanParamValue>;
  force: boolean;
  explain: boolean;
  allowPartial: boolean;
  /** Shown in the resume hint. */
  command: string;
}

function planUriOf(req: RunRequest): string {
  const base = req.root !== undefined ? resolve(req.root) : req.plan.output.uri.replace(/\/+$/, '');
  return `${base}/${PLAN_PATH}`;
}

async function splitOrReport(req: RunRequest, ctx: CliContext) {
  try {
    const split = await ensureSplit(req.plan, req.storage);
    split.notes.forEach((n) => ctx.io.stderr.write(`note: ${n}\n`));
    if (split.record.rejected > 0) {
      ctx.io.stderr.write(
        `note: ${split.record.rejected} bad input row(s) skipped (see _augc/chunks/rejects.jsonl)\n`,
      );
    }
    return split.record;
  } catch (error) {
    if (!isDataError(error)) throw error;
    reportMessage(ctx, { code: 'AUG5111', severity: 'error', message: error.message });
    return undefined;
  }
}

/** Runs `fn` with SIGINT/SIGTERM turned into an abort of the signal it is given. */
async function withInterrupts<T>(
  ctx: CliContext,
  stopping: string,
  fn: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const onSignal = (name: string) => (): void => {
    if (!controller.signal.aborted)
      ctx.io.stderr.write(`\naugc: ${name} received: ${stopping}...\n`);
    controller.abort();
  };
  const onInt = onSignal('SIGINT');
  const onTerm = onSignal('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  try {
    return await fn(controller.signal);
  } finally {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  }
}

const manifestOf = (plan: Plan): string =>
  `${plan.output.uri.replace(/\/+$/, '')}/${plan.layout.manifest}`;

async function merge(req: RunRequest, ctx: CliContext, partial: boolean): Promise<number> {
  const result = await mergeRun({ storage: req.storage, plan: req.plan, allowPartial: partial });
  ctx.io.stdout.write(renderTotals(result, manifestOf(req.plan)));
  if (result.ok) return EXIT.ok;
  reportMessage(ctx, {
    code: 'AUG5108',
    severity: partial ? 'warning' : 'error',
    message: `${result.problems.length} of ${result.tasks} task(s) are not complete`,
    notes: renderProblems(result.problems),
  });
  return partial ? EXIT.ok : EXIT.failure;
}

async function finish(req: RunRequest, ctx: CliContext, result: SubmitResult): Promise<number> {
  const resume = `run the same command again to resume (complete tasks are kept): ${req.command}`;
  if (result.state === 'submitted') {
    ctx.io.stderr.write(`submitted ${result.jobIds.length} job(s): ${result.jobIds.join(', ')}\n`);
    return EXIT.ok;
  }
  if (result.state === 'interrupted' && result.detached === true) {
    const uri = req.plan.output.uri;
    ctx.io.stderr.write(
      `augc: stopped following the run; its ${req.runtime.name} jobs keep running\n` +
        `  follow it: augc status ${uri} --follow\n` +
        `  cancel it: augc cancel ${uri}\n`,
    );
    return EXIT.interrupted;
  }
  if (result.state === 'interrupted') {
    reportMessage(ctx, {
      code: 'AUG5110',
      severity: 'error',
      message: `interrupted after ${result.completed} task(s) completed in this run`,
      help: resume,
    });
    return EXIT.interrupted;
  }
  if (result.state === 'failed') {
    reportMessage(ctx, {
      code: 'AUG5107',
      severity: 'error',
      message: `${result.failed.length} task(s) failed`,
      help: `fix the cause, then ${resume}`,
    });
    ctx.io.stderr.write(renderFailures(result.failed, req.plan.output.uri));
    if (req.allowPartial) await merge(req, ctx, true);
    return EXIT.failure;
  }
  // A grid run's finalizer has merged already: print its totals rather than merge again.
  if (result.merged?.ok === true) {
    ctx.io.stdout.write(renderTotals(result.merged, manifestOf(req.plan)));
    return EXIT.ok;
  }
  return merge(req, ctx, req.allowPartial);
}

export async function executeRun(given: RunRequest, ctx: CliContext): Promise<number> {
  const text = canonicalJson(given.plan);
  // From here on the plan is the one workers and grid finalizers read back from the run, so a
  // merge here or in a finalizer writes the same bytes (object keys in canonical order).
  const req: RunRequest = { ...given, plan: JSON.parse(text) as Plan };
  const { plan, storage } = req;
  await storage.writeAtomic(PLAN_PATH, `${text}\n`);
  const info: RunInfo = {
    target: req.runtime.name,
    command: req.command,
    start: new Date().toISOString(),
  };
  await storage.writeAtomic(RUN_INFO_PATH, `${JSON.stringify(info, null, 2)}\n`);
  const local = localPathOf(plan.input.uri);
  const missing = local === undefined ? undefined : await inputProblem(local);
  if (missing) {
    reportMessage(ctx, {
      ...missing,
      help: "check the pipeline's `input` path (or the data moved)",
    });
    return EXIT.noInput;
  }
  const split = await splitOrReport(req, ctx);
  if (!split) return EXIT.failure;
  const selection = await selectTasks(plan, storage, split, req.force);
  if (req.explain) ctx.io.stdout.write(renderExplain(selection.run, selection.why));
  if (selection.run.length === 0) {
    ctx.io.stderr.write(
      `augc: all ${selection.skip.length} task(s) are complete: nothing to run\n`,
    );
  } else if (selection.skip.length > 0) {
    ctx.io.stderr.write(
      `augc: resuming: ${selection.skip.length} task(s) complete, ${selection.run.length} to run\n`,
    );
  }
  const stopping = isGridRuntime(req.runtime)
    ? `stopping to follow the run (its jobs keep running)`
    : 'stopping workers';
  const result = await withInterrupts(ctx, stopping, (signal) =>
    req.runtime.submit({
      plan,
      storage,
      outputUri: req.root ?? plan.output.uri,
      planUri: planUriOf(req),
      tasks: selection.run,
      options: req.options,
      augcCommand: [process.execPath, ...(process.argv[1] ? [process.argv[1]] : [])],
      signal,
      output: { write: (s) => ctx.io.stderr.write(s), isTTY: ctx.io.isTTY },
      env: ctx.io.env,
      chunkRows: split.chunks.map((c) => c.rows),
    }),
  );
  return finish(req, ctx, result);
}

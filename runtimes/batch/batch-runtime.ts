/**
 * A Runtime for any array-job backend: `submit` records the submission, submits round 1 (one array
 * per group window, plus a finalizer where the backend has dependencies) and returns, or with the
 * `wait` option follows the run to its end. Status, cancel and the finalizer of later rounds open
 * the backend again from what the run recorded.
 */
import { BATCH_CANCEL_PATH, BATCH_RESULT_PATH, BATCH_STATE_PATH } from '../../engine/run-layout.js';
import type { RunContext, RunRef, Runtime, SubmitResult } from '../runtime.js';
import type { BatchBackend, BatchBackendSpec, Env } from './backend.js';
import {
  BATCH_STATE_VERSION,
  latestRound,
  readBatchState,
  writeJson,
  type BatchState,
} from './batch-state.js';
import { batchCancel, batchStatus, readLatest } from './batch-status.js';
import { finalizeRound } from './finalize.js';
import { groupDirOf } from './group-dir.js';
import { submitRound, type BatchContext } from './submit-round.js';
import { waitRun } from './wait-run.js';

function submissionError(message: string, unavailable: boolean): SubmitResult {
  if (unavailable) return { state: 'unavailable', message };
  return {
    state: 'failed',
    completed: 0,
    failed: [
      {
        task: '(submission)',
        group: '',
        index: 0,
        attempts: 0,
        errorClass: 'error',
        message,
        logPath: '',
      },
    ],
  };
}

function pollTimes(env: Env): { maxPollMs?: number } {
  const max = Number(env['AUGC_BATCH_POLL_MAX_MS'] ?? env['AUGC_GRID_POLL_MAX_MS']);
  return Number.isFinite(max) && max > 0 ? { maxPollMs: max } : {};
}

export interface BatchRuntime extends Runtime {
  /** Set by tests and benches to see the backend a submission used (e.g. to count its calls). */
  lastBackend?: BatchBackend;
}

export function makeBatchRuntime(spec: BatchBackendSpec): BatchRuntime {
  async function start(
    run: RunContext,
    firstRound: number,
    print?: (text: string) => void,
  ): Promise<BatchContext> {
    const { plan, storage, launch, env } = run;
    const where = { runUri: run.outputUri, planUri: run.planUri };
    const { config, window } = await spec.prepare({
      plan,
      storage,
      ...where,
      options: run.options,
      launch,
      env,
    });
    const state: BatchState = {
      version: BATCH_STATE_VERSION,
      runtime: spec.name,
      backend: config,
      window,
      launch,
      ...where,
      firstRound,
      submitted: new Date().toISOString(),
    };
    const backend = spec.open({
      plan,
      storage,
      ...where,
      launch,
      config,
      env,
      ...(print ? { print } : {}),
      signal: run.signal,
    });
    runtime.lastBackend = backend;
    return { storage, plan, state, backend, describing: print !== undefined };
  }

  async function submit(run: RunContext): Promise<SubmitResult> {
    if (run.tasks.length === 0) return { state: 'completed', completed: 0 };
    const ctx = await start(run, (await latestRound(run.storage)) + 1);
    // A new submission: results, cancel marks and exit statuses of an earlier one no longer apply.
    await Promise.all([
      run.storage.remove(BATCH_RESULT_PATH),
      run.storage.remove(BATCH_CANCEL_PATH),
      ctx.backend.reset(),
    ]);
    await writeJson(run.storage, BATCH_STATE_PATH, ctx.state);
    const tasks = run.tasks.map((t) => ({ group: t.group, index: t.index }));
    const submitted = await submitRound(ctx, ctx.state.firstRound, 1, tasks);
    if (!submitted.ok) {
      if (submitted.submitted.length > 0) await ctx.backend.cancel(submitted.submitted);
      return submissionError(submitted.message, submitted.unavailable === true);
    }
    const arrays = submitted.round.arrays;
    const finalizer = submitted.finalizer
      ? 'a finalizer'
      : 'no finalizer job (this process finalizes)';
    run.output.write(
      `augc: submitted ${run.tasks.length} task(s) as ${arrays.length} array job(s) and ${finalizer} (${ctx.backend.calls} ${spec.name} calls)\n`,
    );
    const jobIds = [
      ...arrays.map((a) => a.jobId),
      ...(submitted.finalizer ? [submitted.finalizer] : []),
    ];
    // Without job dependencies nobody else can finalize: the driver follows the run to its end.
    const follow = run.options['wait'] === true || submitted.finalizer === undefined;
    if (!follow) return { state: 'submitted', jobIds };
    return waitRun(ctx, { signal: run.signal, output: run.output, ...pollTimes(run.env) });
  }

  async function describe(run: RunContext, print: (text: string) => void): Promise<void> {
    const ctx = await start(run, 1, print);
    await submitRound(
      ctx,
      1,
      1,
      run.tasks.map((t) => ({ group: t.group, index: t.index })),
    );
  }

  /** The backend of a recorded submission, for a later process. */
  async function reopen(
    run: RunRef,
  ): Promise<{ ctx: BatchContext; state: BatchState } | undefined> {
    const state = await readBatchState(run.storage);
    if (!state) return undefined;
    const backend = spec.open({
      plan: run.plan,
      storage: run.storage,
      runUri: state.runUri,
      planUri: state.planUri,
      launch: state.launch,
      config: state.backend,
      env: run.env ?? process.env,
    });
    return { ctx: { storage: run.storage, plan: run.plan, state, backend }, state };
  }

  const runtime: BatchRuntime = {
    name: spec.name,
    capabilities: { detached: true, finalizesItself: true },
    submit,
    describe,
    async status(run) {
      const latest = await readLatest(run.storage);
      const opened = latest ? await reopen(run) : undefined;
      if (!latest || !opened)
        return { active: false, running: [], notes: ['no jobs on record for this run'] };
      const about = spec.describeConfig?.(opened.state.backend) ?? spec.name;
      return batchStatus(run, latest, opened.ctx.backend, about);
    },
    async taskLog(run, group, index) {
      const opened = await reopen(run);
      return opened?.ctx.backend.taskLog(groupDirOf(run.plan, group), index).location;
    },
    async cancel(run) {
      const latest = await readLatest(run.storage);
      const opened = latest ? await reopen(run) : undefined;
      return latest && opened ? batchCancel(run, latest, opened.ctx.backend) : false;
    },
    async finalize(run, round) {
      const opened = await reopen(run);
      if (!opened)
        return {
          kind: 'error',
          message: `\`${run.outputUri}\` holds no batch run (${BATCH_STATE_PATH})`,
        };
      return finalizeRound(opened.ctx, round);
    },
  };
  return runtime;
}

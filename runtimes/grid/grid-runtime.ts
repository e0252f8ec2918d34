/**
 * A Runtime for an array-job scheduler, given its dialect. `submit` writes the run's bookkeeping,
 * submits round 1 (one array per group window plus a finalizer) and returns; with the `wait`
 * option it follows the run to its end. The finalizer job calls `finalize` through
 * `augc finalize RUN --round N`.
 */
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Plan, PlanParamValue } from '../../compiler/plan/types.js';
import { localPathOf, openStorage } from '../../engine/storage/open-storage.js';
import type { Storage } from '../../engine/storage/storage.js';
import type { RunContext, RunRef, Runtime, SubmitResult } from '../runtime.js';
import { loadRun } from '../worker-task.js';
import type { GridDialect } from './dialect.js';
import { finalizeRound, type FinalizeOutcome } from './finalize.js';
import {
  GRID_STATE_VERSION,
  latestRound,
  readGridState,
  writeJson,
  type GridState,
} from './grid-state.js';
import { gridCancel, gridStatus } from './grid-status.js';
import { CANCEL_PATH, EXIT_DIR, RESULT_PATH, STATE_PATH } from './layout.js';
import { execaExec, SchedulerClient, type Exec } from './scheduler-client.js';
import { submitRound, type GridContext } from './submit-round.js';
import { gridTargetOf } from './target-options.js';
import { waitRun } from './wait-run.js';

type Env = Readonly<Record<string, string | undefined>>;

export interface GridRuntimeSpec {
  name: string;
  /** The dialect for these options (PBS picks Pro or Torque, by option or by asking `qstat`). */
  dialectFor(
    options: Readonly<Record<string, PlanParamValue>>,
    client: SchedulerClient,
  ): Promise<GridDialect>;
  /** Most indices one array may span (Slurm: MaxArraySize); undefined when unknown. */
  maxArraySize?(client: SchedulerClient): Promise<number | undefined>;
}

export interface GridRuntime extends Runtime {
  finalize(root: string, round: number, env: Env): Promise<FinalizeOutcome>;
  /** Writes the scripts and commands `submit` would use, without writing or submitting anything. */
  describe(run: RunContext, print: (text: string) => void): Promise<void>;
  /** Set by tests and benches to count or fake scheduler calls. */
  exec?: Exec;
}

const DEFAULT_WINDOW = 1_000_000_000;

function submissionError(message: string): SubmitResult {
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

export function makeGridRuntime(spec: GridRuntimeSpec): GridRuntime {
  const clientOf = (env: Env): SchedulerClient =>
    new SchedulerClient(runtime.exec ?? execaExec(env));

  async function prepare(
    run: RunContext,
    root: string,
    client: SchedulerClient,
    firstRound: number,
  ): Promise<GridContext> {
    const options = run.options;
    const dialect = await spec.dialectFor(options, client);
    const max = await spec.maxArraySize?.(client);
    const state: GridState = {
      version: GRID_STATE_VERSION,
      runtime: spec.name,
      dialect: dialect.name,
      target: gridTargetOf(options),
      window: max ?? DEFAULT_WINDOW,
      augc: [...run.augcCommand],
      planUri: run.planUri,
      root,
      firstRound,
      submitted: new Date().toISOString(),
    };
    return { storage: run.storage, plan: run.plan, state, dialect, client };
  }

  async function submit(run: RunContext): Promise<SubmitResult> {
    const local = localPathOf(run.outputUri);
    if (local === undefined)
      return submissionError(
        `the ${spec.name} target needs the output on a shared filesystem path, not \`${run.outputUri}\``,
      );
    if (run.tasks.length === 0) return { state: 'completed', completed: 0 };
    const root = resolve(local);
    const client = clientOf(run.env);
    const ctx = await prepare(run, root, client, (await latestRound(run.storage)) + 1);
    // A new submission: results, cancel marks and exit statuses of an earlier one no longer apply.
    await Promise.all([
      run.storage.remove(RESULT_PATH),
      run.storage.remove(CANCEL_PATH),
      rm(join(root, EXIT_DIR), { recursive: true, force: true }),
    ]);
    await writeJson(run.storage, STATE_PATH, ctx.state);
    const tasks = run.tasks.map((t) => ({ group: t.group, index: t.index }));
    const submitted = await submitRound(ctx, ctx.state.firstRound, 1, tasks);
    if (!submitted.ok) {
      if (submitted.submitted.length > 0)
        await client.run(ctx.dialect.cancelArgv(submitted.submitted));
      return submissionError(submitted.message);
    }
    const jobIds = [...submitted.round.arrays.map((a) => a.jobId), submitted.finalizer];
    run.output.write(
      `augc: submitted ${run.tasks.length} task(s) as ${submitted.round.arrays.length} array job(s) and a finalizer (${client.calls} scheduler calls)\n`,
    );
    if (run.options['wait'] !== true) return { state: 'submitted', jobIds };
    return waitRun({
      storage: run.storage,
      dialect: ctx.dialect,
      client,
      signal: run.signal,
      output: run.output,
      ...pollTimes(run.env),
    });
  }

  async function describe(run: RunContext, print: (text: string) => void): Promise<void> {
    const root = resolve(localPathOf(run.outputUri) ?? run.outputUri);
    const client = clientOf(run.env);
    const ctx = await prepare(run, root, client, 1);
    await submitRound(
      { ...ctx, print },
      1,
      1,
      run.tasks.map((t) => ({ group: t.group, index: t.index })),
    );
  }

  async function withDialect<T>(
    run: RunRef,
    fn: (d: GridDialect, c: SchedulerClient) => Promise<T>,
    fallback: T,
  ): Promise<T> {
    const state = await readGridState(run.storage);
    if (!state) return fallback;
    const client = clientOf(process.env);
    const dialect = await spec.dialectFor(
      { dialect: state.dialect === 'pbs-pro' ? 'pro' : state.dialect },
      client,
    );
    return fn(dialect, client);
  }

  async function finalize(root: string, round: number, env: Env): Promise<FinalizeOutcome> {
    const opened = openStorage(root);
    if (!opened.ok) return { kind: 'error', message: opened.message };
    const storage: Storage = opened.storage;
    const state = await readGridState(storage);
    if (!state) return { kind: 'error', message: `\`${root}\` holds no grid run (${STATE_PATH})` };
    const loaded = await loadRun(state.planUri);
    if (!loaded.ok) return { kind: 'error', message: loaded.message };
    const client = clientOf(env);
    const dialect = await spec.dialectFor(
      { dialect: state.dialect === 'pbs-pro' ? 'pro' : state.dialect },
      client,
    );
    const plan: Plan = loaded.plan;
    return finalizeRound({ storage, plan, state, dialect, client }, round);
  }

  const runtime: GridRuntime = {
    name: spec.name,
    submit,
    status: (run) =>
      withDialect(run, (d, c) => gridStatus(run, d, c), { active: false, running: [], notes: [] }),
    cancel: (run) => withDialect(run, (d, c) => gridCancel(run, d, c), false),
    finalize,
    describe,
  };
  return runtime;
}

function pollTimes(env: Env): { firstPollMs?: number; maxPollMs?: number } {
  const max = Number(env['AUGC_GRID_POLL_MAX_MS']);
  return Number.isFinite(max) && max > 0 ? { maxPollMs: max } : {};
}

export function isGridRuntime(runtime: Runtime): runtime is GridRuntime {
  return typeof (runtime as Partial<GridRuntime>).finalize === 'function';
}

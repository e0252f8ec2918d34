/**
 * What a round's finalizer does once its arrays are over (a job that waits for them, or the
 * driver where the backend has no dependencies): look at every task of the round; if some failed
 * and the retry rule allows another attempt, submit them as a new round (attempt + 1, resources
 * escalated, after the backoff); otherwise merge, and write `_augc/batch/result.json`, which
 * `augc run --wait` and `augc status` read.
 */
import { taskAt } from '../../compiler/plan/task-at.js';
import type { Plan } from '../../compiler/plan/types.js';
import { mergeRun } from '../../engine/merge.js';
import type { Storage } from '../../engine/storage/storage.js';
import { listAttempts, readTaskState } from '../../engine/task-state.js';
import {
  attemptRecordOf,
  type AttemptRecord,
  type FailureClass,
} from '../../engine/task-record.js';
import { attemptPathOf, BATCH_CANCEL_PATH, BATCH_RESULT_PATH } from '../../engine/run-layout.js';
import { backoffSeconds, shouldRetry } from '../retry-policy.js';
import { writeRunReport } from '../run/write-run-report.js';
import type { FinalizeOutcome } from '../runtime.js';
import type { BatchBackend } from './backend.js';
import { readRound, writeJson, type BatchArray, type BatchRound } from './batch-state.js';
import { classifyFailure, isRetryable, type BatchFailure } from './classify-failure.js';
import { parseIndices } from './index-spec.js';
import type { JobStatus } from './job-status.js';
import { queryJobs } from './query-jobs.js';
import { failuresOf, type BatchResult } from './result.js';
import { submitRound, type BatchContext, type RoundTask } from './submit-round.js';

async function readAttempt(storage: Storage, task: string, attempt: number, since: string) {
  try {
    const r = JSON.parse(await storage.readText(attemptPathOf(task, attempt))) as AttemptRecord;
    return r.end >= since ? r : undefined;
  } catch {
    return undefined;
  }
}

interface Failed {
  task: RoundTask & { id: string };
  array: BatchArray;
  failure: BatchFailure;
  recorded: boolean;
  /** The task's last attempt number: the round's, plus the tries the service itself made. */
  attempt: number;
  /** Where the last try's output is, when the service named it. */
  log?: string;
}

async function failedTasks(
  ctx: BatchContext,
  round: BatchRound,
  jobs: JobStatus[],
): Promise<Failed[]> {
  const out: Failed[] = [];
  const recorded = await listAttempts(ctx.storage);
  for (const array of round.arrays) {
    for (const rel of parseIndices(array.indices))
      out.push(...(await checkTask(ctx, round, array, rel, { jobs, recorded })));
  }
  return out;
}

/** The highest attempt number a task has a record of (0 when none). */
function newestAttempt(files: readonly string[] | undefined): number {
  const n = Number(/\.(\d+)\.json$/.exec(files?.at(-1) ?? '')?.[1] ?? 0);
  return Number.isFinite(n) ? n : 0;
}

async function checkTask(
  ctx: BatchContext,
  round: BatchRound,
  a: BatchArray,
  rel: number,
  known: { jobs: JobStatus[]; recorded: Map<string, string[]> },
): Promise<Failed[]> {
  const index = a.offset + rel;
  const task = taskAt(ctx.plan, a.group, index);
  if (!task) return [];
  const state = await readTaskState(ctx.storage, ctx.plan, task, { verifyHash: false });
  if (state.state === 'complete') return [];
  const job = known.jobs.find((j) => j.jobId === a.jobId && j.index === rel);
  // A service that retried the job itself ran later attempts than the round's own number.
  const byService = round.attempt + Math.max(0, (job?.attempts ?? 1) - 1);
  const newest = newestAttempt(known.recorded.get(task.id));
  const later =
    newest > byService
      ? await readAttempt(ctx.storage, task.id, newest, round.submitted)
      : undefined;
  const last = later ? newest : byService;
  const attempt = later ?? (await readAttempt(ctx.storage, task.id, last, round.submitted));
  const rc = await ctx.backend.exitStatus(a.groupDir, index, last);
  const failure = classifyFailure(job, attempt, rc);
  const recorded = attempt !== undefined && !failure.fromScheduler;
  const log = job?.log ?? attempt?.log;
  return [
    {
      task: { group: a.group, index, id: task.id },
      array: a,
      failure,
      recorded,
      attempt: last,
      ...(log !== undefined ? { log } : {}),
    },
  ];
}

/** An attempt record for a task the scheduler killed or that died before the engine could write one. */
async function recordAttempt(ctx: BatchContext, f: Failed, round: BatchRound): Promise<void> {
  const task = taskAt(ctx.plan, f.task.group, f.task.index);
  if (!task) return;
  const record = attemptRecordOf(task, {
    attempt: f.attempt,
    state: 'failed',
    errorClass: f.failure.errorClass as FailureClass,
    signal: f.failure.signal,
    exitCode: f.failure.exitCode,
    message: f.failure.message,
    logTail: '',
    pid: process.pid,
    worker: `${f.array.jobId}[${f.task.index - f.array.offset}]`,
    start: round.submitted,
    log: f.log,
  });
  await writeJson(ctx.storage, attemptPathOf(task.id, f.attempt), record);
}

export async function finalizeRound(
  ctx: BatchContext,
  roundNumber: number,
): Promise<FinalizeOutcome> {
  if (await ctx.storage.exists(BATCH_CANCEL_PATH)) return { kind: 'cancelled' };
  const round = await readRound(ctx.storage, roundNumber);
  if (!round)
    return { kind: 'error', message: `round ${roundNumber} of this run is not on record` };
  const jobs = await queryJobs(
    ctx.backend,
    round.arrays.map((a) => a.jobId),
  );
  const failed = await failedTasks(ctx, round, jobs);
  for (const f of failed.filter((x) => !x.recorded)) await recordAttempt(ctx, f, round);
  const retry = failed.filter(
    (f) => isRetryable(f.failure) && shouldRetry(ctx.plan.retry, f.attempt, f.failure),
  );
  if (retry.length > 0) {
    // Tries the service made itself count: the next round follows the furthest of them.
    const next = Math.max(...retry.map((f) => f.attempt)) + 1;
    const submitted = await submitRound(
      ctx,
      roundNumber + 1,
      next,
      retry.map((f) => f.task),
      backoffSeconds(ctx.plan.retry, next),
    );
    if (!submitted.ok) return { kind: 'error', message: submitted.message };
    return {
      kind: 'resubmitted',
      round: roundNumber + 1,
      tasks: retry.length,
      finalizer: submitted.finalizer,
    };
  }
  const result = await finishBatchRun(ctx.plan, ctx.storage, ctx.backend);
  return { kind: 'done', state: result.state, completed: result.completed };
}

/** Merges when every task is complete; records the run's end either way. */
export async function finishBatchRun(
  plan: Plan,
  storage: Storage,
  backend: Pick<BatchBackend, 'taskLog'>,
): Promise<BatchResult> {
  const merged = await mergeRun({ storage, plan });
  const { ok, written, tasks, complete, totals, lowYield } = merged;
  const result: BatchResult = merged.ok
    ? {
        state: 'completed',
        completed: merged.complete,
        end: new Date().toISOString(),
        merged: { ok, written, tasks, complete, totals, lowYield },
      }
    : {
        state: 'failed',
        completed: merged.complete,
        failed: await failuresOf(plan, storage, merged.problems, backend),
        end: new Date().toISOString(),
      };
  // The report first (with the result's log tails): a driver that waits takes the result as the
  // run's end, and then names the report.
  const failed = result.state === 'failed' ? result.failed : [];
  await writeRunReport({ plan, storage, result: { failed } });
  await writeJson(storage, BATCH_RESULT_PATH, result);
  return result;
}

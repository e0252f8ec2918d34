/**
 * `augc run --wait` for batch targets: follows the run to its end by reading the result the last
 * finalizer writes, asking the backend (one call per poll, polls backing off) only to notice a run
 * that ended without a result (a finalizer that was killed or never started). Where the backend
 * has no job dependencies, this loop is the finalizer: once a round's arrays are over it decides,
 * in this process, to merge or to submit the next round.
 */
import {
  BATCH_CANCEL_PATH,
  BATCH_RESULT_PATH,
  SCHEDULER_LOGS_DIR,
} from '../../engine/run-layout.js';
import type { RunOutput, SubmitResult, TaskFailure } from '../runtime.js';
import { nextPollMs } from '../poll.js';
import { jobIdsOf, readLatest, type Latest } from './batch-status.js';
import { finalizeRound } from './finalize.js';
import { isFinished, type JobStatus } from './job-status.js';
import { queryJobsChecked } from './query-jobs.js';
import { readResult, type BatchResult } from './result.js';
import type { BatchContext } from './submit-round.js';

export interface WaitOptions {
  signal: AbortSignal;
  output: RunOutput;
  firstPollMs?: number;
  maxPollMs?: number;
}

function toSubmitResult(r: BatchResult): SubmitResult {
  if (r.state === 'failed') return { state: 'failed', completed: r.completed, failed: r.failed };
  return { state: 'completed', completed: r.completed, ...(r.merged ? { merged: r.merged } : {}) };
}

/** Ctrl-C stops only the following: the jobs are the service's and keep running. */
const DETACHED: SubmitResult = { state: 'interrupted', completed: 0, detached: true };

function failedRun(task: string, message: string, logPath: string): SubmitResult {
  const failure: TaskFailure = {
    task,
    group: '',
    index: 0,
    attempts: 1,
    errorClass: 'error',
    message,
    logPath,
  };
  return { state: 'failed', completed: 0, failed: [failure] };
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** The driver as finalizer: the round's arrays are over and nobody else will decide. */
async function finalizeHere(ctx: BatchContext, latest: Latest): Promise<SubmitResult | number> {
  const outcome = await finalizeRound(ctx, latest.round.round);
  if (outcome.kind === 'error') return failedRun('(finalize)', outcome.message, '');
  if (outcome.kind === 'cancelled') return { state: 'interrupted', completed: 0 };
  if (outcome.kind === 'resubmitted') return 0;
  const result = await readResult(ctx.storage, BATCH_RESULT_PATH);
  return result ? toSubmitResult(result) : failedRun('(finalize)', 'no result recorded', '');
}

/** Tasks queued and running: an array's own counts where the service gives them, else per job. */
function taskCounts(jobs: readonly JobStatus[]): { queued: number; running: number } {
  let queued = 0;
  let running = 0;
  for (const j of jobs) {
    if (j.summary) {
      queued += j.summary.queued;
      running += j.summary.running;
    } else if (j.state === 'running') running++;
    else if (!isFinished(j.state)) queued++;
  }
  return { queued, running };
}

/** The round's finalizer job ended without succeeding (it failed, or never ran). */
function finalizerFailed(jobs: readonly JobStatus[], latest: Latest): boolean {
  const job = jobs.find((j) => j.jobId === latest.finalizer && j.index === undefined);
  return job !== undefined && isFinished(job.state) && job.state !== 'completed';
}

class Follower {
  private lastLine = '';
  constructor(
    private readonly ctx: BatchContext,
    private readonly o: WaitOptions,
  ) {}

  /** A result, or how many polls in a row found no job alive and no result. */
  async poll(quiet: number): Promise<SubmitResult | number> {
    const { storage, backend } = this.ctx;
    const result = await readResult(storage, BATCH_RESULT_PATH);
    if (result) return toSubmitResult(result);
    if (await storage.exists(BATCH_CANCEL_PATH)) return { state: 'interrupted', completed: 0 };
    const latest = await readLatest(storage);
    if (!latest) return quiet + 1;
    const q = await queryJobsChecked(backend, jobIdsOf(latest));
    if (!q.ok) return quiet;
    const alive = q.jobs.filter((j) => !isFinished(j.state));
    if (alive.length === 0 && !backend.submitFinalizer) return finalizeHere(this.ctx, latest);
    if (alive.length === 0 && finalizerFailed(q.jobs, latest)) {
      // A service that fails a job whose dependency failed (AWS Batch) never ran the finalizer.
      this.o.output.write(
        `augc: the finalizer job ${latest.finalizer ?? ''} did not finish the round: finalizing here\n`,
      );
      return finalizeHere(this.ctx, latest);
    }
    const { queued, running } = taskCounts(q.jobs);
    const line = `augc: round ${latest.round.round} (attempt ${latest.round.attempt}): ${queued} queued, ${running} running\n`;
    if (line !== this.lastLine) this.o.output.write(line);
    this.lastLine = line;
    return alive.length === 0 ? quiet + 1 : 0;
  }
}

export async function waitRun(ctx: BatchContext, o: WaitOptions): Promise<SubmitResult> {
  const follower = new Follower(ctx, o);
  let delay = o.firstPollMs ?? 500;
  let quiet = 0;
  for (;;) {
    if (o.signal.aborted) return DETACHED;
    const polled = await follower.poll(quiet);
    if (typeof polled !== 'number') return polled;
    quiet = polled;
    // Three polls in a row with no job left and no result: the last finalizer died without a word.
    if (quiet >= 3) {
      const latest = await readLatest(ctx.storage);
      const log = `${SCHEDULER_LOGS_DIR}/r${latest?.round.round ?? 0}-finalize.out`;
      return failedRun('(finalizer)', "the run's jobs ended without a result", log);
    }
    await pause(delay, o.signal);
    delay = nextPollMs(delay, o.maxPollMs);
  }
}

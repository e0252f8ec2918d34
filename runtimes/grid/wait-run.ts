/**
 * `augc run --wait` for grid targets: follows the run to its end by reading the result the last
 * finalizer writes, asking the scheduler (one call per poll, polls backing off) only to notice a
 * run that ended without a result (a finalizer that was killed or never started).
 */
import type { RunOutput, SubmitResult } from '../runtime.js';
import type { GridDialect } from './dialect.js';
import { isFinished } from './dialect.js';
import { jobIdsOf, readLatest } from './grid-status.js';
import { CANCEL_PATH, RESULT_PATH, SCHEDULER_LOGS_DIR } from './layout.js';
import { queryJobsChecked } from './query-jobs.js';
import { readResult } from './result.js';
import type { SchedulerClient } from './scheduler-client.js';
import type { Storage } from '../../engine/storage/storage.js';

export interface WaitOptions {
  storage: Storage;
  dialect: GridDialect;
  client: SchedulerClient;
  signal: AbortSignal;
  output: RunOutput;
  firstPollMs?: number;
  maxPollMs?: number;
}

function toSubmitResult(r: NonNullable<Awaited<ReturnType<typeof readResult>>>): SubmitResult {
  if (r.state === 'failed') return { state: 'failed', completed: r.completed, failed: r.failed };
  return { state: 'completed', completed: r.completed, ...(r.merged ? { merged: r.merged } : {}) };
}

/** Ctrl-C stops only the following: the jobs are the scheduler's and keep running. */
const DETACHED: SubmitResult = { state: 'interrupted', completed: 0, detached: true };

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

let lastLine = '';

async function pollOnce(o: WaitOptions, quiet: number): Promise<SubmitResult | number> {
  const result = await readResult(o.storage, RESULT_PATH);
  if (result) return toSubmitResult(result);
  if (await o.storage.exists(CANCEL_PATH)) return { state: 'interrupted', completed: 0 };
  const latest = await readLatest({ storage: o.storage });
  if (!latest) return quiet + 1;
  const q = await queryJobsChecked(o, jobIdsOf(latest));
  if (!q.ok) return quiet;
  const alive = q.jobs.filter((j) => !isFinished(j.state));
  const running = alive.filter((j) => j.state === 'running').length;
  const line = `augc: round ${latest.round.round} (attempt ${latest.round.attempt}): ${alive.length - running} queued, ${running} running\n`;
  if (line !== lastLine) o.output.write(line);
  lastLine = line;
  return alive.length === 0 ? quiet + 1 : 0;
}

export async function waitRun(o: WaitOptions): Promise<SubmitResult> {
  let delay = o.firstPollMs ?? 500;
  let quiet = 0;
  for (;;) {
    if (o.signal.aborted) return DETACHED;
    const polled = await pollOnce(o, quiet);
    if (typeof polled !== 'number') return polled;
    quiet = polled;
    // Twice in a row with no job left and no result: the last finalizer died without a word.
    if (quiet >= 3) {
      const latest = await readLatest({ storage: o.storage });
      const log = `${SCHEDULER_LOGS_DIR}/r${latest?.round.round ?? 0}-finalize.out`;
      return {
        state: 'failed',
        completed: 0,
        failed: [
          {
            task: '(finalizer)',
            group: '',
            index: 0,
            attempts: 1,
            errorClass: 'error',
            message: "the run's jobs ended without a result",
            logPath: log,
          },
        ],
      };
    }
    await pause(delay, o.signal);
    delay = nextPollMs(delay, o.maxPollMs);
  }
}

/** Polls back off by half each time, up to `maxMs` (30 s unless AUGC_GRID_POLL_MAX_MS says). */
export function nextPollMs(delay: number, maxMs = 30_000): number {
  return Math.min(maxMs, Math.ceil(delay * 1.5));
}

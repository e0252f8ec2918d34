/**
 * `augc status` and `augc cancel` for batch runs: the latest round's arrays and finalizer, asked
 * about in one backend call, plus what storage records say.
 */
import { taskAt } from '../../compiler/plan/task-at.js';
import { BATCH_CANCEL_PATH, BATCH_RESULT_PATH } from '../../engine/run-layout.js';
import type { Storage } from '../../engine/storage/storage.js';
import type { RunRef, RunningTask, RuntimeStatus } from '../runtime.js';
import type { BatchBackend } from './backend.js';
import {
  latestRound,
  readBatchState,
  readFinalizer,
  readRound,
  writeJson,
  type BatchRound,
  type BatchState,
} from './batch-state.js';
import { isFinished, type JobStatus } from './job-status.js';
import { queryJobsChecked } from './query-jobs.js';
import { readResult } from './result.js';

export interface Latest {
  state: BatchState;
  round: BatchRound;
  finalizer: string | undefined;
}

export async function readLatest(storage: Storage): Promise<Latest | undefined> {
  const state = await readBatchState(storage);
  if (!state) return undefined;
  const n = await latestRound(storage);
  const round = n > 0 ? await readRound(storage, n) : undefined;
  if (!round) return undefined;
  return { state, round, finalizer: await readFinalizer(storage, n) };
}

export function jobIdsOf(latest: Latest): string[] {
  return [
    ...latest.round.arrays.map((a) => a.jobId),
    ...(latest.finalizer ? [latest.finalizer] : []),
  ];
}

function runningTasks(run: RunRef, latest: Latest, jobs: JobStatus[]): RunningTask[] {
  const out: RunningTask[] = [];
  for (const j of jobs) {
    if (j.state !== 'running' || j.index === undefined) continue;
    const array = latest.round.arrays.find((a) => a.jobId === j.jobId);
    const task = array ? taskAt(run.plan, array.group, array.offset + j.index) : undefined;
    if (!array || !task) continue;
    out.push({
      task: task.id,
      group: task.group,
      index: task.index,
      attempt: latest.round.attempt,
      worker: `${j.jobId}_${j.index}`,
      start: '',
      rowsDone: 0,
    });
  }
  return out;
}

/** A finalizer job that ended without finishing its round (a service failed it with a dependency). */
function finalizerNote(run: RunRef, latest: Latest, jobs: JobStatus[], settled: boolean): string[] {
  const job = jobs.find((j) => j.jobId === latest.finalizer && j.index === undefined);
  if (settled || !job || !isFinished(job.state) || job.state === 'completed') return [];
  const why = job.reason ? ` (${job.reason})` : '';
  return [
    `the finalizer job ${job.jobId} ended ${job.raw}${why} without finishing round ${latest.round.round}: \`augc finalize ${run.outputUri} --round ${latest.round.round}\` continues the run`,
  ];
}

export async function batchStatus(
  run: RunRef,
  latest: Latest,
  backend: BatchBackend,
  describe: string,
): Promise<RuntimeStatus> {
  const q = await queryJobsChecked(backend, jobIdsOf(latest));
  const jobs = q.ok ? q.jobs : [];
  const result = await readResult(run.storage, BATCH_RESULT_PATH);
  const cancelled = await run.storage.exists(BATCH_CANCEL_PATH);
  const active = jobs.some((j) => !isFinished(j.state) && j.state !== 'unknown') && !cancelled;
  const r = latest.round;
  const finalizer = latest.finalizer ?? (backend.submitFinalizer ? 'not submitted' : 'the driver');
  const notes = [
    ...finalizerNote(run, latest, jobs, result !== undefined || cancelled),
    `${latest.state.runtime} (${describe}) round ${r.round}, attempt ${r.attempt}: arrays ${r.arrays
      .map((a) => `${a.jobId} (${a.group}[${a.indices}]${a.offset > 0 ? ` +${a.offset}` : ''})`)
      .join(', ')}; finalizer ${finalizer}`,
    ...jobs.flatMap((j) =>
      j.summary && j.index === undefined
        ? [
            `array ${j.jobId}: ${j.summary.queued} queued, ${j.summary.running} running, ${j.summary.succeeded} succeeded, ${j.summary.failed} failed`,
          ]
        : [],
    ),
    ...(q.ok ? [] : [q.message]),
    ...(cancelled ? ['cancelled with `augc cancel`'] : []),
    ...(result ? [`finished: ${result.state} at ${result.end}`] : []),
  ];
  return { active, running: runningTasks(run, latest, jobs), notes };
}

export async function batchCancel(
  run: RunRef,
  latest: Latest,
  backend: BatchBackend,
): Promise<boolean> {
  // Recorded first: a finalizer that starts anyway sees it and neither merges nor resubmits.
  await writeJson(run.storage, BATCH_CANCEL_PATH, { cancelled: new Date().toISOString() });
  const ids = jobIdsOf(latest);
  if (ids.length === 0) return false;
  await backend.cancel(ids);
  return true;
}

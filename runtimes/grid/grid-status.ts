/**
 * `augc status` and `augc cancel` for grid runs: the latest round's arrays and finalizer, asked
 * about in one scheduler call, plus what storage records say.
 */
import { taskAt } from '../../compiler/plan/task-at.js';
import type { RunRef, RunningTask, RuntimeStatus } from '../runtime.js';
import { isFinished, type GridDialect, type JobStatus } from './dialect.js';
import {
  latestRound,
  readFinalizer,
  readGridState,
  readRound,
  writeJson,
  type GridRound,
  type GridState,
} from './grid-state.js';
import { CANCEL_PATH, RESULT_PATH } from './layout.js';
import { queryJobsChecked } from './query-jobs.js';
import { readResult } from './result.js';
import type { SchedulerClient } from './scheduler-client.js';

export interface Latest {
  state: GridState;
  round: GridRound;
  finalizer: string | undefined;
}

export async function readLatest(run: Pick<RunRef, 'storage'>): Promise<Latest | undefined> {
  const state = await readGridState(run.storage);
  if (!state) return undefined;
  const n = await latestRound(run.storage);
  const round = n > 0 ? await readRound(run.storage, n) : undefined;
  if (!round) return undefined;
  return { state, round, finalizer: await readFinalizer(run.storage, n) };
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

export async function gridStatus(
  run: RunRef,
  dialect: GridDialect,
  client: SchedulerClient,
): Promise<RuntimeStatus> {
  const latest = await readLatest(run);
  if (!latest) return { active: false, running: [], notes: ['no jobs on record for this run'] };
  const ids = jobIdsOf(latest);
  const q = await queryJobsChecked({ dialect, client }, ids);
  const jobs = q.ok ? q.jobs : [];
  const result = await readResult(run.storage, RESULT_PATH);
  const cancelled = await run.storage.exists(CANCEL_PATH);
  const active = jobs.some((j) => !isFinished(j.state) && j.state !== 'unknown') && !cancelled;
  const r = latest.round;
  const notes = [
    `${latest.state.runtime} (${dialect.name}) round ${r.round}, attempt ${r.attempt}: arrays ${r.arrays
      .map((a) => `${a.jobId} (${a.group}[${a.indices}]${a.offset > 0 ? ` +${a.offset}` : ''})`)
      .join(', ')}; finalizer ${latest.finalizer ?? 'not submitted'}`,
    ...(q.ok ? [] : [q.message]),
    ...(cancelled ? ['cancelled with `augc cancel`'] : []),
    ...(result ? [`finished: ${result.state} at ${result.end}`] : []),
  ];
  return { active, running: runningTasks(run, latest, jobs), notes };
}

export async function gridCancel(
  run: RunRef,
  dialect: GridDialect,
  client: SchedulerClient,
): Promise<boolean> {
  const latest = await readLatest(run);
  if (!latest) return false;
  // Recorded first: a finalizer that starts anyway sees it and neither merges nor resubmits.
  await writeJson(run.storage, CANCEL_PATH, { cancelled: new Date().toISOString() });
  const ids = jobIdsOf(latest);
  if (ids.length === 0) return false;
  await client.run(dialect.cancelArgv(ids));
  return true;
}

/**
 * The one place that names the files of a run, relative to its storage root. Every reader and
 * writer (the engine, the run layer, the local pool, the batch orchestrator, the CLI's messages)
 * takes its paths from here, so the layout can change in one file. The per-task context records and
 * manifest rows are named by the plan itself (`plan.layout`), because a plan may move them.
 * docs/outputs.md draws the tree.
 */

/** Everything augc keeps for itself; the user's datasets sit beside it. */
export const AUGC_DIR = '_augc';

/** The plan the run executes: all a worker is handed. */
export const PLAN_PATH = `${AUGC_DIR}/plan.json`;
/** Who started the run, with which command and target (`augc status` asks that target). */
export const RUN_INFO_PATH = `${AUGC_DIR}/run.json`;
/** One `augc run` per output at a time. */
export const LOCK_PATH = `${AUGC_DIR}/lock`;
/** A throwaway object that tells whether a store honours conditional creates. */
export const lockProbePathOf = (tag: string): string => `${AUGC_DIR}/lock-probe-${tag}`;
/** The run's merged provenance, written by the merge. */
export const RUN_CONTEXT_PATH = `${AUGC_DIR}/context.json`;
/** The run report (one HTML file), written after the merge and by `augc report`. */
export const REPORT_PATH = `${AUGC_DIR}/report.html`;

/** Where the input is split: what every task reads. */
export const CHUNKS_DIR = `${AUGC_DIR}/chunks`;
/** What the chunks were cut from (input hash, chunking), so a resumed run splits only once. */
export const SPLIT_RECORD_PATH = `${CHUNKS_DIR}/split.json`;
/** Beside the chunk files: the working directory plan-relative paths resolve against. */
export const PLAN_DIR_FILE = 'plan-dir.json';
/** Beside the chunk files: the input's declared column types (a Parquet input only). */
export const COLUMN_TYPES_FILE = 'column-types.json';
/** Input rows skipped under `on_bad_row = skip`, beside the chunk files. */
export const REJECTS_FILE = 'rejects.jsonl';
export const REJECTS_PATH = `${CHUNKS_DIR}/${REJECTS_FILE}`;

export const ATTEMPTS_DIR = `${AUGC_DIR}/attempts`;

/** `_augc/attempts/<task>.<attempt>.json`, one per failed or interrupted attempt. */
export function attemptPathOf(taskId: string, attempt: number): string {
  return `${ATTEMPTS_DIR}/${taskId}.${attempt}.json`;
}

export const LOGS_DIR = `${AUGC_DIR}/logs`;

/** The local pool's log of one worker process (every task it ran, appended). */
export function workerLogPathOf(worker: number): string {
  return `${LOGS_DIR}/worker-${worker}.log`;
}

/** An array task's log, every attempt appended: `_augc/logs/<group>/<index>.log`. */
export function taskLogPathOf(groupDir: string, index: number): string {
  return `${LOGS_DIR}/${groupDir}/${index}.log`;
}

/** What the local pool is doing now (pid, running tasks), for `augc status` elsewhere. */
export const LOCAL_STATE_PATH = `${AUGC_DIR}/local/state.json`;

/** The batch orchestrator's records: submission, rounds, finalizers, result, cancel mark. */
export const BATCH_DIR = `${AUGC_DIR}/batch`;
export const BATCH_STATE_PATH = `${BATCH_DIR}/state.json`;
export const BATCH_RESULT_PATH = `${BATCH_DIR}/result.json`;
export const BATCH_CANCEL_PATH = `${BATCH_DIR}/cancelled.json`;

const roundStem = (round: number): string =>
  `${BATCH_DIR}/rounds/${String(round).padStart(4, '0')}`;

/** One file per round of arrays, and one for its finalizer's id: each has a single writer. */
export const batchRoundPath = (round: number): string => `${roundStem(round)}.json`;
export const batchFinalizerPath = (round: number): string => `${roundStem(round)}.finalizer`;
export const BATCH_ROUNDS_DIR = `${BATCH_DIR}/rounds`;

/**
 * Files a shell scheduler's jobs write on the shared filesystem, relative to the grid's work
 * folder (the run's own folder when the output is local): job scripts, scheduler logs, and the
 * exit status each task's wrapper leaves.
 */
export const GRID_JOBS_DIR = `${BATCH_DIR}/jobs`;
export const GRID_EXIT_DIR = `${BATCH_DIR}/exit`;
export const SCHEDULER_LOGS_DIR = `${LOGS_DIR}/scheduler`;

/** `_augc/batch/exit/<group>/<index>.<attempt>`. */
export function gridExitPathOf(groupDir: string, index: number, attempt: number): string {
  return `${GRID_EXIT_DIR}/${groupDir}/${index}.${attempt}`;
}

/**
 * A batch run's records in its storage. `state.json` is written once by `augc run`; each round of
 * arrays gets its own file, and its finalizer's id another, so that every file has one writer
 * (the submitting process, or the finalizer that resubmits) and no update can be lost.
 */
import {
  BATCH_ROUNDS_DIR,
  BATCH_STATE_PATH,
  batchFinalizerPath,
  batchRoundPath,
} from '../../engine/run-layout.js';
import type { Storage } from '../../engine/storage/storage.js';
import type { WorkerLaunch } from '../runtime.js';

export const BATCH_STATE_VERSION = 2;

export interface BatchState {
  version: number;
  /** The runtime (registry key) that submitted the run. */
  runtime: string;
  /** What the backend decided at submission (dialect, target options, work folder, ...). */
  backend: Record<string, unknown>;
  /** Index window per array (Slurm MaxArraySize, AWS's 10,000); indices are re-based below it. */
  window: number;
  launch: WorkerLaunch;
  planUri: string;
  /** The run's root: an absolute path or a URI. */
  runUri: string;
  /** Rounds of this submission start here (earlier rounds belong to an earlier `augc run`). */
  firstRound: number;
  submitted: string;
}

export interface BatchArray {
  jobId: string;
  group: string;
  groupDir: string;
  offset: number;
  /** Indices relative to offset, e.g. `0-99`. */
  indices: string;
  /** What the backend sent for it (argv and script, or an API request). */
  request: unknown;
}

export interface BatchRound {
  round: number;
  attempt: number;
  arrays: BatchArray[];
  /** ISO time the round was submitted: attempt records older than this are from another run. */
  submitted: string;
}

export async function readJson<T>(storage: Storage, path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await storage.readText(path)) as T;
  } catch {
    return undefined;
  }
}

export async function writeJson(storage: Storage, path: string, value: unknown): Promise<void> {
  await storage.writeAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}

export const readBatchState = (storage: Storage): Promise<BatchState | undefined> =>
  readJson(storage, BATCH_STATE_PATH);
export const readRound = (storage: Storage, round: number): Promise<BatchRound | undefined> =>
  readJson(storage, batchRoundPath(round));

export async function readFinalizer(storage: Storage, round: number): Promise<string | undefined> {
  try {
    return (await storage.readText(batchFinalizerPath(round))).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The number of the latest round on record, or 0. */
export async function latestRound(storage: Storage): Promise<number> {
  const files = await storage.list(BATCH_ROUNDS_DIR);
  const numbers = files.map((f) => /(\d+)\.json$/.exec(f)?.[1]).filter((n) => n !== undefined);
  return numbers.reduce((max, n) => Math.max(max, Number(n)), 0);
}

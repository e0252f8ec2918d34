/**
 * A grid run's records in its storage. `state.json` is written once by `augc run`; each round of
 * arrays gets its own file, and its finalizer's id another, so that every file has one writer
 * (the submitting process or the finalizer job that resubmits) and no update can be lost.
 */
import type { Storage } from '../../engine/storage/storage.js';
import type { GridTargetOptions } from './dialect.js';
import { GRID_DIR, STATE_PATH } from './layout.js';

export const GRID_STATE_VERSION = 1;

export interface GridState {
  version: number;
  /** Runtime (registry key) and dialect that submitted the run. */
  runtime: string;
  dialect: string;
  target: GridTargetOptions;
  /** Index window per array (Slurm MaxArraySize); indices are re-based below it. */
  window: number;
  augc: string[];
  planUri: string;
  /** Absolute path of the run's root on the shared filesystem. */
  root: string;
  /** Rounds of this submission start here (earlier rounds belong to an earlier `augc run`). */
  firstRound: number;
  submitted: string;
}

export interface GridArray {
  jobId: string;
  group: string;
  groupDir: string;
  offset: number;
  /** Scheduler indices (relative to offset), e.g. `0-99`. */
  indices: string;
  script: string;
  argv: string[];
}

export interface GridRound {
  round: number;
  attempt: number;
  arrays: GridArray[];
  /** ISO time the round was submitted: attempt records older than this are from another run. */
  submitted: string;
}

export const roundPath = (round: number): string =>
  `${GRID_DIR}/rounds/${String(round).padStart(4, '0')}.json`;
export const finalizerPath = (round: number): string =>
  `${GRID_DIR}/rounds/${String(round).padStart(4, '0')}.finalizer`;

async function readJson<T>(storage: Storage, path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await storage.readText(path)) as T;
  } catch {
    return undefined;
  }
}

export const readGridState = (storage: Storage): Promise<GridState | undefined> =>
  readJson(storage, STATE_PATH);
export const readRound = (storage: Storage, round: number): Promise<GridRound | undefined> =>
  readJson(storage, roundPath(round));

export async function readFinalizer(storage: Storage, round: number): Promise<string | undefined> {
  try {
    return (await storage.readText(finalizerPath(round))).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The number of the latest round on record, or 0. */
export async function latestRound(storage: Storage): Promise<number> {
  const files = await storage.list(`${GRID_DIR}/rounds`);
  const numbers = files.map((f) => /(\d+)\.json$/.exec(f)?.[1]).filter((n) => n !== undefined);
  return numbers.reduce((max, n) => Math.max(max, Number(n)), 0);
}

export async function writeJson(storage: Storage, path: string, value: unknown): Promise<void> {
  await storage.writeAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}

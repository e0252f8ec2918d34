/**
 * The files a task leaves under `_augc/`: its context record (the completion marker), its
 * manifest row and, when an attempt fails, an attempt record. Keys are snake_case because these
 * are data files that users read and load into dataframes.
 */
import { hostname } from 'node:os';
import type { PlanParamValue, PlanTask } from '../compiler/plan/types.js';
import type { CacheKey } from './cache-key.js';

export const TASK_RECORD_VERSION = 1;

/** What one method ran with, as recorded (params are resolved: every default filled in). */
export interface MethodRecord {
  id: string;
  kind: 'stdlib' | 'command';
  method?: string;
  params: Record<string, PlanParamValue>;
  argv?: string[];
  image?: string;
}

export interface TaskRecord {
  record_version: number;
  task: string;
  group: string;
  index: number;
  combo: string;
  combo_index: number;
  methods: string[];
  k: number;
  chunk: number;
  attempt: number;
  host: string;
  pid: number;
  worker: string;
  /** ISO 8601 UTC. */
  start: string;
  end: string;
  /**
   * CPU seconds the task used: the worker's own and its `command` programs'. Absent from records
   * written before augc measured it; the report reads those too.
   */
  cpu_seconds?: number;
  /** Peak resident memory of the worker process up to the task's end, in bytes (also optional). */
  peak_rss_bytes?: number;
  rows_in: number;
  /** Variants generated before filtering (rows_in x variants for text combos). */
  generated: number;
  rows_out: number;
  kept: number;
  /** Dropped variants by reason (`unchanged`, `duplicate`, `below_min`, `above_max`, ...). */
  dropped: Record<string, number>;
  /**
   * Variants by similarity, in `SIMILARITY_BINS` equal bins over [0, 1], kept or dropped (those
   * whose similarity was computed); text combos only, and optional like the usage fields.
   */
  similarity_histogram?: number[];
  quality: { measure: string; min: number; max: number };
  params: MethodRecord[];
  /** The plan's seed and the task's derived seed. */
  seed: { plan: number; task: string };
  variants: number;
  input: { path: string; sha256: string };
  part: { path: string; format: string; sha256: string; bytes: number };
  augc_version: string;
  plan_hash: string;
  cache_key: CacheKey;
  /** Where the attempt's output can be read, when the service names it (e.g. a CloudWatch stream). */
  log?: string;
}

export type FailureClass = 'error' | 'signal' | 'oom' | 'timeout' | `exit(${number})`;

export interface AttemptRecord {
  record_version: number;
  task: string;
  group: string;
  index: number;
  combo: string;
  chunk: number;
  attempt: number;
  state: 'failed' | 'interrupted';
  /** `exit(N)`, `signal`, `oom`, `timeout` or `error` (the retry policy matches on it). */
  error_class: FailureClass;
  /** The signal name when a child process was killed by one (e.g. `SIGKILL`). */
  signal?: string;
  exit_code?: number;
  message: string;
  /** The last lines of the failing program's stderr, or of the error's stack. */
  log_tail: string;
  host: string;
  pid: number;
  worker: string;
  start: string;
  end: string;
  /** Where the attempt's output can be read, when the service names it (e.g. a CloudWatch stream). */
  log?: string;
}

/** The columns of `manifest_final.csv` and of each task's manifest row, in order. */
export const MANIFEST_COLUMNS = [
  'combo_id',
  'methods',
  'k',
  'rows',
  'variants',
  'kept',
  'dropped',
  'path',
  'sha256',
] as const;

export type ManifestRow = Record<(typeof MANIFEST_COLUMNS)[number], string | number>;

/** Sum of the dropped counts. */
export function droppedTotal(dropped: Record<string, number>): number {
  return Object.values(dropped).reduce((n, v) => n + v, 0);
}

/** What a failed attempt is, however it was observed (engine, local pool, scheduler). */
export interface AttemptFacts {
  attempt: number;
  state: AttemptRecord['state'];
  errorClass: FailureClass;
  signal?: string | undefined;
  exitCode?: number | undefined;
  message: string;
  logTail: string;
  pid: number;
  worker: string;
  start: string;
  log?: string | undefined;
}

/** The fields that name a task in every record about it (task, attempt and manifest). */
export function taskIdentityOf(task: PlanTask): {
  task: string;
  group: string;
  index: number;
  combo: string;
  chunk: number;
} {
  return {
    task: task.id,
    group: task.group,
    index: task.index,
    combo: task.combo.id,
    chunk: task.chunk,
  };
}

/** The attempt record of a task: one shape whoever writes it. */
export function attemptRecordOf(task: PlanTask, facts: AttemptFacts): AttemptRecord {
  return {
    record_version: TASK_RECORD_VERSION,
    ...taskIdentityOf(task),
    attempt: facts.attempt,
    state: facts.state,
    error_class: facts.errorClass,
    ...(facts.signal !== undefined ? { signal: facts.signal } : {}),
    ...(facts.exitCode !== undefined ? { exit_code: facts.exitCode } : {}),
    message: facts.message,
    log_tail: facts.logTail,
    host: hostname(),
    pid: facts.pid,
    worker: facts.worker,
    start: facts.start,
    end: new Date().toISOString(),
    ...(facts.log !== undefined ? { log: facts.log } : {}),
  };
}

/** What the pool and its child processes say to each other over the IPC channel. */
import type { AttemptFailure } from '../retry-policy.js';

export interface RunMessage {
  type: 'run';
  planUri: string;
  group: string;
  index: number;
  attempt: number;
  /** The chunk's row count (from the split), for progress. */
  rowsTotal?: number;
}

/** `timeout`: the task is over its walltime (recorded as such); otherwise Ctrl-C (the child exits). */
export type ParentMessage = RunMessage | { type: 'abort'; reason?: 'timeout' };

export type ChildMessage =
  /** The task is known and starts now: its walltime counts from here, not from process start. */
  | { type: 'started' }
  | { type: 'progress'; rowsDone: number; rowsTotal?: number }
  | { type: 'done'; ok: true; rowsIn: number; rowsOut: number }
  | { type: 'done'; ok: false; aborted: boolean; failure: AttemptFailure & { message: string } };

/**
 * Test hook (documented in docs/runtimes/local.md): a child SIGKILLs itself once the first
 * attempt of a task has processed this many rows, optionally only for the task id in
 * AUGC_TEST_KILL_TASK (retries are spared, so that the retry path can be tested too). It lets the
 * test suite prove that a worker killed mid-task loses nothing but that task.
 */
export const KILL_AFTER_ROWS = 'AUGC_TEST_KILL_AFTER_ROWS';
export const KILL_TASK = 'AUGC_TEST_KILL_TASK';

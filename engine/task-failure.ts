/**
 * What a failed or interrupted attempt leaves: `_augc/attempts/<task>.<attempt>.json`, classified
 * the way the plan's retry policy matches failures (`exit(N)`, `signal`, `oom`, `timeout`,
 * `error`), and the `TaskFailure` that `runTask` rejects with.
 */
import type { Plan, PlanTask } from '../compiler/plan/types.js';
import { isDataError } from './formats/data-error.js';
import { CommandFailure } from './command-failure.js';
import { attemptPathOf } from './run-layout.js';
import type { Storage } from './storage/storage.js';
import { attemptRecordOf, type AttemptRecord, type FailureClass } from './task-record.js';

export class TaskFailure extends Error {
  constructor(
    readonly attempt: AttemptRecord,
    options: { cause: unknown },
  ) {
    super(
      `task ${attempt.task} ${attempt.state} (${attempt.error_class}): ${attempt.message}`,
      options,
    );
    this.name = 'TaskFailure';
  }
}

export function isTaskFailure(error: unknown): error is TaskFailure {
  return error instanceof Error && error.name === 'TaskFailure' && 'attempt' in error;
}

interface Classified {
  state: AttemptRecord['state'];
  errorClass: FailureClass;
  signal?: string;
  exitCode?: number;
  logTail: string;
}

const OOM = /out of memory|ENOMEM|Array buffer allocation failed|Invalid string length/i;
const STACK_LINES = 20;

function stackTail(error: unknown): string {
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return stack.split('\n').slice(0, STACK_LINES).join('\n');
}

function classify(error: unknown, signal: AbortSignal | undefined): Classified {
  if (signal?.aborted) {
    const timeout = (signal.reason as { name?: unknown } | undefined)?.name === 'TimeoutError';
    return timeout
      ? { state: 'failed', errorClass: 'timeout', logTail: '' }
      : { state: 'interrupted', errorClass: 'signal', logTail: '' };
  }
  if (error instanceof CommandFailure) {
    if (error.exitCode !== undefined) {
      return {
        state: 'failed',
        errorClass: `exit(${error.exitCode})`,
        exitCode: error.exitCode,
        logTail: error.stderrTail,
      };
    }
    if (error.signal !== undefined) {
      return {
        state: 'failed',
        errorClass: 'signal',
        signal: error.signal,
        logTail: error.stderrTail,
      };
    }
    return { state: 'failed', errorClass: 'error', logTail: error.stderrTail };
  }
  const message = error instanceof Error ? error.message : String(error);
  const errorClass: FailureClass = OOM.test(message) ? 'oom' : 'error';
  return { state: 'failed', errorClass, logTail: isDataError(error) ? '' : stackTail(error) };
}

export interface FailureContext {
  storage: Storage;
  plan: Plan;
  task: PlanTask;
  attempt: number;
  worker: string;
  start: Date;
  error: unknown;
  signal?: AbortSignal;
  /** Where the attempt's output can be read (a service's log stream). */
  log?: string;
}

/** Writes the attempt record (best effort: a storage that fails too must not hide the cause). */
export async function recordFailure(ctx: FailureContext): Promise<TaskFailure> {
  const { task, error } = ctx;
  const c = classify(error, ctx.signal);
  const message =
    c.state === 'interrupted'
      ? 'interrupted'
      : error instanceof Error
        ? error.message
        : String(error);
  const record = attemptRecordOf(task, {
    attempt: ctx.attempt,
    state: c.state,
    errorClass: c.errorClass,
    signal: c.signal,
    exitCode: c.exitCode,
    message,
    logTail: c.logTail,
    pid: process.pid,
    worker: ctx.worker,
    start: ctx.start.toISOString(),
    log: ctx.log,
  });
  try {
    await ctx.storage.writeAtomic(
      attemptPathOf(task.id, ctx.attempt),
      `${JSON.stringify(record, null, 2)}\n`,
    );
  } catch {
    // The failure itself is what the caller must see; a second error would mask it.
  }
  return new TaskFailure(record, { cause: error });
}

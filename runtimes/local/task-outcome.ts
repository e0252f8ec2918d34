/**
 * What the pool does with an attempt that did not complete: records it when the worker could not
 * (a killed process writes nothing), cleans the temp files a killed worker left, and reads the tail
 * of the task's log for the failure report.
 */
import { open, stat } from 'node:fs/promises';
import type { PlanTask } from '../../compiler/plan/types.js';
import type { Storage } from '../../engine/storage/storage.js';
import { attemptPathOf } from '../../engine/run-layout.js';
import { type FailureClass, attemptRecordOf } from '../../engine/task-record.js';
import type { AttemptFailure } from '../retry-policy.js';

/** Lines of the worker's log shown for a failed task. */
export const TAIL_LINES = 20;
const TAIL_BYTES = 16_384;

export async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

/** The last lines the log got after byte `from` (where the task started). */
export async function logTail(path: string, from: number, lines = TAIL_LINES): Promise<string> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return '';
  }
  try {
    const size = (await handle.stat()).size;
    const start = Math.max(from, size - TAIL_BYTES);
    const buffer = Buffer.alloc(Math.max(0, size - start));
    await handle.read(buffer, 0, buffer.length, start);
    return buffer.toString('utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } finally {
    await handle.close();
  }
}

export interface CrashInfo {
  task: PlanTask;
  attempt: number;
  worker: string;
  pid: number;
  startMs: number;
  failure: AttemptFailure & { message: string };
  logTail: string;
}

/** The attempt record for an attempt whose process died before it could write one. */
export async function recordCrash(
  storage: Storage,
  info: CrashInfo,
  state: 'failed' | 'interrupted' = 'failed',
): Promise<void> {
  const { task, failure } = info;
  const record = attemptRecordOf(task, {
    attempt: info.attempt,
    state,
    errorClass: failure.errorClass as FailureClass,
    signal: failure.signal,
    exitCode: failure.exitCode,
    message: failure.message,
    logTail: info.logTail,
    pid: info.pid,
    worker: info.worker,
    start: new Date(info.startMs).toISOString(),
  });
  await storage.writeAtomic(
    attemptPathOf(task.id, info.attempt),
    `${JSON.stringify(record, null, 2)}\n`,
  );
}

/**
 * An attempt stopped by Ctrl-C or SIGTERM is recorded as interrupted (its own state in `augc
 * status`, not a failure). The worker records it when it aborts in time; one that had to be
 * killed (a program that ignored SIGTERM, or whose children kept its output open) cannot, so the
 * pool does, unless the worker's record is there.
 */
export async function recordInterrupted(
  storage: Storage,
  info: Omit<CrashInfo, 'failure'>,
): Promise<void> {
  if (await storage.exists(attemptPathOf(info.task.id, info.attempt))) return;
  const message = 'the run was interrupted (Ctrl-C or SIGTERM) before the task ended';
  await recordCrash(
    storage,
    { ...info, failure: { errorClass: 'signal', message } },
    'interrupted',
  );
}

/**
 * Fault-injection hooks for the test suite (documented in docs/reliability.md). They are read from
 * the environment of the process that runs a task (a local pool child or `augc worker` in a
 * scheduler job, which inherits the submitting environment), act only on the first attempt so that
 * retries and resumes can be observed, and do nothing unless their variable is set:
 *
 * - `AUGC_TEST_CRASH_AFTER=part`: SIGKILL the task's process right after its part was renamed into
 *   place and before its manifest row and record are written (a machine dying at the worst moment).
 * - `AUGC_TEST_ENOSPC=1`: the part writer's first write fails with ENOSPC after writing half its
 *   bytes (a disk filling up mid-part).
 *
 * `AUGC_TEST_FAULT_TASK=<task id>` limits either hook to one task.
 */
export const CRASH_AFTER = 'AUGC_TEST_CRASH_AFTER';
export const ENOSPC = 'AUGC_TEST_ENOSPC';
export const FAULT_TASK = 'AUGC_TEST_FAULT_TASK';

function armed(taskId: string, attempt: number): boolean {
  const only = process.env[FAULT_TASK];
  return attempt === 1 && (only === undefined || only === '' || only === taskId);
}

/** Called between the part's commit and its record: kills the process when the hook says so. */
export function crashAfterPartHook(taskId: string, attempt: number): void {
  if (process.env[CRASH_AFTER] === 'part' && armed(taskId, attempt)) {
    process.kill(process.pid, 'SIGKILL');
  }
}

/** Whether this task's part writer should run out of space. */
export function enospcArmed(taskId: string, attempt: number): boolean {
  const value = process.env[ENOSPC];
  return value !== undefined && value !== '' && value !== '0' && armed(taskId, attempt);
}

/** The error `write(2)` gives on a full disk, as Node shapes it. */
export function enospcError(path: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(
    `ENOSPC: no space left on device, write '${path}'`,
  );
  error.code = 'ENOSPC';
  error.errno = -28;
  error.syscall = 'write';
  return error;
}

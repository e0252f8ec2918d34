/**
 * `augc status RUN --task T`: one task's state, each of its attempts, and where to read its
 * output: the log an attempt's record names (a service's log stream), else the place the runtime
 * keeps it (a scheduler log file), else nothing known.
 */
import { tasksOf } from '../../compiler/plan/task-at.js';
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import { listAttempts, readTaskState } from '../../engine/task-state.js';
import type { AttemptRecord } from '../../engine/task-record.js';
import { loadRuntime } from '../registry.js';
import { openRun, targetOf } from './open-run.js';
import type { RunStatusCode } from './run-outcome.js';

export interface TaskAttemptView {
  attempt: number;
  state: string;
  errorClass: string;
  message: string;
  log?: string;
}

export interface TaskStatusReport {
  task: string;
  group: string;
  index: number;
  state: string;
  reason: string;
  attempts: TaskAttemptView[];
  /** Where to read the latest attempt's output, when known. */
  log?: string;
}

export type TaskStatusResult =
  | { ok: true; report: TaskStatusReport }
  | { ok: false; status: RunStatusCode; diagnostics: Diagnostic[] };

async function readAttempts(
  storage: Parameters<typeof listAttempts>[0],
  files: readonly string[],
): Promise<AttemptRecord[]> {
  const out: AttemptRecord[] = [];
  for (const f of files) {
    try {
      out.push(JSON.parse(await storage.readText(f)) as AttemptRecord);
    } catch {
      // an unreadable record is left out; the task's state says what is known
    }
  }
  return out;
}

export async function taskStatus(
  uri: string,
  taskId: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<TaskStatusResult> {
  const opened = await openRun(uri);
  if (!opened.ok) return opened;
  const { plan, storage } = opened.run;
  const task = [...tasksOf(plan)].find((t) => t.id === taskId);
  if (!task) {
    const message = `the run has no task \`${taskId}\``;
    const help = 'task ids look like `combo_1_typo.c00003`: see `augc status RUN --json`';
    const diagnostic: Diagnostic = { code: 'AUG5123', severity: 'error', message, help };
    return { ok: false, status: 'failed', diagnostics: [diagnostic] };
  }
  const attemptFiles = await listAttempts(storage);
  const state = await readTaskState(storage, plan, task, { verifyHash: false });
  const attempts = await readAttempts(storage, attemptFiles.get(task.id) ?? []);
  const runtime = await loadRuntime(targetOf(opened.run));
  const ref = { plan, outputUri: uri, storage, env };
  const kept = await runtime?.taskLog?.(ref, task.group, task.index);
  const log = state.record?.log ?? attempts.at(-1)?.log ?? kept;
  const report: TaskStatusReport = {
    task: task.id,
    group: task.group,
    index: task.index,
    state: state.state,
    reason: state.reason,
    attempts: attempts.map((a) => ({
      attempt: a.attempt,
      state: a.state,
      errorClass: a.error_class,
      message: a.message,
      ...(a.log !== undefined ? { log: a.log } : {}),
    })),
    ...(log !== undefined ? { log } : {}),
  };
  return { ok: true, report };
}

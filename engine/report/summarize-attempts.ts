/** The attempt-shaped parts of the report: the timeline's bars and the failures with their logs. */
import type { AttemptRecord, TaskRecord } from '../task-record.js';
import type { AttemptBar, FailureEntry, ReportModel } from './report-model.js';
import type { RunRecords } from './run-records.js';

type Who = Pick<TaskRecord, 'task' | 'group' | 'index' | 'worker'>;

/**
 * Lanes are workers when workers ran several tasks each (the local pool), else tasks by group and
 * index (an array job runs one task per element, and its retries share the task's lane).
 */
function lanesBy(who: readonly Who[]): 'worker' | 'task' {
  const tasksOfWorker = new Map<string, Set<string>>();
  for (const w of who) {
    const set = tasksOfWorker.get(w.worker) ?? new Set<string>();
    set.add(w.task);
    tasksOfWorker.set(w.worker, set);
  }
  return [...tasksOfWorker.values()].some((s) => s.size > 1) ? 'worker' : 'task';
}

export function timelineOf(records: RunRecords): ReportModel['timeline'] {
  const done = records.tasks.flatMap((e) => (e.record ? [e.record] : []));
  const by = lanesBy([...done, ...records.attempts]);
  const lane = (w: Who): string => (by === 'worker' ? w.worker : `${w.group}[${w.index}]`);
  const bars: AttemptBar[] = [];
  for (const r of done) {
    bars.push({ lane: lane(r), task: r.task, attempt: r.attempt, ...times(r), outcome: 'ok' });
  }
  for (const a of records.attempts) {
    bars.push({
      lane: lane(a),
      task: a.task,
      attempt: a.attempt,
      ...times(a),
      outcome: a.state,
      errorClass: a.error_class,
    });
  }
  bars.sort((a, b) => a.startMs - b.startMs || (a.task < b.task ? -1 : 1));
  return { lanesBy: by, bars: bars.filter((b) => Number.isFinite(b.startMs + b.endMs)) };
}

function times(r: { start: string; end: string }): { startMs: number; endMs: number } {
  const startMs = Date.parse(r.start);
  return { startMs, endMs: Math.max(startMs, Date.parse(r.end)) };
}

/** Tasks with a failed attempt: those that did not complete first, then those a retry saved. */
export function failuresOf(records: RunRecords): FailureEntry[] {
  const byTask = new Map<string, AttemptRecord[]>();
  for (const a of records.attempts) byTask.set(a.task, [...(byTask.get(a.task) ?? []), a]);
  const out: FailureEntry[] = [];
  for (const entry of records.tasks) {
    const attempts = byTask.get(entry.task.id) ?? [];
    const final = entry.state === 'failed' || entry.state === 'interrupted';
    if (attempts.length === 0 && !final) continue;
    const last = attempts.at(-1);
    const kept = records.logTails.get(entry.task.id);
    const tail = last?.log_tail !== undefined && last.log_tail !== '' ? last.log_tail : kept?.tail;
    out.push({
      task: entry.task.id,
      group: entry.task.group,
      index: entry.task.index,
      final,
      attempts: attempts.map((a) => ({
        attempt: a.attempt,
        state: a.state,
        errorClass: a.error_class,
        message: a.message,
        worker: a.worker,
        end: a.end,
      })),
      logTail: tail ?? (final ? entry.reason : ''),
      ...(kept?.location !== undefined ? { logLocation: kept.location } : {}),
    });
  }
  return out.sort((a, b) => Number(b.final) - Number(a.final));
}

/**
 * Hand-made run records for the report tests: a plan of two combos in two chunks (four tasks),
 * task records with and without the usage and histogram fields, and attempt records.
 */
import { tasksOf } from '../../../compiler/plan/task-at.js';
import type { Plan, PlanTask } from '../../../compiler/plan/types.js';
import type { RunRecords, TaskEntry } from '../../../engine/report/run-records.js';
import type { AttemptRecord, TaskRecord } from '../../../engine/task-record.js';
import { combo, makePlan, stdlibMethod } from '../task-fixture.js';

export const plan: Plan = makePlan({
  methods: [stdlibMethod('typo', 'keyboard_typo'), stdlibMethod('swap', 'random_word')],
  combos: [combo('typo'), combo('typo', 'swap')],
  chunks: 2,
  rows: 20,
  quality: { measure: 'chrf', min: 0.5, max: 0.9 },
});
export const tasks: PlanTask[] = [...tasksOf(plan)];

const at = (s: number): string => new Date(Date.UTC(2025, 0, 1, 12, 0, s)).toISOString();

export function record(task: PlanTask, fields: Partial<TaskRecord>): TaskRecord {
  return {
    task: task.id,
    group: task.group,
    index: task.index,
    combo: task.combo.id,
    methods: task.combo.methods,
    chunk: task.chunk,
    attempt: 1,
    worker: 'worker-1',
    start: at(0),
    end: at(10),
    rows_in: 10,
    generated: 20,
    rows_out: 18,
    kept: 18,
    dropped: { unchanged: 1, duplicate: 0, below_min: 1, above_max: 0 },
    ...fields,
  } as TaskRecord;
}

export function attempt(task: PlanTask, fields: Partial<AttemptRecord>): AttemptRecord {
  return {
    record_version: 1,
    task: task.id,
    group: task.group,
    index: task.index,
    combo: task.combo.id,
    chunk: task.chunk,
    attempt: 1,
    state: 'failed',
    error_class: 'oom',
    message: 'killed',
    log_tail: '',
    host: 'h',
    pid: 1,
    worker: 'worker-2',
    start: at(0),
    end: at(4),
    ...fields,
  };
}

const histogram = (hot: number, n: number): number[] =>
  Array.from({ length: 20 }, (_, i) => (i === hot ? n : 0));

const [t0, t1, t2, t3] = tasks as [PlanTask, PlanTask, PlanTask, PlanTask];

/**
 * t0: complete at once (usage, histogram); t1: an older record without them; t2: OOM, then
 * complete on attempt 2; t3: failed twice with exit(3), not complete.
 */
export function fixtureRecords(): RunRecords {
  const complete = (task: PlanTask, r: TaskRecord): TaskEntry => ({
    task,
    state: 'complete',
    reason: 'output matches its record',
    record: r,
  });
  return {
    tasks: [
      complete(
        t0,
        record(t0, {
          cpu_seconds: 8,
          peak_rss_bytes: 2 ** 28,
          similarity_histogram: histogram(15, 19),
        }),
      ),
      complete(t1, record(t1, { worker: 'worker-2', start: at(10), end: at(15) })),
      complete(
        t2,
        record(t2, {
          attempt: 2,
          worker: 'worker-1',
          start: at(12),
          end: at(20),
          cpu_seconds: 4,
          peak_rss_bytes: 2 ** 30,
          similarity_histogram: histogram(12, 19),
        }),
      ),
      { task: t3, state: 'failed', reason: 'attempt 2 failed (exit(3)): boom' },
    ],
    attempts: [
      attempt(t2, {
        attempt: 1,
        error_class: 'oom',
        message: 'out of memory',
        start: at(4),
        end: at(11),
        log_tail: 'MemoryError',
      }),
      attempt(t3, {
        attempt: 1,
        error_class: 'exit(3)',
        message: 'boom',
        worker: 'worker-1',
        start: at(0),
        end: at(2),
      }),
      attempt(t3, {
        attempt: 2,
        error_class: 'exit(3)',
        message: 'boom',
        start: at(16),
        end: at(18),
      }),
    ],
    logTails: new Map([[t3.id, { tail: 'Traceback: boom', location: '_augc/logs/g/3.log' }]]),
  };
}

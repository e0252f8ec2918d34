/**
 * The report's figures from the run's records: pure functions, so they are tested with fixture
 * records. Older records without usage or histogram fields count as far as they go.
 */
import type { Plan, PlanResources } from '../../compiler/plan/types.js';
import type { AttemptRecord, TaskRecord } from '../task-record.js';
import type {
  ComboStats,
  FailureClassCount,
  MethodStats,
  ReportModel,
  ReportSummary,
  RunFacts,
  Tally,
  UsageRow,
} from './report-model.js';
import type { RunRecords, TaskEntry } from './run-records.js';
import { failuresOf, timelineOf } from './summarize-attempts.js';

export interface SummarizeInput {
  plan: Plan;
  records: RunRecords;
  facts: RunFacts;
  /** What a group's attempt asked for (escalated by the retry rule on the run's target). */
  requested: (group: string, attempt: number) => PlanResources;
  reportVersion: string;
}

export function emptyTally(): Tally {
  return {
    tasks: 0,
    complete: 0,
    rowsIn: 0,
    generated: 0,
    kept: 0,
    rowsOut: 0,
    dropped: {},
    histogram: undefined,
    seconds: 0,
  };
}

/** Seconds between a record's start and end (0 when they do not parse). */
export function wallSeconds(r: { start: string; end: string }): number {
  const ms = Date.parse(r.end) - Date.parse(r.start);
  return Number.isFinite(ms) && ms > 0 ? ms / 1000 : 0;
}

export function addToTally(t: Tally, entry: TaskEntry): void {
  t.tasks++;
  const r = entry.record;
  if (entry.state !== 'complete' || !r) return;
  t.complete++;
  t.rowsIn += r.rows_in;
  t.generated += r.generated;
  t.kept += r.kept;
  t.rowsOut += r.rows_out;
  for (const [reason, n] of Object.entries(r.dropped))
    t.dropped[reason] = (t.dropped[reason] ?? 0) + n;
  if (r.similarity_histogram) {
    const h = (t.histogram ??= new Array<number>(r.similarity_histogram.length).fill(0));
    r.similarity_histogram.forEach((n, i) => (h[i] = (h[i] ?? 0) + n));
  }
  t.seconds += wallSeconds(r);
}

function combosOf(plan: Plan, tasks: readonly TaskEntry[]): ComboStats[] {
  const byId = new Map(plan.combos.map((combo) => [combo.id, { combo, tally: emptyTally() }]));
  for (const entry of tasks) {
    const stats = byId.get(entry.task.combo.id);
    if (stats) addToTally(stats.tally, entry);
  }
  return [...byId.values()];
}

function methodsOf(plan: Plan, tasks: readonly TaskEntry[]): MethodStats[] {
  return plan.methods.map((m) => {
    const tally = emptyTally();
    for (const entry of tasks)
      if (entry.task.combo.methods.includes(m.id)) addToTally(tally, entry);
    const what = m.kind === 'stdlib' ? (m.method ?? m.id) : `command ${m.argv?.[0] ?? ''}`.trim();
    const combos = plan.combos.filter((c) => c.methods.includes(m.id)).length;
    return { id: m.id, what, combos, tally };
  });
}

function failureClasses(attempts: readonly AttemptRecord[], tasks: readonly TaskEntry[]) {
  const latest = new Map<string, number>();
  for (const e of tasks) if (e.record) latest.set(e.task.id, e.record.attempt);
  for (const a of attempts) latest.set(a.task, Math.max(latest.get(a.task) ?? 0, a.attempt));
  const byClass = new Map<string, FailureClassCount>();
  for (const a of attempts) {
    const c = byClass.get(a.error_class) ?? { errorClass: a.error_class, attempts: 0, retried: 0 };
    c.attempts++;
    if ((latest.get(a.task) ?? 0) > a.attempt) c.retried++;
    byClass.set(a.error_class, c);
  }
  return [...byClass.values()].sort((a, b) => b.attempts - a.attempts);
}

function runSpan(records: readonly TaskRecord[], attempts: readonly AttemptRecord[]) {
  const starts = [...records, ...attempts].map((r) => r.start).sort();
  const ends = [...records, ...attempts].map((r) => r.end).sort();
  return { start: starts[0], end: ends.at(-1) };
}

function spentOf(input: SummarizeInput, done: readonly TaskRecord[]): ReportSummary['spent'] {
  const spent = { attempts: 0, seconds: 0, cpuSeconds: 0, coreHours: 0, gpuHours: 0 };
  for (const r of done) spent.cpuSeconds += r.cpu_seconds ?? 0;
  for (const r of [...done, ...input.records.attempts]) {
    const seconds = wallSeconds(r);
    const asked = input.requested(r.group, r.attempt);
    spent.attempts++;
    spent.seconds += seconds;
    spent.coreHours += (seconds * asked.cpus) / 3600;
    spent.gpuHours += (seconds * asked.gpus) / 3600;
  }
  return spent;
}

function summaryOf(input: SummarizeInput, total: Tally): ReportSummary {
  const { plan, records, facts } = input;
  const states: ReportSummary['states'] = {};
  for (const e of records.tasks) states[e.state] = (states[e.state] ?? 0) + 1;
  const done = records.tasks.flatMap((e) => (e.record ? [e.record] : []));
  const span = runSpan(done, records.attempts);
  const start = facts.start ?? span.start;
  return {
    pipeline: plan.pipeline,
    planHash: plan.planHash,
    augcVersion: plan.compilerVersion,
    reportVersion: input.reportVersion,
    target: facts.target,
    ...(facts.command !== undefined ? { command: facts.command } : {}),
    ...(start !== undefined ? { start } : {}),
    ...(span.end !== undefined ? { end: span.end } : {}),
    tasks: records.tasks.length,
    states,
    total,
    failures: failureClasses(records.attempts, records.tasks),
    spent: spentOf(input, done),
    variants: plan.variants,
    quality: plan.quality,
  };
}

function usageOf(input: SummarizeInput): UsageRow[] {
  return input.records.tasks.flatMap((e): UsageRow[] => {
    const r = e.record;
    if (e.state !== 'complete' || !r) return [];
    return [
      {
        task: r.task,
        group: r.group,
        attempt: r.attempt,
        wallSeconds: wallSeconds(r),
        ...(r.cpu_seconds !== undefined ? { cpuSeconds: r.cpu_seconds } : {}),
        ...(r.peak_rss_bytes !== undefined ? { peakRssBytes: r.peak_rss_bytes } : {}),
        requested: input.requested(r.group, r.attempt),
      },
    ];
  });
}

export function summarizeRun(input: SummarizeInput): ReportModel {
  const { plan, records } = input;
  const total = emptyTally();
  for (const entry of records.tasks) addToTally(total, entry);
  return {
    summary: summaryOf(input, total),
    combos: combosOf(plan, records.tasks),
    methods: methodsOf(plan, records.tasks),
    timeline: timelineOf(records),
    usage: usageOf(input),
    failures: failuresOf(records),
  };
}

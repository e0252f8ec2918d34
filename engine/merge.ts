/**
 * `augc merge`: driven by the plan, not by what happens to be in the output folder. Every task the
 * plan expects must have its record, a cache key that matches the plan, and its part with the
 * recorded sha256; otherwise the tasks that are not complete are returned and nothing final is
 * written (unless `allowPartial`, which merges the complete ones). Writes `<combo>/meta.json`,
 * `manifest_final.csv`, `manifest_final.parquet` and `_augc/context.json`, each atomically.
 */
import { tasksOf } from '../compiler/plan/task-at.js';
import type { Plan, PlanTask } from '../compiler/plan/types.js';
import { readInputRejected } from './input-rejects.js';
import { lowYieldCombos, type LowYieldCombo } from './low-yield.js';
import { RUN_CONTEXT_PATH } from './run-layout.js';
import { mapLimit } from './map-limit.js';
import {
  manifestRowOf,
  summarizeCombo,
  writeManifests,
  writeMetas,
  type ComboSummary,
} from './merge-outputs.js';
import type { Storage } from './storage/storage.js';
import { taskIdentityOf, type ManifestRow, type TaskRecord } from './task-record.js';
import { listAttempts, readTaskState, type TaskState, type TaskStateName } from './task-state.js';

export interface MergeOptions {
  storage: Storage;
  plan: Plan;
  /** Merge the complete tasks even when some are not (default false). */
  allowPartial?: boolean;
  /** Hash every part and compare with its record (default true); else compare sizes only. */
  verifyHashes?: boolean;
  /** Records and parts read at once (default 64). */
  concurrency?: number;
}

export interface TaskProblem {
  task: string;
  group: string;
  index: number;
  combo: string;
  chunk: number;
  state: Exclude<TaskStateName, 'complete'>;
  reason: string;
}

export interface MergeTotals {
  combos: number;
  rows: number;
  /** Number of combos by size k (keys are k as a string). */
  combosBySize: Record<string, number>;
  rowsPerCombo: { min: number; max: number; mean: number };
  generated: number;
  kept: number;
  /** Variants dropped by the quality filter, by reason. */
  dropped: Record<string, number>;
  droppedTotal: number;
  /** Input rows skipped under `on_bad_row = skip` (listed in `_augc/chunks/rejects.jsonl`). */
  inputRejected: number;
}

export interface MergeResult {
  /** Every expected task is complete. */
  ok: boolean;
  /** Final files were written (ok, or allowPartial). */
  written: boolean;
  tasks: number;
  complete: number;
  /** Tasks that are not complete, in plan order. */
  problems: TaskProblem[];
  /** One row per merged combo, in plan order (what manifest_final holds). */
  manifest: ManifestRow[];
  totals: MergeTotals;
  /** Merged combos that kept less than `quality.minKept` of their variants, in plan order. */
  lowYield: LowYieldCombo[];
}

function problemOf(task: PlanTask, state: TaskState): TaskProblem {
  return {
    ...taskIdentityOf(task),
    state: state.state as TaskProblem['state'],
    reason: state.reason,
  };
}

function totalsOf(summaries: readonly ComboSummary[], inputRejected: number): MergeTotals {
  const rows = summaries.map((s) => s.rows);
  const combosBySize: Record<string, number> = {};
  const dropped: Record<string, number> = {};
  for (const s of summaries) {
    combosBySize[String(s.combo.k)] = (combosBySize[String(s.combo.k)] ?? 0) + 1;
    for (const [reason, n] of Object.entries(s.dropped))
      dropped[reason] = (dropped[reason] ?? 0) + n;
  }
  const total = rows.reduce((a, b) => a + b, 0);
  return {
    combos: summaries.length,
    rows: total,
    combosBySize,
    rowsPerCombo: {
      min: rows.length > 0 ? rows.reduce((a, b) => Math.min(a, b)) : 0,
      max: rows.length > 0 ? rows.reduce((a, b) => Math.max(a, b)) : 0,
      mean: rows.length > 0 ? total / rows.length : 0,
    },
    generated: summaries.reduce((n, s) => n + s.generated, 0),
    kept: summaries.reduce((n, s) => n + s.kept, 0),
    dropped,
    droppedTotal: Object.values(dropped).reduce((a, b) => a + b, 0),
    inputRejected,
  };
}

function contextText(
  plan: Plan,
  records: TaskRecord[],
  problems: TaskProblem[],
  inputRejected: number,
): string {
  const sorted = [...records].sort((a, b) => (a.task < b.task ? -1 : a.task > b.task ? 1 : 0));
  const head = JSON.stringify({
    pipeline: plan.pipeline,
    plan_hash: plan.planHash,
    augc_version: plan.compilerVersion,
    input_rejected: inputRejected,
  });
  // The key's detail (what `--explain` compares) stays in the task records; here it would double
  // the file's size.
  const tasks = sorted
    .map((r) =>
      JSON.stringify({
        ...r,
        cache_key: { key: r.cache_key.key, components: r.cache_key.components },
      }),
    )
    .join(',\n');
  return `${head.slice(0, -1)},"problems":${JSON.stringify(problems)},"tasks":[\n${tasks}\n]}\n`;
}

/** Splits the states into the problems (plan order) and the complete records by combo. */
function sortStates(
  tasks: readonly PlanTask[],
  states: readonly TaskState[],
): { problems: TaskProblem[]; byCombo: Map<string, TaskRecord[]> } {
  const problems: TaskProblem[] = [];
  const byCombo = new Map<string, TaskRecord[]>();
  tasks.forEach((task, i) => {
    const state = states[i] ?? { state: 'missing', reason: 'not inspected' };
    if (state.state !== 'complete' || !state.record) {
      problems.push(problemOf(task, state));
      return;
    }
    const list = byCombo.get(task.combo.id) ?? [];
    list.push(state.record);
    byCombo.set(task.combo.id, list);
  });
  return { problems, byCombo };
}

export async function mergeRun(opts: MergeOptions): Promise<MergeResult> {
  const { storage, plan } = opts;
  const tasks = [...tasksOf(plan)];
  const attempts = await listAttempts(storage);
  const inputRejected = await readInputRejected(storage);
  const verifyHash = opts.verifyHashes ?? true;
  const states = await mapLimit(tasks, opts.concurrency ?? 64, (task) =>
    readTaskState(storage, plan, task, { verifyHash, attempts }),
  );
  const { problems, byCombo } = sortStates(tasks, states);
  const summaries = plan.combos
    .filter((combo) => byCombo.has(combo.id))
    .map((combo) => summarizeCombo(plan, combo, byCombo.get(combo.id) ?? []));
  const manifest = summaries.map((s) => manifestRowOf(plan, s));
  const ok = problems.length === 0;
  const written = ok || opts.allowPartial === true;
  if (written) {
    const records = summaries.flatMap((s) => s.records);
    await Promise.all([
      writeMetas(storage, plan, summaries),
      writeManifests(storage, plan, manifest),
      storage.writeAtomic(RUN_CONTEXT_PATH, contextText(plan, records, problems, inputRejected)),
    ]);
  }
  return {
    ok,
    written,
    tasks: tasks.length,
    complete: tasks.length - problems.length,
    problems,
    manifest,
    totals: totalsOf(summaries, inputRejected),
    lowYield: lowYieldCombos(plan, summaries),
  };
}

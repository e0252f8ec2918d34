/** Text that `run`, `merge` and `status` print: totals, failures, the dry-run list. Pure. */
import type { Plan, PlanTask } from '../../compiler/plan/types.js';
import type { MergeResult } from '../../engine/merge.js';
import { REJECTS_PATH } from '../../engine/run-layout.js';
import type { TaskState } from '../../engine/task-state.js';
import type { TaskFailure } from '../../runtimes/runtime.js';

function num(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

function counts(map: Record<string, number>): string {
  return Object.entries(map)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k} ${num(v)}`)
    .join(', ');
}

/** The merge totals (stdout): combos, rows, combos by size, rows per combo, drops by quality. */
export function renderTotals(
  result: Pick<MergeResult, 'tasks' | 'complete' | 'written' | 'totals'>,
  manifest: string,
): string {
  const t = result.totals;
  const bySize = Object.entries(t.combosBySize)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([k, v]) => `k=${k}: ${v}`)
    .join(', ');
  const dropped = t.droppedTotal > 0 ? ` (${counts(t.dropped)})` : '';
  return [
    `tasks      ${num(result.complete)}/${num(result.tasks)} complete`,
    `combos     ${num(t.combos)}${bySize === '' ? '' : `  (${bySize})`}`,
    `rows       ${num(t.rows)}`,
    `per combo  min ${num(t.rowsPerCombo.min)}, max ${num(t.rowsPerCombo.max)}, mean ${num(t.rowsPerCombo.mean)}`,
    `variants   ${num(t.generated)} generated, ${num(t.kept)} kept, ${num(t.droppedTotal)} dropped by quality${dropped}`,
    ...(t.inputRejected > 0
      ? [`rejected   ${num(t.inputRejected)} bad input row(s) skipped (${REJECTS_PATH})`]
      : []),
    ...(result.written ? [`manifest   ${manifest}`] : []),
    '',
  ].join('\n');
}

function indent(text: string, by = '    | '): string {
  return text
    .split('\n')
    .map((l) => `${by}${l}`)
    .join('\n');
}

/** Failed tasks of a run, each with its log and the tail of it (stderr). */
export function renderFailures(failures: readonly TaskFailure[], root: string): string {
  const blocks = failures.map((f) => {
    const head = `  ${f.task} (${f.group}[${f.index}]) failed after ${f.attempts} attempt(s): ${f.errorClass}: ${f.message}`;
    const where = /^(\/|[a-z][a-z0-9+.-]*:\/\/)/i.test(f.logPath)
      ? f.logPath
      : `${root.replace(/\/+$/, '')}/${f.logPath}`;
    const log = `    log: ${where}`;
    const tail = f.logTail ? `\n${indent(f.logTail)}` : '';
    return `${head}\n${log}${tail}`;
  });
  return `${blocks.join('\n')}\n`;
}

/** `--dry-run`: the tasks that would run and those skipped (stdout). */
export function renderDryRun(
  plan: Plan,
  run: readonly PlanTask[],
  skip: readonly PlanTask[],
): string {
  const lines = [
    `${plan.pipeline}: ${run.length} task(s) to run, ${skip.length} complete and skipped`,
  ];
  for (const t of run) lines.push(`  run   ${t.group}[${t.index}] ${t.id}`);
  for (const t of skip) lines.push(`  skip  ${t.group}[${t.index}] ${t.id}`);
  return `${lines.join('\n')}\n`;
}

/** `--explain`: for each task that would re-run, why (which cache-key part changed, or its state). */
export function renderExplain(
  run: readonly PlanTask[],
  why: ReadonlyMap<string, TaskState>,
): string {
  const lines = run.map((t) => {
    const state = why.get(t.id);
    return `${t.id}: ${state ? `${state.state}: ${state.reason}` : 'not run yet'}`;
  });
  return lines.length > 0
    ? `${lines.join('\n')}\n`
    : 'every task is complete: nothing would re-run\n';
}

/**
 * Method speeds measured in earlier runs. A task's wall seconds, less the task's fixed cost, its
 * share of loading its methods and the quality filter's cost (all from the built-in table),
 * divided by its variant-rows, is what its combo's methods cost per variant-row. Tasks of one method give that method's cost (pooled:
 * total seconds over total variant-rows); a combo's tasks then give, for each of its methods no
 * single-method task measured, an equal share of what the measured ones leave.
 */
import { findMethod } from '../../stdlib/catalog/index.js';
import { methodKey, type MethodIdentity } from './method-key.js';
import type { HistoryTask } from './read-history.js';
import type { SpeedTable } from './speed-table.js';

export interface MeasuredSpeed {
  secondsPerVariant: number;
  /** History tasks the figure comes from. */
  tasks: number;
}

/** A combo is tabular when its methods are (a `command` method works on text). */
export function isTabular(methods: readonly MethodIdentity[]): boolean {
  return (
    methods.length > 0 &&
    methods.every(
      (m) => m.kind === 'stdlib' && findMethod(m.method ?? '')?.spec.domain === 'tabular',
    )
  );
}

interface Pool {
  seconds: number;
  units: number;
  tasks: number;
}

/**
 * Seconds each history task spent loading its methods, on the same model as the estimate: a
 * method's load (built-in table) is paid once per process, so a run whose tasks of that method
 * ran in `w` distinct workers paid `w` loads over its `n` tasks (an array job: one each).
 */
function loadShares(tasks: readonly HistoryTask[], table: SpeedTable): Map<HistoryTask, number> {
  const seen = new Map<string, { tasks: number; workers: Set<string> }>();
  const keyOf = (t: HistoryTask, m: MethodIdentity): string => `${t.run}\0${methodKey(m)}`;
  for (const t of tasks) {
    for (const m of t.methods) {
      const s = seen.get(keyOf(t, m)) ?? { tasks: 0, workers: new Set<string>() };
      s.tasks++;
      s.workers.add(t.worker);
      seen.set(keyOf(t, m), s);
    }
  }
  const loadOf = (m: MethodIdentity): number =>
    m.kind === 'stdlib' ? (table.methods[m.method ?? '']?.load_seconds ?? 0) : 0;
  return new Map(
    tasks.map((t) => {
      const share = t.methods.reduce((sum, m) => {
        const s = seen.get(keyOf(t, m));
        return s ? sum + (loadOf(m) * Math.min(s.workers.size, s.tasks)) / s.tasks : sum;
      }, 0);
      return [t, share];
    }),
  );
}

/** Seconds per variant-row the task's methods took together, and its variant-rows. */
function costOf(
  task: HistoryTask,
  table: SpeedTable,
  load: number,
): { perUnit: number; units: number } | undefined {
  const units = task.rowsIn * task.variants;
  if (units <= 0) return undefined;
  const quality = isTabular(task.methods)
    ? 0
    : (table.quality_seconds_per_variant[task.quality] ?? 0);
  const work = Math.max(0, task.seconds - table.task_overhead_seconds - load);
  return { perUnit: Math.max(0, work / units - quality), units };
}

function add(pools: Map<string, Pool>, key: string, seconds: number, units: number): void {
  const p = pools.get(key) ?? { seconds: 0, units: 0, tasks: 0 };
  pools.set(key, { seconds: p.seconds + seconds, units: p.units + units, tasks: p.tasks + 1 });
}

const speedsOf = (pools: Map<string, Pool>): Map<string, MeasuredSpeed> =>
  new Map(
    [...pools].map(([k, p]) => [k, { secondsPerVariant: p.seconds / p.units, tasks: p.tasks }]),
  );

export function speedsFromHistory(
  tasks: readonly HistoryTask[],
  table: SpeedTable,
): Map<string, MeasuredSpeed> {
  const loads = loadShares(tasks, table);
  const single = new Map<string, Pool>();
  for (const t of tasks) {
    const cost = costOf(t, table, loads.get(t) ?? 0);
    const [only] = t.methods;
    if (cost && only && t.methods.length === 1)
      add(single, methodKey(only), cost.perUnit * cost.units, cost.units);
  }
  const known = speedsOf(single);
  const shares = new Map<string, Pool>();
  for (const t of tasks) {
    const cost = costOf(t, table, loads.get(t) ?? 0);
    if (!cost || t.methods.length < 2) continue;
    const keys = t.methods.map(methodKey);
    const unknown = keys.filter((k) => !known.has(k));
    if (unknown.length === 0) continue;
    const measured = keys.reduce((s, k) => s + (known.get(k)?.secondsPerVariant ?? 0), 0);
    const share = Math.max(0, cost.perUnit - measured) / unknown.length;
    for (const k of new Set(unknown)) add(shares, k, share * cost.units, cost.units);
  }
  return new Map([...known, ...speedsOf(shares)]);
}

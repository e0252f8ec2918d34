/**
 * Method speeds measured in earlier runs. A process pays a method's load (dictionaries, compiled
 * code) the first time it runs it, so a task is *cold* for the methods its worker had not run
 * before it, and *warm* otherwise. Speeds come from warm tasks: wall seconds less the task's
 * fixed cost and the quality filter's (built-in table), over variant-rows. Tasks of one method
 * give its speed (pooled: seconds over variant-rows); a combo's tasks then give each of its
 * methods no single-method task measured an equal share of what the measured ones leave. A
 * method's load is what a task cold for it alone took beyond that. A method no warm task ran (an
 * array job starts a process per task) is measured on its cold tasks, less the table's load.
 */
import { findMethod } from '../../stdlib/catalog/index.js';
import { methodKey, type MethodIdentity } from './method-key.js';
import type { HistoryTask } from './read-history.js';
import type { SpeedTable } from './speed-table.js';

export interface MeasuredSpeed {
  secondsPerVariant: number;
  /** History tasks the figure comes from. */
  tasks: number;
  /** Seconds of loading the method, measured on the tasks that paid it, when any could tell. */
  loadSeconds?: number;
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

interface Observed {
  keys: string[];
  /** Methods whose load this task paid. */
  cold: Set<string>;
  units: number;
  /** Seconds beyond the task's fixed cost and the quality filter. */
  work: number;
}

/** Marks, per run and worker, the first task (by start) that ran each method. */
function observe(tasks: readonly HistoryTask[], table: SpeedTable): Observed[] {
  const seen = new Set<string>();
  const ordered = [...tasks].sort((a, b) => a.start - b.start);
  return ordered.flatMap((t): Observed[] => {
    const keys = t.methods.map(methodKey);
    const cold = new Set(keys.filter((k) => !seen.has(`${t.run}\0${t.worker}\0${k}`)));
    keys.forEach((k) => seen.add(`${t.run}\0${t.worker}\0${k}`));
    const units = t.rowsIn * t.variants;
    if (units <= 0) return [];
    const quality = isTabular(t.methods) ? 0 : (table.quality_seconds_per_variant[t.quality] ?? 0);
    const work = t.seconds - table.task_overhead_seconds - units * quality;
    return [{ keys, cold, units, work }];
  });
}

interface Pool {
  seconds: number;
  units: number;
  tasks: number;
}

function add(pools: Map<string, Pool>, key: string, seconds: number, units: number): void {
  const p = pools.get(key) ?? { seconds: 0, units: 0, tasks: 0 };
  pools.set(key, { seconds: p.seconds + seconds, units: p.units + units, tasks: p.tasks + 1 });
}

const perUnit = (pools: Map<string, Pool>): Map<string, MeasuredSpeed> =>
  new Map(
    [...pools].map(([k, p]) => [
      k,
      { secondsPerVariant: Math.max(0, p.seconds / p.units), tasks: p.tasks },
    ]),
  );

/** Singles, then shares of combos; `work` is what a task leaves for its methods' speeds. */
function speedsOf(obs: readonly Observed[], work: (o: Observed) => number) {
  const single = new Map<string, Pool>();
  for (const o of obs) {
    const [only] = o.keys;
    if (only !== undefined && o.keys.length === 1) add(single, only, Math.max(0, work(o)), o.units);
  }
  const known = perUnit(single);
  const shares = new Map<string, Pool>();
  for (const o of obs) {
    const unknown = o.keys.filter((k) => !known.has(k));
    if (o.keys.length < 2 || unknown.length === 0) continue;
    const measured = o.keys.reduce((s, k) => s + (known.get(k)?.secondsPerVariant ?? 0), 0);
    const share = Math.max(0, work(o) / o.units - measured) / unknown.length;
    for (const k of new Set(unknown)) add(shares, k, share * o.units, o.units);
  }
  return new Map([...known, ...perUnit(shares)]);
}

/** Loads measured on tasks cold for one method whose every speed is known. */
function loadsOf(obs: readonly Observed[], speeds: ReadonlyMap<string, MeasuredSpeed>) {
  const loads = new Map<string, number[]>();
  for (const o of obs) {
    const [key] = o.cold;
    if (o.cold.size !== 1 || key === undefined || !o.keys.every((k) => speeds.has(k))) continue;
    const speed = o.keys.reduce((s, k) => s + (speeds.get(k)?.secondsPerVariant ?? 0), 0);
    loads.set(key, [...(loads.get(key) ?? []), Math.max(0, o.work - o.units * speed)]);
  }
  return new Map([...loads].map(([k, l]) => [k, l.reduce((a, b) => a + b, 0) / l.length]));
}

const tableLoad = (table: SpeedTable, key: string): number =>
  key.startsWith('stdlib:') ? (table.methods[key.slice(7)]?.load_seconds ?? 0) : 0;

export function speedsFromHistory(
  tasks: readonly HistoryTask[],
  table: SpeedTable,
): Map<string, MeasuredSpeed> {
  const obs = observe(tasks, table);
  const warm = speedsOf(
    obs.filter((o) => o.cold.size === 0),
    (o) => o.work,
  );
  const coldOnly = speedsOf(
    obs.filter((o) => o.cold.size > 0),
    (o) => o.work - [...o.cold].reduce((s, k) => s + tableLoad(table, k), 0),
  );
  const speeds = new Map([...coldOnly].filter(([k]) => !warm.has(k)).concat([...warm]));
  const loads = loadsOf(obs, warm);
  return new Map(
    [...speeds].map(([k, s]) => {
      const load = loads.get(k);
      return [k, load === undefined ? s : { ...s, loadSeconds: load }];
    }),
  );
}

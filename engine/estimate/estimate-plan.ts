/**
 * `augc plan --estimate`: for each array group and in total, the tasks, the expected task
 * duration, core-hours, GPU-hours, GiB-hours, and the cost where the target declares prices.
 * Pure arithmetic over the plan: a task's duration is the task's fixed cost (plus starting
 * `augc worker` on a batch target) and its variant-rows (chunk rows x variants) times what its
 * combo's methods cost per variant-row, plus the quality filter for a text combo. Method costs
 * come from earlier runs (history) where measured, else from the built-in table.
 */
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import { taskAt } from '../../compiler/plan/task-at.js';
import type {
  Plan,
  PlanCombo,
  PlanGroup,
  PlanParamValue,
  PlanResources,
} from '../../compiler/plan/types.js';
import { estimateDiagnostics } from './estimate-warnings.js';
import { isTabular, type MeasuredSpeed } from './history-speeds.js';
import { methodKey, methodLabel } from './method-key.js';
import type { SpeedTable } from './speed-table.js';

export const PRICE_OPTIONS = ['price_vcpu_hour', 'price_gpu_hour', 'price_gib_hour'] as const;

export interface MethodEstimate {
  id: string;
  what: string;
  /** Seconds per variant-row, without the quality filter; undefined when nothing measured it. */
  secondsPerVariant?: number;
  /** Seconds a process spends the first time it runs the method (built-in table). */
  loadSeconds?: number;
  source: 'history' | 'built-in' | 'unknown';
  /** History tasks behind the figure. */
  tasks?: number;
}

export interface Hours {
  coreHours: number;
  gpuHours: number;
  gibHours: number;
  /** In the prices' currency; undefined when the target declares no price. */
  cost?: number;
}

export interface GroupEstimate {
  group: string;
  tasks: number;
  resources: PlanResources;
  /** Undefined when a method's speed or the chunk sizes are unknown. */
  meanSeconds?: number;
  maxSeconds?: number;
  hours?: Hours;
  /** Methods of the group's combos whose speed is unknown. */
  unknown: string[];
}

export interface Estimate {
  target: string;
  prices: Partial<Record<(typeof PRICE_OPTIONS)[number], number>>;
  methods: MethodEstimate[];
  groups: GroupEstimate[];
  total: { tasks: number; hours?: Hours; complete: boolean };
  /** Where figures are approximate (chunk sizes unknown, a method's speed unknown). */
  notes: string[];
  diagnostics: Diagnostic[];
}

export interface EstimateInput {
  plan: Plan;
  table: SpeedTable;
  history: ReadonlyMap<string, MeasuredSpeed>;
  /** The target planned for (its options give prices and quotas). */
  target: { name: string; options: Readonly<Record<string, PlanParamValue>> };
  /** Worker processes of the local pool (`jobs`): each loads each method once. Default 1. */
  workers?: number;
}

function methodEstimates(input: EstimateInput): MethodEstimate[] {
  return input.plan.methods.map((m) => {
    const measured = input.history.get(methodKey(m));
    const what = methodLabel(m);
    const builtin = m.kind === 'stdlib' ? input.table.methods[m.method ?? ''] : undefined;
    // A history figure has the load taken out (history-speeds.ts): it is added back, measured
    // where the history could tell, else from the table.
    if (measured) {
      const loadSeconds = measured.loadSeconds ?? builtin?.load_seconds;
      const load = loadSeconds !== undefined ? { loadSeconds } : {};
      return { id: m.id, what, source: 'history', ...measured, ...load };
    }
    if (builtin) {
      const { seconds_per_variant: secondsPerVariant, load_seconds: loadSeconds } = builtin;
      return { id: m.id, what, source: 'built-in', secondsPerVariant, loadSeconds };
    }
    return { id: m.id, what, source: 'unknown' };
  });
}

/** Rows in chunk `chunk`: exact when the plan knew the input's rows, else a full chunk. */
export function chunkRows(plan: Plan, chunk: number): number | undefined {
  const { rows } = plan.input;
  const per =
    plan.chunks.rowsPerChunk ??
    (rows !== undefined ? Math.ceil(rows / plan.chunks.count) : undefined);
  if (per === undefined) return undefined;
  if (rows === undefined) return per;
  return Math.max(0, Math.min(per, rows - chunk * per));
}

interface Costs {
  methods: ReadonlyMap<string, MethodEstimate>;
  overhead: number;
  quality: number;
  /** Seconds of loading a method, per task that runs it. */
  load: ReadonlyMap<string, number>;
}

/**
 * A combo's seconds per variant-row and fixed seconds per task, or the ids of its methods that
 * nothing measured.
 */
function comboCost(
  plan: Plan,
  combo: PlanCombo,
  costs: Costs,
): { perUnit: number; fixed: number } | string[] {
  const methods = combo.methods.flatMap((id) => plan.methods.filter((m) => m.id === id));
  const speed = (id: string): number | undefined => costs.methods.get(id)?.secondsPerVariant;
  const unknown = combo.methods.filter((id) => speed(id) === undefined);
  if (unknown.length > 0) return unknown;
  const sum = (f: (id: string) => number): number => combo.methods.reduce((s, id) => s + f(id), 0);
  return {
    perUnit: sum((id) => speed(id) ?? 0) + (isTabular(methods) ? 0 : costs.quality),
    fixed: costs.overhead + sum((id) => costs.load.get(id) ?? 0),
  };
}

/**
 * Load seconds per task of each method: an array task is a fresh process and loads what it runs;
 * each of the local pool's `workers` loads a method once, spread over the tasks that run it.
 */
function loadPerTask(
  plan: Plan,
  methods: readonly MethodEstimate[],
  local: boolean,
  workers: number,
): Map<string, number> {
  const tasksUsing = new Map<string, number>();
  for (const c of plan.combos)
    for (const id of new Set(c.methods))
      tasksUsing.set(id, (tasksUsing.get(id) ?? 0) + plan.chunks.count);
  return new Map(
    methods.map((m) => {
      const load = m.loadSeconds ?? 0;
      const tasks = tasksUsing.get(m.id) ?? 0;
      return [m.id, local && tasks > 0 ? (load * Math.min(workers, tasks)) / tasks : load];
    }),
  );
}

function hoursOf(seconds: number, r: PlanResources, prices: Estimate['prices']): Hours {
  const hours = seconds / 3600;
  const h: Hours = {
    coreHours: hours * r.cpus,
    gpuHours: hours * r.gpus,
    gibHours: (hours * r.memoryBytes) / 1024 ** 3,
  };
  if (Object.keys(prices).length === 0) return h;
  const cost =
    h.coreHours * (prices.price_vcpu_hour ?? 0) +
    h.gpuHours * (prices.price_gpu_hour ?? 0) +
    h.gibHours * (prices.price_gib_hour ?? 0);
  return { ...h, cost };
}

function groupEstimate(
  plan: Plan,
  g: PlanGroup,
  costs: Costs,
  prices: Estimate['prices'],
): GroupEstimate {
  const base = { group: g.id, tasks: g.size, resources: g.resources };
  const unknown = new Set<string>();
  let sum = 0;
  let max = 0;
  let sized = true;
  for (let i = 0; i < g.size; i++) {
    const task = taskAt(plan, g.id, i);
    if (!task) continue;
    const cost = comboCost(plan, task.combo, costs);
    const rows = chunkRows(plan, task.chunk);
    if (Array.isArray(cost)) cost.forEach((id) => unknown.add(id));
    if (rows === undefined) sized = false;
    if (Array.isArray(cost) || rows === undefined) continue;
    const seconds = cost.fixed + rows * plan.variants * cost.perUnit;
    sum += seconds;
    max = Math.max(max, seconds);
  }
  if (unknown.size > 0 || !sized || g.size === 0) return { ...base, unknown: [...unknown] };
  return {
    ...base,
    meanSeconds: sum / g.size,
    maxSeconds: max,
    hours: hoursOf(sum, g.resources, prices),
    unknown: [],
  };
}

function pricesOf(options: EstimateInput['target']['options']): Estimate['prices'] {
  const out: Estimate['prices'] = {};
  for (const name of PRICE_OPTIONS) {
    const v = options[name];
    if (typeof v === 'number') out[name] = v;
  }
  return out;
}

function totalOf(groups: readonly GroupEstimate[], prices: Estimate['prices']): Estimate['total'] {
  const tasks = groups.reduce((n, g) => n + g.tasks, 0);
  const known = groups.filter((g) => g.hours);
  const sum = (f: (h: Hours) => number): number =>
    known.reduce((s, g) => s + (g.hours ? f(g.hours) : 0), 0);
  const hours: Hours = {
    coreHours: sum((h) => h.coreHours),
    gpuHours: sum((h) => h.gpuHours),
    gibHours: sum((h) => h.gibHours),
  };
  if (Object.keys(prices).length > 0) hours.cost = sum((h) => h.cost ?? 0);
  return { tasks, hours, complete: known.length === groups.length };
}

export function estimatePlan(input: EstimateInput): Estimate {
  const { plan, table, target } = input;
  const methods = methodEstimates(input);
  const local = target.name === 'local';
  const costs: Costs = {
    methods: new Map(methods.map((m) => [m.id, m])),
    // The local pool's workers stay up; an array task starts `augc worker` first.
    overhead: table.task_overhead_seconds + (local ? 0 : table.worker_start_seconds),
    quality: table.quality_seconds_per_variant[plan.quality.measure] ?? 0,
    load: loadPerTask(plan, methods, local, Math.max(1, input.workers ?? 1)),
  };
  const prices = pricesOf(target.options);
  const groups = plan.groups.map((g) => groupEstimate(plan, g, costs, prices));
  const total = totalOf(groups, prices);
  const notes: string[] = [];
  if (plan.input.rows === undefined && chunkRows(plan, 0) !== undefined)
    notes.push('the input could not be read when the plan was made: every chunk is taken as full');
  if (chunkRows(plan, 0) === undefined)
    notes.push('the input could not be read when the plan was made, so chunk sizes are unknown');
  const estimate: Estimate = {
    target: target.name,
    prices,
    methods,
    groups,
    total,
    notes,
    diagnostics: [],
  };
  estimate.diagnostics = estimateDiagnostics(plan, estimate, target.options);
  return estimate;
}

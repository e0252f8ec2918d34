import type { Diagnostic, Result } from '../diagnostics/diagnostic.js';
import { budgetExceeded } from '../ir/expand-combos.js';
import type { Ir } from '../ir/types.js';
import { containerChoiceOf } from '../targets/container-runtime.js';
import { planHashOf, sourceHashOf } from './canonical-json.js';
import { resourceClassesOf } from './resource-classes.js';
import { PLAN_FORMAT_VERSION, type Plan, type PlanChunks, type PlanGroup } from './types.js';
import { planProblems } from './validate-plan.js';

export interface BuildPlanOptions {
  /** Every source file read, in order, with paths relative to the working directory. */
  sources: { file: string; text: string }[];
  sourceFile: string;
  compilerVersion: string;
  profile?: string;
  target?: string;
  /** The target the plan is made or run for, whose `container` option wraps images (default local). */
  runsOn?: string;
  /** Most tasks in one array group; default: the selected target's `max_array_size`, else none. */
  arrayLimit?: number;
  /** What was learnt by reading the input at plan time, if it could be read. */
  input?: { rows?: number; sha256?: string };
}

export const PLAN_LAYOUT: Plan['layout'] = {
  part: '{combo}/part-{chunk}.{ext}',
  context: '_augc/tasks/{task}.json',
  manifestRow: '_augc/manifest/{task}.csv',
  meta: '{combo}/meta.json',
  manifest: 'manifest_final.csv',
};

/**
 * Builds the plan from the IR and what is known at plan time. Nothing in it grows with the input
 * size or the task count: tasks are computed from (group, index) by `taskAt()`.
 */
export function buildPlan(ir: Ir, opts: BuildPlanOptions): Result<Plan> {
  const diagnostics: Diagnostic[] = [];
  const chunks = chunksOf(ir, opts.input?.rows, diagnostics);
  if (!chunks) return { value: undefined, diagnostics };
  const groups = groupsOf(ir, chunks.count, arrayLimitOf(ir, opts));
  const taskCount = groups.reduce((n, g) => n + g.size, 0);
  if (taskCount > ir.maxTasks) {
    diagnostics.push(
      budgetExceeded(ir.maxTasks, undefined, { combos: ir.combos.length, chunks: chunks.count }),
    );
    return { value: undefined, diagnostics };
  }
  const plan = assemble(ir, opts, chunks, groups, taskCount);
  const problems = planProblems(plan);
  if (problems.length > 0) {
    diagnostics.push({
      code: 'AUG3003',
      severity: 'error',
      message: 'the built plan does not match the plan schema',
      notes: ['this is a compiler bug: please report it with the pipeline file', ...problems],
    });
    return { value: undefined, diagnostics };
  }
  return { value: plan, diagnostics };
}

function assemble(
  ir: Ir,
  opts: BuildPlanOptions,
  chunks: PlanChunks,
  groups: PlanGroup[],
  taskCount: number,
): Plan {
  const plan: Plan = {
    formatVersion: PLAN_FORMAT_VERSION,
    compilerVersion: opts.compilerVersion,
    sourceHash: sourceHashOf(opts.sources),
    planHash: '',
    pipeline: ir.pipeline,
    sourceFile: opts.sourceFile,
    ...(opts.profile !== undefined ? { profile: opts.profile } : {}),
    seed: ir.seed,
    input: { ...ir.input, ...definedOf(opts.input ?? {}) },
    output: ir.output,
    methods: withContainers(ir, opts.runsOn ?? opts.target ?? 'local'),
    combos: ir.combos.map(({ id, methods, k }) => ({ id, methods, k })),
    variants: ir.variants,
    quality: ir.quality,
    chunks,
    groups,
    taskCount,
    retry: ir.retry,
    targets: ir.targets,
    ...(opts.target !== undefined ? { target: opts.target } : {}),
    layout: { ...PLAN_LAYOUT },
  };
  plan.planHash = planHashOf(plan);
  return plan;
}

/** Records, on each method with an image, the runtime the target starts it with. */
function withContainers(ir: Ir, target: string): Plan['methods'] {
  const options = ir.targets.find((t) => t.name === target)?.options ?? {};
  const choice = containerChoiceOf(target, options['container']);
  if (choice === undefined || choice === 'none') return ir.methods;
  return ir.methods.map((m) => (m.image !== undefined ? { ...m, container: choice } : m));
}

function definedOf(input: { rows?: number; sha256?: string }): { rows?: number; sha256?: string } {
  return {
    ...(input.rows !== undefined ? { rows: input.rows } : {}),
    ...(input.sha256 !== undefined ? { sha256: input.sha256 } : {}),
  };
}

function chunksOf(
  ir: Ir,
  rows: number | undefined,
  diagnostics: Diagnostic[],
): PlanChunks | undefined {
  if (ir.chunk.mode === 'count') {
    const count = ir.chunk.count;
    return rows !== undefined && rows > 0
      ? { mode: 'count', count, rowsPerChunk: Math.ceil(rows / count) }
      : { mode: 'count', count };
  }
  if (rows === undefined) {
    diagnostics.push({
      code: 'AUG3501',
      severity: 'error',
      message: `\`chunk { rows = ${ir.chunk.rows} }\` needs the input's row count, but \`${ir.input.uri}\` could not be read at plan time`,
      help: 'use `chunk { count = N }` to split the input into N chunks when it is read at run time',
    });
    return undefined;
  }
  return {
    mode: 'rows',
    count: Math.max(1, Math.ceil(rows / ir.chunk.rows)),
    rowsPerChunk: ir.chunk.rows,
  };
}

function arrayLimitOf(ir: Ir, opts: BuildPlanOptions): number {
  if (opts.arrayLimit !== undefined) return opts.arrayLimit;
  const target = ir.targets.find((t) => t.name === opts.target);
  const max = target?.options['max_array_size'];
  return typeof max === 'number' && max >= 1 ? max : Number.POSITIVE_INFINITY;
}

/**
 * Each class's `classCombos x chunks` tasks (combo-major), split into groups of at most `limit`.
 * A split group keeps only the combos it touches and its start is re-based onto them, so the plan
 * grows with the number of groups plus combos, never with groups x combos.
 */
function groupsOf(ir: Ir, chunkCount: number, limit: number): PlanGroup[] {
  const step = Number.isFinite(limit) ? Math.max(1, Math.floor(limit)) : Number.MAX_SAFE_INTEGER;
  const groups: PlanGroup[] = [];
  for (const cls of resourceClassesOf(ir.combos)) {
    const total = cls.combos.length * chunkCount;
    const parts = Math.ceil(total / step);
    for (let p = 0; p < parts; p++) {
      const from = p * step;
      const size = Math.min(step, total - from);
      const first = Math.floor(from / chunkCount);
      const last = Math.floor((from + size - 1) / chunkCount);
      groups.push({
        id: parts === 1 ? cls.id : `${cls.id}-p${p + 1}`,
        resourceClass: cls.id,
        resources: cls.resources,
        classCombos: cls.combos.slice(first, last + 1),
        start: from - first * chunkCount,
        size,
      });
    }
  }
  return groups;
}

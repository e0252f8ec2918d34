/**
 * A task's cache key: re-running skips a task whose recorded key equals the key the current plan
 * gives it. The key has four components so that `augc run --explain` can say which one changed:
 * - task:    what the task computes, params aside: the combo's methods (catalogue names, command
 *            argv, io, image, env), the chunk index, variants, quality
 *            filter, seed, input columns and output format;
 * - input:   the sha256 of the task's chunk file;
 * - params:  every method's resolved parameters (defaults filled in);
 * - version: the augc version (a new augc may augment differently).
 * Components are kept disjoint (the task hash leaves params out) so that a params edit is reported
 * as such; the key itself covers all four.
 */
import { canonicalJson, sha256Hex } from '../compiler/plan/canonical-json.js';
import type { Plan, PlanParamValue, PlanTask } from '../compiler/plan/types.js';

export interface CacheKeyComponents {
  task: string;
  input: string;
  params: string;
  version: string;
}

/** What the task component hashes, kept in the record so that a change can be named. */
export interface TaskDefinition {
  combo: string;
  methods: Record<string, unknown>[];
  chunk: number;
  variants: number;
  quality: Plan['quality'];
  seed: number;
  input: Record<string, unknown>;
  output_format: string;
}

export interface CacheKey {
  key: string;
  components: CacheKeyComponents;
  detail: {
    task: TaskDefinition;
    params: Record<string, Record<string, PlanParamValue>>;
  };
}

export interface CacheKeyInput {
  plan: Plan;
  task: PlanTask;
  /** sha256 of the task's chunk file. */
  chunkSha256: string;
}

function methodsOf(plan: Plan, task: PlanTask): Plan['methods'] {
  return task.combo.methods.map((id) => {
    const method = plan.methods.find((m) => m.id === id);
    if (!method)
      throw new Error(`plan invariant: combo ${task.combo.id} names unknown method ${id}`);
    return method;
  });
}

type ComboDefinition = Omit<TaskDefinition, 'chunk'>;

/** The filter a task runs: `minKept` only judges the merged totals, so changing it re-runs nothing. */
function filterOf(quality: Plan['quality']): Plan['quality'] {
  const filter = { ...quality };
  delete filter.minKept;
  return filter;
}

function comboDefinitionOf(plan: Plan, task: PlanTask): ComboDefinition {
  // Where the input lives and its whole-file facts are not part of what a task computes: its
  // chunk's hash (the input component) is.
  const { id, text, features, label, keep, protect, protectKeywords } = plan.input;
  return {
    combo: task.combo.id,
    methods: methodsOf(plan, task).map((m) => ({
      id: m.id,
      kind: m.kind,
      method: m.method,
      argv: m.argv,
      image: m.image,
      env: m.env,
      pass_env: m.passEnv,
      // Only when not the default, so that keys made before `io` existed stay valid.
      ...(m.io === 'stdio' ? { io: m.io } : {}),
    })),
    variants: plan.variants,
    quality: filterOf(plan.quality),
    seed: plan.seed,
    // `features` only when declared, so that text pipelines keep the keys they had before it.
    input: { id, text, ...(features ? { features } : {}), label, keep, protect, protectKeywords },
    output_format: plan.output.format,
  };
}

/** The resolved params of the task's methods, by method id. */
export function paramsOf(
  plan: Plan,
  task: PlanTask,
): Record<string, Record<string, PlanParamValue>> {
  return Object.fromEntries(methodsOf(plan, task).map((m) => [m.id, m.params]));
}

interface ComboKeyParts {
  definition: ComboDefinition;
  /** canonicalJson(definition) without its opening brace. */
  definitionTail: string;
  params: Record<string, Record<string, PlanParamValue>>;
  paramsHash: string;
}

// Merge computes 10^4 keys for one plan; everything but the chunk is the same for a combo's
// tasks, so it is encoded once per (plan, combo). Plans are treated as immutable.
const comboParts = new WeakMap<Plan, Map<string, ComboKeyParts>>();

function comboPartsOf(plan: Plan, task: PlanTask): ComboKeyParts {
  let byCombo = comboParts.get(plan);
  if (!byCombo) comboParts.set(plan, (byCombo = new Map()));
  let parts = byCombo.get(task.combo.id);
  if (!parts) {
    const definition = comboDefinitionOf(plan, task);
    const params = paramsOf(plan, task);
    const definitionTail = canonicalJson(definition).slice(1);
    parts = { definition, definitionTail, params, paramsHash: sha256Hex(canonicalJson(params)) };
    byCombo.set(task.combo.id, parts);
  }
  return parts;
}

export function cacheKeyOf(input: CacheKeyInput): CacheKey {
  const parts = comboPartsOf(input.plan, input.task);
  const chunk = input.task.chunk;
  // `chunk` sorts before every other member, so this is canonicalJson of the whole definition.
  const taskJson = `{"chunk":${chunk},${parts.definitionTail}`;
  const components: CacheKeyComponents = {
    task: sha256Hex(taskJson),
    input: input.chunkSha256,
    params: parts.paramsHash,
    version: input.plan.compilerVersion,
  };
  return {
    key: sha256Hex(canonicalJson(components)),
    components,
    detail: { task: { chunk, ...parts.definition }, params: parts.params },
  };
}

function changedMembers(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.filter((n) => canonicalJson(before[n] ?? null) !== canonicalJson(after[n] ?? null));
}

function describeParams(before: CacheKey, after: CacheKey): string {
  const changes: string[] = [];
  const b = before.detail.params;
  const a = after.detail.params;
  for (const method of [...new Set([...Object.keys(b), ...Object.keys(a)])].sort()) {
    for (const name of changedMembers(b[method] ?? {}, a[method] ?? {})) {
      const from = canonicalJson(b[method]?.[name] ?? null);
      const to = canonicalJson(a[method]?.[name] ?? null);
      changes.push(`${method}.${name} ${from} -> ${to}`);
    }
  }
  return changes.length > 0
    ? `method params changed: ${changes.join(', ')}`
    : 'method params changed';
}

/**
 * Why `before` (the recorded key) differs from `after` (the key the plan gives now), one line per
 * changed component; empty when the keys are equal.
 */
export function explainKeyChange(before: CacheKey, after: CacheKey): string[] {
  const out: string[] = [];
  const b = before.components;
  const a = after.components;
  if (b.task !== a.task) {
    const fields = changedMembers(
      before.detail.task as unknown as Record<string, unknown>,
      after.detail.task as unknown as Record<string, unknown>,
    );
    out.push(`task definition changed${fields.length > 0 ? `: ${fields.join(', ')}` : ''}`);
  }
  if (b.input !== a.input) {
    out.push(`input chunk changed: sha256 ${b.input.slice(0, 12)} -> ${a.input.slice(0, 12)}`);
  }
  if (b.params !== a.params) out.push(describeParams(before, after));
  if (b.version !== a.version) out.push(`augc version changed: ${b.version} -> ${a.version}`);
  if (out.length === 0 && before.key !== after.key) out.push('cache key changed');
  return out;
}

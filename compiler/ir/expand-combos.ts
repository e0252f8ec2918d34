import type { ComboRef, CombosDecl, Located } from '../ast/types.js';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import type { PlanResources } from '../plan/types.js';
import type { IrCombo, IrMethod } from './types.js';
import { uncheckedAst } from './param-value.js';

interface Context {
  /** Methods in application order. */
  ordered: IrMethod[];
  position: Map<string, number>;
  base: PlanResources;
  diagnostics: Diagnostic[];
}

/**
 * Expands the combo selection into combos sorted by size, then by the positions of their methods
 * in application order. Enumeration stops as soon as the budget is exceeded so that `all = true`
 * over many methods cannot exhaust memory: every combo is at least one task.
 */
export function expandCombos(
  decl: CombosDecl | undefined,
  methods: readonly IrMethod[],
  base: PlanResources,
  maxTasks: number,
): { combos: IrCombo[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const ordered = applicationOrder(methods, decl?.order ?? [], diagnostics);
  const position = new Map(ordered.map((m, i) => [m.id, i]));
  const ctx: Context = { ordered, position, base, diagnostics };
  const exclusions = (decl?.exclude ?? []).map((ref) => positionsOf(ref, ctx));
  const combos: IrCombo[] = [];
  for (const positions of candidates(decl, ctx)) {
    if (exclusions.some((ex) => ex !== undefined && ex.every((p) => positions.includes(p)))) {
      continue;
    }
    if (combos.length === maxTasks) {
      diagnostics.push(budgetExceeded(maxTasks, decl?.span));
      return { combos: [], diagnostics };
    }
    combos.push(makeCombo(positions, ctx));
  }
  return { combos, diagnostics };
}

function applicationOrder(
  methods: readonly IrMethod[],
  order: readonly Located<string>[],
  diagnostics: Diagnostic[],
): IrMethod[] {
  const byId = new Map(methods.map((m) => [m.id, m]));
  const out: IrMethod[] = [];
  for (const name of order) {
    const method = byId.get(name.value);
    if (!method)
      diagnostics.push(uncheckedAst(`unknown method \`${name.value}\` in order`, name.span));
    else if (!out.includes(method)) out.push(method);
  }
  return [...out, ...methods.filter((m) => !out.includes(m))];
}

function positionsOf(ref: ComboRef, ctx: Context): number[] | undefined {
  const positions: number[] = [];
  for (const name of ref.methods) {
    const p = ctx.position.get(name.value);
    if (p === undefined) {
      ctx.diagnostics.push(uncheckedAst(`unknown method \`${name.value}\` in combos`, name.span));
      return undefined;
    }
    if (!positions.includes(p)) positions.push(p);
  }
  return positions.sort((a, b) => a - b);
}

function* candidates(decl: CombosDecl | undefined, ctx: Context): Generator<number[]> {
  const n = ctx.ordered.length;
  const sel = decl?.selection;
  if (sel?.kind === 'list') {
    yield* listed(sel.combos, ctx);
    return;
  }
  const [from, to] =
    sel === undefined
      ? [1, 1]
      : sel.kind === 'all'
        ? [1, n]
        : sel.kind === 'size'
          ? [sel.k.value, sel.k.value]
          : [1, sel.k.value];
  for (let k = Math.max(1, from); k <= Math.min(to, n); k++) yield* subsets(n, k);
}

function listed(refs: readonly ComboRef[], ctx: Context): number[][] {
  const seen = new Set<string>();
  const out: number[][] = [];
  for (const ref of refs) {
    const positions = positionsOf(ref, ctx);
    const key = positions?.join(',');
    if (positions === undefined || key === undefined || seen.has(key)) continue;
    seen.add(key);
    out.push(positions);
  }
  return out.sort(compareCombos);
}

function compareCombos(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** k-subsets of 0..n-1 in lexicographic order. */
function* subsets(n: number, k: number): Generator<number[]> {
  const idx = Array.from({ length: k }, (_, i) => i);
  for (;;) {
    yield [...idx];
    let i = k - 1;
    while (i >= 0 && idx[i] === n - k + i) i--;
    if (i < 0) return;
    idx[i] = (idx[i] ?? 0) + 1;
    for (let j = i + 1; j < k; j++) idx[j] = (idx[j - 1] ?? 0) + 1;
  }
}

function makeCombo(positions: readonly number[], ctx: Context): IrCombo {
  const methods = positions.map((p) => ctx.ordered[p]).filter((m) => m !== undefined);
  const ids = methods.map((m) => m.id);
  return {
    id: `combo_${ids.length}_${ids.join('+')}`,
    methods: ids,
    k: ids.length,
    resources: comboResources(methods, ctx.base),
    gpu: methods.some((m) => m.gpu),
  };
}

/** Numbers: the maximum over the methods. Strings: the first method that overrides the pipeline. */
function comboResources(methods: readonly IrMethod[], base: PlanResources): PlanResources {
  const max = (pick: (r: PlanResources) => number): number =>
    Math.max(...methods.map((m) => pick(m.resources)));
  const pickString = (key: 'gpuType' | 'queue' | 'account'): string | undefined =>
    methods.map((m) => m.resources[key]).find((v) => v !== undefined && v !== base[key]) ??
    base[key];
  const gpuType = pickString('gpuType');
  const queue = pickString('queue');
  const account = pickString('account');
  return {
    cpus: max((r) => r.cpus),
    memoryBytes: max((r) => r.memoryBytes),
    gpus: max((r) => r.gpus),
    walltimeSeconds: max((r) => r.walltimeSeconds),
    ...(gpuType !== undefined ? { gpuType } : {}),
    ...(queue !== undefined ? { queue } : {}),
    ...(account !== undefined ? { account } : {}),
  };
}

/** The budget error; `count` is absent when enumeration stopped early (combos alone exceed it). */
export function budgetExceeded(
  maxTasks: number,
  span: Span | undefined,
  count?: { combos: number; chunks: number },
): Diagnostic {
  const fmt = (n: number): string => n.toLocaleString('en-US');
  const tasks = count ? count.combos * count.chunks : undefined;
  return {
    code: 'AUG3502',
    severity: 'error',
    message:
      tasks === undefined
        ? `the combos alone expand past the task budget of ${fmt(maxTasks)}`
        : `the plan has ${fmt(tasks)} tasks, over the budget of ${fmt(maxTasks)}`,
    ...(span ? { span } : {}),
    ...(count
      ? {
          notes: [
            `${fmt(count.combos)} combos x ${fmt(count.chunks)} chunks = ${fmt(tasks ?? 0)} tasks`,
          ],
        }
      : {}),
    help: 'select fewer combos (`up_to`, `exclude`), use fewer or larger chunks, or raise `max_tasks`',
  };
}

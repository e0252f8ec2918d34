import type { MethodDecl, PipelineAst, TargetDecl } from '../../ast/types.js';
import { formatBytes, formatSeconds } from '../../ast/units.js';
import type { Diagnostic, Span } from '../../diagnostics/diagnostic.js';
import { DEFAULT_RESOURCES } from '../../ir/defaults.js';
import { findTarget } from '../../targets/catalog.js';
import type { Rule } from '../rule.js';
import { targetLimits, type TargetLimits } from '../target-limits.js';

/** The resources a target limits (the language defaults apply when neither level sets one). */
export type Key = 'cpus' | 'memoryBytes' | 'gpus' | 'walltimeSeconds';
export const KEYS: [Key, string, (v: number) => string][] = [
  ['cpus', 'cpus', String],
  ['memoryBytes', 'memory', formatBytes],
  ['gpus', 'gpus', String],
  ['walltimeSeconds', 'walltime', formatSeconds],
];

export interface Need {
  value: number;
  span: Span;
}

/** A method's resources per key: its own, else the pipeline's, else the defaults. */
export function needs(ast: PipelineAst, m: MethodDecl): Record<Key, Need> {
  const out = {} as Record<Key, Need>;
  for (const [key] of KEYS) {
    const own = m.resources?.[key] ?? ast.resources?.[key];
    out[key] = own
      ? { value: own.value, span: own.span }
      : { value: DEFAULT_RESOURCES[key], span: m.name.span };
  }
  return out;
}

/** Explanations of why `target` cannot run these needs (empty when it can). */
export function shortfalls(
  target: TargetDecl,
  limits: TargetLimits,
  need: Record<Key, Need>,
): string[] {
  return KEYS.flatMap(([key, word, show]) => {
    const cap = limits[key];
    if (cap === undefined || need[key].value <= cap) return [];
    const local = target.name.value === 'local' && key === 'gpus';
    const source = local ? '`gpus` option' : `\`max_${word}\``;
    return [
      `\`${target.name.value}\` allows \`${word}\` up to ${show(cap)} (${source}), the method needs ${show(need[key].value)}`,
    ];
  });
}

/** Every method can run on at least one declared target (`local` when none is declared). */
export const resourcesSatisfiableRule: Rule = {
  name: 'resources-satisfiable',
  codes: ['AUG4005'],
  check(ast) {
    const known = ast.targets.filter((t) => findTarget(t.name.value));
    // Unknown target names are reported elsewhere; judging against none of them would only add noise.
    if (known.length === 0 && ast.targets.length > 0) return [];
    const targets: TargetDecl[] =
      known.length > 0
        ? known
        : [{ name: { value: 'local', span: ast.name.span }, options: [], span: ast.name.span }];
    const limits = targets.map((t) => targetLimits(t));
    return ast.methods.flatMap((m): Diagnostic[] => {
      const need = needs(ast, m);
      const reasons = targets.map((t, i) => shortfalls(t, limits[i] ?? {}, need));
      if (reasons.some((r) => r.length === 0)) return [];
      const worst = KEYS.find(([key]) =>
        targets.every((t, i) => (limits[i]?.[key] ?? Infinity) < need[key].value),
      );
      const key = worst?.[0] ?? 'gpus';
      return [
        {
          code: 'AUG4005',
          severity: 'error',
          message: `no declared target can run method \`${m.name.value}\``,
          span: need[key].span,
          notes: reasons.flat(),
          help:
            ast.targets.length === 0
              ? 'no target is declared, so `local` is used: declare a target that has these resources'
              : 'lower the request, raise the target limits, or declare a target that has these resources',
        },
      ];
    });
  },
};

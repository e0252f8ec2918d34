/**
 * The target a plan is made or run for (`--target`, else `local` for `augc run`) must be able to
 * run every method: the `resources-satisfiable` rule only asks that some declared target can. A
 * target the file does not declare is judged with no options, so `local` has no GPUs.
 */
import type { PipelineAst, TargetDecl } from '../ast/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { KEYS, needs, shortfalls } from './rules/resources-satisfiable.js';
import { targetLimits } from './target-limits.js';

function helpFor(target: TargetDecl, declared: boolean, gpusShort: boolean): string {
  const name = target.name.value;
  if (name === 'local' && gpusShort) {
    return declared
      ? 'raise `gpus` in `target local` if this machine has more, or run on a target that has GPUs (e.g. `--target slurm`)'
      : 'declare `target local { gpus = N }` if this machine has GPUs, or run on a target that has them (e.g. `--target slurm`)';
  }
  return `lower the request, raise \`${name}\`'s limits, or choose another target with \`--target\``;
}

/** AUG4006 for each method the chosen target cannot run. */
export function chosenTargetDiagnostics(ast: PipelineAst, targetName: string): Diagnostic[] {
  const found = ast.targets.find((t) => t.name.value === targetName);
  const target: TargetDecl = found ?? {
    name: { value: targetName, span: ast.name.span },
    options: [],
    span: ast.name.span,
  };
  const limits = targetLimits(target);
  return ast.methods.flatMap((m): Diagnostic[] => {
    const need = needs(ast, m);
    const reasons = shortfalls(target, limits, need);
    if (reasons.length === 0) return [];
    const key = KEYS.find(([k]) => (limits[k] ?? Infinity) < need[k].value)?.[0] ?? 'gpus';
    return [
      {
        code: 'AUG4006',
        severity: 'error',
        message: `target \`${targetName}\` cannot run method \`${m.name.value}\``,
        span: need[key].span,
        notes: [
          ...reasons,
          ...(found
            ? []
            : [`the file does not declare \`${targetName}\`: it is judged with no options`]),
        ],
        help: helpFor(target, found !== undefined, key === 'gpus'),
      },
    ];
  });
}

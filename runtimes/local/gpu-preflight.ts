/**
 * A plan file made for another target (or none) may hold groups that need GPUs; run on `local`,
 * they would start on a machine that has none. A `.aug` file is checked when it is compiled
 * (AUG4006, at the method's line); a plan file is checked here, by group.
 */
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import type { Plan, PlanParamValue } from '../../compiler/plan/types.js';

export function localGpuShortfall(
  plan: Plan,
  options: Readonly<Record<string, PlanParamValue>>,
): Diagnostic | undefined {
  const have = typeof options['gpus'] === 'number' ? options['gpus'] : 0;
  const over = plan.groups.filter((g) => g.resources.gpus > have);
  if (over.length === 0) return undefined;
  const comboNames = (indices: readonly number[]): string =>
    indices.map((i) => plan.combos[i]?.id ?? `#${i}`).join(', ');
  return {
    code: 'AUG5114',
    severity: 'error',
    message: `the plan needs GPUs the \`local\` target does not have (it has ${have})`,
    notes: over.map(
      (g) =>
        `group \`${g.id}\` needs ${g.resources.gpus} GPU(s) per task: ${comboNames(g.classCombos)}`,
    ),
    help: 'declare `target local { gpus = N }` in the pipeline and make the plan again if this machine has GPUs, or run it with `--target slurm` (or another target that has them)',
  };
}

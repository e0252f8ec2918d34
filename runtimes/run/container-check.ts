/**
 * A plan keeps the container choice it was made with, on whatever target it runs: each command
 * method with an image records the program that starts it (`methods[].container`, resolved for
 * the plan's target when the plan was made), and the worker calls that program on every target.
 * A target that cannot honour the recorded choice refuses the plan before anything runs (AUG5119)
 * rather than run the image some other way or not at all:
 * - a scheduler (slurm, pbs, lsf) given a plan whose images run without a container (made for
 *   local with `container = "none"`): a scheduler runs an image only inside one;
 * - a cloud target given a plan that starts containers itself: there the image is the job's own.
 * Local keeps whatever the plan recorded; its preflight checks that the program is on PATH.
 */
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import type { Plan, PlanMethod } from '../../compiler/plan/types.js';
import { imagePolicyOf } from '../../compiler/targets/container-runtime.js';

function describe(m: PlanMethod): string {
  return m.container === undefined
    ? `\`${m.id}\` runs without its image \`${m.image ?? ''}\``
    : `\`${m.id}\` starts its image \`${m.image ?? ''}\` with \`${m.container}\``;
}

export function containerMismatch(plan: Plan, target: string): Diagnostic | undefined {
  const policy = imagePolicyOf(target);
  const imaged = plan.methods.filter((m) => m.kind === 'command' && m.image !== undefined);
  const wrong =
    policy === 'required'
      ? imaged.filter((m) => m.container === undefined)
      : policy === 'job-image'
        ? imaged.filter((m) => m.container !== undefined)
        : [];
  if (wrong.length === 0) return undefined;
  const madeFor = plan.target ?? 'local';
  const why =
    policy === 'required'
      ? `target \`${target}\` runs a method's image only inside a container (its \`container\` option: apptainer by default)`
      : `target \`${target}\` runs a method's image as the job's own image, not through a container program`;
  return {
    code: 'AUG5119',
    severity: 'error',
    message: `the plan was made for \`${madeFor}\` and cannot keep its container choice on \`${target}\``,
    notes: [...wrong.map((m) => `in the plan, method ${describe(m)}`), why],
    help: `make the plan for \`${target}\` (\`augc plan ${plan.sourceFile} --target ${target} -o plan.json\`), or run \`${plan.sourceFile}\` with \`--target ${target}\``,
  };
}

/**
 * On `local`, the program that starts a method's image (`methods[].container`: apptainer,
 * singularity, docker or podman) runs on this machine. A plan whose program is not on PATH would
 * fail every such task with "not found"; it is refused before anything runs (AUG5119). The plan's
 * choice is never replaced by another program: that would run the image differently from the
 * way the plan says (see runtimes/run/container-check.ts).
 */
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import type { Plan } from '../../compiler/plan/types.js';
import { onPath } from '../grid/detect-hpc.js';

export function localContainerMissing(
  plan: Plan,
  env: Readonly<Record<string, string | undefined>>,
): Diagnostic | undefined {
  const wrapped = plan.methods.filter((m) => m.image !== undefined && m.container !== undefined);
  const missing = [...new Set(wrapped.map((m) => m.container ?? ''))].filter(
    (program) => !onPath(program, env['PATH'] ?? ''),
  );
  const [program] = missing;
  if (program === undefined) return undefined;
  const users = wrapped.filter((m) => m.container === program).map((m) => `\`${m.id}\``);
  return {
    code: 'AUG5119',
    severity: 'error',
    message: `target \`local\` cannot start \`${program}\`: it is not on PATH`,
    notes: [
      `the plan (made for \`${plan.target ?? 'local'}\`) runs the image of ${users.join(', ')} with \`${program}\``,
    ],
    help: `install ${program} here, or make the plan for \`local\` with another \`container\` in \`target local { }\` (docker, podman, apptainer, singularity, or none to run the programs without their images)`,
  };
}

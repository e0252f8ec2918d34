/**
 * The job definitions a run uses: the one the target names, or one augc registers for the worker
 * image, named by a hash of its content so that every run with the same settings reuses it (one
 * definition per distinct content, never one revision per run). A group whose `command` method
 * has its own `image` runs in a definition of that image (which must have augc on PATH).
 */
import { createHash } from 'node:crypto';
import type { Plan, PlanGroup } from '../../compiler/plan/types.js';
import type { RegisterJobDefinitionCommandInput } from './client.js';
import type { AwsTarget } from './target-options.js';

/** The images a group's methods name (command methods with `image`), sorted. */
export function imagesOfGroup(plan: Plan, group: PlanGroup): string[] {
  const methods = new Set(group.classCombos.flatMap((i) => plan.combos[i]?.methods ?? []));
  const images = plan.methods.filter((m) => methods.has(m.id) && m.image !== undefined);
  return [...new Set(images.map((m) => m.image as string))].sort();
}

/** RegisterJobDefinition's input for an image on this target (its name is its content's hash). */
export function jobDefinitionInput(image: string, t: AwsTarget): RegisterJobDefinitionCommandInput {
  const fargate = t.platform === 'fargate';
  const content = {
    type: 'container' as const,
    platformCapabilities: [fargate ? ('FARGATE' as const) : ('EC2' as const)],
    containerProperties: {
      image,
      // Every submission overrides the command and the resources; these are placeholders.
      command: ['augc', '--version'],
      resourceRequirements: [
        { type: 'VCPU' as const, value: '1' },
        { type: 'MEMORY' as const, value: '2048' },
      ],
      ...(t.jobRoleArn ? { jobRoleArn: t.jobRoleArn } : {}),
      ...(t.executionRoleArn ? { executionRoleArn: t.executionRoleArn } : {}),
      logConfiguration: { logDriver: 'awslogs' as const, options: { 'awslogs-group': t.logGroup } },
      ...(fargate ? { networkConfiguration: { assignPublicIp: 'ENABLED' as const } } : {}),
    },
    propagateTags: true,
    tags: { 'augc:managed': 'true' },
  };
  const hash = createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16);
  return { jobDefinitionName: `augc-worker-${hash}`, ...content };
}

export type DefinitionChoice =
  { kind: 'named'; name: string } | { kind: 'register'; input: RegisterJobDefinitionCommandInput };

/** The definition for a group (its own image, else the worker's), or why there is none. */
export function definitionFor(
  images: readonly string[],
  t: AwsTarget,
): { ok: true; choice: DefinitionChoice } | { ok: false; message: string } {
  if (images.length > 1)
    return {
      ok: false,
      message: `its methods name ${images.length} different images (${images.join(', ')}); one job runs in one image`,
    };
  const own = images[0];
  if (own !== undefined)
    return { ok: true, choice: { kind: 'register', input: jobDefinitionInput(own, t) } };
  if (t.jobDefinition !== undefined)
    return { ok: true, choice: { kind: 'named', name: t.jobDefinition } };
  if (t.image !== undefined)
    return { ok: true, choice: { kind: 'register', input: jobDefinitionInput(t.image, t) } };
  return { ok: false, message: 'target aws-batch names neither `image` nor `job_definition`' };
}

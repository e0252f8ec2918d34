/**
 * The container image a group's tasks run in. On Cloud Batch the task's container is the image:
 * a command method's `image` (which must have `augc` on its PATH) is the job's image, and groups
 * whose methods name none run in the target's `image`. A group whose methods name two different
 * images cannot be one job.
 */
import type { Plan } from '../../compiler/plan/types.js';

export type GroupImage = { ok: true; image: string } | { ok: false; message: string };

export function groupImageOf(
  plan: Plan,
  groupId: string,
  targetImage: string | undefined,
): GroupImage {
  const group = plan.groups.find((g) => g.id === groupId);
  if (!group) return { ok: false, message: `the plan has no group \`${groupId}\`` };
  const methodIds = new Set(group.classCombos.flatMap((i) => plan.combos[i]?.methods ?? []));
  const images = [
    ...new Set(
      plan.methods.filter((m) => methodIds.has(m.id) && m.image !== undefined).map((m) => m.image),
    ),
  ].filter((i): i is string => i !== undefined);
  if (images.length > 1)
    return {
      ok: false,
      message: `group \`${groupId}\` runs methods with different images (${images.map((i) => `\`${i}\``).join(', ')}): one Cloud Batch job runs one image`,
    };
  const image = images[0] ?? targetImage;
  if (image === undefined)
    return {
      ok: false,
      message: `group \`${groupId}\` has no image: set \`image\` in \`target gcp-batch\` (an image with \`augc\` on its PATH)`,
    };
  return { ok: true, image };
}

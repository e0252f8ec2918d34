/**
 * Which program runs a command method's `image` on a target: the `container` target option, or
 * the target's default. Shell schedulers default to Apptainer (what HPC sites install); the local
 * machine defaults to none, since no runtime can be assumed there. Cloud targets have no option:
 * the image is the job's image.
 */
export const CONTAINER_RUNTIMES = ['apptainer', 'singularity', 'docker', 'podman'] as const;
export type ContainerRuntime = (typeof CONTAINER_RUNTIMES)[number];
export type ContainerChoice = ContainerRuntime | 'none';

const DEFAULTS: Readonly<Record<string, ContainerChoice>> = {
  local: 'none',
  slurm: 'apptainer',
  pbs: 'apptainer',
  lsf: 'apptainer',
};

/** True for targets where augc itself starts the container (the `container` option applies). */
export function runsContainers(target: string): boolean {
  return target in DEFAULTS;
}

/**
 * How a target treats a command method's image: `optional` (augc starts a container, or runs the
 * program without one with a warning: local), `required` (augc starts a container, and refuses to
 * run an image without one: the schedulers), `job-image` (the image is the job's own: cloud).
 */
export type ImagePolicy = 'optional' | 'required' | 'job-image';

export function imagePolicyOf(target: string): ImagePolicy {
  if (!runsContainers(target)) return 'job-image';
  return DEFAULTS[target] === 'none' ? 'optional' : 'required';
}

/** The runtime a target uses for images, or undefined on a target without the option (cloud). */
export function containerChoiceOf(target: string, written: unknown): ContainerChoice | undefined {
  if (!runsContainers(target)) return undefined;
  const known: readonly string[] = [...CONTAINER_RUNTIMES, 'none'];
  return typeof written === 'string' && known.includes(written)
    ? (written as ContainerChoice)
    : DEFAULTS[target];
}

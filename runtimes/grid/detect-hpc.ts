/**
 * `--target hpc`: the scheduler whose commands are on PATH. Slurm first, because Slurm's PBS
 * wrappers also install a `qsub`; PBS when only `qsub` is found; LSF (`bsub`) last.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { TargetName } from '../../compiler/targets/target-names.js';

/** Submit command -> target, in the order they are looked for. */
export const HPC_SUBMIT_COMMANDS = [
  { command: 'sbatch', target: 'slurm' },
  { command: 'qsub', target: 'pbs' },
  { command: 'bsub', target: 'lsf' },
] as const satisfies readonly { command: string; target: TargetName }[];

type HpcTarget = (typeof HPC_SUBMIT_COMMANDS)[number]['target'];

/** Whether an executable `command` is in one of the folders of `path` (a PATH value). */
export function onPath(command: string, path: string): boolean {
  return path.split(delimiter).some((dir) => {
    if (dir === '') return false;
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export function detectHpcTarget(
  env: Readonly<Record<string, string | undefined>>,
): HpcTarget | undefined {
  const path = env['PATH'] ?? '';
  return HPC_SUBMIT_COMMANDS.find((c) => onPath(c.command, path))?.target;
}

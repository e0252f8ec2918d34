/**
 * `--target hpc`: the scheduler whose commands are on PATH. Slurm first, because Slurm's PBS
 * wrappers also install a `qsub`; PBS when only `qsub` is found.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

function onPath(command: string, path: string): boolean {
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
): 'slurm' | 'pbs' | undefined {
  const path = env['PATH'] ?? '';
  if (onPath('sbatch', path)) return 'slurm';
  if (onPath('qsub', path)) return 'pbs';
  return undefined;
}

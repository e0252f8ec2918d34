import { execFileSync } from 'node:child_process';

/**
 * Whether the real Slurm cluster answers. In CI (CI=true) a missing cluster is a failure, never a
 * skip: .ci/run brings it up with test/infra/slurm-up.sh. Locally the cluster tests skip only when
 * `sinfo` is not installed at all.
 */
export function clusterState(): { run: boolean; why: string } {
  let up = false;
  let installed = true;
  try {
    execFileSync('sinfo', ['-h', '-o', '%T'], { stdio: 'pipe', timeout: 10_000 });
    up = true;
  } catch (error) {
    installed = (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
  if (up) return { run: true, why: '' };
  if (process.env['CI'] === 'true' || installed)
    return { run: true, why: 'slurm is not answering' };
  return { run: false, why: 'sinfo is not installed (run test/infra/slurm-up.sh)' };
}

export function assertClusterUp(): void {
  execFileSync('sinfo', ['-h', '-o', '%T'], { stdio: 'pipe', timeout: 10_000 });
}

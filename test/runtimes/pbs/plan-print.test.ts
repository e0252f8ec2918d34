/**
 * `augc plan --target pbs` prints the exact scripts and qsub commands `augc run` would submit:
 * golden files for both dialects (PBS Pro has no server here, so this is its end-to-end test),
 * and `--target hpc` choosing the scheduler from the commands on PATH.
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { augc } from '../../cli/spawn-augc.js';

const EXAMPLE = 'examples/clinical-sentences.aug';

/** The scripts section of `augc plan`, with this machine's paths replaced. */
function scriptsOf(stdout: string): string {
  const at = stdout.indexOf('\n# pbs: scripts');
  return stdout
    .slice(at + 1)
    .replaceAll(process.execPath, '<node>')
    .replaceAll(process.cwd(), '<cwd>');
}

describe('augc plan --target pbs', () => {
  it.each(['pro', 'torque'])('prints the %s scripts and commands (golden)', async (dialect) => {
    const r = await augc(
      ['plan', EXAMPLE, '--target', 'pbs', '--set', `target.pbs.dialect=${dialect}`],
      { AUGC_CONFIG: '', XDG_CONFIG_HOME: '/nonexistent' },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('# pbs: scripts');
    await expect(scriptsOf(r.stdout)).toMatchFileSnapshot(`golden/plan-${dialect}.txt`);
  });
});

describe('--target hpc', () => {
  function pathWith(commands: string[]): string {
    const dir = mkdtempSync(join(tmpdir(), 'augc-hpc-'));
    for (const c of commands) {
      writeFileSync(join(dir, c), '#!/bin/sh\nexit 1\n');
      chmodSync(join(dir, c), 0o755);
    }
    return dir;
  }

  it('picks slurm when sbatch is on PATH, pbs when only qsub is, and exits 69 with neither', async () => {
    const args = ['plan', EXAMPLE, '--target', 'hpc'];
    const slurm = await augc(args, { PATH: pathWith(['sbatch', 'qsub']) });
    expect(slurm.code, slurm.stderr).toBe(0);
    expect(slurm.stdout).toContain('# slurm: scripts');
    expect(slurm.stdout).toMatch(/\$ sbatch --parsable /);
    const pbs = await augc(args, { PATH: pathWith(['qsub']) });
    expect(pbs.code, pbs.stderr).toBe(0);
    expect(pbs.stdout).toContain('# pbs: scripts');
    expect(pbs.stdout).toMatch(/\$ qsub -N /);
    const none = await augc(args, { PATH: pathWith([]) });
    expect(none.code).toBe(69);
    expect(none.stderr).toContain('error[AUG5106]');
  });
});
